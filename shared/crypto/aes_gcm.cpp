#include "shared/crypto/aes_gcm.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "shared/crypto/random.h"

namespace ducha::crypto {

namespace {

struct CipherCtxDeleter {
    void operator()(EVP_CIPHER_CTX* p) const { EVP_CIPHER_CTX_free(p); }
};
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

constexpr std::size_t kKeySize = 32;
constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;

const unsigned char* data_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* data_of(Bytes& s) { return reinterpret_cast<unsigned char*>(s.data()); }

// EVP_*Update takes int lengths; this keeps huge inputs correct.
constexpr std::size_t kChunk = 1 << 30;

}  // namespace

Bytes aes_gcm_seal(const Bytes& key32, std::string_view plaintext, std::string_view aad) {
    if (key32.size() != kKeySize) throw std::invalid_argument("aes_gcm_seal: key must be 32 bytes");
    Bytes out = random_bytes(kNonceSize);
    out.resize(kNonceSize + plaintext.size() + kTagSize);

    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
              EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, data_of(key32), data_of(out)) == 1;
    int len = 0;
    for (std::size_t off = 0; ok && off < aad.size(); off += kChunk) {
        const auto n = static_cast<int>(std::min(kChunk, aad.size() - off));
        ok = EVP_EncryptUpdate(ctx.get(), nullptr, &len, data_of(aad) + off, n) == 1;
    }
    std::size_t written = kNonceSize;
    for (std::size_t off = 0; ok && off < plaintext.size(); off += kChunk) {
        const auto n = static_cast<int>(std::min(kChunk, plaintext.size() - off));
        ok = EVP_EncryptUpdate(ctx.get(), data_of(out) + written, &len, data_of(plaintext) + off, n) == 1;
        written += static_cast<std::size_t>(len);
    }
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), data_of(out) + written, &len) == 1;
    written += static_cast<std::size_t>(len);
    ok = ok && written == kNonceSize + plaintext.size() &&
         EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, data_of(out) + written) == 1;
    if (!ok) throw std::runtime_error("aes_gcm_seal: OpenSSL encryption failed");
    return out;
}

Result<Bytes> aes_gcm_open(const Bytes& key32, std::string_view sealed, std::string_view aad) {
    if (key32.size() != kKeySize) return fail(Errc::invalid_argument, Msg::encryption_key_must_32_bytes);
    if (sealed.size() < kNonceSize + kTagSize)
        return fail(Errc::invalid_argument, Msg::encrypted_data_too_short_valid);

    const std::string_view nonce = sealed.substr(0, kNonceSize);
    const std::string_view body = sealed.substr(kNonceSize, sealed.size() - kNonceSize - kTagSize);
    Bytes tag(sealed.substr(sealed.size() - kTagSize));  // SET_TAG wants a non-const pointer
    Bytes out(body.size(), '\0');

    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
              EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, data_of(key32), data_of(nonce)) == 1;
    int len = 0;
    for (std::size_t off = 0; ok && off < aad.size(); off += kChunk) {
        const auto n = static_cast<int>(std::min(kChunk, aad.size() - off));
        ok = EVP_DecryptUpdate(ctx.get(), nullptr, &len, data_of(aad) + off, n) == 1;
    }
    std::size_t written = 0;
    for (std::size_t off = 0; ok && off < body.size(); off += kChunk) {
        const auto n = static_cast<int>(std::min(kChunk, body.size() - off));
        ok = EVP_DecryptUpdate(ctx.get(), data_of(out) + written, &len, data_of(body) + off, n) == 1;
        written += static_cast<std::size_t>(len);
    }
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, data_of(tag)) == 1;
    if (!ok) {
        ERR_clear_error();
        return fail(Errc::internal, Msg::decryption_could_not_set_up);
    }
    // Final is where the tag is checked; on failure the plaintext must not escape.
    if (EVP_DecryptFinal_ex(ctx.get(), data_of(out) + written, &len) != 1) {
        ERR_clear_error();
        OPENSSL_cleanse(out.data(), out.size());
        return fail(Errc::integrity, Msg::encrypted_data_failed_integrity_check);
    }
    written += static_cast<std::size_t>(len);
    out.resize(written);
    return out;
}

}  // namespace ducha::crypto
