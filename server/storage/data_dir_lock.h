#pragma once
// A lock on a data directory (flock on DIR/ducha.lock). `serve` holds it while it runs and
// `restore` takes it, so a restore never replaces the files under a running server. A server whose
// records live in SQLite holds it alone (two servers never share one database file); servers whose
// records live in PostgreSQL share it, so several instances serve one DIR (its key, TLS pair and
// evidence files) while `restore` is still kept out. The kernel drops the lock when its holder
// dies (even by kill -9). On shared storage (NFS) Linux carries flock over as a lock the server
// of the share keeps, so instances on several machines see each other's locks.
#include <filesystem>

#include "shared/common/result.h"

namespace ducha::server {

enum class DataDirUse {
    alone,   // SQLite `serve`, `restore`: nobody else may hold the directory
    shared,  // PostgreSQL `serve`: other instances may too, never a holder `alone`
};

class DataDirLock {
public:
    // Fails with Errc::unavailable when a holder the requested use cannot share it with has it.
    [[nodiscard]] static Result<DataDirLock> acquire(const std::filesystem::path& data_dir,
                                                     DataDirUse use = DataDirUse::alone);
    // Waits for the directory's first-start lock (DIR/ducha-start.lock, exclusive): held while a
    // starting `serve` makes what DIR lacks (the self-signed TLS pair), so instances starting
    // together take turns and the later one finds what the first made.
    [[nodiscard]] static Result<DataDirLock> wait_for_first_start(const std::filesystem::path& data_dir);

    DataDirLock(DataDirLock&& o) noexcept : m_fd(o.m_fd) { o.m_fd = -1; }
    DataDirLock& operator=(DataDirLock&& o) noexcept;
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;
    ~DataDirLock();

private:
    explicit DataDirLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

}  // namespace ducha::server
