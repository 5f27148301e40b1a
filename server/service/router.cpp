#include "server/service/router.h"

#include <filesystem>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "server/http/json_error.h"
#include "shared/crypto/sha256.h"

namespace ducha::server {

namespace {

HttpResponse proto_response(const google::protobuf::Message& m) {
    HttpResponse r;
    r.body = m.SerializeAsString();
    return r;
}

template <typename M>
std::optional<M> parse_body(const HttpRequest& req) {
    M m;
    if (!m.ParseFromString(req.body)) return std::nullopt;
    return m;
}

// The badge query's parameters as they came ("a=1", "b"), undecoded, in order: the badge answers
// read only fixed words and ids, so nothing in them needs decoding.
std::vector<std::string_view> raw_params(std::string_view q) {
    std::vector<std::string_view> out;
    while (!q.empty()) {
        auto amp = q.find('&');
        out.push_back(q.substr(0, amp));
        q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
    }
    return out;
}

// The badge page for a browser: ?format=html (or format=json) decides; otherwise Accept: text/html.
bool wants_html(const HttpRequest& req) {
    for (auto param : raw_params(req.query)) {
        if (param == "format=html") return true;
        if (param == "format=json") return false;
    }
    std::string accept = req.header("accept");
    for (auto& c : accept) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return accept.find("text/html") != std::string::npos;
}

// The phone that showed a badge: ?device=ID (absent: ""). Present but malformed is refused, so
// a mangled QR never passes for a plain token check.
Result<std::string> badge_device(const HttpRequest& req) {
    std::string device;
    bool given = false;
    for (auto param : raw_params(req.query)) {
        if (param == "device" || param.rfind("device=", 0) == 0) {
            if (given) return fail(Errc::invalid_argument, Msg::malformed_badge_device);  // one phone, not two
            given = true;
            device = std::string(param.substr(std::min(param.size(), std::string_view("device=").size())));
        }
    }
    if (given && !BadgeService::valid_device(device)) return fail(Errc::invalid_argument, Msg::malformed_badge_device);
    return device;
}

HttpResponse malformed(std::string_view what) {
    return error_response(Error{Errc::malformed, Msg::request_not_valid_protobuf, what});
}

HttpResponse method_not_allowed(Msg words) {
    return error_response(Error{Errc::method_not_allowed, words});
}

// The one answer for a blob the caller may not see and for one that does not exist: the same
// bytes either way, so an answer never tells whether a file is stored.
HttpResponse blob_not_found(bool head) {
    HttpResponse r = error_response(Error{Errc::not_found, Msg::no_such_blob});
    r.head_only = head;
    return r;
}

}  // namespace

Router::Router(ServerContext& ctx, std::function<HttpServer::Stats()> http_stats)
    : m_ctx(ctx), m_http_stats(std::move(http_stats)), m_auth(ctx), m_sync(ctx),
      m_blobs(ctx), m_audit(ctx), m_badge(ctx, m_blobs), m_inspectors(ctx), m_public_results(ctx),
      m_sign_ins(ctx.limits.sign_ins_per_minute, *ctx.clock) {}

// The endpoints a caller reaches only with an access token.
static bool takes_token(const std::string& path) {
    return path == "/v1/sync" || path == "/v1/admin/enrollment-code" || path == "/v1/audit" ||
           path.rfind("/v1/blobs/", 0) == 0;
}

static bool has_body(const HttpRequest& req) {
    const std::string length = req.header("content-length");
    return (!length.empty() && length != "0") || !req.header("transfer-encoding").empty();
}

// The endpoints that hand out tokens: each attempt costs a lookup or a commit, so they are counted.
static bool hands_out_tokens(const std::string& path) {
    return path == "/v1/enroll" || path == "/v1/token/refresh" || path == "/v1/token/challenge" ||
           path == "/v1/token/device";
}

BodyPolicy Router::body_policy(const HttpRequest& req) {
    BodyPolicy p;
    if (!takes_token(req.path)) {
        p.max_body = m_ctx.limits.max_public_body;
        if (hands_out_tokens(req.path) && !m_sign_ins.allow(AttemptLimiter::address_of(req.remote))) {
            ++m_ctx.counters.sign_ins_refused;
            p.refusal = error_response(Error{Errc::rate_limited, Msg::too_many_sign_in_attempts,
                                             std::to_string(m_ctx.limits.sign_ins_per_minute)});
        }
        return p;
    }
    p.max_body = m_ctx.limits.max_body;
    // Without a body nothing is saved by deciding early: the handler answers as it always has.
    if (!has_body(req) || m_ctx.draining) return p;
    auto caller = m_auth.authenticate(req.header("authorization"));
    if (!caller) {
        p.refusal = error_response(caller.error());
        return p;
    }
    p.verdict = std::move(*caller);
    return p;
}

Result<Caller> Router::caller_of(const HttpRequest& req) {
    if (const auto* c = std::any_cast<Caller>(&req.verdict)) return *c;
    return m_auth.authenticate(req.header("authorization"));
}

void Router::handle(HttpRequest&& req, Respond respond) {
    const auto& path = req.path;
    if (path == "/healthz" && (req.method == "GET" || req.method == "HEAD")) return respond(healthz());
    if (path == "/readyz" && (req.method == "GET" || req.method == "HEAD")) return respond(readyz());
    if (path == "/metrics" && req.method == "GET") return respond(metrics());
    if (m_ctx.draining) {
        return respond(error_response(Error{Errc::unavailable, Msg::server_restarting_retry_shortly}));
    }
    if (path == "/v1/token/challenge") {
        if (req.method != "POST") return respond(method_not_allowed(Msg::use_post));
        auto m = parse_body<pb::DeviceChallengeRequest>(req);
        if (!m) return respond(malformed("DeviceChallengeRequest"));
        return m_auth.challenge(*m, [respond](Result<pb::DeviceChallenge> r) {
            respond(r ? proto_response(*r) : error_response(r.error()));
        });
    }
    if (path == "/v1/enroll" || path == "/v1/token/refresh" || path == "/v1/token/device") {
        if (req.method != "POST") return respond(method_not_allowed(Msg::use_post));
        auto reply = [respond](Result<pb::TokenResponse> r) {
            respond(r ? proto_response(*r) : error_response(r.error()));
        };
        if (path == "/v1/enroll") {
            auto m = parse_body<pb::EnrollRequest>(req);
            if (!m) return respond(malformed("EnrollRequest"));
            return m_auth.enroll(*m, reply);
        }
        if (path == "/v1/token/device") {
            auto m = parse_body<pb::DeviceSignInRequest>(req);
            if (!m) return respond(malformed("DeviceSignInRequest"));
            return m_auth.sign_in(*m, reply);
        }
        auto m = parse_body<pb::RefreshRequest>(req);
        if (!m) return respond(malformed("RefreshRequest"));
        return m_auth.refresh(*m, reply);
    }
    if (path == "/v1/sync") {
        if (req.method != "POST") return respond(method_not_allowed(Msg::use_post));
        auto caller = caller_of(req);
        if (!caller) return respond(error_response(caller.error()));
        auto m = parse_body<pb::SyncRequest>(req);
        if (!m) {
            m_ctx.counters.bad_requests++;
            return respond(malformed("SyncRequest"));
        }
        return m_sync.handle(std::move(*caller), std::move(*m), [respond](Result<pb::SyncResponse> r) {
            respond(r ? proto_response(*r) : error_response(r.error()));
        });
    }
    if (path == "/v1/admin/enrollment-code") {
        if (req.method != "POST") return respond(method_not_allowed(Msg::use_post));
        auto caller = caller_of(req);
        if (!caller) return respond(error_response(caller.error()));
        auto j = nlohmann::json::parse(req.body, nullptr, false);
        if (!j.is_object() || !j.contains("user_id") || !j["user_id"].is_string())
            return respond(error_response(Error{Errc::malformed, Msg::body_must_user_id}));
        return m_auth.issue_code(*caller, j["user_id"].get<std::string>(), [respond](Result<std::string> r) {
            if (!r) return respond(error_response(r.error()));
            HttpResponse ok;
            ok.content_type = "application/json";
            ok.body = nlohmann::json{{"code", *r}}.dump();
            respond(ok);
        });
    }
    if (path.rfind("/v1/blobs/", 0) == 0) return blobs(std::move(req), std::move(respond));
    if (path == "/v1/audit") return audit(std::move(req), std::move(respond));
    if (path.rfind("/v1/public/badge/", 0) == 0) return badge(std::move(req), std::move(respond));
    if (path == "/v1/public/results") return public_results(std::move(req), std::move(respond));
    if (path == "/v1/public/inspectors") return public_inspectors(std::move(req), std::move(respond));
    respond(error_response(Error{Errc::not_found, Msg::no_such_endpoint, req.method, path}));
}

void Router::blobs(HttpRequest&& req, Respond respond) {
    std::string hex = req.path.substr(std::string_view("/v1/blobs/").size());
    if (!BlobStore::valid_name(hex))
        return respond(error_response(Error{Errc::invalid_argument, Msg::blob_name_must_sha_256}));
    auto caller = caller_of(req);
    if (!caller) return respond(error_response(caller.error()));
    auto with_offset = [](HttpResponse r, const BlobStore::State& s) {
        r.headers.emplace_back("Upload-Offset", std::to_string(s.received));
        r.headers.emplace_back("Blob-Complete", s.complete ? "1" : "0");
        return r;
    };
    if (req.method == "HEAD") {
        return m_blobs.head(std::move(*caller), std::move(hex), [respond, with_offset](Result<std::optional<BlobStore::State>> st) {
            if (!st) return respond(error_response(st.error()));
            if (!*st) return respond(blob_not_found(true));
            HttpResponse r;
            r.head_only = true;
            r.content_type = "application/octet-stream";
            respond(with_offset(r, **st));
        });
    }
    if (req.method == "GET") {
        return m_blobs.get(std::move(*caller), std::move(hex), [respond](Result<std::optional<std::filesystem::path>> file) {
            if (!file) return respond(error_response(file.error()));
            if (!*file) return respond(blob_not_found(false));
            HttpResponse r;
            r.content_type = "application/octet-stream";
            r.headers.emplace_back("Cache-Control", "private, no-store");
            r.body_file = std::move(**file);  // streamed from disk, not read into memory
            respond(std::move(r));
        });
    }
    if (req.method != "PUT") return respond(method_not_allowed(Msg::use_head_put_or_get));
    if (req.body.size() > m_ctx.limits.max_blob_chunk)
        return respond(error_response(Error{Errc::too_large, Msg::chunk_too_large, std::to_string(m_ctx.limits.max_blob_chunk)}));
    // Content-Range: bytes START-END/TOTAL (END inclusive); absent = the whole blob in one piece.
    std::uint64_t start = 0, total = req.body.size();
    std::string range = req.header("content-range");
    if (!range.empty()) {
        std::uint64_t end = 0;
        if (std::sscanf(range.c_str(), "bytes %lu-%lu/%lu", &start, &end, &total) != 3 ||
            end + 1 - start != req.body.size())
            return respond(error_response(Error{Errc::invalid_argument, Msg::bad_content_range, range}));
    }
    m_ctx.counters.blob_bytes_received += req.body.size();
    ServerCounters& counters = m_ctx.counters;
    m_blobs.put(std::move(*caller), std::move(hex), start, total, std::move(req.body),
                [respond, with_offset, &counters](BlobService::PutResult st) {
                    if (!st) {  // offset_mismatch carries its Upload-Offset (see the wire registry)
                        if (st.error().code() == Errc::integrity) counters.blob_hash_mismatches++;
                        return respond(error_response(st.error()));
                    }
                    if (st->complete) counters.blobs_completed++;
                    HttpResponse r;
                    r.status = st->complete ? 201 : 202;
                    r.content_type = "application/json";
                    r.body = nlohmann::json{{"complete", st->complete}, {"received", st->received}}.dump();
                    respond(with_offset(r, *st));
                });
}

// GET /v1/audit: see AuditService.
void Router::audit(HttpRequest&& req, Respond respond) {
    if (req.method != "GET") return respond(method_not_allowed(Msg::use_get));
    auto caller = caller_of(req);
    if (!caller) return respond(error_response(caller.error()));
    auto q = AuditService::parse_query(req.query);
    if (!q) return respond(error_response(q.error()));
    m_audit.read(std::move(*caller), std::move(*q), [respond](Result<AuditPage> page) {
        respond(page ? AuditService::json_response(*page) : error_response(page.error()));
    });
}

// GET /v1/public/badge/{token}[/photo][?device=ID]: no authentication; see BadgeService.
void Router::badge(HttpRequest&& req, Respond respond) {
    if (req.method != "GET" && req.method != "HEAD") return respond(method_not_allowed(Msg::use_get));
    std::string token = req.path.substr(std::string_view("/v1/public/badge/").size());
    constexpr std::string_view kPhoto = "/photo";
    const bool photo = token.size() > kPhoto.size() && token.ends_with(kPhoto);
    if (photo) token.resize(token.size() - kPhoto.size());
    if (!BadgeService::valid_token(token))
        return respond(error_response(Error{Errc::invalid_argument, Msg::malformed_badge_token_1_128}));
    auto device = badge_device(req);
    if (!device) return respond(error_response(device.error()));
    if (photo)
        return m_badge.photo(std::move(token), std::move(*device), [respond](Result<std::optional<BadgePhoto>>&& p) {
            if (!p) return respond(error_response(std::move(p).error()));
            if (!*p) return respond(error_response(Error{Errc::not_found, Msg::no_badge_photo_here}));
            respond(BadgeService::photo_response(**p));
        });
    m_badge.check(std::move(token), std::move(*device), [respond, html = wants_html(req)](Result<BadgeCheck>&& r) {
        if (!r) return respond(error_response(std::move(r).error()));
        respond(html ? BadgeService::html_response(*r) : BadgeService::json_response(*r));
    });
}

// GET /v1/public/results: no authentication; see PublicResultsService.
void Router::public_results(HttpRequest&& req, Respond respond) {
    if (req.method != "GET" && req.method != "HEAD") return respond(method_not_allowed(Msg::use_get));
    auto q = PublicResultsService::parse_query(req.query, req.header("accept"));
    if (!q) return respond(error_response(q.error()));
    m_public_results.list(std::move(*q), [respond](Result<PublicResultsPage>&& r) {
        if (!r) return respond(error_response(std::move(r).error()));
        respond(PublicResultsService::response(*r));
    });
}

// GET /v1/public/inspectors[?district=ID]: no authentication; see InspectorRosterService.
void Router::public_inspectors(HttpRequest&& req, Respond respond) {
    if (req.method != "GET" && req.method != "HEAD") return respond(method_not_allowed(Msg::use_get));
    std::string district;
    for (auto param : raw_params(req.query)) {
        if (param == "format=html" || param == "format=json") continue;  // read by wants_html
        if (param.rfind("district=", 0) != 0)
            return respond(error_response(Error{Errc::invalid_argument, Msg::unknown_query_parameter_use_district, std::string(param.substr(0, 64))}));
        district = std::string(param.substr(std::string_view("district=").size()));
        if (!BadgeService::valid_device(district))  // ids are UUIDs: the same characters
            return respond(error_response(Error{Errc::invalid_argument, Msg::district_must_district_id_got, district.substr(0, 64)}));
    }
    m_inspectors.list(std::move(district), [respond, html = wants_html(req)](Result<InspectorRoster>&& r) {
        if (!r) return respond(error_response(std::move(r).error()));
        respond(html ? InspectorRosterService::html_response(*r) : InspectorRosterService::json_response(*r));
    });
}

HttpResponse Router::healthz() {
    auto w = m_ctx.writer->stats();
    HttpResponse r;
    r.status = m_ctx.draining ? 503 : 200;
    r.content_type = "application/json";
    r.body = nlohmann::json{{"status", m_ctx.draining ? "draining" : "ok"}, {"seq", w.last_seq}}.dump();
    return r;
}

// Ready for devices: not draining, the database answers a read, and the data directory has room
// for a day of evidence (below it every write would soon get 507). A load balancer or the
// operator's monitor asks this; /healthz only says the process is up.
HttpResponse Router::readyz() {
    constexpr std::uintmax_t kMinFree = 256ull * 1024 * 1024;
    nlohmann::json problems = nlohmann::json::array();
    if (m_ctx.draining) problems.push_back("draining");
    if (auto s = m_ctx.readers->probe(); !s) problems.push_back("database: " + s.error().text(Lang::en));
    std::error_code ec;
    const auto space = std::filesystem::space(m_ctx.data_dir, ec);
    if (ec) problems.push_back("disk: " + ec.message());
    else if (space.available < kMinFree)
        problems.push_back("disk: " + std::to_string(space.available / (1024 * 1024)) + " MiB free in the data directory");
    HttpResponse r;
    r.status = problems.empty() ? 200 : 503;
    r.content_type = "application/json";
    nlohmann::json body{{"status", problems.empty() ? "ready" : "not_ready"}};
    if (!problems.empty()) body["problems"] = problems;
    r.body = body.dump();
    return r;
}

HttpResponse Router::metrics() {
    std::ostringstream o;
    auto metric = [&o](std::string_view name, std::string_view type, std::string_view help, std::uint64_t v) {
        o << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n' << name << ' ' << v << '\n';
    };
    const auto& c = m_ctx.counters;
    metric("ducha_sync_requests_total", "counter", "POST /v1/sync requests", c.sync_requests);
    metric("ducha_mutations_applied_total", "counter", "device changes applied", c.mutations_applied);
    metric("ducha_mutations_duplicate_total", "counter", "retried changes answered with their original ack", c.mutations_duplicate);
    metric("ducha_mutations_rejected_total", "counter", "changes refused for good", c.mutations_rejected);
    metric("ducha_mutations_conflict_total", "counter", "compare-and-set conflicts", c.mutations_conflict);
    metric("ducha_records_pulled_total", "counter", "records sent to devices", c.records_pulled);
    metric("ducha_enrollments_total", "counter", "devices enrolled", c.enrollments);
    metric("ducha_auth_failures_total", "counter", "requests refused for their token", c.auth_failures);
    metric("ducha_blob_bytes_received_total", "counter", "evidence bytes received", c.blob_bytes_received);
    metric("ducha_blobs_completed_total", "counter", "evidence files verified and stored", c.blobs_completed);
    metric("ducha_blob_hash_mismatches_total", "counter", "uploads discarded for a wrong SHA-256", c.blob_hash_mismatches);
    metric("ducha_blob_uploads_refused_total", "counter", "new uploads refused: the device's unfinished uploads were at their limit",
           c.blob_uploads_refused);
    metric("ducha_blob_partials_swept_total", "counter", "unfinished uploads removed after no chunk came for --stale-upload-days",
           c.blob_partials_swept);
    metric("ducha_sign_ins_refused_total", "counter",
           "enrollments, refreshes and device sign-ins refused: their address passed --max-sign-ins-per-minute",
           c.sign_ins_refused);
    metric("ducha_bad_requests_total", "counter", "unparseable requests", c.bad_requests);
    auto w = m_ctx.writer->stats();
    metric("ducha_commit_batches_total", "counter", "group commits", w.batches);
    metric("ducha_commit_jobs_total", "counter", "jobs committed", w.jobs);
    metric("ducha_commit_failed_batches_total", "counter", "group commits rolled back", w.failed_batches);
    metric("ducha_writer_queue", "gauge", "jobs waiting for the writer", w.queued);
    metric("ducha_seq", "gauge", "last committed change sequence", static_cast<std::uint64_t>(w.last_seq));
    if (m_http_stats) {
        auto h = m_http_stats();
        metric("ducha_http_connections_open", "gauge", "open connections", h.connections_open);
        metric("ducha_http_connections_total", "counter", "accepted connections", h.connections_total);
        metric("ducha_http_requests_total", "counter", "HTTP requests", h.requests_total);
        metric("ducha_tls_handshake_failures_total", "counter", "failed TLS handshakes", h.tls_handshake_failures);
        metric("ducha_http_connections_refused_total", "counter", "connections closed at once: --max-connections were open",
               h.connections_refused);
    }
    HttpResponse r;
    r.content_type = "text/plain; version=0.0.4";
    r.body = o.str();
    return r;
}

}  // namespace ducha::server
