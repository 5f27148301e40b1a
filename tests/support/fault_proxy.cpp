#include "support/fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <random>
#include <sstream>
#include <stdexcept>

namespace ducha::test {

namespace {

constexpr std::chrono::milliseconds kSlice{50};  // how often a waiting thread looks at the stop flag

void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

// A close that sends RST instead of FIN: the peer's next read fails with "connection reset".
void reset_fd(int& fd) {
    if (fd < 0) return;
    linger l{};
    l.l_onoff = 1;
    l.l_linger = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    close_fd(fd);
}

// Blocking sends with a time limit, so a peer that stopped reading cannot hold a thread forever.
void limit_send_time(int fd) {
    timeval tv{};
    tv.tv_sec = 2;
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

bool send_all(int fd, const char* p, std::size_t n) {
    while (n > 0) {
        ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

sockaddr_in loopback(std::uint16_t port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

}  // namespace

const char* net_fault_name(NetFault f) {
    switch (f) {
        case NetFault::none: return "none";
        case NetFault::drop: return "drop";
        case NetFault::delay: return "delay";
        case NetFault::truncate: return "truncate";
        case NetFault::reset_after_request: return "reset_after_request";
        case NetFault::stall: return "stall";
    }
    return "?";
}

FaultProxy::FaultProxy(FaultProxyOptions opt) : m_opt(opt) {
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listen < 0) throw std::runtime_error("fault proxy: socket failed");
    int one = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a = loopback(0);
    socklen_t len = sizeof a;
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(m_listen, 128) != 0 ||
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
        close_fd(m_listen);
        throw std::runtime_error("fault proxy: cannot listen on 127.0.0.1");
    }
    m_port = ntohs(a.sin_port);
    m_acceptor = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
    m_stopping = true;
    if (m_acceptor.joinable()) m_acceptor.join();
    close_fd(m_listen);
    reap(true);
}

std::string FaultProxy::summary() const {
    std::ostringstream s;
    s << "fault proxy seed " << m_opt.seed << ": " << connections() << " connections";
    for (int k = 0; k < kNetFaultKinds; ++k)
        s << ", " << net_fault_name(static_cast<NetFault>(k)) << '=' << count(static_cast<NetFault>(k));
    return s.str();
}

void FaultProxy::accept_loop() {
    std::uint64_t number = 0;
    while (!m_stopping) {
        pollfd p{m_listen, POLLIN, 0};
        int n = ::poll(&p, 1, static_cast<int>(kSlice.count()));
        reap(false);
        if (n <= 0) continue;
        int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        ++m_connections;
        auto conn = std::make_unique<Connection>();
        Connection* c = conn.get();
        std::lock_guard lock(m_mu);
        m_live.push_back(std::move(conn));
        c->thread = std::thread([this, c, client, no = number++] {
            serve(client, no);
            c->done = true;
        });
    }
}

void FaultProxy::reap(bool all) {
    std::list<std::unique_ptr<Connection>> finished;
    {
        std::lock_guard lock(m_mu);
        for (auto it = m_live.begin(); it != m_live.end();) {
            if (all || (*it)->done) {
                finished.push_back(std::move(*it));
                it = m_live.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (auto& c : finished)
        if (c->thread.joinable()) c->thread.join();
}

bool FaultProxy::wait_readable(int fd, std::chrono::milliseconds limit) const {
    auto until = std::chrono::steady_clock::now() + limit;
    while (!m_stopping && std::chrono::steady_clock::now() < until) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(kSlice.count())) > 0) return true;
    }
    return false;
}

void FaultProxy::finish_upstream(int& up) const {
    ::shutdown(up, SHUT_WR);
    char sink[16384];
    auto until = std::chrono::steady_clock::now() + m_opt.answer_wait;
    while (!m_stopping && std::chrono::steady_clock::now() < until) {
        pollfd p{up, POLLIN, 0};
        int n = ::poll(&p, 1, static_cast<int>(kSlice.count()));
        if (n < 0 || (n > 0 && ::recv(up, sink, sizeof sink, 0) <= 0)) break;
    }
    close_fd(up);
}

void FaultProxy::pause(std::chrono::milliseconds d) const {
    auto until = std::chrono::steady_clock::now() + d;
    while (!m_stopping && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

void FaultProxy::serve(int client, std::uint64_t number) {
    std::mt19937_64 rng(m_opt.seed * 0x9E3779B97F4A7C15ull + number);
    std::uniform_real_distribution<double> roll(0.0, 1.0);
    const FaultOdds& o = m_opt.odds;
    limit_send_time(client);
    if (m_faults_on && roll(rng) < o.drop) {
        record(NetFault::drop);
        close_fd(client);
        return;
    }
    int up = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a = loopback(m_opt.upstream_port);
    if (up < 0 || ::connect(up, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        close_fd(up);
        close_fd(client);
        return;
    }
    limit_send_time(up);

    // An exchange starts with the client's first bytes after the server last spoke.
    auto pick = [&] {
        if (!m_faults_on) return NetFault::none;
        double x = roll(rng);
        for (auto [f, p] : {std::pair{NetFault::delay, o.delay}, {NetFault::truncate, o.truncate},
                            {NetFault::reset_after_request, o.reset_after_request}, {NetFault::stall, o.stall}}) {
            if (x < p) return f;
            x -= p;
        }
        return NetFault::none;
    };
    NetFault fault = NetFault::none;
    bool server_spoke = true;
    char buf[16384];
    while (!m_stopping) {
        pollfd p[2] = {{client, POLLIN, 0}, {up, POLLIN, 0}};
        if (::poll(p, 2, static_cast<int>(kSlice.count())) <= 0) continue;
        if (p[0].revents != 0) {
            ssize_t n = ::recv(client, buf, sizeof buf, 0);
            if (n <= 0) break;
            if (server_spoke) {
                server_spoke = false;
                fault = pick();
                record(fault);
                if (fault == NetFault::delay) {
                    std::uniform_int_distribution<long> ms(1, static_cast<long>(m_opt.max_delay.count()));
                    pause(std::chrono::milliseconds(ms(rng)));
                }
            }
            if (!send_all(up, buf, static_cast<std::size_t>(n))) break;
            if (fault == NetFault::reset_after_request) {
                // The server got the request; once it answers (it has acted) the client learns nothing.
                wait_readable(up, m_opt.answer_wait);
                reset_fd(client);
                finish_upstream(up);
                break;
            }
            if (fault == NetFault::stall) {
                // Nothing more moves until the client gives up (it closes) or the stall ends.
                auto until = std::chrono::steady_clock::now() + m_opt.stall_for;
                while (!m_stopping && std::chrono::steady_clock::now() < until) {
                    pollfd c{client, POLLIN, 0};
                    if (::poll(&c, 1, static_cast<int>(kSlice.count())) > 0) {
                        if (::recv(client, buf, sizeof buf, 0) <= 0) break;
                    }
                }
                finish_upstream(up);
                break;
            }
        }
        if (p[1].revents != 0) {
            ssize_t n = ::recv(up, buf, sizeof buf, 0);
            if (n <= 0) break;
            if (fault == NetFault::truncate) {
                (void)send_all(client, buf, static_cast<std::size_t>(n) / 2);  // the cut is the point
                close_fd(client);
                finish_upstream(up);
                break;
            }
            if (!send_all(client, buf, static_cast<std::size_t>(n))) break;
            server_spoke = true;
        }
    }
    close_fd(up);
    close_fd(client);
}

}  // namespace ducha::test
