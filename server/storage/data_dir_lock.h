#pragma once
// An exclusive lock on a data directory (flock on DIR/ducha.lock): `serve` holds it while it runs,
// and `restore` takes it, so a restore never replaces the files under a running server and two
// servers never share one directory. The kernel drops the lock when its holder dies (even by kill -9).
#include <filesystem>

#include "shared/common/result.h"

namespace ducha::server {

class DataDirLock {
public:
    // Fails with Errc::unavailable when another process (or another lock in this one) holds it.
    [[nodiscard]] static Result<DataDirLock> acquire(const std::filesystem::path& data_dir);

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
