#pragma once
#include "shared/common/bytes.h"
#include "shared/common/result.h"

namespace ducha::crypto {

// AES-256-GCM. Sealed form: 12-byte random nonce | ciphertext | 16-byte tag.
Bytes aes_gcm_seal(const Bytes& key32, std::string_view plaintext, std::string_view aad = {});
Result<Bytes> aes_gcm_open(const Bytes& key32, std::string_view sealed, std::string_view aad = {});

}  // namespace ducha::crypto
