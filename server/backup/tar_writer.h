#pragma once
// Writes a POSIX ustar archive, streaming each file through (no file is held in memory whole), with
// the SHA-256 of every entry for the backup's manifest. `tar tvf` lists what it wrote.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "shared/common/result.h"

namespace ducha::server {

struct TarEntryDigest {
    std::string sha256_hex;
    std::uint64_t size = 0;
};

class TarWriter {
public:
    // Creates `path` (mode 0600, which must not exist).
    [[nodiscard]] static Result<TarWriter> create(const std::filesystem::path& path);
    TarWriter(TarWriter&& o) noexcept;
    TarWriter& operator=(TarWriter&&) = delete;
    TarWriter(const TarWriter&) = delete;
    ~TarWriter();

    // `name` is the entry's path inside the archive (at most 100 bytes, no "..").
    [[nodiscard]] Result<TarEntryDigest> add_file(std::string_view name, const std::filesystem::path& source);
    [[nodiscard]] Result<TarEntryDigest> add_bytes(std::string_view name, std::string_view data);
    // The end-of-archive blocks, then fsync. The file is complete only once this returned.
    [[nodiscard]] Status finish();

private:
    TarWriter(int fd, std::filesystem::path path) : m_fd(fd), m_path(std::move(path)) {}
    Status write_all(const char* data, std::size_t n);
    Status write_header(std::string_view name, std::uint64_t size);
    Status pad(std::uint64_t size);

    int m_fd = -1;
    std::filesystem::path m_path;
};

}  // namespace ducha::server
