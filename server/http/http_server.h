#pragma once
// The server's HTTPS transport: TLS 1.2+, HTTP/1.1 keep-alive, request -> response.
// It knows nothing of the application; the Handler decides everything about a request.
#include <any>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/common/result.h"

namespace ducha::server {

struct HttpRequest {
    std::string method;   // "GET", "POST", "PUT", "HEAD"
    std::string target;   // raw target incl. query
    std::string path;     // target without query (not percent-decoded)
    std::string query;    // after '?', raw
    std::map<std::string, std::string> headers;  // lower-case names; repeated fields joined by ", "
    std::string body;
    std::string remote;   // "127.0.0.1:54321" or "[::1]:54321"
    // What the HeaderCheck learned from the headers (who is calling), for the Handler.
    std::any verdict;

    std::string header(std::string_view lower_name) const;  // "" if absent
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "application/x-protobuf";
    std::string body;
    // Extra headers. Content-Length, Transfer-Encoding and Server are the transport's and are
    // ignored here; "Connection: close" closes the connection after this response.
    std::vector<std::pair<std::string, std::string>> headers;
    bool head_only = false;  // send headers (Content-Length of body) but no body; forced for HEAD
    // When set on a 200 with an empty body: the body is this file, streamed from disk as it is
    // written out (never whole in memory). A file that cannot be opened gets a 500.
    std::filesystem::path body_file;
};

// Must be called once (later calls are ignored); callable from any thread. If every copy is
// dropped without a call, the client gets a 500.
using Respond = std::function<void(HttpResponse)>;
// Called on an I/O thread, possibly concurrently for different connections. It must not block
// for long: respond later from another thread instead.
using Handler = std::function<void(HttpRequest&&, Respond)>;

// What the application decides from a request's headers, before any of its body is read.
struct BodyPolicy {
    std::size_t max_body = 0;             // this request's body limit (over it: 413 too_large)
    std::optional<HttpResponse> refusal;  // answered at once, the body unread (the connection closes)
    std::any verdict;                     // handed to the Handler as HttpRequest::verdict
};
// Called on an I/O thread with the request's headers (no body yet); must be quick.
using HeaderCheck = std::function<BodyPolicy(const HttpRequest&)>;

struct HttpServerConfig {
    std::string host = "127.0.0.1";  // an IPv4/IPv6 address or a name to resolve
    std::uint16_t port = 0;          // 0: the OS picks
    std::filesystem::path cert_pem, key_pem;
    std::size_t max_body = 16 * 1024 * 1024;  // without a header_check; with one, its answer
    // Sees each request's headers before its body is read: may refuse it, or set its body limit.
    HeaderCheck header_check;
    std::chrono::seconds read_timeout{30};    // header+body of one request
    std::chrono::seconds idle_timeout{120};   // keep-alive idle
    std::chrono::seconds write_timeout{60};   // one response
    std::chrono::seconds drain_timeout{10};   // stop(): how long in-flight requests may take
    // Open connections at most: one beyond is closed as soon as it is accepted (before TLS), so a
    // flood of idle connections cannot take the memory and descriptors the syncs need.
    std::size_t max_connections = 10000;
    int threads = 2;
};

class HttpServer {
public:
    HttpServer(HttpServerConfig cfg, Handler handler);
    ~HttpServer();  // stops
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Loads the TLS files, binds, listens, starts the threads; returns the bound port.
    Result<std::uint16_t> start();
    // Graceful drain: stop accepting, close idle connections, let in-flight requests finish
    // (bounded by drain_timeout), then close everything and join the threads. Idempotent.
    void stop();
    std::uint16_t port() const;
    // Reads the certificate and key files again (a renewed certificate): connections opened from
    // now on get the new pair; open ones keep theirs and are not dropped. A pair that does not load
    // or does not match leaves the old one serving and is the error.
    [[nodiscard]] Status reload_tls();

    struct Stats {
        std::uint64_t connections_open, connections_total, requests_total, tls_handshake_failures;
        std::uint64_t connections_refused;  // closed at once: max_connections were open, or no descriptor was left
    };
    Stats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace ducha::server
