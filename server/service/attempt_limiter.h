#pragma once
// How often one network address may try to get tokens (enroll, refresh, device sign-in and its
// challenge): a token bucket per address. Those endpoints take no token, and each attempt costs a
// database lookup or a writer commit, so one address flooding them would slow every device's sync.
// The bucket holds a minute's worth: a training room of phones behind one NAT enrolling together
// fits, a loop does not. Thread-safe; decides by the server's clock (tests set their own).
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "shared/common/clock.h"

namespace ducha::server {

class AttemptLimiter {
public:
    // `per_minute` attempts a minute per address, all of them at once if saved up; 0 = no limit.
    AttemptLimiter(int per_minute, const Clock& clock) : m_per_minute(per_minute), m_clock(clock) {}

    // Takes one attempt from `address`'s bucket; false when it is empty.
    bool allow(std::string_view address);

    // "127.0.0.1:54321" → "127.0.0.1", "[::1]:54321" → "::1": the caller without its port.
    static std::string address_of(std::string_view remote);

private:
    struct Bucket {
        double tokens = 0;
        std::int64_t at_ms = 0;
    };
    void forget_full_buckets(std::int64_t now_ms);

    const int m_per_minute;
    const Clock& m_clock;
    std::mutex m_mu;
    std::unordered_map<std::string, Bucket> m_buckets;
};

}  // namespace ducha::server
