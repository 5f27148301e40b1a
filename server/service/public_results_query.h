#pragma once
// The filters of GET /v1/public/results, parsed and checked: what a request asks for, before any
// database is read. Every bad parameter is refused here with a sentence naming it.
#include <cstdint>
#include <string>
#include <string_view>

#include "shared/common/result.h"

namespace ducha::server {

enum class PublicFormat { json, csv, html };

struct PublicQuery {
    std::string district;  // a district record id; empty = the whole city
    std::string from, to;  // YYYY-MM-DD, inclusive, Shanghai days; empty = open-ended
    int limit = 200;       // 1..1000
    std::int64_t offset = 0;
    PublicFormat format = PublicFormat::json;
};

// Parses the query string (percent-encoded). The format comes from ?format=json|csv|html, else
// from Accept (HTML when it ranks text/html above application/json). Errc::invalid_argument
// with a bilingual message names the bad parameter. Unknown parameters are ignored.
Result<PublicQuery> parse_public_query(std::string_view raw_query, std::string_view accept);

}  // namespace ducha::server
