#pragma once
// The public results page as a self-contained printable HTML page: inline CSS only, no script, no
// outside resource, every text escaped.
#include "server/http/http_server.h"
#include "server/service/public_results_page.h"

namespace ducha::server {

HttpResponse public_results_html(const PublicResultsPage& page);

}  // namespace ducha::server
