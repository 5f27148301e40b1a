#pragma once
// Rolls back in its destructor unless commit() succeeded. Inside an open transaction it becomes a
// savepoint, so functions that need atomicity compose (e.g. enqueue inside a larger change). The
// connection gives the words (Connection::transaction_sql), so this works on every backend.
#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::store {

class Transaction {
public:
    enum Kind { Deferred, Immediate };
    Transaction(Connection& db, Kind kind = Immediate);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    const Status& begun() const { return m_begun; }  // check before use: BEGIN can fail (busy, disk)
    Status commit();

private:
    Connection& m_db;
    Status m_begun;
    bool m_open = false;
    bool m_nested = false;
};

}  // namespace ducha::store
