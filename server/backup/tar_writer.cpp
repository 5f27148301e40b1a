#include "server/backup/tar_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <vector>

#include "shared/common/durable_file.h"
#include "shared/crypto/sha256.h"

namespace ducha::server {

namespace {

constexpr std::size_t kBlock = 512;

// An octal field of `width` bytes ending in NUL; sizes of 8 GiB and more use the base-256 form
// (GNU tar and libarchive read it) so a large database still fits.
void put_number(char* field, std::size_t width, std::uint64_t v) {
    const std::uint64_t octal_max = (std::uint64_t{1} << (3 * (width - 1))) - 1;
    if (v <= octal_max) {
        std::snprintf(field, width, "%0*llo", static_cast<int>(width - 1), static_cast<unsigned long long>(v));
        return;
    }
    std::memset(field, 0, width);
    for (std::size_t i = width; i-- > 1 && v;) {
        field[i] = static_cast<char>(v & 0xff);
        v >>= 8;
    }
    field[0] = static_cast<char>(0x80);
}

}  // namespace

Result<TarWriter> TarWriter::create(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return fail(Errc::storage, Msg::cannot_create_file_os, path.string(), std::strerror(errno));
    return TarWriter{fd, path};
}

TarWriter::TarWriter(TarWriter&& o) noexcept : m_fd(o.m_fd), m_path(std::move(o.m_path)) { o.m_fd = -1; }

TarWriter::~TarWriter() {
    if (m_fd >= 0) ::close(m_fd);
}

Status TarWriter::write_all(const char* data, std::size_t n) {
    while (n > 0) {
        ssize_t w = ::write(m_fd, data, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return fail(file_error("write", m_path, w < 0 ? errno : EIO));
        data += w;
        n -= static_cast<std::size_t>(w);
    }
    return {};
}

Status TarWriter::write_header(std::string_view name, std::uint64_t size) {
    if (name.empty() || name.size() > 100 || name.find("..") != std::string_view::npos)
        return fail(Errc::internal, Msg::backup_entry_not_allowed, std::string(name));
    std::array<char, kBlock> h{};
    std::memcpy(h.data(), name.data(), name.size());
    put_number(h.data() + 100, 8, 0600);                                     // mode
    put_number(h.data() + 108, 8, 0);                                        // uid
    put_number(h.data() + 116, 8, 0);                                        // gid
    put_number(h.data() + 124, 12, size);                                    // size
    put_number(h.data() + 136, 12, static_cast<std::uint64_t>(std::time(nullptr)));  // mtime
    h[156] = '0';                                                            // a regular file
    std::memcpy(h.data() + 257, "ustar", 6);                                 // magic with its NUL
    std::memcpy(h.data() + 263, "00", 2);                                    // version
    // The checksum is the byte sum of the header with its own field read as spaces.
    std::memset(h.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (char c : h) sum += static_cast<unsigned char>(c);
    std::snprintf(h.data() + 148, 8, "%06o", sum);
    h[155] = ' ';
    return write_all(h.data(), h.size());
}

Status TarWriter::pad(std::uint64_t size) {
    static const std::array<char, kBlock> zeros{};
    const std::size_t rest = static_cast<std::size_t>(size % kBlock);
    if (rest == 0) return {};
    return write_all(zeros.data(), kBlock - rest);
}

Result<TarEntryDigest> TarWriter::add_file(std::string_view name, const std::filesystem::path& source) {
    int in = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) return fail(Errc::storage, Msg::cannot_open_file_os, source.string(), std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{in};
    const off_t end = ::lseek(in, 0, SEEK_END);
    if (end < 0 || ::lseek(in, 0, SEEK_SET) != 0)
        return fail(Errc::storage, Msg::cannot_read_file_os, source.string(), std::strerror(errno));
    const auto size = static_cast<std::uint64_t>(end);
    if (auto s = write_header(name, size); !s) return fail(s.error());
    crypto::Sha256 h;
    std::vector<char> buf(1 << 20);
    std::uint64_t copied = 0;
    while (copied < size) {
        ssize_t r = ::read(in, buf.data(), std::min<std::uint64_t>(buf.size(), size - copied));
        if (r < 0 && errno == EINTR) continue;
        // A file that shrank under us would leave the archive inconsistent: refuse rather than pad.
        if (r <= 0) return fail(Errc::storage, Msg::cannot_read_file_os, source.string(), r < 0 ? std::strerror(errno) : "EOF");
        h.update(std::string_view(buf.data(), static_cast<std::size_t>(r)));
        if (auto s = write_all(buf.data(), static_cast<std::size_t>(r)); !s) return fail(s.error());
        copied += static_cast<std::uint64_t>(r);
    }
    if (auto s = pad(size); !s) return fail(s.error());
    return TarEntryDigest{hex_encode(h.finish()), size};
}

Result<TarEntryDigest> TarWriter::add_bytes(std::string_view name, std::string_view data) {
    if (auto s = write_header(name, data.size()); !s) return fail(s.error());
    if (auto s = write_all(data.data(), data.size()); !s) return fail(s.error());
    if (auto s = pad(data.size()); !s) return fail(s.error());
    return TarEntryDigest{hex_encode(crypto::sha256(data)), data.size()};
}

Status TarWriter::finish() {
    static const std::array<char, 2 * kBlock> zeros{};
    if (auto s = write_all(zeros.data(), zeros.size()); !s) return s;
    if (::fsync(m_fd) != 0) return fail(file_error("fsync", m_path, errno));
    if (::close(m_fd) != 0) {
        m_fd = -1;
        return fail(file_error("close", m_path, errno));
    }
    m_fd = -1;
    return {};
}

}  // namespace ducha::server
