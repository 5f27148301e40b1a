#pragma once
// Content-addressed evidence files (photos, audio). Each device uploads into its own partial file,
// fsynced before each chunk is acknowledged, so an upload resumes from the last acknowledged byte
// after any break and no device sees or moves another's offset; the SHA-256 is checked before the
// blob becomes visible. Who may learn that a blob is stored is the caller's decision (BlobService).
#include <array>
#include <filesystem>
#include <mutex>
#include <optional>

#include "server/service/server_context.h"
#include "shared/common/bytes.h"
#include "shared/common/result.h"

namespace ducha::server {

class BlobStore {
public:
    BlobStore(std::filesystem::path dir, std::size_t max_size, UploadLimits limits = {});

    struct State {
        bool complete = false;
        std::uint64_t received = 0;  // bytes stored so far (the offset to resume from)
    };
    static bool valid_name(std::string_view hex);  // 64 lower-case hex digits

    // The stored blob's size; nullopt when it is not (yet) stored.
    Result<std::optional<std::uint64_t>> stored_size(const std::string& hex);
    // How far `device`'s own upload of the blob stands; nullopt when it has none under way.
    Result<std::optional<std::uint64_t>> partial_size(const std::string& hex, const std::string& device);

    // Appends bytes [start, start+data.size()) of a `total`-byte blob to `device`'s partial file.
    // offset_mismatch when start is not where it stands (partial_size says where it does);
    // integrity when the finished file's hash is not its name (the partial file is discarded).
    // `dedupe`: the caller may learn the blob is stored, so a stored blob is answered complete at
    // once. Without it the upload runs to its last byte and hash, and a duplicate is then dropped.
    // A new upload (the device has no partial file of it) is refused with Errc::upload_limit when
    // the device's unfinished uploads are at max_files_per_device, or when their bytes and this
    // file's `total` would pass max_bytes_per_device.
    Result<State> put_chunk(const std::string& hex, const std::string& device, std::uint64_t start, std::uint64_t total,
                            std::string_view data, bool dedupe);
    Result<std::string> read(const std::string& hex);
    // Where a stored blob's bytes are (to stream them); nullopt when it is not (yet) stored.
    Result<std::optional<std::filesystem::path>> stored_file(const std::string& hex);
    // Removes the partial files no chunk has reached for stale_after_s before `now_s` (their
    // devices start those uploads again); the number removed.
    std::size_t sweep_stale(std::int64_t now_s);

private:
    std::filesystem::path final_path(const std::string& hex) const;
    std::filesystem::path partial_path(const std::string& hex, const std::string& device) const;
    std::mutex& lock_for(const std::string& hex);
    Status admit_new_upload(const std::string& device, std::uint64_t total);

    std::filesystem::path m_dir;
    std::size_t m_max_size;
    UploadLimits m_limits;
    // Held across a chunk's fsync: enough stripes that concurrent uploads of different files
    // seldom share one.
    std::array<std::mutex, 1024> m_locks;
    std::mutex m_admit;  // one new upload at a time is weighed against its device's limits
};

}  // namespace ducha::server
