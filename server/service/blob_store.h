#pragma once
// Content-addressed evidence files (photos, audio). Chunks append to a partial file that is
// fsynced before each chunk is acknowledged, so an upload resumes from the last acknowledged byte
// after any break; the SHA-256 is checked before the blob becomes visible.
#include <array>
#include <filesystem>
#include <mutex>
#include <optional>

#include "shared/common/bytes.h"
#include "shared/common/result.h"

namespace ducha::server {

class BlobStore {
public:
    BlobStore(std::filesystem::path dir, std::size_t max_size);

    struct State {
        bool complete = false;
        std::uint64_t received = 0;  // bytes stored so far (the offset to resume from)
    };
    static bool valid_name(std::string_view hex);  // 64 lower-case hex digits

    Result<std::optional<State>> state(const std::string& hex);
    // Appends bytes [start, start+data.size()) of a `total`-byte blob. conflict (with the current
    // offset in the message) when start is not where the upload stands; integrity when the
    // finished file's hash is not its name (the partial file is discarded).
    Result<State> put_chunk(const std::string& hex, std::uint64_t start, std::uint64_t total, std::string_view data);
    Result<std::string> read(const std::string& hex);

private:
    std::filesystem::path final_path(const std::string& hex) const;
    std::filesystem::path partial_path(const std::string& hex) const;
    std::mutex& lock_for(const std::string& hex);

    std::filesystem::path m_dir;
    std::size_t m_max_size;
    std::array<std::mutex, 64> m_locks;
};

}  // namespace ducha::server
