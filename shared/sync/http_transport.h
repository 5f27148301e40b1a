#pragma once
// HTTPS to the Ducha server over libcurl: TLS 1.2+, the server's public key pinned, one reused
// connection (keep-alive). Not thread-safe: one transport per sync client.
#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "shared/common/result.h"
#include "shared/common/wire_error.h"

namespace ducha::sync {

struct HttpReply {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string header(const std::string& lower) const {
        auto it = headers.find(lower);
        return it == headers.end() ? std::string{} : it->second;
    }
};

struct TransportConfig {
    std::string base_url;  // https://host:port
    std::string pin;       // sha256//BASE64; empty = verify against the system CAs instead
    std::chrono::milliseconds connect_timeout{10000};
    std::chrono::milliseconds timeout{120000};
    long low_speed_bytes_per_s = 100;  // below this for low_speed_time: give up (a stalled link)
    std::chrono::seconds low_speed_time{30};
};

class HttpTransport {
public:
    explicit HttpTransport(TransportConfig cfg);
    ~HttpTransport();
    HttpTransport(HttpTransport&&) noexcept;
    HttpTransport& operator=(HttpTransport&&) noexcept;

    // Any HTTP status is a reply; only transport failures are errors (Errc::network/timeout, or
    // Errc::integrity when the server's key does not match the pin).
    Result<HttpReply> request(const std::string& method, const std::string& path, const std::string& body,
                              const std::map<std::string, std::string>& headers = {});
    const TransportConfig& config() const { return m_cfg; }

private:
    TransportConfig m_cfg;
    void* m_curl = nullptr;
};

// A reply that is not a success, read through the wire-error registry: an Error with the code the
// server sent (the status's when this device does not know the code) and its words, and the
// Upload-Offset of an offset_mismatch. What to do with it: wire::action_for(e.code()).
wire::WireError reply_error(const HttpReply& r);

// The body's {"error":..., "message":...} as text (the code as sent, even one this device does not
// know), or a generic text for the status. Prefer reply_error, which gives the typed code.
struct ServerError {
    std::string code;
    std::string message;
};
ServerError parse_server_error(const HttpReply& r);

}  // namespace ducha::sync
