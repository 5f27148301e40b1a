#include "shared/common/shanghai_time.h"

#include <chrono>
#include <cstdio>

namespace ducha {
namespace {

constexpr std::int64_t kOffsetS = 8 * 3600;

std::string format(std::int64_t unix_ms, const char* pattern) {
    using namespace std::chrono;
    const sys_time<milliseconds> t{milliseconds{unix_ms} + seconds{kOffsetS}};
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss<milliseconds> hms{t - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, pattern, static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return buf;
}

}  // namespace

std::string shanghai_time(std::int64_t unix_ms) { return format(unix_ms, "%04d-%02u-%02u %02d:%02d:%02d"); }

std::string shanghai_time_iso(std::int64_t unix_ms) { return format(unix_ms, "%04d-%02u-%02uT%02d:%02d:%02d+08:00"); }

std::string shanghai_minute(std::int64_t unix_ms) { return format(unix_ms, "%04d-%02u-%02u %02d:%02d"); }

std::string shanghai_date(std::int64_t unix_s) { return format(unix_s * 1000, "%04d-%02u-%02u"); }

std::optional<std::int64_t> parse_shanghai_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    auto y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (!y || !m || !d || *y < 1970) return std::nullopt;
    using namespace std::chrono;
    year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return static_cast<std::int64_t>(sys_days{ymd}.time_since_epoch() / seconds{1}) - kOffsetS;
}

}  // namespace ducha
