#pragma once
// URL query strings ("a=1&b=x%20y"): one decoder for the server's query parameters and the
// enrollment links a device reads, one encoder for the links it makes.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/common/result.h"

namespace ducha {

// %XX escapes and '+' as a space; nullopt for a broken escape.
std::optional<std::string> percent_decode(std::string_view s);
// Everything but A-Z a-z 0-9 - _ . ~ as %XX.
std::string percent_encode(std::string_view s);

// The parameters of a query in order, decoded; empty parts are skipped and a part without '='
// has an empty value. Errc::invalid_argument names the malformed part.
Result<std::vector<std::pair<std::string, std::string>>> parse_query_string(std::string_view raw);

// How an error message quotes a value someone sent: short, so an answer never echoes a long input.
std::string quoted_value(std::string_view v);

}  // namespace ducha
