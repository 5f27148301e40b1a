#pragma once
// The server's append-only audit log: every accepted and every refused write, enrollment, token
// refresh, export, audit read and read of covert evidence, with who (user, device, role,
// district), what (action, record), the outcome and the reason. Rows are never updated or deleted
// (triggers refuse it); they are written on the writer's connection inside the transaction of the
// change they describe, so a logged change and its entry commit or roll back together.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

struct AuditEntry {
    std::int64_t id = 0;  // assigned on append
    std::int64_t at_ms = 0;  // server time
    std::string actor, device, role, district;  // who; empty for the server itself
    std::string action;      // write | enroll | token.refresh | token.device_sign_in | enrollment_code.create | blob.read | audit.read | export.*
    std::string collection, record_id;
    std::string outcome;     // accepted | refused | conflict
    std::string code;        // the refusal's code (forbidden, invalid_transition, chain_fork, ...)
    std::string reason;      // the refusal's message, or a detail of an accepted action
};

inline constexpr std::string_view kAccepted = "accepted";
inline constexpr std::string_view kRefused = "refused";
inline constexpr std::string_view kConflict = "conflict";

Status append_audit(store::Connection& db, const AuditEntry& e);

struct AuditQuery {
    std::string actor, action, collection, record_id, outcome, district;  // empty = any; action may end in '*'
    std::vector<std::string> outcome_in;      // any of these outcomes (empty = any)
    std::int64_t since_ms = 0, until_ms = 0;  // at >= since_ms, at < until_ms; 0 = unbounded
    std::int64_t after_id = 0;                // paging: entries with id > after_id
    int limit = 200;
    bool newest_first = true;
};
Result<std::vector<AuditEntry>> query_audit(store::Connection& db, const AuditQuery& q);

}  // namespace ducha::server
