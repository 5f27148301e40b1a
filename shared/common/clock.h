#pragma once
// Wall-clock time as the records store it: unix seconds or milliseconds.
// A service that decides by the time (token expiry, code expiry, the server time stamped on a
// change) reads it through a Clock, so a test can set the time instead of waiting for it.
#include <atomic>
#include <chrono>
#include <cstdint>

namespace ducha {

inline std::int64_t unix_ms_now() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

inline std::int64_t unix_seconds_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t now_ms() const = 0;  // unix milliseconds
    std::int64_t now_s() const { return now_ms() / 1000; }
};

// The machine's wall clock.
class SystemClock final : public Clock {
public:
    std::int64_t now_ms() const override { return unix_ms_now(); }
};
// One for the process: services default to it.
const Clock& system_clock();

// A clock that starts where it is told and moves only when told (tests). Thread-safe.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t start_ms = unix_ms_now()) : m_ms(start_ms) {}
    std::int64_t now_ms() const override { return m_ms.load(); }
    void set_ms(std::int64_t ms) { m_ms.store(ms); }
    void advance(std::chrono::milliseconds d) { m_ms.fetch_add(d.count()); }

private:
    std::atomic<std::int64_t> m_ms;
};

}  // namespace ducha
