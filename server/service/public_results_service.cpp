#include "server/service/public_results_service.h"

#include "server/service/public_results_csv.h"
#include "server/service/public_results_html.h"
#include "server/service/public_results_json.h"

namespace ducha::server {

Result<PublicQuery> PublicResultsService::parse_query(std::string_view raw, std::string_view accept) {
    return parse_public_query(raw, accept);
}

void PublicResultsService::list(PublicQuery q, std::function<void(Result<PublicResultsPage>)> done) {
    m_ctx.workers->post([this, q = std::move(q), done = std::move(done)] { done(list_now(q)); });
}

Result<PublicResultsPage> PublicResultsService::list_now(const PublicQuery& q) {
    auto published = m_cache.current();
    if (!published) return fail(published.error());
    return select_public_results(**published, q, m_ctx.clock->now_s());
}

HttpResponse PublicResultsService::response(const PublicResultsPage& page) {
    switch (page.query.format) {
        case PublicFormat::csv: return public_results_csv(page);
        case PublicFormat::html: return public_results_html(page);
        case PublicFormat::json: break;
    }
    return public_results_json(page);
}

}  // namespace ducha::server
