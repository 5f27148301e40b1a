// The volunteer's badge QR: a public link GET /v1/public/badge/{token} that anyone who scans it
// opens, without signing in. The path's token, the query (?format=html|json, device=ID) and the
// Accept header are the scanner's; the server checks the token's shape (and the device's, when
// given), looks it up and answers a page or JSON. Parts, separated: token, query, Accept; the
// first byte picks GET or HEAD.
#include <cstdlib>

#include "server/service/badge_service.h"
#include "tests/fuzz/support/fuzz_input.h"
#include "tests/fuzz/support/fuzz_server.h"

using namespace ducha;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::FuzzInput in(data, size);
    server::HttpRequest http;
    http.method = in.byte() & 1 ? "HEAD" : "GET";
    const std::string token = in.part();
    http.query = in.part();
    http.headers["accept"] = in.rest();
    http.path = "/v1/public/badge/" + token;
    http.target = http.path + (http.query.empty() ? "" : "?" + http.query);
    const bool well_formed = server::BadgeService::valid_token(token);
    auto resp = fuzz::FuzzServer::shared().handle(std::move(http));
    if (!well_formed && resp.status != 400) std::abort();  // a malformed token never reaches the database
    return 0;
}
