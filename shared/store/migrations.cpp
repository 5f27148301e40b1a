#include "shared/store/migrations.h"

#include <stdexcept>
#include <string>

#include "shared/store/statement.h"
#include "shared/store/transaction.h"

namespace ducha::store {

Result<int> schema_version(Database& db) {
    Statement st{db, "PRAGMA user_version"};
    auto r = st.step();
    if (!r) return fail(r.error());
    return static_cast<int>(st.col_int(0));
}

Status apply_migrations(Database& db, std::span<const Migration> steps) {
    Transaction tx{db};
    if (!tx.begun()) return tx.begun();
    auto current = schema_version(db);
    if (!current) return fail(current.error());
    int latest = steps.empty() ? 0 : steps.back().version;
    if (*current > latest)
        return fail(Errc::storage, Msg::database_schema_newer_than_program, std::to_string(*current), std::to_string(latest));
    int expected = 1;
    for (const auto& m : steps) {
        if (m.version != expected++) throw std::logic_error("migrations must be numbered 1, 2, 3, ...");
        if (m.version <= *current) continue;
        if (auto r = db.exec(m.sql); !r)
            return fail(r.error().code, Msg::migration_failed, std::to_string(m.version), r.error().message());
        if (m.after)
            if (auto r = m.after(db); !r)
                return fail(r.error().code, Msg::migration_failed, std::to_string(m.version), r.error().message());
    }
    if (latest > *current) {
        if (auto r = db.exec("PRAGMA user_version=" + std::to_string(latest)); !r) return r;
    }
    return tx.commit();
}

}  // namespace ducha::store
