#pragma once
// Schema changes are an append-only list of numbered steps. apply_migrations runs the steps newer
// than PRAGMA user_version in one transaction and bumps it; a database newer than the code is refused.
// The runner is SQLite's (user_version is an SQLite pragma); a step's `after` works on any Connection.
#include <span>
#include <string_view>

#include "shared/common/result.h"
#include "shared/store/database.h"

namespace ducha::store {

struct Migration {
    int version;
    std::string_view sql;
    // A step SQL cannot express (e.g. reading protobuf payloads), run after `sql` in the same
    // transaction.
    Status (*after)(Connection& db) = nullptr;
};

Result<int> schema_version(Database& db);
Status apply_migrations(Database& db, std::span<const Migration> steps);

}  // namespace ducha::store
