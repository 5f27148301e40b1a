#pragma once
// Rolls back in its destructor unless commit() succeeded. Inside an open transaction it becomes a
// savepoint, so functions that need atomicity compose (e.g. enqueue inside a larger change).
#include "shared/common/result.h"
#include "shared/store/database.h"

namespace ducha::store {

class Transaction {
public:
    enum Kind { Deferred, Immediate };
    Transaction(Database& db, Kind kind = Immediate);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    const Status& begun() const { return m_begun; }  // check before use: BEGIN can fail (busy, disk)
    Status commit();

private:
    Database& m_db;
    Status m_begun;
    bool m_open = false;
    bool m_nested = false;
};

}  // namespace ducha::store
