// GET /v1/public/results: the query string and the Accept header, as the server parses them
// before any database is read (no authentication: anyone on the internet sends these).
#include "server/service/public_results_query.h"
#include "tests/fuzz/support/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ducha::fuzz::FuzzInput in(data, size);
    const std::string query = in.part();
    const std::string accept = in.rest();
    auto q = ducha::server::parse_public_query(query, accept);
    if (!q) (void)q.error().message();  // the words of a refusal are made from the input too
    return 0;
}
