#pragma once
// Reads the ustar archives TarWriter writes, one entry at a time, checking every header's checksum.
// It trusts nothing in the file: only regular files, names as given (the caller checks them), and
// a clear error for a truncated or foreign file.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "server/backup/tar_writer.h"
#include "shared/common/result.h"

namespace ducha::server {

struct TarEntry {
    std::string name;
    std::uint64_t size = 0;
};

class TarReader {
public:
    [[nodiscard]] static Result<TarReader> open(const std::filesystem::path& path);
    TarReader(TarReader&& o) noexcept;
    TarReader& operator=(TarReader&&) = delete;
    TarReader(const TarReader&) = delete;
    ~TarReader();

    // The next entry's header, or nullopt at the end of the archive. Its content must be taken
    // (extract_to or read_all) before the next call.
    [[nodiscard]] Result<std::optional<TarEntry>> next();
    // Streams the current entry into a new file (mode 0600), fsynced.
    [[nodiscard]] Result<TarEntryDigest> extract_to(const std::filesystem::path& dest);
    // The current entry in memory (for small ones: the manifest), at most `limit` bytes.
    [[nodiscard]] Result<std::string> read_all(std::size_t limit);

private:
    TarReader(int fd, std::filesystem::path path) : m_fd(fd), m_path(std::move(path)) {}
    Status read_exact(char* data, std::size_t n);
    Status skip_padding();

    int m_fd = -1;
    std::filesystem::path m_path;
    std::uint64_t m_left = 0;  // bytes of the current entry not yet taken
    std::uint64_t m_size = 0;  // the current entry's size
};

}  // namespace ducha::server
