#include <catch2/catch.hpp>

#include "shared/common/shanghai_time.h"

using namespace ducha;

TEST_CASE("Shanghai time is UTC+8 whatever the machine's zone", "[time]") {
    CHECK(shanghai_time(0) == "1970-01-01 08:00:00");
    CHECK(shanghai_time(1'741'093'805'000) == "2025-03-04 21:10:05");
    CHECK(shanghai_time(1'735'660'799'999) == "2024-12-31 23:59:59");  // milliseconds never round up
    CHECK(shanghai_time(1'735'660'800'000) == "2025-01-01 00:00:00");  // 16:00 UTC is the next day
    CHECK(shanghai_time(-28'800'001) == "1969-12-31 23:59:59");
    CHECK(shanghai_time_iso(1'741'093'805'000) == "2025-03-04T21:10:05+08:00");
    CHECK(shanghai_minute(1'741'093'805'000) == "2025-03-04 21:10");
    CHECK(shanghai_date(1'735'660'800) == "2025-01-01");
}

TEST_CASE("Shanghai dates parse strictly and round-trip", "[time]") {
    auto t = parse_shanghai_date("2025-01-01");
    REQUIRE(t);
    CHECK(*t == 1'735'660'800);
    CHECK(shanghai_date(*t) == "2025-01-01");
    CHECK(shanghai_date(*t - 1) == "2024-12-31");
    CHECK(parse_shanghai_date("2024-02-29"));
    for (std::string_view bad : {"2025-02-29", "2025-2-3", "2025-13-01", "1969-12-31", "soon", "2025-01-01x", ""})
        CHECK_FALSE(parse_shanghai_date(bad));
}
