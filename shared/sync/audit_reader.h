#pragma once
// The server's audit log as a device reads it, online (GET /v1/audit): admins get every entry,
// supervisors the refused and conflicting ones, anyone else a refusal (forbidden). Used by
// `ducha audit` and the app's audit screen; the filters are the server's query parameters.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "shared/common/result.h"
#include "shared/sync/device_profile.h"

namespace ducha::sync {

// One entry as the server sends it.
struct AuditLogEntry {
    std::int64_t id = 0;
    std::int64_t at_ms = 0;  // server time
    std::string actor, device, role, district;  // who; empty for the server itself
    std::string action;      // write | enroll | token.refresh | blob.read | audit.read | export.* ...
    std::string collection, record_id;
    std::string outcome;     // accepted | refused | conflict
    std::string code;        // a refusal's code (forbidden, invalid_transition, ...)
    std::string reason;      // a refusal's message, or a detail of an accepted action
};

// GET /v1/audit`query` ("" or "?outcome=refused&limit=1000", already encoded) with the device's
// access token, renewed once when it has expired: the reply's `entries` array, newest first, as
// the server wrote it. A transport failure is Errc::network or Errc::timeout; a refusal is the
// server's error.
[[nodiscard]] Result<nlohmann::json> fetch_audit_json(DeviceProfile& profile, const std::string& query);

// The same entries as values.
[[nodiscard]] Result<std::vector<AuditLogEntry>> fetch_audit(DeviceProfile& profile, const std::string& query);

}  // namespace ducha::sync
