#pragma once
// GET /v1/public/results (一公开): the results of completed open inspections, for anyone, without
// logging in — JSON, CSV or a printable HTML page. Read-only and not audited, like the badge check.
//
// The service only composes its parts, one concern each:
//   the request's filters     server/service/public_results_query.h
//   what is published (SQL)   server/storage/public_results_reader.h
//   kept between requests     server/service/public_results_cache.h
//   one page of it            server/service/public_results_page.h
//   the answer                server/service/public_results_{json,csv,html}.h (words: public_results_labels.h)
#include <functional>

#include "server/http/http_server.h"
#include "server/service/public_results_cache.h"
#include "server/service/public_results_page.h"
#include "server/service/public_results_query.h"
#include "server/service/server_context.h"

namespace ducha::server {

class PublicResultsService {
public:
    explicit PublicResultsService(ServerContext& ctx) : m_ctx(ctx), m_cache(*ctx.readers) {}

    // See parse_public_query.
    static Result<PublicQuery> parse_query(std::string_view raw_query, std::string_view accept);

    // Reads on a worker thread (off the I/O threads); `done` runs there.
    void list(PublicQuery q, std::function<void(Result<PublicResultsPage>)> done);
    // The same, synchronously on the caller's thread.
    Result<PublicResultsPage> list_now(const PublicQuery& q);

    // The page in q.format.
    static HttpResponse response(const PublicResultsPage& page);

private:
    ServerContext& m_ctx;
    PublicResultsCache m_cache;
};

}  // namespace ducha::server
