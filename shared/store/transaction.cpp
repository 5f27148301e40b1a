#include "shared/store/transaction.h"

namespace ducha::store {

Transaction::Transaction(Connection& db, Kind kind) : m_db(db) {
    m_nested = db.in_transaction();
    const auto step = m_nested            ? TransactionStep::savepoint
                      : kind == Immediate ? TransactionStep::begin_immediate
                                          : TransactionStep::begin_deferred;
    m_begun = db.exec(db.transaction_sql(step));
    m_open = m_begun.has_value();
}

Transaction::~Transaction() {
    if (!m_open) return;
    // A destructor cannot report; a failed rollback leaves the backend to roll back on close.
    if (m_nested) {
        (void)m_db.exec(m_db.transaction_sql(TransactionStep::rollback_to_savepoint));
        (void)m_db.exec(m_db.transaction_sql(TransactionStep::release_savepoint));
    } else {
        (void)m_db.exec(m_db.transaction_sql(TransactionStep::rollback));
    }
}

Status Transaction::commit() {
    if (!m_open) return fail(Errc::internal, Msg::commit_without_open_transaction);
    auto r = m_db.exec(m_db.transaction_sql(m_nested ? TransactionStep::release_savepoint : TransactionStep::commit));
    if (r) m_open = false;
    return r;
}

}  // namespace ducha::store
