#include <catch2/catch.hpp>

#include "shared/export/shanghai_time.h"

using namespace ducha::exporting;

TEST_CASE("times print in Asia/Shanghai whatever the machine's zone", "[export][time]") {
    CHECK(shanghai_time(0) == "1970-01-01 08:00:00");
    CHECK(shanghai_time(1'741'093'805'000) == "2025-03-04 21:10:05");
    CHECK(shanghai_time(1'735'660'799'999) == "2024-12-31 23:59:59");  // milliseconds never round up
    CHECK(shanghai_time(1'735'660'800'000) == "2025-01-01 00:00:00");  // 16:00 UTC is the next day
    CHECK(shanghai_time(-28'800'001) == "1969-12-31 23:59:59");
    CHECK(shanghai_time_iso(1'741'093'805'000) == "2025-03-04T21:10:05+08:00");
}
