#pragma once
#include <cstddef>
#include <string>

#include "shared/common/bytes.h"

namespace ducha::crypto {

Bytes random_bytes(std::size_t n);  // OpenSSL RAND_bytes; aborts if the CSPRNG fails
std::string random_token(std::size_t bytes = 32);  // base64url, unpadded
std::string new_uuid();  // RFC 9562 version 7 (time-ordered, 74 random bits), lower-case with dashes

}  // namespace ducha::crypto
