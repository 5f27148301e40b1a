#include "server/service/blob_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>

#include "shared/common/durable_file.h"
#include "shared/crypto/sha256.h"

namespace ducha::server {

namespace fs = std::filesystem;

namespace {

Error io_error(std::string_view what) {
    int e = errno;
    if (e == ENOSPC || e == EDQUOT)
        return Error{Errc::disk_full, Msg::server_disk_full, what};
    return Error{Errc::storage, Msg::io_failed, what, std::strerror(e)};
}

// A device id names a file: a server-made UUID as it is, anything else by its hash, so no id can
// reach outside the partial directory or collide with another device's file.
std::string device_file_tag(const std::string& device) {
    bool plain = !device.empty() && device.size() <= 64;
    for (char c : device)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) plain = false;
    if (plain) return device;
    return "h" + hex_encode(crypto::sha256(device)).substr(0, 32);
}

// Closes a descriptor on every way out (which also drops its flock).
struct OpenFile {
    int fd = -1;
    explicit OpenFile(int f) : fd(f) {}
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    ~OpenFile() {
        if (fd >= 0) ::close(fd);
    }
};

// Takes the partial file's exclusive flock (waiting for another instance's chunk), then checks the
// name still is this file: one the other instance finished (renamed) or swept meanwhile is not
// appended to; the device asks where its upload stands and starts again.
Status lock_whole_partial(int fd, const fs::path& part) {
    int rc;
    do rc = ::flock(fd, LOCK_EX);
    while (rc != 0 && errno == EINTR);
    if (rc != 0) return fail(io_error("flock"));
    struct stat held{}, named{};
    if (::fstat(fd, &held) != 0) return fail(io_error("fstat"));
    if (::stat(part.c_str(), &named) != 0 || named.st_ino != held.st_ino || named.st_dev != held.st_dev)
        return fail(Errc::offset_mismatch, Msg::resume_upload_from_server_offset);
    return {};
}

}  // namespace

BlobStore::BlobStore(fs::path dir, std::size_t max_size, UploadLimits limits)
    : m_dir(std::move(dir)), m_max_size(max_size), m_limits(limits) {
    fs::create_directories(m_dir / "partial");
    // Partial files named by hash alone come from before uploads were per device: no device can
    // resume them any more (their uploads start again), so they only take space.
    std::error_code ec, rm;
    for (auto it = fs::directory_iterator(m_dir / "partial", ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (valid_name(it->path().filename().string())) fs::remove(it->path(), rm);
}

bool BlobStore::valid_name(std::string_view hex) {
    if (hex.size() != 64) return false;
    for (char c : hex)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

fs::path BlobStore::final_path(const std::string& hex) const { return m_dir / hex.substr(0, 2) / hex; }
fs::path BlobStore::partial_path(const std::string& hex, const std::string& device) const {
    return m_dir / "partial" / (hex + "." + device_file_tag(device) + ".part");
}

std::mutex& BlobStore::lock_for(const std::string& hex) { return m_locks[std::hash<std::string>{}(hex) % m_locks.size()]; }

Result<std::optional<std::uint64_t>> BlobStore::stored_size(const std::string& hex) {
    std::lock_guard lk(lock_for(hex));
    std::error_code ec;
    if (auto sz = fs::file_size(final_path(hex), ec); !ec) return std::optional<std::uint64_t>{sz};
    if (ec != std::errc::no_such_file_or_directory) return fail(Errc::storage, Msg::stat_failed, ec.message());
    return std::optional<std::uint64_t>{};
}

Result<std::optional<std::uint64_t>> BlobStore::partial_size(const std::string& hex, const std::string& device) {
    std::lock_guard lk(lock_for(hex));
    std::error_code ec;
    if (auto sz = fs::file_size(partial_path(hex, device), ec); !ec) return std::optional<std::uint64_t>{sz};
    if (ec != std::errc::no_such_file_or_directory) return fail(Errc::storage, Msg::stat_failed, ec.message());
    return std::optional<std::uint64_t>{};
}

Result<BlobStore::State> BlobStore::put_chunk(const std::string& hex, const std::string& device, std::uint64_t start,
                                              std::uint64_t total, std::string_view data, bool dedupe) {
    if (total > m_max_size)
        return fail(Errc::too_large, Msg::file_exceeds_mb_limit, std::to_string(m_max_size / (1024 * 1024)));
    if (start + data.size() > total)
        return fail(Errc::invalid_argument, Msg::chunk_extends_past_declared_size);
    std::lock_guard lk(lock_for(hex));
    std::error_code ec;
    auto fin = final_path(hex);
    auto part = partial_path(hex, device);
    if (dedupe) {
        if (auto sz = fs::file_size(fin, ec); !ec) {
            fs::remove(part, ec);  // this device's earlier attempt is no longer needed
            return State{true, sz};
        }
    }
    std::uint64_t have = 0;
    bool fresh = true;
    if (auto sz = fs::file_size(part, ec); !ec) {
        have = sz;
        fresh = false;
    }
    if (start != have)  // the caller reads where this device's upload stands with partial_size()
        return fail(Errc::offset_mismatch, Msg::resume_upload_from_server_offset);
    std::unique_lock admit(m_admit, std::defer_lock);
    if (fresh) {
        admit.lock();  // held until the partial file exists, so two new uploads cannot both fit
        if (auto s = admit_new_upload(device, total); !s) return fail(s.error());
    }
    int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return fail(io_error("open"));
    if (admit.owns_lock()) admit.unlock();
    OpenFile file{fd};
    // Another server instance on the same DIR may hold this device's upload too (a retry that
    // reached it while the first request still ran there): the file's own lock orders the two,
    // and where the file stands under it is the offset.
    if (auto s = lock_whole_partial(fd, part); !s) return fail(s.error());
    {
        struct stat st{};
        if (::fstat(fd, &st) != 0) return fail(io_error("fstat"));
        have = static_cast<std::uint64_t>(st.st_size);
    }
    if (start != have) return fail(Errc::offset_mismatch, Msg::resume_upload_from_server_offset);
    std::size_t off = 0;
    while (off < data.size()) {
        ssize_t n = ::write(fd, data.data() + off, data.size() - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            Error e = io_error("write");
            // Keep the file at the last whole acknowledged chunk.
            [[maybe_unused]] int rc = ::ftruncate(fd, static_cast<off_t>(have));
            return fail(e);
        }
        off += static_cast<std::size_t>(n);
    }
    if (::fdatasync(fd) != 0) {
        Error e = io_error("fdatasync");
        [[maybe_unused]] int rc = ::ftruncate(fd, static_cast<off_t>(have));
        return fail(e);
    }
    // The file stays locked (open) until it is renamed complete: no other instance appends to it meanwhile.
    std::uint64_t now = have + data.size();
    if (now < total) return State{false, now};

    // A file sent in one chunk (a photo) is hashed from memory; one sent in pieces, from its file.
    auto digest = have == 0 ? Result<Bytes>{crypto::sha256(data)} : crypto::sha256_file(part);
    if (!digest) return fail(digest.error());
    if (hex_encode(*digest) != hex) {
        fs::remove(part, ec);
        return fail(Errc::integrity, Msg::file_sha_256_does_not);
    }
    if (fs::exists(fin, ec)) {
        // Stored already (another device, or one that may not learn it): the same bytes, keep one.
        fs::remove(part, ec);
        return State{true, total};
    }
    // A new fan-out directory is itself a name in blobs/ that must reach the disk.
    if (fs::create_directories(fin.parent_path(), ec)) {
        if (auto r = sync_directory(m_dir); !r) return fail(r.error());
    }
    fs::rename(part, fin, ec);
    if (ec) return fail(Errc::storage, Msg::rename_failed, ec.message());
    // The file's new name and its old one's removal from partial/ must both survive a power cut:
    // the upload is answered complete only after both directories are on disk.
    if (auto r = sync_directory(fin.parent_path()); !r) return fail(r.error());
    if (auto r = sync_directory(part.parent_path()); !r) return fail(r.error());
    return State{true, total};
}

Status BlobStore::admit_new_upload(const std::string& device, std::uint64_t total) {
    const std::string suffix = "." + device_file_tag(device) + ".part";
    std::size_t files = 0;
    std::uint64_t bytes = 0;
    std::error_code ec;
    for (auto it = fs::directory_iterator(m_dir / "partial", ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() != 64 + suffix.size() || !name.ends_with(suffix)) continue;
        std::error_code sec;
        const auto sz = it->file_size(sec);
        if (sec) continue;  // finished or swept meanwhile
        ++files;
        bytes += sz;
    }
    if (ec) return fail(Errc::storage, Msg::io_failed, (m_dir / "partial").string(), ec.message());
    if (files >= m_limits.max_files_per_device)
        return fail(Errc::upload_limit, Msg::too_many_unfinished_uploads, std::to_string(files));
    if (bytes + total > m_limits.max_bytes_per_device)
        return fail(Errc::upload_limit, Msg::unfinished_uploads_too_large,
                    std::to_string(m_limits.max_bytes_per_device / (1024 * 1024)));
    return {};
}

std::size_t BlobStore::sweep_stale(std::int64_t now_s) {
    const auto cutoff = std::chrono::system_clock::time_point{std::chrono::seconds{now_s - m_limits.stale_after_s}};
    std::size_t removed = 0;
    std::error_code ec;
    for (auto it = fs::directory_iterator(m_dir / "partial", ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        // Under the blob's lock, so a chunk arriving now finds its file whole or gone, never both.
        std::lock_guard lk(lock_for(name.substr(0, 64)));
        // And under the file's own lock: a chunk another instance is writing now keeps its file.
        OpenFile held{::open(it->path().c_str(), O_RDONLY | O_CLOEXEC)};
        if (held.fd < 0 || ::flock(held.fd, LOCK_EX | LOCK_NB) != 0) continue;
        std::error_code tec;
        const auto written = fs::last_write_time(it->path(), tec);
        if (tec) continue;
        // file_time_type's clock is the filesystem's; compare on the system clock.
        if (std::chrono::file_clock::to_sys(written) >= cutoff) continue;
        std::error_code rm;
        if (fs::remove(it->path(), rm)) ++removed;
    }
    if (removed > 0) (void)sync_directory(m_dir / "partial");  // a lost removal is only swept again
    return removed;
}

Result<std::optional<fs::path>> BlobStore::stored_file(const std::string& hex) {
    auto size = stored_size(hex);
    if (!size) return fail(size.error());
    if (!*size) return std::optional<fs::path>{};
    return std::optional<fs::path>{final_path(hex)};  // complete files never change or go
}

Result<std::string> BlobStore::read(const std::string& hex) {
    std::ifstream in(final_path(hex), std::ios::binary);
    if (!in) return fail(Errc::not_found, Msg::no_such_blob);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace ducha::server
