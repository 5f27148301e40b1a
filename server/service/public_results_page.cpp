#include "server/service/public_results_page.h"

namespace ducha::server {

PublicResultsPage select_public_results(const PublishedResults& published, const PublicQuery& q, std::int64_t generated_at) {
    PublicResultsPage page;
    page.query = q;
    page.generated_at = generated_at;
    for (const auto& [id, name] : published.districts)
        if (id == q.district) page.district_name = name;
    for (const auto& r : published.rows) {
        if (!q.district.empty() && r.district_id != q.district) continue;
        if (!q.from.empty() && r.date < q.from) continue;
        if (!q.to.empty() && r.date > q.to) continue;
        if (page.total >= q.offset && page.total < q.offset + q.limit) page.results.push_back(r);
        ++page.total;
    }
    return page;
}

}  // namespace ducha::server
