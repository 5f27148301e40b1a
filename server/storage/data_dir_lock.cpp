#include "server/storage/data_dir_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ducha::server {

namespace {

// Opens (creating) the lock file and flocks it with `operation`; the descriptor, or -1 and errno.
int locked_file(const std::filesystem::path& path, int operation) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    int rc;
    do rc = ::flock(fd, operation);
    while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        const int err = errno;
        ::close(fd);
        errno = err;
        return -1;
    }
    return fd;
}

}  // namespace

Result<DataDirLock> DataDirLock::acquire(const std::filesystem::path& data_dir, DataDirUse use) {
    const auto path = data_dir / "ducha.lock";
    const int fd = locked_file(path, (use == DataDirUse::shared ? LOCK_SH : LOCK_EX) | LOCK_NB);
    if (fd < 0) {
        const int err = errno;
        if (err == EWOULDBLOCK) return fail(Errc::unavailable, Msg::data_dir_in_use, data_dir.string());
        return fail(Errc::storage, Msg::cannot_open_file_os, path.string(), std::strerror(err));
    }
    return DataDirLock{fd};
}

Result<DataDirLock> DataDirLock::wait_for_first_start(const std::filesystem::path& data_dir) {
    const auto path = data_dir / "ducha-start.lock";
    const int fd = locked_file(path, LOCK_EX);
    if (fd < 0) return fail(Errc::storage, Msg::cannot_open_file_os, path.string(), std::strerror(errno));
    return DataDirLock{fd};
}

DataDirLock& DataDirLock::operator=(DataDirLock&& o) noexcept {
    if (this != &o) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = o.m_fd;
        o.m_fd = -1;
    }
    return *this;
}

DataDirLock::~DataDirLock() {
    if (m_fd >= 0) ::close(m_fd);  // closing the last descriptor releases the flock
}

}  // namespace ducha::server
