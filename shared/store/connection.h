#pragma once
// A database connection, whichever engine is behind it. The services and the server's storage speak
// to this; the SQLite file (Database) and a PostgreSQL server each implement it. SQL text uses ?N
// placeholders on every backend.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "shared/common/result.h"

namespace ducha::store {

class Statement;
class StatementImpl;

// Which SQL the connection understands, for the few statements that cannot be written once for both.
enum class Dialect { sqlite, postgresql };

// The statements Transaction runs; each backend gives its own words for them.
enum class TransactionStep {
    begin_deferred,   // a read transaction that takes write locks only when it writes
    begin_immediate,  // a write transaction that takes the write lock at once
    commit,
    rollback,
    savepoint,  // a transaction opened inside an open one
    release_savepoint,
    rollback_to_savepoint,
};

class Connection {
public:
    virtual ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    virtual Status exec(std::string_view sql) = 0;  // one or more statements, no results
    virtual int changes() const = 0;                // rows the last INSERT/UPDATE/DELETE touched
    virtual bool in_transaction() const = 0;
    virtual Dialect dialect() const = 0;
    // Whether the connection can still be used: false once a database server closed it (a
    // PostgreSQL restart), so a pool or the writer opens a new one. A file never goes away.
    virtual bool usable() { return true; }
    virtual std::string_view transaction_sql(TransactionStep step) const = 0;

    // A new prepared statement; a bad SQL string is a programmer error: throws. Use Statement.
    virtual std::unique_ptr<StatementImpl> prepare(std::string_view sql) const = 0;

    // A prepared statement kept for the connection's lifetime, reset and unbound, for hot paths.
    // Do not hold two uses of the same SQL at once.
    Statement& cached(std::string_view sql);

protected:
    Connection();
    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    // An implementation calls this before it closes its handle: the statements belong to it.
    void drop_cached_statements();

private:
    std::unique_ptr<std::unordered_map<std::string, std::unique_ptr<Statement>>> m_cache;
};

}  // namespace ducha::store
