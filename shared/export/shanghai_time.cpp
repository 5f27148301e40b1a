#include "shared/export/shanghai_time.h"

#include <chrono>
#include <cstdio>

namespace ducha::exporting {
namespace {

std::string format(std::int64_t unix_ms, const char* pattern) {
    using namespace std::chrono;
    const sys_time<milliseconds> t{milliseconds{unix_ms} + hours{8}};
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

std::string shanghai_time_iso(std::int64_t unix_ms) {
    return format(unix_ms, "%04d-%02u-%02uT%02d:%02d:%02d+08:00");
}

}  // namespace ducha::exporting
