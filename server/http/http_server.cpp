#include "server/http/http_server.h"

#include <fcntl.h>
#include <openssl/ssl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <any>
#include <array>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server/http/json_error.h"
#include "server/http/tls_stream.h"

namespace ducha::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using boost::system::error_code;

std::string HttpRequest::header(std::string_view lower_name) const {
    auto it = headers.find(std::string(lower_name));
    return it == headers.end() ? std::string() : it->second;
}

namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kWaitChunk = 1024;  // first read of an idle connection: small on purpose
constexpr std::chrono::seconds kShutdownTimeout{5};
constexpr std::size_t kLingerBytes = 1024 * 1024;  // what a closing connection still reads, at most
constexpr std::chrono::milliseconds kAcceptRetry{100};

class Session;

// What the server, its listener and its sessions share. Reference counted because a session can
// outlive the HttpServer (the application may still hold a Respond).
struct Shared {
    Shared(HttpServerConfig c, Handler h) : cfg(std::move(c)), handler(std::move(h)) {}

    const HttpServerConfig cfg;
    const Handler handler;
    // The certificate new connections get. Replaced whole by reload_tls(); a session holds the one
    // it started with, so a reload never touches a connection already open.
    std::shared_ptr<ssl::context> current_tls() {
        std::lock_guard lk(tls_mutex);
        return tls;
    }
    void set_tls(std::shared_ptr<ssl::context> c) {
        std::lock_guard lk(tls_mutex);
        tls = std::move(c);
    }
    // Weak: a Respond holds the io_context strongly, a session must not (a session queued in a
    // stopped io_context would keep that io_context alive forever).
    std::weak_ptr<net::io_context> ioc;

    std::mutex tls_mutex;
    std::shared_ptr<ssl::context> tls;

    std::atomic<bool> draining{false};
    std::atomic<std::uint64_t> open{0}, total{0}, requests{0}, handshake_failures{0}, refused{0};

    std::mutex mutex;  // guards sessions; `open` changes under it so stop() can wait on `closed`
    std::condition_variable closed;
    std::unordered_map<const Session*, std::weak_ptr<Session>> sessions;
};

bool iequals(std::string_view a, std::string_view b) { return beast::iequals(a, b); }

std::string lower(std::string_view s) {
    std::string out(s);
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool header_safe(std::string_view s) { return s.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos; }

std::string format_endpoint(const tcp::endpoint& ep) {
    auto a = ep.address();
    if (a.is_v6() && a.to_v6().is_v4_mapped()) a = net::ip::make_address_v4(net::ip::v4_mapped, a.to_v6());
    if (a.is_v6()) return "[" + a.to_string() + "]:" + std::to_string(ep.port());
    return a.to_string() + ":" + std::to_string(ep.port());
}

bool is_http_error(const error_code& ec) { return ec.category() == http::make_error_code(http::error::bad_method).category(); }

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket&& socket, std::shared_ptr<Shared> shared)
        : m_shared(std::move(shared)),
          m_executor(socket.get_executor()),
          m_tls(m_shared->current_tls()),
          m_stream(std::move(socket), m_tls->native_handle()) {
        error_code ec;
        auto ep = m_stream.socket().remote_endpoint(ec);
        if (!ec) m_remote = format_endpoint(ep);
        std::lock_guard lk(m_shared->mutex);
        ++m_shared->open;
        ++m_shared->total;
    }

    ~Session() {
        {
            std::lock_guard lk(m_shared->mutex);
            m_shared->sessions.erase(this);
            --m_shared->open;
        }
        m_shared->closed.notify_all();
    }

    const net::any_io_executor& executor() const { return m_executor; }

    void run() {
        {
            std::lock_guard lk(m_shared->mutex);
            m_shared->sessions.emplace(this, weak_from_this());
        }
        net::dispatch(m_executor, beast::bind_front_handler(&Session::on_run, shared_from_this()));
    }

    // On the strand, from stop(): idle connections close now, busy ones after their response.
    void drain() {
        if (m_state == State::handshaking || m_state == State::waiting) m_stream.cancel();
    }

    // Only once no I/O thread runs any more.
    void force_close() { m_stream.close(); }

    // Any thread: the response goes back through the session's strand.
    void post_response(HttpResponse r) {
        net::post(m_executor, [self = shared_from_this(), r = std::move(r)]() mutable { self->send(std::move(r)); });
    }

private:
    enum class State { starting, handshaking, waiting, reading, handling, writing, closing };

    TlsStream& lowest() { return m_stream; }
    const HttpServerConfig& cfg() const { return m_shared->cfg; }

    void on_run() {
        if (m_shared->draining) return;
        m_state = State::handshaking;
        lowest().expires_after(cfg().read_timeout);
        m_stream.async_handshake(beast::bind_front_handler(&Session::on_handshake, shared_from_this()));
    }

    void on_handshake(error_code ec) {
        if (ec) {
            // A failed handshake (wrong protocol, a client rejecting our key, a timeout) only ends
            // this connection; aborted ones are ours (stop()).
            if (ec != net::error::operation_aborted) ++m_shared->handshake_failures;
            return;
        }
        do_wait();
    }

    // Waits for the next request, bounded by the idle timeout: an idle keep-alive connection is
    // only this pending wait (no thread, no buffer: the read buffer is taken once bytes arrive).
    void do_wait() {
        m_state = State::waiting;
        if (m_shared->draining) return;
        if (m_buffer.size() > 0) return do_read();  // pipelined request already here
        m_buffer.shrink_to_fit();
        lowest().expires_after(m_first ? cfg().read_timeout : cfg().idle_timeout);
        m_stream.async_wait_readable(beast::bind_front_handler(&Session::on_readable, shared_from_this()));
    }

    void on_readable(error_code ec) {
        if (ec) return on_wait(ec, 0);
        m_stream.async_read_some(m_buffer.prepare(kWaitChunk),
                                 beast::bind_front_handler(&Session::on_wait, shared_from_this()));
    }

    void on_wait(error_code ec, std::size_t n) {
        if (ec) {
            // A client that rejects our certificate (a pin mismatch) only finds out after the
            // handshake and hangs up before its first request: count that as a failed handshake.
            // Our clients never open a connection they do not use.
            if (m_first && ec != beast::error::timeout && ec != net::error::operation_aborted)
                ++m_shared->handshake_failures;
            return;  // idle timeout, client gone, or drained: the connection just closes
        }
        m_buffer.commit(n);
        do_read();
    }

    void do_read() {
        m_state = State::reading;
        m_parser.emplace();
        m_body_limit = cfg().max_body;
        m_verdict.reset();
        m_parser->body_limit(cfg().max_body);
        m_parser->header_limit(kHeaderLimit);
        // one deadline for header, optional 100-continue and body together
        m_deadline = std::chrono::steady_clock::now() + cfg().read_timeout;
        lowest().expires_at(m_deadline);
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                beast::bind_front_handler(&Session::on_header, shared_from_this()));
    }

    void on_header(error_code ec, std::size_t) {
        if (ec) return on_read_error(ec);
        if (cfg().header_check && !check_header()) return;
        const auto& req = m_parser->get();
        if (!m_parser->is_done() && req.version() >= 11 && iequals(req[http::field::expect], "100-continue")) {
            // the body fits (the limit was checked on the header): ask for it without the
            // client's own wait
            m_continue.emplace(http::status::continue_, req.version());
            http::async_write(m_stream, *m_continue, beast::bind_front_handler(&Session::on_continue, shared_from_this()));
            return;
        }
        do_read_body();
    }

    // The application's word on the headers: a refusal is sent with the body unread; otherwise the
    // body limit becomes the request's own. False when the request was answered here.
    bool check_header() {
        BodyPolicy policy;
        const auto& msg = m_parser->get();
        try {
            HttpRequest head = request_of(msg);
            policy = cfg().header_check(head);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "ducha http: header check failed on %s: %s\n", m_remote.c_str(), e.what());
            policy.refusal = json_error(500, "internal", Msg::default_internal, {});
        }
        m_body_limit = policy.max_body;
        m_verdict = std::move(policy.verdict);
        if (!policy.refusal && m_parser->content_length().value_or(0) > policy.max_body) {
            ++m_shared->requests;
            m_version = msg.version();
            m_keep_alive = false;
            m_request_is_head = false;
            send_error(413, "too_large", Msg::request_body_exceeds_bytes, {std::to_string(policy.max_body)});
            return false;
        }
        if (policy.refusal) {
            ++m_shared->requests;
            m_version = msg.version();
            m_keep_alive = false;  // the unread body would be read as the next request
            m_request_is_head = msg.method() == http::verb::head;
            m_close_after = true;
            m_state = State::handling;
            send(std::move(*policy.refusal));
            return false;
        }
        m_parser->body_limit(policy.max_body);  // a chunked body is counted as it arrives
        return true;
    }

    // The request line and headers as the application sees them.
    static HttpRequest request_of(const http::request<http::string_body>& msg) {
        HttpRequest req;
        req.method = std::string(msg.method_string());
        req.target = std::string(msg.target());
        const auto q = req.target.find('?');
        req.path = req.target.substr(0, q);
        if (q != std::string::npos) req.query = req.target.substr(q + 1);
        for (const auto& f : msg) {
            auto [it, inserted] = req.headers.try_emplace(lower(f.name_string()), std::string(f.value()));
            if (!inserted) it->second.append(", ").append(f.value());
        }
        return req;
    }

    void on_continue(error_code ec, std::size_t) {
        m_continue.reset();
        if (ec) return;
        do_read_body();
    }

    void do_read_body() {
        if (m_parser->is_done()) return on_read({}, 0);
        lowest().expires_at(m_deadline);
        http::async_read(m_stream, m_buffer, *m_parser, beast::bind_front_handler(&Session::on_read, shared_from_this()));
    }

    void on_read_error(error_code ec) {
        if (ec == http::error::end_of_stream) return do_shutdown();
        if (m_parser && m_parser->got_some()) {
            if (m_parser->is_header_done()) m_version = m_parser->get().version();
        }
        m_keep_alive = false;
        m_request_is_head = false;
        const auto max = std::to_string(m_body_limit);
        if (ec == http::error::body_limit) {
            ++m_shared->requests;
            return send_error(413, "too_large", Msg::request_body_exceeds_bytes, {max});
        }
        if (ec == http::error::header_limit) {
            ++m_shared->requests;
            const auto hmax = std::to_string(kHeaderLimit);
            return send_error(431, "headers_too_large", Msg::request_headers_exceed_bytes, {hmax});
        }
        if (is_http_error(ec) && ec != http::error::partial_message) {
            ++m_shared->requests;
            return send_error(400, "malformed", Msg::malformed_http_request, {ec.message()});
        }
        // timeout, TLS or network error, or a request cut short: nothing can be said
    }

    void send_error(int status, std::string_view code, Msg words, std::vector<std::string> args) {
        m_close_after = true;
        m_state = State::handling;
        send(json_error(status, code, words, std::move(args)));
    }

    // Behind every Respond: answers once, and answers 500 if the application drops it unanswered.
    struct PendingResponse {
        PendingResponse(std::shared_ptr<net::io_context> c, std::shared_ptr<Session> s)
            : ioc(std::move(c)), session(std::move(s)) {}
        PendingResponse(const PendingResponse&) = delete;
        PendingResponse& operator=(const PendingResponse&) = delete;

        ~PendingResponse() {
            if (done.exchange(true)) return;
            try {
                session->post_response(
                    json_error(500, "internal", Msg::server_dropped_request_unanswered, {}));
            } catch (...) {
            }
        }

        void respond(HttpResponse r) {
            if (done.exchange(true)) return;
            session->post_response(std::move(r));
        }

        // Declared first so it is destroyed last: the session's socket needs its io_context.
        std::shared_ptr<net::io_context> ioc;
        std::shared_ptr<Session> session;
        std::atomic<bool> done{false};
    };

    void on_read(error_code ec, std::size_t) {
        if (ec) return on_read_error(ec);
        lowest().expires_never();  // the handler's time is the application's business
        ++m_shared->requests;
        m_state = State::handling;
        auto slot = std::make_shared<PendingResponse>(m_shared->ioc.lock(), shared_from_this());
        try {
            auto msg = m_parser->release();
            m_parser.reset();
            m_version = msg.version();
            m_keep_alive = msg.keep_alive();
            m_request_is_head = msg.method() == http::verb::head;

            HttpRequest req = request_of(msg);
            req.verdict = std::move(m_verdict);
            m_verdict.reset();
            req.body = std::move(msg.body());
            req.remote = m_remote;
            m_shared->handler(std::move(req), [slot](HttpResponse r) { slot->respond(std::move(r)); });
        } catch (const std::exception& e) {
            // the exception text stays here: it may describe internals a client must not see
            std::fprintf(stderr, "ducha http: handler failed on %s: %s\n", m_remote.c_str(), e.what());
            slot->respond(json_error(500, "internal", Msg::default_internal, {}));
        } catch (...) {
            slot->respond(json_error(500, "internal", Msg::default_internal, {}));
        }
    }

    // On the strand.
    void send(HttpResponse r) {
        if (m_state != State::handling) return;
        m_state = State::writing;
        try {
            if (!r.body_file.empty() && r.status == 200 && r.body.empty()) {
                if (auto file = open_body_file(r.body_file)) {
                    const bool headers_only = r.head_only || m_request_is_head;
                    auto head = build(std::move(r));
                    m_file_response.emplace();
                    m_file_response->base() = std::move(head.base());
                    m_file_response->content_length(file->size());
                    if (!headers_only) {
                        m_file_response->body() = std::move(*file);
                        lowest().expires_after(cfg().write_timeout);
                        http::async_write(m_stream, *m_file_response,
                                          beast::bind_front_handler(&Session::on_write, shared_from_this()));
                        return;
                    }
                    // HEAD: the file's length, no body.
                    http::response<http::empty_body> empty{m_file_response->base()};
                    m_file_response.reset();
                    m_head_response.emplace(std::move(empty));
                    lowest().expires_after(cfg().write_timeout);
                    http::async_write(m_stream, *m_head_response,
                                      beast::bind_front_handler(&Session::on_write, shared_from_this()));
                    return;
                }
                r = json_error(500, "internal", Msg::default_internal, {});
            }
            m_response.emplace(build(std::move(r)));
        } catch (const std::exception&) {
            return;  // cannot even form a response: the connection closes
        }
        lowest().expires_after(cfg().write_timeout);
        http::async_write(m_stream, *m_response, beast::bind_front_handler(&Session::on_write, shared_from_this()));
    }

    static std::optional<http::file_body::value_type> open_body_file(const std::filesystem::path& p) {
        http::file_body::value_type file;
        error_code ec;
        file.open(p.c_str(), beast::file_mode::scan, ec);
        if (ec) return std::nullopt;
        return file;
    }

    http::response<http::string_body> build(HttpResponse r) {
        int status = r.status;
        if (status < 100 || status > 599) {
            r = json_error(500, "internal", Msg::invalid_status_code, {std::to_string(status)});
            status = 500;
        }
        bool keep = m_keep_alive && !m_close_after && !m_shared->draining;
        http::response<http::string_body> res{static_cast<http::status>(status), m_version};
        res.set(http::field::server, "ducha");
        const bool no_body = status < 200 || status == 204 || status == 304;
        if (!r.content_type.empty() && !no_body && header_safe(r.content_type))
            res.set(http::field::content_type, r.content_type);
        for (auto& [name, value] : r.headers) {
            if (name.empty() || !header_safe(name) || !header_safe(value)) continue;
            if (iequals(name, "content-length") || iequals(name, "transfer-encoding") || iequals(name, "server")) continue;
            if (iequals(name, "connection")) {
                if (lower(value).find("close") != std::string::npos) keep = false;
                continue;
            }
            res.insert(name, value);
        }
        // 1xx and 204 must not carry Content-Length; HEAD announces the length it does not send
        if (status >= 200 && status != 204) res.content_length(r.body.size());
        if (!no_body && !r.head_only && !m_request_is_head) res.body() = std::move(r.body);
        if (keep) {
            res.keep_alive(true);
        } else {
            res.set(http::field::connection, "close");
        }
        m_close_after = !keep;
        return res;
    }

    void on_write(error_code ec, std::size_t) {
        m_response.reset();
        m_file_response.reset();
        m_head_response.reset();
        if (ec) return;
        if (m_close_after || m_shared->draining) return do_shutdown();
        m_first = false;
        do_wait();
    }

    // TLS close_notify; waits (bounded) for the peer, which also drains what it still sends so
    // that our last response is not lost to a TCP reset.
    void do_shutdown() {
        m_state = State::closing;
        lowest().expires_after(std::min<std::chrono::steady_clock::duration>(cfg().read_timeout, kShutdownTimeout));
        m_stream.async_shutdown(beast::bind_front_handler(&Session::on_shutdown, shared_from_this()));
    }

    // Then linger: stop sending, and read and drop what the peer still sends until it closes, the
    // timer above ends or kLingerBytes pass. Closing with its bytes unread would answer them with a
    // TCP reset, which can destroy our last answer (a 413, a 401) before the peer has read it.
    void on_shutdown(error_code) {
        error_code ec;
        lowest().socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
        if (!ec) linger();
    }

    void linger() {
        if (!m_linger) m_linger = std::make_unique<std::array<char, 4096>>();
        lowest().socket().async_read_some(net::buffer(*m_linger), [self = shared_from_this()](error_code ec, std::size_t n) {
            self->m_lingered += n;
            if (!ec && self->m_lingered < kLingerBytes) self->linger();
        });  // the socket closes with the session
    }

    std::shared_ptr<Shared> m_shared;
    const net::any_io_executor m_executor;  // the session's strand
    const std::shared_ptr<ssl::context> m_tls;  // declared before m_stream, which uses it
    TlsStream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::optional<http::response<http::empty_body>> m_continue;
    std::optional<http::response<http::string_body>> m_response;
    std::optional<http::response<http::file_body>> m_file_response;   // a body streamed from a file
    std::optional<http::response<http::empty_body>> m_head_response;  // HEAD of such a body
    std::string m_remote;
    std::chrono::steady_clock::time_point m_deadline;
    std::size_t m_body_limit = 0;  // this request's, for the 413's words
    std::unique_ptr<std::array<char, 4096>> m_linger;  // only while closing
    std::size_t m_lingered = 0;
    std::any m_verdict;            // the header check's, until the handler gets it
    State m_state = State::starting;
    unsigned m_version = 11;
    bool m_keep_alive = false;
    bool m_request_is_head = false;
    bool m_close_after = false;
    bool m_first = true;
};

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(net::io_context& ioc, std::shared_ptr<Shared> shared)
        : m_ioc(ioc), m_shared(std::move(shared)), m_acceptor(net::make_strand(ioc)), m_retry(m_acceptor.get_executor()) {}
    ~Listener() {
        if (m_spare >= 0) ::close(m_spare);
    }
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    Status listen(const tcp::endpoint& ep) {
        error_code ec;
        if (m_acceptor.open(ep.protocol(), ec); !ec) m_acceptor.set_option(net::socket_base::reuse_address(true), ec);
        if (!ec) m_acceptor.bind(ep, ec);
        if (!ec) m_acceptor.listen(net::socket_base::max_listen_connections, ec);
        if (!ec) m_acceptor.native_non_blocking(true, ec);  // shed_waiting() must not block
        if (ec) {
            return fail(Errc::network, Msg::cannot_listen, format_endpoint(ep), ec.message());
        }
        m_spare = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        return {};
    }

    std::uint16_t port() const {
        error_code ec;
        auto ep = m_acceptor.local_endpoint(ec);
        return ec ? 0 : ep.port();
    }

    void run() { do_accept(); }

    // From any thread while the I/O threads run.
    void close() {
        net::post(m_acceptor.get_executor(), [self = shared_from_this()] { self->close_now(); });
    }

    // Once no I/O thread runs, or on the acceptor's strand.
    void close_now() {
        error_code ec;
        m_acceptor.close(ec);
        m_retry.cancel();
    }

private:
    void do_accept() {
        // each connection gets its own strand
        m_acceptor.async_accept(net::make_strand(m_ioc), beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
    }

    void on_accept(error_code ec, tcp::socket socket) {
        if (!m_acceptor.is_open() || ec == net::error::operation_aborted) return;
        if (ec) {
            // Out of file descriptors (or memory): the open connections are served as before; the
            // waiting ones are closed at once; accepting is tried again shortly rather than in a spin.
            const bool out_of_descriptors =
                ec == net::error::no_descriptors || ec == boost::system::errc::too_many_files_open_in_system;
            if (!m_accept_failing) {
                m_accept_failing = true;
                std::fprintf(stderr,
                             "ducha http: cannot accept connections: %s (%llu open); the open ones are served, new ones "
                             "are closed at once until descriptors are free%s\n",
                             ec.message().c_str(), static_cast<unsigned long long>(m_shared->open.load()),
                             out_of_descriptors ? " (raise the open-file limit: LimitNOFILE, ulimit -n)" : "");
            }
            if (out_of_descriptors) shed_waiting();
            m_retry.expires_after(kAcceptRetry);
            m_retry.async_wait([self = shared_from_this()](error_code wec) {
                if (!wec && self->m_acceptor.is_open()) self->do_accept();
            });
            return;
        }
        if (m_accept_failing) {
            m_accept_failing = false;
            std::fprintf(stderr, "ducha http: accepting connections again (%llu open)\n",
                         static_cast<unsigned long long>(m_shared->open.load()));
        }
        if (m_shared->open >= m_shared->cfg.max_connections) {
            ++m_shared->refused;
            error_code cec;
            socket.close(cec);  // the device sees a reset and retries with backoff
        } else if (!m_shared->draining) {
            // An answer is written as several TLS records: with Nagle's algorithm the last one
            // waits for the client's delayed ACK, 40 ms on Linux, on every answer of a few segments.
            error_code nec;
            socket.set_option(tcp::no_delay(true), nec);
            try {
                std::make_shared<Session>(std::move(socket), m_shared)->run();
            } catch (const std::exception&) {
                // could not set the connection up (out of memory): drop it, keep accepting
            }
        }
        do_accept();
    }

    // Out of descriptors, a connection left in the backlog hangs until its client gives up. The
    // spare descriptor kept for this moment is closed so that the waiting connections can be taken
    // and closed at once (the device sees the connection end and retries with backoff), then kept
    // again.
    void shed_waiting() {
        if (m_spare < 0) return;
        ::close(m_spare);
        m_spare = -1;
        for (int i = 0; i < 64; ++i) {
            int fd = ::accept4(m_acceptor.native_handle(), nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) break;
            ++m_shared->refused;  // counted before the close a client (or a test) can see
            ::close(fd);
        }
        m_spare = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    }

    net::io_context& m_ioc;
    std::shared_ptr<Shared> m_shared;
    tcp::acceptor m_acceptor;
    net::steady_timer m_retry;
    int m_spare = -1;             // a descriptor held back for shed_waiting()
    bool m_accept_failing = false;  // said once per episode, not once per retry
};

// Each connection is a descriptor. A shell's soft limit is often 1,024; the hard limit (systemd's
// LimitNOFILE sets both) is usually far higher: take what max_connections needs, and say so when
// the hard limit is below it.
void raise_descriptor_limit(std::size_t max_connections) {
    const rlim_t want = static_cast<rlim_t>(max_connections) + 256;  // database, logs, evidence files
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= want) return;
    const rlim_t target = rl.rlim_max == RLIM_INFINITY ? want : std::min(want, rl.rlim_max);
    if (target > rl.rlim_cur) {
        rlimit raised = rl;
        raised.rlim_cur = target;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) rl = raised;
    }
    if (rl.rlim_cur < want)
        std::fprintf(stderr,
                     "ducha http: the open-file limit is %llu, below the %llu that %zu connections need; beyond it new "
                     "connections are closed at once (raise LimitNOFILE or ulimit -n)\n",
                     static_cast<unsigned long long>(rl.rlim_cur), static_cast<unsigned long long>(want), max_connections);
}

constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:"
    "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305";

Status load_tls(ssl::context& ctx, const HttpServerConfig& cfg) {
    for (const auto* p : {&cfg.cert_pem, &cfg.key_pem}) {
        std::error_code fec;
        if (p->empty() || !std::filesystem::exists(*p, fec))
            return fail(Errc::not_found, Msg::tls_file_not_found, p->string());
    }
    // TLS 1.2 and newer only
    ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                    ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
    SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
    // TLS 1.2 only with forward secrecy and AEAD (no CBC, no SHA-1 MACs, no static RSA key
    // exchange), for the self-signed ECDSA key and for an RSA certificate given with --cert. TLS 1.3
    // suites are all AEAD already.
    if (SSL_CTX_set_cipher_list(ctx.native_handle(), kTls12Ciphers) != 1)
        return fail(Errc::internal, Msg::tls12_cipher_list_refused);
    // idle keep-alive connections give their OpenSSL buffers back
    SSL_CTX_set_mode(ctx.native_handle(), SSL_MODE_RELEASE_BUFFERS);
    error_code ec;
    ctx.use_certificate_chain_file(cfg.cert_pem.string(), ec);
    if (ec)
        return fail(Errc::invalid_argument, Msg::cannot_load_tls_certificate, cfg.cert_pem.string(), ec.message());
    ctx.use_private_key_file(cfg.key_pem.string(), ssl::context::pem, ec);
    if (ec)
        return fail(Errc::invalid_argument, Msg::cannot_load_tls_key, cfg.key_pem.string(), ec.message());
    if (SSL_CTX_check_private_key(ctx.native_handle()) != 1)
        return fail(Errc::invalid_argument, Msg::tls_key_does_not_match, cfg.cert_pem.string());
    return {};
}

Result<tcp::endpoint> resolve(net::io_context& ioc, std::string host, std::uint16_t port) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    error_code ec;
    auto addr = net::ip::make_address(host, ec);
    if (!ec) return tcp::endpoint(addr, port);
    tcp::resolver resolver(ioc);
    auto results = resolver.resolve(host, std::to_string(port), ec);
    if (ec || results.empty())
        return fail(Errc::invalid_argument, Msg::cannot_resolve_host, host, (ec ? ec.message() : std::string("no address")));
    return results.begin()->endpoint();
}

}  // namespace

struct HttpServer::Impl {
    std::shared_ptr<Shared> shared;
    std::shared_ptr<net::io_context> ioc;
    std::optional<net::executor_work_guard<net::io_context::executor_type>> work;  // threads wait for Responds
    std::shared_ptr<Listener> listener;
    std::vector<std::thread> threads;
    std::uint16_t port = 0;
    std::mutex lifecycle;  // start/stop
    bool started = false;
    bool stopped = false;
};

HttpServer::HttpServer(HttpServerConfig cfg, Handler handler) : m_impl(std::make_unique<Impl>()) {
    m_impl->shared = std::make_shared<Shared>(std::move(cfg), std::move(handler));
}

HttpServer::~HttpServer() { stop(); }

Result<std::uint16_t> HttpServer::start() {
    auto& m = *m_impl;
    std::lock_guard lk(m.lifecycle);
    if (m.started || m.stopped) return fail(Errc::invalid_argument, Msg::http_server_already_started);
    const auto& cfg = m.shared->cfg;
    if (!m.shared->handler) return fail(Errc::invalid_argument, Msg::http_server_without_handler);
    const int nthreads = std::max(1, cfg.threads);
    raise_descriptor_limit(cfg.max_connections);
    try {
        auto tls = std::make_shared<ssl::context>(ssl::context::tls_server);
        if (auto r = load_tls(*tls, cfg); !r) return fail(r.error());
        m.shared->set_tls(std::move(tls));

        auto ioc = std::make_shared<net::io_context>(nthreads);
        auto ep = resolve(*ioc, cfg.host, cfg.port);
        if (!ep) return fail(ep.error());
        auto listener = std::make_shared<Listener>(*ioc, m.shared);
        if (auto r = listener->listen(*ep); !r) return fail(r.error());

        m.ioc = std::move(ioc);
        m.shared->ioc = m.ioc;
        m.listener = std::move(listener);
        m.port = m.listener->port();
        m.work.emplace(m.ioc->get_executor());
        m.listener->run();
        for (int i = 0; i < nthreads; ++i) {
            m.threads.emplace_back([ioc = m.ioc] {
                for (;;) {
                    try {
                        ioc->run();
                        return;
                    } catch (const std::exception& e) {
                        // handlers catch their own; this is the last line so one bad request
                        // cannot take the server down
                        std::fprintf(stderr, "ducha http: exception escaped a handler: %s\n", e.what());
                    } catch (...) {
                        std::fprintf(stderr, "ducha http: exception escaped a handler\n");
                    }
                }
            });
        }
    } catch (const std::exception& e) {
        // a thread failed to start, or OpenSSL could not allocate: undo what is running
        if (m.ioc) {
            m.work.reset();
            m.ioc->stop();
            for (auto& t : m.threads) t.join();
            m.threads.clear();
            if (m.listener) m.listener->close_now();
            m.listener.reset();
            m.ioc.reset();
        }
        return fail(Errc::internal, Msg::cannot_start_http_server, e.what());
    }
    m.started = true;
    return m.port;
}

void HttpServer::stop() {
    auto& m = *m_impl;
    std::lock_guard lk(m.lifecycle);
    if (!m.started || m.stopped) return;
    m.stopped = true;
    auto& shared = *m.shared;

    // 1. no new connections; idle ones close, busy ones finish their request
    shared.draining = true;
    m.listener->close();
    std::vector<std::shared_ptr<Session>> live;
    {
        std::lock_guard slk(shared.mutex);
        for (auto& [_, w] : shared.sessions)
            if (auto s = w.lock()) live.push_back(std::move(s));
    }
    for (auto& s : live) {
        auto ex = s->executor();
        net::post(ex, [s = std::move(s)] { s->drain(); });
    }
    live.clear();

    // 2. bounded wait for in-flight requests
    {
        std::unique_lock slk(shared.mutex);
        shared.closed.wait_for(slk, shared.cfg.drain_timeout, [&] { return shared.open == 0; });
    }

    // 3. stop the threads, then close whatever is left from this thread
    m.work.reset();
    m.ioc->stop();
    for (auto& t : m.threads) t.join();
    m.threads.clear();
    m.listener->close_now();
    m.listener.reset();
    {
        std::lock_guard slk(shared.mutex);
        for (auto& [_, w] : shared.sessions)
            if (auto s = w.lock()) live.push_back(std::move(s));
    }
    for (auto& s : live) s->force_close();
    live.clear();  // sessions no Respond holds go now
    // Queued handlers (and their sessions) go with the io_context, unless a Respond still
    // holds it; then it lives, stopped, until that Respond is gone.
    m.ioc.reset();
}

std::uint16_t HttpServer::port() const { return m_impl->port; }

Status HttpServer::reload_tls() {
    auto& m = *m_impl;
    std::lock_guard lk(m.lifecycle);
    if (!m.started || m.stopped) return fail(Errc::unavailable, Msg::http_server_not_running);
    try {
        auto tls = std::make_shared<ssl::context>(ssl::context::tls_server);
        if (auto r = load_tls(*tls, m.shared->cfg); !r) return r;  // the old pair keeps serving
        m.shared->set_tls(std::move(tls));
    } catch (const std::exception& e) {
        return fail(Errc::internal, Msg::cannot_load_tls_certificate, m.shared->cfg.cert_pem.string(), e.what());
    }
    return {};
}

HttpServer::Stats HttpServer::stats() const {
    const auto& s = *m_impl->shared;
    return Stats{s.open.load(), s.total.load(), s.requests.load(), s.handshake_failures.load(), s.refused.load()};
}

}  // namespace ducha::server
