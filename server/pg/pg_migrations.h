#pragma once
// PostgreSQL's numbered schema steps, the counterpart of store::Migration
// (shared/store/migrations.h): an append-only list; apply_pg_migrations runs the steps newer than
// the database's recorded version in one transaction and records the new version in the
// `schema_version` table. A database newer than the code is refused. Several server instances may
// start at once: an advisory lock makes them take turns, so each step runs exactly once.
#include <span>
#include <string_view>

#include "server/pg/pg_connection.h"
#include "shared/common/result.h"

namespace ducha::pg {

struct PgMigration {
    int version;
    std::string_view sql;  // one or more statements
    // A step SQL cannot express, run after `sql` in the same transaction.
    Status (*after)(PgConnection& db) = nullptr;
};

// The version recorded in schema_version (0 for a database no step has touched).
Result<int> pg_schema_version(PgConnection& db);
// Applies the steps the database lacks; returns how many it applied (0: it was up to date).
Result<int> apply_pg_migrations(PgConnection& db, std::span<const PgMigration> steps);

}  // namespace ducha::pg
