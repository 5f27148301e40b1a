#pragma once
// Maps HTTP requests to the services. Plain request → response; does no I/O of its own beyond
// handing work to the services.
#include <functional>

#include "server/http/http_server.h"
#include "server/service/attempt_limiter.h"
#include "server/service/audit_service.h"
#include "server/service/auth_service.h"
#include "server/service/badge_service.h"
#include "server/service/inspector_roster_service.h"
#include "server/service/blob_service.h"
#include "server/service/public_results_service.h"
#include "server/service/server_context.h"
#include "server/service/sync_service.h"

namespace ducha::server {

class Router {
public:
    Router(ServerContext& ctx, std::function<HttpServer::Stats()> http_stats);
    void handle(HttpRequest&& req, Respond respond);
    // Before a body is read (HttpServerConfig::header_check): an endpoint that takes a token gets
    // max_body, and a request with a body and a missing, unknown or expired token is refused
    // unread; every other endpoint gets max_public_body. An address past its sign-in attempts
    // (enroll, refresh, challenge, device sign-in) gets 429 rate_limited, its body unread.
    BodyPolicy body_policy(const HttpRequest& req);

private:
    void blobs(HttpRequest&& req, Respond respond);
    void audit(HttpRequest&& req, Respond respond);
    void badge(HttpRequest&& req, Respond respond);
    void public_results(HttpRequest&& req, Respond respond);
    // Who is calling: the header check's answer, else the token looked up now.
    Result<Caller> caller_of(const HttpRequest& req);
    void public_inspectors(HttpRequest&& req, Respond respond);
    HttpResponse healthz();
    HttpResponse readyz();
    HttpResponse metrics();

    ServerContext& m_ctx;
    std::function<HttpServer::Stats()> m_http_stats;
    AuthService m_auth;
    SyncService m_sync;
    BlobService m_blobs;
    AuditService m_audit;
    BadgeService m_badge;
    InspectorRosterService m_inspectors;
    PublicResultsService m_public_results;
    AttemptLimiter m_sign_ins;
};

}  // namespace ducha::server
