#include "server/service/request_log.h"

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

#include "shared/common/wire_error.h"
#include "shared/crypto/random.h"

namespace ducha::server {

namespace {

bool sane_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

}  // namespace

std::string RequestLog::request_id(const HttpRequest& req) {
    std::string given = req.header("x-request-id");
    return sane_id(given) ? given : crypto::random_token(12);
}

std::string RequestLog::loggable_path(std::string_view path) {
    constexpr std::string_view kBadge = "/v1/public/badge/";
    if (path.rfind(kBadge, 0) == 0 && path.size() > kBadge.size()) return std::string(kBadge) + "…";
    return std::string(path);
}

std::string RequestLog::utc_timestamp() {
    const auto now = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    const std::time_t s = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[40];
    const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    char frac[8];
    std::snprintf(frac, sizeof frac, ".%03dZ", static_cast<int>(ms % 1000));
    return std::string(buf, n) + frac;
}

namespace {

struct Started {
    std::string id, method, path, remote;
    std::chrono::steady_clock::time_point at;
};

// Adds the id to the answer and makes its line.
std::string finish(const Started& st, HttpResponse& r) {
    r.headers.emplace_back("X-Request-Id", st.id);
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - st.at).count();
    // The same time as the line's "ms", to the microsecond, for the client (W3C Server-Timing):
    // a benchmark tells the server's share of a request from the network's and its own.
    char timing[48];
    std::snprintf(timing, sizeof timing, "app;dur=%.3f", ms);
    r.headers.emplace_back("Server-Timing", timing);
    nlohmann::json line{{"ts", RequestLog::utc_timestamp()},
                        {"event", "request"},
                        {"request_id", st.id},
                        {"method", st.method},
                        {"path", st.path},
                        {"status", r.status},
                        {"bytes", r.body.size()},
                        {"ms", static_cast<double>(static_cast<long long>(ms * 10)) / 10},
                        {"remote", st.remote}};
    for (const auto& [name, value] : r.headers)
        if (name == wire::kErrorHeader) line["error"] = value;
    if (!r.body_file.empty()) line["file"] = true;
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Respond RequestLog::wrap(const HttpRequest& req, Respond respond) const {
    Started st{request_id(req), req.method, loggable_path(req.path), req.remote, std::chrono::steady_clock::now()};
    return [sink = m_sink, st = std::move(st), respond = std::move(respond)](HttpResponse r) mutable {
        // Written before the answer leaves: whoever got the answer can find its line.
        const std::string line = finish(st, r);
        if (sink) sink(line);
        respond(std::move(r));
    };
}

void RequestLog::refused(const HttpRequest& req, HttpResponse& answer) const {
    const Started st{request_id(req), req.method, loggable_path(req.path), req.remote, std::chrono::steady_clock::now()};
    const std::string line = finish(st, answer);
    if (m_sink) m_sink(line);
}

}  // namespace ducha::server
