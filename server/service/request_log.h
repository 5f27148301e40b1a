#pragma once
// One JSON line per answered request, for the journal and log shippers: when, a request id (the
// caller's X-Request-Id when it is a sane token, else a new one, and sent back in the answer),
// method, path, status, the error code of a refusal, bytes, milliseconds and the peer; the
// answer carries the same milliseconds as `Server-Timing: app;dur=MS`. Badge tokens
// in paths are not written out. Requests the application refuses from their headers alone (no
// token, too many sign-ins) are logged too; what the transport refuses by itself (a body or
// headers over the limit, what never parses as HTTP) is counted in /metrics instead.
#include <functional>
#include <string>
#include <string_view>

#include "server/http/http_server.h"

namespace ducha::server {

class RequestLog {
public:
    using Sink = std::function<void(std::string_view line)>;  // called from I/O and worker threads
    explicit RequestLog(Sink sink) : m_sink(std::move(sink)) {}

    // A Respond that adds X-Request-Id to the answer and writes the line when it is given.
    Respond wrap(const HttpRequest& req, Respond respond) const;
    // The same for an answer given from the headers alone, before any body was read.
    void refused(const HttpRequest& req, HttpResponse& answer) const;

    // The id a request is known by: the caller's when it is 1 to 64 of [A-Za-z0-9._-], else new.
    static std::string request_id(const HttpRequest& req);
    // The path as logged: /v1/public/badge/TOKEN becomes /v1/public/badge/…
    static std::string loggable_path(std::string_view path);
    // "2026-11-30T03:15:00.123Z"
    static std::string utc_timestamp();

private:
    Sink m_sink;
};

}  // namespace ducha::server
