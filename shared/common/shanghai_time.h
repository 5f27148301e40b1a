#pragma once
// Times as people in Anshan read them: Asia/Shanghai (UTC+8, no daylight saving since 1991),
// computed by adding 8 h, so the output never depends on the machine's TZ or zoneinfo. Records,
// exports, the public pages and the command line all print and read dates this way.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ducha {

std::string shanghai_time(std::int64_t unix_ms);         // "2025-03-04 21:10:05"
std::string shanghai_time_iso(std::int64_t unix_ms);     // "2025-03-04T21:10:05+08:00"
std::string shanghai_minute(std::int64_t unix_ms);       // "2025-03-04 21:10"
std::string shanghai_date(std::int64_t unix_s);          // "2025-03-04" (note: seconds)
// Exactly "YYYY-MM-DD" naming a real calendar day from 1970 on: the unix time (seconds) of that
// day's start in Shanghai. nullopt for anything else ("2025-2-30", "2025-02-30", "soon").
std::optional<std::int64_t> parse_shanghai_date(std::string_view ymd);

inline constexpr std::int64_t kSecondsPerDay = 24 * 3600;

}  // namespace ducha
