#pragma once
// GET /v1/audit: reading the append-only audit log (server/storage/audit_log.h), and appending the
// entries of events that have no transaction of their own (a refused read, a refused refresh).
// Admins read every entry; supervisors the refused and conflicting ones (of their district, when
// they have one); nobody else. Every read of the log is itself logged.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http/http_server.h"
#include "server/service/auth_service.h"
#include "server/service/server_context.h"
#include "server/storage/audit_log.h"

namespace ducha::server {

// An entry naming `c` as the actor (user, device, role, district); the rest is the caller's.
AuditEntry audit_entry(const Caller& c, std::string action, std::string_view outcome);

// Appends `e` in a writer job of its own (its time is the batch's); `done` runs after the commit.
void submit_audit(ServerContext& ctx, AuditEntry e, std::function<void(Status)> done = {});

struct AuditPage {
    std::vector<AuditEntry> entries;
    std::int64_t next_after = 0;  // the highest id answered (or the request's `after`): page on from it
};

class AuditService {
public:
    explicit AuditService(ServerContext& ctx) : m_ctx(ctx) {}

    // The query string of GET /v1/audit: actor, action (a trailing * matches a prefix),
    // collection, record, outcome, since and until (inclusive; unix milliseconds or YYYY-MM-DD in
    // Asia/Shanghai), after (an entry id: then oldest first from there; without it the newest
    // first) and limit (1 or more, at most 1000). invalid_argument with a bilingual message names
    // a bad or unknown parameter.
    static Result<AuditQuery> parse_query(std::string_view raw_query);

    // Reads on a worker thread and answers once the read's own entry is committed; forbidden for
    // roles that may not read the log (that refusal is logged too).
    void read(Caller c, AuditQuery q, std::function<void(Result<AuditPage>)> done);

    // {"entries":[{id, at, actor, device, role, district, action, collection, record_id, outcome,
    // code, reason}], "next_after": N}
    static HttpResponse json_response(const AuditPage& page);

private:
    ServerContext& m_ctx;
};

}  // namespace ducha::server
