#pragma once
// The public results page as CSV: UTF-8 with a BOM (so spreadsheet programs read it as UTF-8), a
// header row, RFC 4180 quoting, offered as a file to save.
#include "server/http/http_server.h"
#include "server/service/public_results_page.h"

namespace ducha::server {

HttpResponse public_results_csv(const PublicResultsPage& page);

}  // namespace ducha::server
