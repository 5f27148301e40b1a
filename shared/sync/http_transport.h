#pragma once
// How a device talks to the server: one request, one reply. CurlTransport (curl_transport.h) is the
// real one; tests put their own in between (a transport that loses a reply after the server acted,
// for example) through SyncClient::Config::transport.
#include <chrono>
#include <functional>
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
    virtual ~HttpTransport() = default;
    // Any HTTP status is a reply; only transport failures are errors (Errc::network/timeout, or
    // Errc::integrity when the server's key does not match the pin).
    virtual Result<HttpReply> request(const std::string& method, const std::string& path, const std::string& body,
                                      const std::map<std::string, std::string>& headers = {}) = 0;
    virtual const TransportConfig& config() const = 0;
};

// Makes the transport a sync client uses (a new one after a failure: a fresh connection).
using TransportFactory = std::function<std::unique_ptr<HttpTransport>(const TransportConfig&)>;

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
