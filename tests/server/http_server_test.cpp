// The HTTPS transport against real clients on the loopback: libcurl (pinned, like the app) and a
// raw TLS socket for what curl will not send.
#include <catch2/catch.hpp>

#include <curl/curl.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "server/http/http_server.h"
#include "server/http/json_error.h"
#include "shared/crypto/certificate.h"
#include "shared/crypto/random.h"

using namespace ducha;
using namespace ducha::server;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
namespace net = boost::asio;
namespace beast = boost::beast;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("ducha-http-test-" + crypto::random_token(9));
    TempDir() { fs::create_directories(path); }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

struct TestCert {
    TempDir dir;
    fs::path cert, key;
    std::string pin;
    TestCert() : cert(dir.path / "cert.pem"), key(dir.path / "key.pem") {
        auto w = crypto::write_self_signed_certificate(key, cert, "localhost");
        REQUIRE(w.has_value());
        auto p = crypto::public_key_pin_of_certificate(cert);
        REQUIRE(p.has_value());
        pin = *p;
    }
};

HttpServerConfig config_for(const TestCert& c, std::string host = "127.0.0.1") {
    HttpServerConfig cfg;
    cfg.host = std::move(host);
    cfg.cert_pem = c.cert;
    cfg.key_pem = c.key;
    cfg.read_timeout = 5s;
    cfg.idle_timeout = 10s;
    cfg.drain_timeout = 10s;
    return cfg;
}

// Threads a handler starts to answer later; joined before the test's other objects go.
struct Workers {
    std::mutex mutex;
    std::vector<std::thread> threads;
    void spawn(std::function<void()> f) {
        std::lock_guard lk(mutex);
        threads.emplace_back(std::move(f));
    }
    ~Workers() {
        std::lock_guard lk(mutex);
        for (auto& t : threads) t.join();
    }
};

template <typename Pred>
bool eventually(Pred pred, std::chrono::milliseconds limit = 5000ms) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        if (pred()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return pred();
}

// ---- libcurl client ----

struct CurlInit {
    CurlInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

struct CurlResult {
    CURLcode code = CURLE_OK;
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string header(const std::string& n) const {
        auto it = headers.find(n);
        return it == headers.end() ? "" : it->second;
    }
};

size_t on_body(char* p, size_t size, size_t n, void* user) {
    static_cast<std::string*>(user)->append(p, size * n);
    return size * n;
}

size_t on_header(char* p, size_t size, size_t n, void* user) {
    std::string line(p, size * n);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
        (*static_cast<std::map<std::string, std::string>*>(user))[name] = value;
    }
    return size * n;
}

// One easy handle: requests made through the same Client reuse its connection.
class Client {
public:
    explicit Client(std::string pin) : m_pin(std::move(pin)) {
        static CurlInit init;
        m_h = curl_easy_init();
        REQUIRE(m_h);
    }
    ~Client() { curl_easy_cleanup(m_h); }
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    // Offer only TLS 1.2 with these OpenSSL cipher names (as an old or badly set-up client would).
    void tls12_only(std::string ciphers) { m_tls12_ciphers = std::move(ciphers); }

    CurlResult request(const std::string& method, const std::string& url, const std::string& body = {},
                       std::vector<std::string> extra_headers = {}) {
        CurlResult r;
        curl_easy_reset(m_h);
        curl_easy_setopt(m_h, CURLOPT_URL, url.c_str());
        if (!m_tls12_ciphers.empty()) {
            curl_easy_setopt(m_h, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2) | static_cast<long>(CURL_SSLVERSION_MAX_TLSv1_2));
            curl_easy_setopt(m_h, CURLOPT_SSL_CIPHER_LIST, m_tls12_ciphers.c_str());
        }
        curl_easy_setopt(m_h, CURLOPT_PINNEDPUBLICKEY, m_pin.c_str());
        // trust comes from the pin alone, as in the app
        curl_easy_setopt(m_h, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(m_h, CURLOPT_SSL_VERIFYHOST, 0L);
        curl_easy_setopt(m_h, CURLOPT_TIMEOUT, 30L);
        curl_easy_setopt(m_h, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(m_h, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(m_h, CURLOPT_WRITEDATA, &r.body);
        curl_easy_setopt(m_h, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(m_h, CURLOPT_HEADERDATA, &r.headers);
        if (method == "HEAD") {
            curl_easy_setopt(m_h, CURLOPT_NOBODY, 1L);
        } else if (method != "GET") {
            curl_easy_setopt(m_h, CURLOPT_CUSTOMREQUEST, method.c_str());
            curl_easy_setopt(m_h, CURLOPT_POSTFIELDS, body.data());
            curl_easy_setopt(m_h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        }
        curl_slist* list = nullptr;
        for (const auto& h : extra_headers) list = curl_slist_append(list, h.c_str());
        curl_easy_setopt(m_h, CURLOPT_HTTPHEADER, list);
        r.code = curl_easy_perform(m_h);
        curl_easy_getinfo(m_h, CURLINFO_RESPONSE_CODE, &r.status);
        curl_slist_free_all(list);
        return r;
    }

private:
    CURL* m_h = nullptr;
    std::string m_pin;
    std::string m_tls12_ciphers;
};

std::string url(std::uint16_t port, const std::string& path, const std::string& host = "127.0.0.1") {
    return "https://" + host + ":" + std::to_string(port) + path;
}

// ---- raw TLS client: sends bytes, collects the answer until the server closes ----

struct RawResult {
    bool handshake_ok = false;
    bool closed_by_server = false;  // EOF or TLS close, not our own time limit
    std::string received;
    std::chrono::milliseconds elapsed{0};
};

RawResult raw_exchange(std::uint16_t port, const std::string& data, std::chrono::seconds limit = 15s) {
    RawResult r;
    net::io_context ioc;
    net::ssl::context ctx(net::ssl::context::tls_client);
    ctx.set_verify_mode(net::ssl::verify_none);
    net::ssl::stream<beast::tcp_stream> s(ioc, ctx);
    auto& tcp = beast::get_lowest_layer(s);
    tcp.expires_after(limit);
    std::array<char, 4096> buf{};
    std::function<void()> read_all = [&] {
        s.async_read_some(net::buffer(buf), [&](boost::system::error_code ec, std::size_t n) {
            r.received.append(buf.data(), n);
            if (ec) {
                r.closed_by_server = ec != beast::error::timeout;
                return;
            }
            read_all();
        });
    };
    const auto start = std::chrono::steady_clock::now();
    tcp.async_connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port),
                      [&](boost::system::error_code ec) {
                          if (ec) return;
                          s.async_handshake(net::ssl::stream_base::client, [&](boost::system::error_code ec) {
                              if (ec) return;
                              r.handshake_ok = true;
                              net::async_write(s, net::buffer(data), [&](boost::system::error_code ec, std::size_t) {
                                  if (!ec) read_all();
                              });
                          });
                      });
    ioc.run();
    r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    return r;
}

std::size_t count_of(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

bool ipv6_loopback_available() {
    net::io_context ioc;
    net::ip::tcp::acceptor a(ioc);
    boost::system::error_code ec;
    a.open(net::ip::tcp::v6(), ec);
    if (!ec) a.bind(net::ip::tcp::endpoint(net::ip::make_address("::1"), 0), ec);
    return !ec;
}

HttpResponse status_only(int status) {
    HttpResponse r;
    r.status = status;
    return r;
}

HttpResponse body_only(std::string body) {
    HttpResponse r;
    r.body = std::move(body);
    return r;
}

Handler echo_handler() {
    return [](HttpRequest&& req, Respond respond) {
        HttpResponse r;
        r.status = 201;
        r.content_type = "text/plain";
        r.body = req.method + " " + req.path + " ? " + req.query + " | " + req.header("x-test") + " | " + req.body;
        r.headers.emplace_back("X-Remote", req.remote);
        respond(std::move(r));
    };
}

}  // namespace

TEST_CASE("http server: echo round trip over pinned TLS", "[server][http]") {
    TestCert cert;
    HttpServer server(config_for(cert), echo_handler());
    auto port = server.start();
    REQUIRE(port.has_value());
    CHECK(*port != 0);
    CHECK(server.port() == *port);

    Client c(cert.pin);
    auto r = c.request("POST", url(*port, "/v1/echo?a=1&b=2"), "hello 你好", {"X-Test: yes"});
    REQUIRE(r.code == CURLE_OK);
    CHECK(r.status == 201);
    CHECK(r.body == "POST /v1/echo ? a=1&b=2 | yes | hello 你好");
    CHECK(r.header("server") == "ducha");
    CHECK(r.header("content-type") == "text/plain");
    CHECK(r.header("content-length") == std::to_string(r.body.size()));
    CHECK(r.header("x-remote").starts_with("127.0.0.1:"));

    auto g = c.request("GET", url(*port, "/plain"));
    REQUIRE(g.code == CURLE_OK);
    CHECK(g.body == "GET /plain ?  |  | ");
    CHECK(server.stats().requests_total == 2);
}

TEST_CASE("http server: TLS 1.2 only with forward secrecy and AEAD - CBC and SHA-1 suites are refused", "[server][http]") {
    TestCert cert;
    HttpServer server(config_for(cert), echo_handler());
    auto port = server.start();
    REQUIRE(port.has_value());
    for (const char* weak : {"ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA", "ECDHE-ECDSA-AES128-SHA256",
                             "ECDHE-ECDSA-AES256-SHA384"}) {
        Client c(cert.pin);
        c.tls12_only(weak);
        auto r = c.request("GET", url(*port, "/plain"));
        INFO(weak << ": curl " << r.code);
        CHECK(r.code == CURLE_SSL_CONNECT_ERROR);
    }
    for (const char* strong : {"ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
                               "ECDHE-ECDSA-CHACHA20-POLY1305"}) {
        Client c(cert.pin);
        c.tls12_only(strong);
        auto r = c.request("GET", url(*port, "/plain"));
        INFO(strong << ": curl " << r.code);
        CHECK(r.code == CURLE_OK);
        CHECK(r.body == "GET /plain ?  |  | ");
    }
    Client modern(cert.pin);  // TLS 1.3, as every device speaks it
    CHECK(modern.request("GET", url(*port, "/plain")).code == CURLE_OK);
    CHECK(server.stats().requests_total == 4);
}

TEST_CASE("http server: a connection beyond max_connections is closed at once, the open ones go on", "[server][http]") {
    TestCert cert;
    auto cfg = config_for(cert);
    cfg.max_connections = 2;
    HttpServer server(cfg, echo_handler());
    auto port = server.start();
    REQUIRE(port.has_value());
    Client first(cert.pin), second(cert.pin), third(cert.pin);
    REQUIRE(first.request("GET", url(*port, "/plain")).code == CURLE_OK);   // both stay open (keep-alive)
    REQUIRE(second.request("GET", url(*port, "/plain")).code == CURLE_OK);
    auto refused = third.request("GET", url(*port, "/plain"));
    INFO("curl " << refused.code);
    CHECK(refused.code != CURLE_OK);
    CHECK(server.stats().connections_refused == 1);
    CHECK(server.stats().connections_open == 2);
    auto again = first.request("GET", url(*port, "/plain"));  // the open connections are served as before
    CHECK(again.code == CURLE_OK);
    CHECK(again.body == "GET /plain ?  |  | ");
    CHECK(server.stats().requests_total == 3);
}

// A blocking TLS client over Asio that opens its socket up front: it keeps working while the
// process has no descriptor left (curl would need new ones).
struct HeldConnection {
    net::io_context ioc;
    net::ssl::context ctx{net::ssl::context::tls_client};
    net::ssl::stream<net::ip::tcp::socket> s{ioc, ctx};
    HeldConnection(std::uint16_t port) {
        ctx.set_verify_mode(net::ssl::verify_none);
        s.next_layer().connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
        s.handshake(net::ssl::stream_base::client);
    }
    std::string get(const std::string& path) {
        std::string req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        net::write(s, net::buffer(req));
        beast::flat_buffer buf;
        beast::http::response<beast::http::string_body> res;
        beast::http::read(s, buf, res);
        return res.body();
    }
};

TEST_CASE("http server: out of file descriptors, the open connections go on, waiting ones are closed, then it accepts again",
          "[server][http]") {
    TestCert cert;
    HttpServer server(config_for(cert), echo_handler());
    auto port = server.start();
    REQUIRE(port.has_value());
    HeldConnection open(*port);
    REQUIRE(open.get("/before") == "GET /before ?  |  | ");
    // a socket for a connection that arrives while no descriptor is left
    int late = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(late >= 0);
    timeval tv{5, 0};
    ::setsockopt(late, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);

    // take every descriptor left, under a low limit so that this is quick
    rlimit old{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &old) == 0);
    std::size_t in_use = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator("/proc/self/fd")) ++in_use;
    rlimit low = old;
    low.rlim_cur = in_use + 16;
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &low) == 0);
    std::vector<int> held;
    for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;) held.push_back(fd);
    REQUIRE(errno == EMFILE);
    auto give_back = [&] {
        for (int fd : held) ::close(fd);
        held.clear();
        ::setrlimit(RLIMIT_NOFILE, &old);
    };

    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(*port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int connected = ::connect(late, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    char byte = 0;
    const auto got = connected == 0 ? ::recv(late, &byte, 1, 0) : -1;
    const int recv_errno = errno;
    std::string during;
    try {
        during = open.get("/during");
    } catch (const std::exception& e) {
        during = e.what();
    }
    give_back();
    ::close(late);
    CHECK(connected == 0);
    INFO("recv " << got << " errno " << recv_errno);
    CHECK((got == 0 || (got < 0 && recv_errno == ECONNRESET)));  // closed at once, not left hanging
    CHECK(during == "GET /during ?  |  | ");                      // the open connection is served
    CHECK(server.stats().connections_refused >= 1);
    // descriptors free again: new connections are accepted
    Client fresh(cert.pin);
    CHECK(eventually([&] { return fresh.request("GET", url(*port, "/after")).code == CURLE_OK; }));
    CHECK(open.get("/still") == "GET /still ?  |  | ");
}

TEST_CASE("http server: keep-alive reuses one connection", "[server][http]") {
    TestCert cert;
    HttpServer server(config_for(cert), echo_handler());
    auto port = server.start();
    REQUIRE(port.has_value());

    Client c(cert.pin);
    for (int i = 0; i < 5; ++i) {
        auto r = c.request("PUT", url(*port, "/n"), std::to_string(i));
        REQUIRE(r.code == CURLE_OK);
        CHECK(r.body == "PUT /n ?  |  | " + std::to_string(i));
        CHECK(r.header("connection") != "close");
    }
    auto s = server.stats();
    CHECK(s.connections_total == 1);
    CHECK(s.connections_open == 1);
    CHECK(s.requests_total == 5);
    CHECK(s.tls_handshake_failures == 0);
}

TEST_CASE("http server: idle keep-alive connections close after idle_timeout", "[server][http]") {
    TestCert cert;
    auto cfg = config_for(cert);
    cfg.idle_timeout = 1s;
    HttpServer server(cfg, echo_handler());
    auto port = server.start();
    REQUIRE(port.has_value());

    Client c(cert.pin);
    REQUIRE(c.request("GET", url(*port, "/")).code == CURLE_OK);
    CHECK(server.stats().connections_open == 1);
    CHECK(eventually([&] { return server.stats().connections_open == 0; }, 5000ms));
    // the client notices the closed connection and opens a new one
    auto r = c.request("GET", url(*port, "/again"));
    REQUIRE(r.code == CURLE_OK);
    CHECK(r.status == 201);
    CHECK(server.stats().connections_total == 2);
}

TEST_CASE("http server: oversized body gets 413 and the server keeps serving", "[server][http]") {
    TestCert cert;
    auto cfg = config_for(cert);
    cfg.max_body = 1000;
    std::atomic<int> handled{0};
    HttpServer server(cfg, [&](HttpRequest&& req, Respond respond) {
        ++handled;
        HttpResponse r;
        r.body = std::to_string(req.body.size());
        respond(std::move(r));
    });
    auto port = server.start();
    REQUIRE(port.has_value());

    Client c(cert.pin);
    auto big = c.request("POST", url(*port, "/upload"), std::string(5000, 'x'));
    REQUIRE(big.code == CURLE_OK);
    CHECK(big.status == 413);
    CHECK(big.header("connection") == "close");
    CHECK(big.header("content-type").starts_with("application/json"));
    auto j = nlohmann::json::parse(big.body);
    CHECK(j["error"] == "too_large");
    CHECK(j["message"].get<std::string>().find("1000") != std::string::npos);
    CHECK(handled == 0);

    SECTION("at the limit is fine, also with Expect: 100-continue") {
        auto ok = c.request("POST", url(*port, "/upload"), std::string(1000, 'y'));
        REQUIRE(ok.code == CURLE_OK);
        CHECK(ok.status == 200);
        CHECK(ok.body == "1000");
        auto cont = c.request("POST", url(*port, "/upload"), std::string(10, 'z'), {"Expect: 100-continue"});
        REQUIRE(cont.code == CURLE_OK);
        CHECK(cont.status == 200);
        CHECK(cont.body == "10");
    }
    SECTION("an oversized body announced with Expect: 100-continue is refused before it is sent") {
        auto r = c.request("POST", url(*port, "/upload"), std::string(200000, 'x'), {"Expect: 100-continue"});
        REQUIRE(r.code == CURLE_OK);
        CHECK(r.status == 413);
    }
    SECTION("a chunked body is limited as it arrives") {
        auto r = c.request("POST", url(*port, "/upload"), std::string(3000, 'x'), {"Transfer-Encoding: chunked"});
        REQUIRE(r.code == CURLE_OK);
        CHECK(r.status == 413);
    }
    auto after = Client(cert.pin).request("GET", url(*port, "/"));
    REQUIRE(after.code == CURLE_OK);
    CHECK(after.status == 200);
}

TEST_CASE("http server: malformed requests get 400 and pipelined ones are answered in order", "[server][http]") {
    TestCert cert;
    HttpServer server(config_for(cert), echo_handler());
    auto port = server.start();
    REQUIRE(port.has_value());

    auto bad = raw_exchange(*port, "NOT A REQUEST\r\n\r\n");
    REQUIRE(bad.handshake_ok);
    CHECK(bad.closed_by_server);
    CHECK(bad.received.starts_with("HTTP/1.1 400"));
    CHECK(bad.received.find("Connection: close") != std::string::npos);
    CHECK(bad.received.find("Server: ducha") != std::string::npos);
    CHECK(bad.received.find(R"("error":"malformed")") != std::string::npos);

    auto two = raw_exchange(*port,
                            "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                            "GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK(two.closed_by_server);
    CHECK(count_of(two.received, "HTTP/1.1 201") == 2);
    CHECK(two.received.find("GET /a") < two.received.find("GET /b"));

    auto http10 = raw_exchange(*port, "GET /old HTTP/1.0\r\n\r\n");
    CHECK(http10.closed_by_server);
    CHECK(http10.received.starts_with("HTTP/1.0 201"));
    CHECK(http10.received.find("Connection: close") != std::string::npos);

    // the server is still fine
    auto r = Client(cert.pin).request("GET", url(*port, "/"));
    CHECK(r.code == CURLE_OK);
}

TEST_CASE("http server: a request that stalls is cut off after read_timeout", "[server][http]") {
    TestCert cert;
    auto cfg = config_for(cert);
    cfg.read_timeout = 1s;
    HttpServer server(cfg, echo_handler());
    auto port = server.start();
    REQUIRE(port.has_value());

    auto r = raw_exchange(*port, "POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial");
    REQUIRE(r.handshake_ok);
    CHECK(r.closed_by_server);
    CHECK(r.received.empty());
    CHECK(r.elapsed < 5s);
    CHECK(eventually([&] { return server.stats().connections_open == 0; }));
}

TEST_CASE("http server: a wrong pin fails the client, not the server", "[server][http]") {
    TestCert cert;
    TestCert other;
    HttpServer server(config_for(cert), echo_handler());
    auto port = server.start();
    REQUIRE(port.has_value());

    auto wrong = Client(other.pin).request("GET", url(*port, "/"));
    CHECK(wrong.code == CURLE_SSL_PINNEDPUBKEYNOTMATCH);
    // the client hangs up right after the handshake: counted as a failed one
    CHECK(eventually([&] { return server.stats().tls_handshake_failures == 1; }));

    // plain HTTP on the TLS port is a failed handshake, counted
    {
        static CurlInit init;
        CURL* h = curl_easy_init();
        std::string sink;
        auto plain = "http://127.0.0.1:" + std::to_string(*port) + "/";
        curl_easy_setopt(h, CURLOPT_URL, plain.c_str());
        curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
        CHECK(curl_easy_perform(h) != CURLE_OK);
        curl_easy_cleanup(h);
    }
    CHECK(eventually([&] { return server.stats().tls_handshake_failures == 2; }));

    auto right = Client(cert.pin).request("GET", url(*port, "/"));
    REQUIRE(right.code == CURLE_OK);
    CHECK(right.status == 201);
}

TEST_CASE("http server: responding later from another thread", "[server][http]") {
    TestCert cert;
    Workers workers;
    std::atomic<std::thread::id> handler_thread{};
    HttpServer server(config_for(cert), [&](HttpRequest&& req, Respond respond) {
        handler_thread = std::this_thread::get_id();
        workers.spawn([body = std::move(req.body), respond = std::move(respond)] {
            std::this_thread::sleep_for(200ms);
            HttpResponse r;
            r.body = "late " + body;
            respond(std::move(r));
            respond(status_only(500));  // a second call is ignored
        });
    });
    auto port = server.start();
    REQUIRE(port.has_value());

    // several at once, each on its own connection
    std::vector<CurlResult> results(4);
    {
        std::vector<std::thread> clients;
        for (int i = 0; i < 4; ++i)
            clients.emplace_back([&, i] {
                results[static_cast<std::size_t>(i)] =
                    Client(cert.pin).request("POST", url(*port, "/late"), std::to_string(i));
            });
        for (auto& t : clients) t.join();
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
        REQUIRE(results[i].code == CURLE_OK);
        CHECK(results[i].status == 200);
        CHECK(results[i].body == "late " + std::to_string(i));
    }
    CHECK(handler_thread.load() != std::this_thread::get_id());

    // the connection stays usable after a late response
    Client c(cert.pin);
    CHECK(c.request("POST", url(*port, "/late"), "a").body == "late a");
    CHECK(c.request("POST", url(*port, "/late"), "b").body == "late b");
}

TEST_CASE("http server: handler failures become 500", "[server][http]") {
    TestCert cert;
    HttpServer server(config_for(cert), [](HttpRequest&& req, Respond respond) {
        if (req.path == "/throw") throw std::runtime_error("boom \"quoted\"");
        if (req.path == "/drop") return;  // never answers; the dropped Respond answers 500
        if (req.path == "/status") {
            respond(status_only(42));
            return;
        }
        respond(body_only("ok"));
    });
    auto port = server.start();
    REQUIRE(port.has_value());

    Client c(cert.pin);
    auto t = c.request("GET", url(*port, "/throw"));
    REQUIRE(t.code == CURLE_OK);
    CHECK(t.status == 500);
    auto j = nlohmann::json::parse(t.body);
    CHECK(j["error"] == "internal");
    CHECK(j["message"].get<std::string>().find("boom") == std::string::npos);  // internals stay inside

    auto d = c.request("GET", url(*port, "/drop"));
    REQUIRE(d.code == CURLE_OK);
    CHECK(d.status == 500);

    auto s = c.request("GET", url(*port, "/status"));
    REQUIRE(s.code == CURLE_OK);
    CHECK(s.status == 500);

    auto ok = c.request("GET", url(*port, "/fine"));
    REQUIRE(ok.code == CURLE_OK);
    CHECK(ok.body == "ok");
    CHECK(server.stats().connections_total == 1);
}

TEST_CASE("http server: HEAD sends the length but no body", "[server][http]") {
    TestCert cert;
    HttpServer server(config_for(cert), [](HttpRequest&& req, Respond respond) {
        HttpResponse r;
        r.content_type = "text/plain";
        r.body = "hello world";
        r.head_only = req.path == "/explicit";
        respond(std::move(r));
    });
    auto port = server.start();
    REQUIRE(port.has_value());

    Client c(cert.pin);
    for (const char* path : {"/explicit", "/forced"}) {
        auto h = c.request("HEAD", url(*port, path));
        REQUIRE(h.code == CURLE_OK);
        CHECK(h.status == 200);
        CHECK(h.body.empty());
        CHECK(h.header("content-length") == "11");
    }
    // the connection is not confused by the missing body
    auto g = c.request("GET", url(*port, "/"));
    REQUIRE(g.code == CURLE_OK);
    CHECK(g.body == "hello world");
    CHECK(server.stats().connections_total == 1);
}

TEST_CASE("http server: stop() lets an in-flight request finish, then closes the port", "[server][http]") {
    TestCert cert;
    Workers workers;
    std::atomic<bool> in_handler{false};
    auto server = std::make_unique<HttpServer>(config_for(cert), [&](HttpRequest&&, Respond respond) {
        in_handler = true;
        workers.spawn([respond = std::move(respond)] {
            std::this_thread::sleep_for(500ms);
            respond(body_only("finished"));
        });
    });
    auto port = server->start();
    REQUIRE(port.has_value());

    // an idle keep-alive connection must not hold stop() up
    Client idle(cert.pin);
    REQUIRE(idle.request("GET", url(*port, "/quick")).code == CURLE_OK);
    in_handler = false;

    CurlResult slow;
    std::thread client([&] { slow = Client(cert.pin).request("GET", url(*port, "/slow")); });
    REQUIRE(eventually([&] { return in_handler.load(); }));

    const auto t0 = std::chrono::steady_clock::now();
    server->stop();
    const auto took = std::chrono::steady_clock::now() - t0;
    client.join();

    REQUIRE(slow.code == CURLE_OK);
    CHECK(slow.status == 200);
    CHECK(slow.body == "finished");
    CHECK(slow.header("connection") == "close");
    CHECK(took < 5s);
    CHECK(server->stats().connections_open == 0);
    CHECK(server->stats().tls_handshake_failures == 0);  // the drained idle connection is not one

    auto after = Client(cert.pin).request("GET", url(*port, "/"));
    CHECK(after.code == CURLE_COULDNT_CONNECT);

    server->stop();  // twice is fine
    server.reset();  // and the destructor stops again
}

TEST_CASE("http server: a Respond that outlives the server is harmless", "[server][http]") {
    TestCert cert;
    std::mutex mutex;
    std::vector<Respond> kept;
    auto cfg = config_for(cert);
    cfg.drain_timeout = 1s;
    auto server = std::make_unique<HttpServer>(cfg, [&](HttpRequest&&, Respond respond) {
        std::lock_guard lk(mutex);
        kept.push_back(std::move(respond));
    });
    auto port = server->start();
    REQUIRE(port.has_value());

    CurlResult r;
    std::thread client([&] { r = Client(cert.pin).request("GET", url(*port, "/never")); });
    REQUIRE(eventually([&] {
        std::lock_guard lk(mutex);
        return kept.size() == 1;
    }));
    server->stop();  // gives up after drain_timeout and closes the connection
    client.join();
    CHECK(r.code != CURLE_OK);
    server.reset();

    std::lock_guard lk(mutex);
    kept.front()(body_only("too late"));  // goes nowhere
    kept.clear();
}

TEST_CASE("http server: IPv6 loopback", "[server][http]") {
    if (!ipv6_loopback_available()) {
        WARN("no IPv6 loopback on this machine; skipped");
        return;
    }
    TestCert cert;
    HttpServer server(config_for(cert, "::1"), echo_handler());
    auto port = server.start();
    REQUIRE(port.has_value());
    auto r = Client(cert.pin).request("GET", url(*port, "/six", "[::1]"));
    REQUIRE(r.code == CURLE_OK);
    CHECK(r.status == 201);
    CHECK(r.header("x-remote").starts_with("[::1]:"));
}

TEST_CASE("http server: start() reports what is wrong", "[server][http]") {
    TestCert cert;
    SECTION("missing certificate") {
        auto cfg = config_for(cert);
        cfg.cert_pem = cert.dir.path / "nope.pem";
        HttpServer server(cfg, echo_handler());
        auto r = server.start();
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::not_found);
    }
    SECTION("key of another certificate") {
        TestCert other;
        auto cfg = config_for(cert);
        cfg.key_pem = other.key;
        HttpServer server(cfg, echo_handler());
        auto r = server.start();
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::invalid_argument);
    }
    SECTION("port in use") {
        HttpServer first(config_for(cert), echo_handler());
        auto p = first.start();
        REQUIRE(p.has_value());
        auto cfg = config_for(cert);
        cfg.port = *p;
        HttpServer second(cfg, echo_handler());
        auto r = second.start();
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::network);
    }
}

TEST_CASE("json_error escapes and never throws", "[server][http]") {
    auto r = json_error(400, "bad_input", Msg::verbatim, {"引号 \" 反斜杠 \\ 换行 \n 控制 \x01"});
    CHECK(r.status == 400);
    CHECK(r.content_type.starts_with("application/json"));
    auto j = nlohmann::json::parse(r.body);
    CHECK(j["error"] == "bad_input");
    CHECK(j["message"] == "引号 \" 反斜杠 \\ 换行 \n 控制 \x01");
    CHECK(r.body.starts_with(R"({"error":"bad_input","message":)"));
    CHECK(std::find(r.headers.begin(), r.headers.end(), std::pair<std::string, std::string>{"Ducha-Error", "bad_input"}) !=
          r.headers.end());

    auto bad_utf8 = json_error(500, "x", Msg::verbatim, {std::string("\xff\xfe", 2)});
    CHECK_NOTHROW(nlohmann::json::parse(bad_utf8.body));
}

TEST_CASE("error_response takes status, name and headers from the wire-error registry", "[server][http]") {
    auto busy = error_response(Error{Errc::unavailable, Msg::server_restarting_retry_shortly});
    CHECK(busy.status == 503);
    CHECK(busy.content_type.starts_with("application/json"));
    CHECK(std::find(busy.headers.begin(), busy.headers.end(), std::pair<std::string, std::string>{"Retry-After", "5"}) !=
          busy.headers.end());
    auto j = nlohmann::json::parse(busy.body);
    CHECK(j["error"] == "unavailable");
    CHECK(j["message"] == "服务器正在重启，请稍后重试 / the server is restarting: retry shortly");

    // The finer codes are typed, not put in front of the words.
    auto expired = error_response(Error{Errc::token_expired, Msg::access_token_expired_refresh});
    CHECK(expired.status == 401);
    auto e = nlohmann::json::parse(expired.body);
    CHECK(e["error"] == "token_expired");
    CHECK_FALSE(e["message"].get<std::string>().starts_with("token_expired"));

    // A refused chunk: 409 and where the upload stands, as a header.
    auto offset = error_response(wire::WireError{wire::error_of(Errc::offset_mismatch), 100});
    CHECK(offset.status == 409);
    CHECK(std::find(offset.headers.begin(), offset.headers.end(),
                    std::pair<std::string, std::string>{"Upload-Offset", "100"}) != offset.headers.end());
    CHECK(nlohmann::json::parse(offset.body)["error"] == "offset_mismatch");
}
