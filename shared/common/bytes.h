#pragma once
// Binary data is carried as std::string (protobuf `bytes` fields are std::string too).
#include <optional>
#include <string>
#include <string_view>

namespace ducha {

using Bytes = std::string;

std::string hex_encode(std::string_view bytes);
std::optional<Bytes> hex_decode(std::string_view hex);
std::string base64_encode(std::string_view bytes);      // standard alphabet, padded
std::string base64url_encode(std::string_view bytes);   // URL-safe, unpadded
std::optional<Bytes> base64_decode(std::string_view text);  // accepts both alphabets, padding optional

}  // namespace ducha
