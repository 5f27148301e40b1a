#pragma once
// A TCP proxy for tests that breaks the network between devices and a server on purpose. It listens
// on 127.0.0.1 (a free port) and forwards bytes unchanged to the server's port, so TLS passes
// through and a device's pin of the server's key still holds. While faults are on, a seeded random
// choice per connection (drop) and per exchange (the client's bytes after the server last spoke: a
// request, or a TLS handshake flight) injects what a mobile network does: delays, answers cut short,
// a reset after the server got the request, a stall longer than the device waits. It counts what it
// did, so a test can check that every kind of fault really happened.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace ducha::test {

enum class NetFault : int {
    none = 0,
    drop,                 // a new connection is closed before the proxy connects to the server
    delay,                // the request is held a few milliseconds, then forwarded
    truncate,             // the answer is forwarded in part, then both sides are closed
    reset_after_request,  // the request reaches the server; once it starts answering the client gets a RST
    stall,                // the request reaches the server; the answer is held past the device's timeout
};
inline constexpr int kNetFaultKinds = 6;
const char* net_fault_name(NetFault f);

struct FaultOdds {
    double drop = 0;  // per connection
    double delay = 0, truncate = 0, reset_after_request = 0, stall = 0;  // per exchange; the rest: none
};

struct FaultProxyOptions {
    std::uint16_t upstream_port = 0;  // the server's port on 127.0.0.1
    std::uint64_t seed = 1;           // with the same seed, connection n makes the same choices
    FaultOdds odds;
    std::chrono::milliseconds max_delay{150};
    std::chrono::milliseconds stall_for{5000};     // longer than the devices' transport timeout
    std::chrono::milliseconds answer_wait{3000};   // the longest wait for the server to start, or to finish, answering
};

class FaultProxy {
public:
    explicit FaultProxy(FaultProxyOptions opt);  // throws std::runtime_error when it cannot listen
    ~FaultProxy();                               // closes every connection and joins every thread
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    std::uint16_t port() const { return m_port; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }
    std::uint64_t seed() const { return m_opt.seed; }
    // Off (the start): byte-transparent. Applies to connections and exchanges that start afterwards.
    void set_faults(bool on) { m_faults_on = on; }

    // How often each choice was made (none counts exchanges forwarded untouched).
    std::int64_t count(NetFault f) const { return m_counts[static_cast<std::size_t>(f)].load(); }
    std::int64_t connections() const { return m_connections.load(); }
    std::string summary() const;  // "seed S: N connections, none=.. drop=.. ..."

private:
    struct Connection {
        std::thread thread;
        std::atomic<bool> done{false};
    };
    void accept_loop();
    void serve(int client, std::uint64_t number);
    // Waits without reading until fd is readable (true) or `limit` passes, in short slices to notice a stop.
    bool wait_readable(int fd, std::chrono::milliseconds limit) const;
    // The link broke on the client's side: the server still reads the whole request and sends its
    // answer into the void, as when a phone loses signal. (Closing with its answer unread would
    // send the server a RST, which can discard the request before the server reads it.)
    void finish_upstream(int& up) const;
    void pause(std::chrono::milliseconds d) const;
    void reap(bool all);
    void record(NetFault f) { m_counts[static_cast<std::size_t>(f)].fetch_add(1); }

    FaultProxyOptions m_opt;
    int m_listen = -1;
    std::uint16_t m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_faults_on{false};
    std::atomic<std::int64_t> m_connections{0};
    std::array<std::atomic<std::int64_t>, kNetFaultKinds> m_counts{};
    std::mutex m_mu;  // guards m_live
    std::list<std::unique_ptr<Connection>> m_live;
    std::thread m_acceptor;
};

}  // namespace ducha::test
