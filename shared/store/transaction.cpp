#include "shared/store/transaction.h"

namespace ducha::store {

Transaction::Transaction(Database& db, Kind kind) : m_db(db) {
    m_nested = db.in_transaction();
    m_begun = db.exec(m_nested ? "SAVEPOINT nested_tx" : (kind == Immediate ? "BEGIN IMMEDIATE" : "BEGIN"));
    m_open = m_begun.has_value();
}

Transaction::~Transaction() {
    if (!m_open) return;
    // A destructor cannot report; a failed rollback leaves SQLite to roll back on close.
    if (m_nested) {
        (void)m_db.exec("ROLLBACK TO nested_tx");
        (void)m_db.exec("RELEASE nested_tx");
    } else {
        (void)m_db.exec("ROLLBACK");
    }
}

Status Transaction::commit() {
    if (!m_open) return fail(Errc::internal, Msg::commit_without_open_transaction);
    auto r = m_db.exec(m_nested ? "RELEASE nested_tx" : "COMMIT");
    if (r) m_open = false;
    return r;
}

}  // namespace ducha::store
