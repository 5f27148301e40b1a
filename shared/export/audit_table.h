#pragma once
// The audit log's entries as an export table (the app's audit screen exports what it shows).
#include <map>
#include <string>
#include <vector>

#include "shared/export/table.h"
#include "shared/sync/audit_reader.h"

namespace ducha::exporting {

// One row per entry, in the order given; times in Shanghai time. `names`: a user's name by id,
// for the actors this device knows (others show their id only).
Table audit_table(const std::vector<sync::AuditLogEntry>& entries, const std::map<std::string, std::string>& names);

}  // namespace ducha::exporting
