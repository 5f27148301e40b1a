#pragma once
// Times as printed on records: Asia/Shanghai (UTC+8, no daylight saving since 1991), computed by
// adding 8 h, so the output never depends on the machine's TZ or zoneinfo.
#include <cstdint>
#include <string>

namespace ducha::exporting {

std::string shanghai_time(std::int64_t unix_ms);      // "2025-03-04 21:10:05"
std::string shanghai_time_iso(std::int64_t unix_ms);  // "2025-03-04T21:10:05+08:00"

}  // namespace ducha::exporting
