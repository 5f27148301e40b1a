// The public results feed's query parser on its own: good query strings give the filters they
// name, each bad one is refused with the sentence that names its parameter.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "server/service/public_results_query.h"

using namespace ducha;
using namespace ducha::server;

TEST_CASE("public results query: no parameters is the whole city as JSON, 200 rows from the first", "[public][query]") {
    auto q = parse_public_query("", "");
    REQUIRE(q.has_value());
    CHECK(q->district.empty());
    CHECK(q->from.empty());
    CHECK(q->to.empty());
    CHECK(q->limit == 200);
    CHECK(q->offset == 0);
    CHECK(q->format == PublicFormat::json);
}

TEST_CASE("public results query: every filter read, percent-decoded, unknown parameters ignored", "[public][query]") {
    auto q = parse_public_query("district=d-1_A&from=2025-05-01&to=2025-05-31&limit=1000&offset=1000000000&format=csv&_=17",
                                "text/html");
    REQUIRE(q.has_value());
    CHECK(q->district == "d-1_A");
    CHECK(q->from == "2025-05-01");
    CHECK(q->to == "2025-05-31");
    CHECK(q->limit == 1000);
    CHECK(q->offset == 1000000000);
    CHECK(q->format == PublicFormat::csv);  // the parameter wins over Accept

    auto same_day = parse_public_query("from=2024-02-29&to=2024-02-29&limit=1&district=", "");
    REQUIRE(same_day.has_value());
    CHECK(same_day->from == "2024-02-29");
    CHECK(same_day->limit == 1);
    CHECK(same_day->district.empty());

    auto encoded = parse_public_query("district=abc%2D9&format=html", "");
    REQUIRE(encoded.has_value());
    CHECK(encoded->district == "abc-9");
    CHECK(encoded->format == PublicFormat::html);
}

TEST_CASE("public results query: the format follows Accept only when it ranks HTML above JSON", "[public][query]") {
    const std::vector<std::pair<std::string, PublicFormat>> cases{
        {"", PublicFormat::json},
        {"*/*", PublicFormat::json},
        {"text/html", PublicFormat::html},
        {"TEXT/HTML; charset=utf-8", PublicFormat::html},
        {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", PublicFormat::html},
        {"text/html, application/json", PublicFormat::json},  // a tie keeps JSON
        {"application/json, text/html;q=0.9", PublicFormat::json},
        {"text/html;q=0.5, application/json;q=0.4", PublicFormat::html},
        {"text/*, application/json;q=0.2", PublicFormat::html},
        {"text/html;q=0", PublicFormat::json},
        {"application/*, text/html;q=0.1", PublicFormat::json},
    };
    for (const auto& [accept, format] : cases) {
        INFO("Accept: " << accept);
        auto q = parse_public_query("", accept);
        REQUIRE(q.has_value());
        CHECK(q->format == format);
    }
}

TEST_CASE("public results query: each bad parameter is refused with the sentence that names it", "[public][query]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"limit=0", "limit 应为 1 到 1000 之间的整数：'0' / limit must be a whole number from 1 to 1000, got '0'"},
        {"limit=1001", "limit 应为 1 到 1000 之间的整数：'1001' / limit must be a whole number from 1 to 1000, got '1001'"},
        {"limit=abc", "limit 应为 1 到 1000 之间的整数：'abc' / limit must be a whole number from 1 to 1000, got 'abc'"},
        {"limit=", "limit 应为 1 到 1000 之间的整数：'' / limit must be a whole number from 1 to 1000, got ''"},
        {"limit=%2B5", "limit 应为 1 到 1000 之间的整数：'+5' / limit must be a whole number from 1 to 1000, got '+5'"},
        {"limit=1.5", "limit 应为 1 到 1000 之间的整数：'1.5' / limit must be a whole number from 1 to 1000, got '1.5'"},
        {"offset=-1", "offset 应为不小于 0 的整数：'-1' / offset must be a whole number of 0 or more, got '-1'"},
        {"offset=1000000001", "offset 应为不小于 0 的整数：'1000000001' / offset must be a whole number of 0 or more, got '1000000001'"},
        {"from=2025-02-30", "from 应为 YYYY-MM-DD 格式的日期 / from must be a date as YYYY-MM-DD, got '2025-02-30'"},
        {"to=yesterday", "to 应为 YYYY-MM-DD 格式的日期 / to must be a date as YYYY-MM-DD, got 'yesterday'"},
        {"from=2025-05-02&to=2025-05-01", "起始日期晚于截止日期：2025-05-02 > 2025-05-01 / from (2025-05-02) is after to (2025-05-01)"},
        {"district=a%2Fb", "district 应为区县编号：'a/b' / district must be a district id, got 'a/b'"},
        {"district=" + std::string(65, 'x'),
         "district 应为区县编号：'" + std::string(40, 'x') + "...' / district must be a district id, got '" + std::string(40, 'x') +
             "...'"},
        {"format=xml", "format 应为 json、csv 或 html：'xml' / format must be json, csv or html, got 'xml'"},
        {"format=", "format 应为 json、csv 或 html：'' / format must be json, csv or html, got ''"},
    };
    for (const auto& [query, message] : cases) {
        INFO("?" << query);
        auto q = parse_public_query(query, "");
        REQUIRE_FALSE(q.has_value());
        CHECK(q.error().code == Errc::invalid_argument);
        CHECK(q.error().message() == message);
    }
    // A broken escape is refused by the query-string decoder, before any parameter is read.
    auto broken = parse_public_query("from=%ZZ", "");
    REQUIRE_FALSE(broken.has_value());
    CHECK(broken.error().code == Errc::invalid_argument);
}
