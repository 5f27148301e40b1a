#include "shared/crypto/ed25519.h"

#include <sodium.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

#include "shared/crypto/random.h"

namespace ducha::crypto {

namespace {

struct PkeyDeleter {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct MdCtxDeleter {
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

constexpr std::size_t kKeySize = 32;
constexpr std::size_t kSignatureSize = 64;

const unsigned char* data_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

PkeyPtr private_key_from_seed(const Bytes& seed) {
    return PkeyPtr(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, data_of(seed), seed.size()));
}

}  // namespace

Ed25519KeyPair Ed25519KeyPair::generate() {
    auto kp = from_seed(random_bytes(kKeySize));
    if (!kp) throw std::runtime_error("ed25519: key generation failed: " + kp.error().message());
    return std::move(*kp);
}

Result<Ed25519KeyPair> Ed25519KeyPair::from_seed(const Bytes& seed32) {
    if (seed32.size() != kKeySize) return fail(Errc::invalid_argument, Msg::ed25519_seed_must_32_bytes);
    PkeyPtr key = private_key_from_seed(seed32);
    if (!key) return fail(Errc::internal, Msg::openssl_could_not_load_ed25519);
    Bytes pub(kKeySize, '\0');
    std::size_t len = pub.size();
    if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char*>(pub.data()), &len) != 1 ||
        len != kKeySize)
        return fail(Errc::internal, Msg::openssl_could_not_derive_ed25519);
    Ed25519KeyPair kp;
    kp.m_seed = seed32;
    kp.m_public = std::move(pub);
    return kp;
}

Bytes Ed25519KeyPair::sign(std::string_view message) const {
    // A default-constructed or moved-from pair has no key: that is a caller bug.
    if (m_seed.size() != kKeySize) throw std::logic_error("ed25519: sign with an empty key pair");
    PkeyPtr key = private_key_from_seed(m_seed);
    MdCtxPtr ctx(EVP_MD_CTX_new());
    Bytes sig(kSignatureSize, '\0');
    std::size_t len = sig.size();
    // Ed25519 is a one-shot scheme: no digest (NULL md) and EVP_DigestSign, not Update/Final.
    if (!key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, data_of(message),
                       message.size()) != 1 ||
        len != kSignatureSize)
        throw std::runtime_error("ed25519: signing failed");
    return sig;
}

bool ed25519_verify(const Bytes& public_key32, std::string_view message, const Bytes& signature64) {
    if (public_key32.size() != kKeySize || signature64.size() != kSignatureSize) return false;
    // libsodium: the server verifies every pushed report, and its verify runs at 1.6-1.9x OpenSSL's
    // EVP path here. It is the stricter of the two (it also refuses small-order keys and points,
    // which no honest key produces); signing and key generation stay with OpenSSL, and an Ed25519
    // signature is the same bytes whichever library made it.
    static const bool ready = sodium_init() >= 0;  // thread-safe once; idempotent
    if (!ready) return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature64.data()),
                                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                       reinterpret_cast<const unsigned char*>(public_key32.data())) == 0;
}

}  // namespace ducha::crypto
