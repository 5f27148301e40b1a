#pragma once
// One answer of the public results feed: the published rows a query's filters select, one page of
// them, with what every format prints around them.
#include <cstdint>
#include <string>
#include <vector>

#include "server/service/public_results_query.h"
#include "server/storage/public_results_reader.h"

namespace ducha::server {

struct PublicResultsPage {
    PublicQuery query;
    std::string district_name;      // the filtered district's name, if the filter names a known one
    std::int64_t generated_at = 0;  // unix seconds
    std::int64_t total = 0;         // rows matching the filters, before limit/offset
    std::vector<PublicResult> results;
};

// The rows of `published` that match q's district and days, newest first, from q.offset, at most
// q.limit of them; `generated_at` is the page's time (unix seconds).
PublicResultsPage select_public_results(const PublishedResults& published, const PublicQuery& q, std::int64_t generated_at);

}  // namespace ducha::server
