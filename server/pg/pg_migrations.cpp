#include "server/pg/pg_migrations.h"

#include <stdexcept>
#include <string>

#include "shared/store/statement.h"

namespace ducha::pg {

namespace {

// Any fixed number: the key of the advisory lock every instance takes before migrating.
constexpr std::string_view kTakeMigrationLock = "SELECT pg_advisory_xact_lock(7469636861)";

Result<int> recorded_version(PgConnection& db) {
    store::Statement st{db, "SELECT COALESCE(MAX(version), 0) FROM schema_version"};
    auto row = st.step();
    if (!row) return fail(row.error());
    return static_cast<int>(st.col_int(0));
}

Result<int> migrate_in(PgConnection& db, std::span<const PgMigration> steps) {
    if (auto r = db.exec(kTakeMigrationLock); !r) return fail(r.error());
    if (auto r = db.exec("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)"); !r)
        return fail(r.error());
    auto current = recorded_version(db);
    if (!current) return fail(current.error());
    int latest = steps.empty() ? 0 : steps.back().version;
    if (*current > latest)
        return fail(Errc::storage, Msg::database_schema_newer_than_program, std::to_string(*current),
                    std::to_string(latest));
    int applied = 0;
    for (const auto& m : steps) {
        if (m.version <= *current) continue;
        if (auto r = db.exec(m.sql); !r)
            return fail(r.error().code, Msg::migration_failed, std::to_string(m.version), r.error().message());
        if (m.after)
            if (auto r = m.after(db); !r)
                return fail(r.error().code, Msg::migration_failed, std::to_string(m.version), r.error().message());
        ++applied;
    }
    if (applied > 0) {
        store::Statement set{db, "INSERT INTO schema_version(version) VALUES(?1)"};
        if (auto r = set.bind(1, latest).run(); !r) return fail(r.error());
        if (auto r = db.exec("DELETE FROM schema_version WHERE version < " + std::to_string(latest)); !r)
            return fail(r.error());
    }
    return applied;
}

}  // namespace

Result<int> pg_schema_version(PgConnection& db) {
    store::Statement exists{db, "SELECT to_regclass('schema_version') IS NOT NULL"};
    auto row = exists.step();
    if (!row) return fail(row.error());
    if (exists.col_int(0) == 0) return 0;
    return recorded_version(db);
}

Result<int> apply_pg_migrations(PgConnection& db, std::span<const PgMigration> steps) {
    int expected = 1;
    for (const auto& m : steps)
        if (m.version != expected++) throw std::logic_error("migrations must be numbered 1, 2, 3, ...");
    if (auto r = db.exec("BEGIN"); !r) return fail(r.error());
    auto applied = migrate_in(db, steps);
    if (!applied) {
        (void)db.exec("ROLLBACK");  // the step's error is the one to report; a lost connection rolls back anyway
        return applied;
    }
    if (auto r = db.exec("COMMIT"); !r) return fail(r.error());
    return applied;
}

}  // namespace ducha::pg
