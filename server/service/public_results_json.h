#pragma once
// The public results page as JSON: {"generated_at","total","limit","offset","filters","results":[...]},
// each row with its codes and their bilingual labels.
#include "server/http/http_server.h"
#include "server/service/public_results_page.h"

namespace ducha::server {

HttpResponse public_results_json(const PublicResultsPage& page);

}  // namespace ducha::server
