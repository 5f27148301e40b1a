#include "server/service/attempt_limiter.h"

#include <algorithm>

namespace ducha::server {

namespace {
// Buckets are dropped once full again; past this many addresses that sweep runs on each new one.
constexpr std::size_t kSweepAbove = 4096;
}  // namespace

bool AttemptLimiter::allow(std::string_view address) {
    if (m_per_minute <= 0) return true;
    const std::int64_t now = m_clock.now_ms();
    const double capacity = m_per_minute;
    std::lock_guard lock{m_mu};
    auto it = m_buckets.find(std::string(address));
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= kSweepAbove) forget_full_buckets(now);
        it = m_buckets.emplace(std::string(address), Bucket{capacity, now}).first;
    }
    Bucket& b = it->second;
    // A clock set back (tests, NTP) refills nothing and takes nothing away.
    const std::int64_t elapsed = std::max<std::int64_t>(0, now - b.at_ms);
    b.tokens = std::min(capacity, b.tokens + static_cast<double>(elapsed) * capacity / 60000.0);
    b.at_ms = std::max(b.at_ms, now);
    if (b.tokens < 1.0) return false;
    b.tokens -= 1.0;
    return true;
}

void AttemptLimiter::forget_full_buckets(std::int64_t now_ms) {
    const double capacity = m_per_minute;
    std::erase_if(m_buckets, [&](const auto& kv) {
        const auto& b = kv.second;
        return b.tokens + static_cast<double>(std::max<std::int64_t>(0, now_ms - b.at_ms)) * capacity / 60000.0 >= capacity;
    });
}

std::string AttemptLimiter::address_of(std::string_view remote) {
    if (remote.starts_with('[')) {
        const auto close = remote.find(']');
        return std::string(remote.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
    }
    const auto colon = remote.rfind(':');
    if (colon == std::string_view::npos || remote.find(':') != colon) return std::string(remote);  // no port, or bare IPv6
    return std::string(remote.substr(0, colon));
}

}  // namespace ducha::server
