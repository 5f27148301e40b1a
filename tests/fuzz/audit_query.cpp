// GET /v1/audit's query string (actor, target, action, since, before, limit), as the server parses
// it before any database is read.
#include "server/service/audit_service.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto q = ducha::server::AuditService::parse_query(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!q) (void)q.error().message();  // the words of a refusal are made from the input too
    return 0;
}
