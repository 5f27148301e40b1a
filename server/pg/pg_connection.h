#pragma once
// An owned libpq connection: PostgreSQL's store::Connection (shared/store/connection.h), so the
// server's storage code runs on it as on SQLite's store::Database. libpq-fe.h stays out of headers.
//
// Errors are values: every failure, a lost connection included, comes back as an Error naming the
// operation, with its SQLSTATE mapped to the project's codes (error_of below).
#include <memory>
#include <string>
#include <string_view>

#include "shared/common/result.h"
#include "shared/store/connection.h"

struct pg_conn;
struct pg_result;

namespace ducha::pg {

class PgStatement;

class PgConnection final : public store::Connection {
public:
    // `url` is a libpq connection URI or key=value string, e.g.
    // postgresql:///ducha?host=/run/postgresql&port=5432&user=ducha.
    static Result<PgConnection> open(const std::string& url);

    PgConnection(PgConnection&&) noexcept;
    PgConnection& operator=(PgConnection&&) noexcept;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;
    ~PgConnection() override;

    // One or more statements, no results and no parameters (the simple query protocol). A COMMIT
    // of a transaction a failed statement aborted is an error here (PostgreSQL rolls it back and
    // answers as if all went well).
    Status exec(std::string_view sql) override;
    // Rows the last statement run through this connection inserted, updated or deleted.
    int changes() const override;
    // True inside BEGIN ... COMMIT, also once a failed statement aborted the transaction.
    bool in_transaction() const override;
    store::Dialect dialect() const override { return store::Dialect::postgresql; }
    // begin_immediate also locks the feed_sequencer row (pg_server_schema.cpp): the writer holds
    // the change feed's write lock before it reads the highest seq, and every other writer's BEGIN
    // waits for its COMMIT or ROLLBACK. It needs the server schema.
    std::string_view transaction_sql(store::TransactionStep step) const override;
    // A PgStatement; bad SQL is reported by its first step(), not here.
    std::unique_ptr<store::StatementImpl> prepare(std::string_view sql) const override;

    // The connection is up (false once the server closed it or went away).
    bool connected() const;
    // Reads what the server sent while the connection sat idle, so a connection the server
    // closed (a restart, an administrator's pg_terminate_backend) is seen before it is used.
    bool usable() override;
    // "postgresql DATABASE on HOST", for messages (never the URL: it may carry a password).
    std::string database_name() const;
    pg_conn* handle() const;

    // Maps a failed result (or, with `result` null, the connection's state) to our error, naming
    // the operation: unique violation 23505 is already_exists (database_duplicate_key);
    // serialization failure 40001 and deadlock 40P01 are unavailable
    // (database_transaction_retryable: run the whole transaction again); a lost connection (class
    // 08, an administrator's shutdown 57P01..57P03, or libpq's own "connection bad") is unavailable
    // (database_connection_lost: open a new connection; whether a COMMIT in flight took effect is
    // unknown); disk full 53100 is disk_full; anything else is storage (database_error).
    static Error error_of(pg_conn* conn, const pg_result* result, std::string_view what);

private:
    friend class PgStatement;
    struct Session;  // stable across moves: statements point at it
    explicit PgConnection(std::unique_ptr<Session> s);
    void close();
    std::unique_ptr<Session> m_session;
};

// The transaction can be run again from its start: a serialization failure or a deadlock.
bool is_retryable(const Error& e);
// The connection is gone; only a new one can continue.
bool is_connection_lost(const Error& e);

}  // namespace ducha::pg
