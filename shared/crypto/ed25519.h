#pragma once
#include "shared/common/bytes.h"
#include "shared/common/result.h"

namespace ducha::crypto {

// An Ed25519 key pair (OpenSSL 3). The private part is the 32-byte seed.
class Ed25519KeyPair {
public:
    static Ed25519KeyPair generate();
    static Result<Ed25519KeyPair> from_seed(const Bytes& seed32);

    const Bytes& public_key() const { return m_public; }  // 32 bytes
    const Bytes& seed() const { return m_seed; }          // 32 bytes, keep secret
    Bytes sign(std::string_view message) const;           // 64 bytes

private:
    Bytes m_seed;
    Bytes m_public;
};

bool ed25519_verify(const Bytes& public_key32, std::string_view message, const Bytes& signature64);

}  // namespace ducha::crypto
