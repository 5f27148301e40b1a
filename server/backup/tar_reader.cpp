#include "server/backup/tar_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

#include "shared/common/durable_file.h"
#include "shared/crypto/sha256.h"

namespace ducha::server {

namespace {

constexpr std::size_t kBlock = 512;

// An octal field (spaces and NULs around the digits), or the base-256 form for large sizes.
std::optional<std::uint64_t> parse_number(const char* field, std::size_t width) {
    if (static_cast<unsigned char>(field[0]) == 0x80) {
        std::uint64_t v = 0;
        for (std::size_t i = 1; i < width; ++i) {
            if (v >> 56) return std::nullopt;
            v = (v << 8) | static_cast<unsigned char>(field[i]);
        }
        return v;
    }
    std::size_t i = 0;
    while (i < width && field[i] == ' ') ++i;
    std::uint64_t v = 0;
    bool any = false;
    for (; i < width && field[i] >= '0' && field[i] <= '7'; ++i) {
        if (v >> 60) return std::nullopt;
        v = v * 8 + static_cast<std::uint64_t>(field[i] - '0');
        any = true;
    }
    for (; i < width; ++i)
        if (field[i] != ' ' && field[i] != '\0') return std::nullopt;
    return any ? std::optional(v) : std::nullopt;
}

}  // namespace

Result<TarReader> TarReader::open(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(Errc::not_found, Msg::cannot_open_file_os, path.string(), std::strerror(errno));
    return TarReader{fd, path};
}

TarReader::TarReader(TarReader&& o) noexcept
    : m_fd(o.m_fd), m_path(std::move(o.m_path)), m_left(o.m_left), m_size(o.m_size) {
    o.m_fd = -1;
}

TarReader::~TarReader() {
    if (m_fd >= 0) ::close(m_fd);
}

Status TarReader::read_exact(char* data, std::size_t n) {
    while (n > 0) {
        ssize_t r = ::read(m_fd, data, n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return fail(Errc::storage, Msg::cannot_read_file_os, m_path.string(), std::strerror(errno));
        if (r == 0) return fail(Errc::integrity, Msg::backup_truncated, m_path.string());
        data += r;
        n -= static_cast<std::size_t>(r);
    }
    return {};
}

Status TarReader::skip_padding() {
    std::array<char, kBlock> pad{};
    const std::size_t rest = static_cast<std::size_t>(m_size % kBlock);
    if (rest == 0) return {};
    return read_exact(pad.data(), kBlock - rest);
}

Result<std::optional<TarEntry>> TarReader::next() {
    if (m_left != 0) return fail(Errc::internal, Msg::backup_entry_not_allowed, "unread entry");
    std::array<char, kBlock> h{};
    if (auto s = read_exact(h.data(), h.size()); !s) return fail(s.error());
    bool zero = true;
    for (char c : h) zero = zero && c == '\0';
    if (zero) return std::optional<TarEntry>{};  // the end-of-archive marker
    if (std::memcmp(h.data() + 257, "ustar", 5) != 0)
        return fail(Errc::integrity, Msg::backup_not_ducha_archive, m_path.string(), "no ustar header");
    auto stored_sum = parse_number(h.data() + 148, 8);
    std::memset(h.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (char c : h) sum += static_cast<unsigned char>(c);
    if (!stored_sum || *stored_sum != sum)
        return fail(Errc::integrity, Msg::backup_not_ducha_archive, m_path.string(), "header checksum");
    auto size = parse_number(h.data() + 124, 12);
    if (!size) return fail(Errc::integrity, Msg::backup_not_ducha_archive, m_path.string(), "entry size");
    TarEntry e;
    e.name.assign(h.data(), strnlen(h.data(), 100));
    const std::string prefix(h.data() + 345, strnlen(h.data() + 345, 155));
    if (!prefix.empty()) e.name = prefix + "/" + e.name;
    if (h[156] != '0' && h[156] != '\0') return fail(Errc::integrity, Msg::backup_entry_not_allowed, e.name);
    e.size = *size;
    m_size = m_left = *size;
    return std::optional<TarEntry>{std::move(e)};
}

Result<TarEntryDigest> TarReader::extract_to(const std::filesystem::path& dest) {
    int out = ::open(dest.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) return fail(Errc::storage, Msg::cannot_create_file_os, dest.string(), std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{out};
    crypto::Sha256 h;
    std::vector<char> buf(1 << 20);
    while (m_left > 0) {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(buf.size(), m_left));
        if (auto s = read_exact(buf.data(), n); !s) return fail(s.error());
        h.update(std::string_view(buf.data(), n));
        for (std::size_t done = 0; done < n;) {
            ssize_t w = ::write(out, buf.data() + done, n - done);
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) return fail(file_error("write", dest, w < 0 ? errno : EIO));
            done += static_cast<std::size_t>(w);
        }
        m_left -= n;
    }
    if (::fsync(out) != 0) return fail(file_error("fsync", dest, errno));
    if (auto s = skip_padding(); !s) return fail(s.error());
    return TarEntryDigest{hex_encode(h.finish()), m_size};
}

Result<std::string> TarReader::read_all(std::size_t limit) {
    if (m_left > limit) return fail(Errc::integrity, Msg::backup_not_ducha_archive, m_path.string(), "entry too large");
    std::string data(static_cast<std::size_t>(m_left), '\0');
    if (auto s = read_exact(data.data(), data.size()); !s) return fail(s.error());
    m_left = 0;
    if (auto s = skip_padding(); !s) return fail(s.error());
    return data;
}

}  // namespace ducha::server
