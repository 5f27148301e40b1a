#include "server/storage/data_dir_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ducha::server {

Result<DataDirLock> DataDirLock::acquire(const std::filesystem::path& data_dir) {
    const auto path = data_dir / "ducha.lock";
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return fail(Errc::storage, Msg::cannot_open_file_os, path.string(), std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK) return fail(Errc::unavailable, Msg::data_dir_in_use, data_dir.string());
        return fail(Errc::storage, Msg::cannot_open_file_os, path.string(), std::strerror(err));
    }
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
