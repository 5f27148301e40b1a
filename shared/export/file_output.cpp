#include "shared/export/file_output.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

namespace ducha::exporting {
namespace {

std::unexpected<Error> io_fail(const std::string& what, const std::filesystem::path& p, int err) {
    if (err == ENOSPC || err == EDQUOT)
        return fail(Errc::disk_full, Msg::disk_full_was_not_saved, p.string(), std::strerror(err));
    return fail(Errc::storage, Msg::cannot_save_file, what, p.string(), std::strerror(err));
}

// Unique per process and call, so two exports to the same place never share a temporary file.
std::filesystem::path temp_path_for(const std::filesystem::path& p) {
    static std::atomic<unsigned> counter{0};
    const std::string name = "." + p.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                             std::to_string(counter.fetch_add(1));
    return p.parent_path() / name;
}

}  // namespace

Status write_file_atomically(const std::filesystem::path& p, std::string_view bytes) {
    if (p.filename().empty()) return fail(Errc::invalid_argument, Msg::no_file_name, p.string());
    const std::filesystem::path tmp = temp_path_for(p);
    // 0666 less the umask: an export is an ordinary user file.
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) return io_fail("cannot create a file in", p.parent_path().empty() ? "." : p.parent_path(), errno);

    auto abandon = [&](const std::string& what, int err) {
        ::close(fd);
        ::unlink(tmp.c_str());
        return io_fail(what, p, err);
    };
    std::size_t off = 0;
    while (off < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            return abandon("cannot write", errno);
        }
        off += static_cast<std::size_t>(n);
    }
    // Delayed allocation can report a full disk only here, at fsync or close.
    if (::fsync(fd) != 0) return abandon("cannot flush", errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return io_fail("cannot close", p, err);
    }
    if (::rename(tmp.c_str(), p.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return io_fail("cannot replace", p, err);
    }
    // The rename itself must survive a power cut too.
    const std::filesystem::path dir = p.parent_path().empty() ? std::filesystem::path(".") : p.parent_path();
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

}  // namespace ducha::exporting
