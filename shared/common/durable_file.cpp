#include "shared/common/durable_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

namespace ducha {

namespace fs = std::filesystem;

namespace {

// Unique per process and call, so two writers of the same file never share a temporary file.
fs::path temp_path_for(const fs::path& p) {
    static std::atomic<unsigned> counter{0};
    const std::string name = "." + p.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                             std::to_string(counter.fetch_add(1));
    return p.parent_path() / name;
}

fs::path directory_of(const fs::path& p) { return p.parent_path().empty() ? fs::path(".") : p.parent_path(); }

}  // namespace

Error file_error(std::string_view step, const fs::path& p, int err) {
    if (err == ENOSPC || err == EDQUOT) return Error{Errc::disk_full, Msg::disk_full_was_not_saved, p.string(), std::strerror(err)};
    return Error{Errc::storage, Msg::file_step_failed, p.string(), std::string(step), std::strerror(err)};
}

Status sync_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return fail(file_error("open directory", dir, errno));
    int err = 0;
    while (::fsync(fd) != 0) {
        if (errno == EINTR) continue;
        if (errno != EINVAL) err = errno;  // EINVAL: this filesystem has no directory fsync
        break;
    }
    ::close(fd);
    if (err != 0) return fail(file_error("fsync directory", dir, err));
    return {};
}

Status write_file_durably(const fs::path& p, std::string_view bytes, unsigned mode, Replace replace) {
    if (p.filename().empty()) return fail(Errc::invalid_argument, Msg::no_file_name, p.string());
    const fs::path tmp = temp_path_for(p);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd < 0) return fail(file_error("create", p, errno));

    auto abandon = [&](std::string_view step, int err, bool open) {
        if (open) ::close(fd);
        ::unlink(tmp.c_str());
        return fail(file_error(step, p, err));
    };
    std::size_t off = 0;
    while (off < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            return abandon("write", errno, true);
        }
        off += static_cast<std::size_t>(n);
    }
    // Delayed allocation can report a full disk only here, at fsync or close.
    if (::fsync(fd) != 0) return abandon("fsync", errno, true);
    if (::close(fd) != 0) return abandon("close", errno, false);
    if (replace == Replace::never) {
        // link() refuses an existing name: the file appears whole, and only if it was absent.
        if (::link(tmp.c_str(), p.c_str()) != 0) {
            const int err = errno;
            ::unlink(tmp.c_str());
            if (err == EEXIST) return fail(Errc::already_exists, Msg::file_exists_was_kept, p.string());
            return fail(file_error("link", p, err));
        }
        ::unlink(tmp.c_str());
    } else if (::rename(tmp.c_str(), p.c_str()) != 0) {
        return abandon("rename", errno, false);
    }
    // The new name itself must survive a power cut too.
    return sync_directory(directory_of(p));
}

}  // namespace ducha
