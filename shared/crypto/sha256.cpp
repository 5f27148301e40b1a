#include "shared/crypto/sha256.h"

#include <openssl/evp.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace ducha::crypto {

namespace {

struct MdCtxDeleter {
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

struct Sha256::Impl {
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx;
};

Sha256::Sha256() : m_impl(std::make_unique<Impl>()) {
    m_impl->ctx.reset(EVP_MD_CTX_new());
    // Only fails on allocation failure or a broken OpenSSL install: not a runtime condition.
    if (!m_impl->ctx || EVP_DigestInit_ex(m_impl->ctx.get(), EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("sha256: EVP_DigestInit_ex failed");
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(std::string_view data) {
    if (!m_impl || !m_impl->ctx) throw std::logic_error("sha256: update after finish or move");
    if (data.empty()) return;
    if (EVP_DigestUpdate(m_impl->ctx.get(), data.data(), data.size()) != 1)
        throw std::runtime_error("sha256: EVP_DigestUpdate failed");
}

Bytes Sha256::finish() {
    if (!m_impl || !m_impl->ctx) throw std::logic_error("sha256: finish called twice or after move");
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(m_impl->ctx.get(), out, &len) != 1 || len != 32)
        throw std::runtime_error("sha256: EVP_DigestFinal_ex failed");
    m_impl->ctx.reset();  // make reuse a loud error rather than a wrong hash
    return Bytes(reinterpret_cast<const char*>(out), len);
}

Bytes sha256(std::string_view data) {
    Sha256 h;
    h.update(data);
    return h.finish();
}

Result<Bytes> sha256_file(const std::filesystem::path& path) {
    errno = 0;
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
    if (!f) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR)
            return fail(Errc::not_found, Msg::file_not_found_os, path.string());
        return fail(Errc::storage, Msg::cannot_open_file_os, path.string(), std::strerror(err));
    }
    Sha256 h;
    std::vector<char> buf(64 * 1024);
    for (;;) {
        const std::size_t n = std::fread(buf.data(), 1, buf.size(), f.get());
        if (n > 0) h.update(std::string_view(buf.data(), n));
        if (n < buf.size()) {
            if (std::ferror(f.get())) {
                const int err = errno;
                return fail(Errc::storage, Msg::cannot_read_file_os, path.string(), std::strerror(err));
            }
            break;
        }
    }
    return h.finish();
}

}  // namespace ducha::crypto
