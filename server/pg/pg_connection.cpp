#include "server/pg/pg_connection.h"

#include <libpq-fe.h>

#include <cstdlib>

#include "server/pg/pg_session.h"
#include "server/pg/pg_statement.h"

namespace ducha::pg {

namespace {

bool starts_with(const char* s, std::string_view prefix) {
    return s && std::string_view{s}.substr(0, prefix.size()) == prefix;
}

// libpq's messages end with a newline; the error's words should not.
std::string trimmed_message(const char* m) {
    std::string s = m ? m : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

constexpr std::string_view kCommit = "COMMIT";

}  // namespace

Result<PgConnection> PgConnection::open(const std::string& url) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (!conn) return fail(Errc::storage, Msg::cannot_open_database, "postgresql", "out of memory");
    if (PQstatus(conn) != CONNECTION_OK) {
        // Name the database and host libpq parsed, never the URL: it may carry a password.
        std::string where = std::string("postgresql ") + (PQdb(conn) ? PQdb(conn) : "") + " on " +
                            (PQhost(conn) ? PQhost(conn) : "");
        std::string msg = trimmed_message(PQerrorMessage(conn));
        PQfinish(conn);
        return fail(Errc::storage, Msg::cannot_open_database, where, msg);
    }
    // Text travels as UTF-8 whatever the server's default, like SQLite's TEXT.
    if (PQsetClientEncoding(conn, "UTF8") != 0) {
        std::string msg = trimmed_message(PQerrorMessage(conn));
        PQfinish(conn);
        return fail(Errc::storage, Msg::cannot_open_database, "postgresql", msg);
    }
    auto session = std::make_unique<Session>();
    session->conn = conn;
    PgConnection c{std::move(session)};
    // Quiet NOTICEs ("relation already exists, skipping") stay off stderr.
    if (auto r = c.exec("SET client_min_messages = warning"); !r) return fail(r.error());
    return c;
}

PgConnection::PgConnection(std::unique_ptr<Session> s) : m_session(std::move(s)) {}
PgConnection::PgConnection(PgConnection&& o) noexcept = default;

PgConnection& PgConnection::operator=(PgConnection&& o) noexcept {
    if (this != &o) {
        close();
        store::Connection::operator=(std::move(o));  // the cached statements go with their session
        m_session = std::move(o.m_session);
    }
    return *this;
}

PgConnection::~PgConnection() { close(); }

void PgConnection::close() {
    if (!m_session) return;
    drop_cached_statements();  // statements first: they point at the session
    if (m_session->conn) PQfinish(m_session->conn);
    m_session.reset();
}

std::unique_ptr<store::StatementImpl> PgConnection::prepare(std::string_view sql) const {
    return std::make_unique<PgStatement>(*this, sql);
}

std::string_view PgConnection::transaction_sql(store::TransactionStep step) const {
    using store::TransactionStep;
    switch (step) {
        case TransactionStep::begin_deferred: return "BEGIN";
        // The feed's write lock at BEGIN, as SQLite's BEGIN IMMEDIATE: seq order stays commit order
        // with several writers (docs/SYNC.md, "PostgreSQL: a gap-free change feed").
        case TransactionStep::begin_immediate: return "BEGIN; SELECT last_seq FROM feed_sequencer WHERE id = 1 FOR UPDATE";
        case TransactionStep::commit: return kCommit;
        // Both also end a transaction a failed statement aborted (PostgreSQL refuses all else then).
        case TransactionStep::rollback: return "ROLLBACK";
        case TransactionStep::savepoint: return "SAVEPOINT nested_tx";
        case TransactionStep::release_savepoint: return "RELEASE nested_tx";
        case TransactionStep::rollback_to_savepoint: return "ROLLBACK TO nested_tx";
    }
    return "";
}

Status PgConnection::exec(std::string_view sql) {
    if (!m_session) return fail(Errc::storage, Msg::database_error, "exec on a closed connection");
    std::string s{sql};
    const bool was_idle = PQtransactionStatus(m_session->conn) == PQTRANS_IDLE;
    // PQexec returns the last statement's result; an error stops the rest and is that result.
    PGresult* res = PQexec(m_session->conn, s.c_str());
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
        Error e = error_of(m_session->conn, res, "exec");
        PQclear(res);
        // "BEGIN; SELECT ... FOR UPDATE" can fail after its BEGIN: a failed exec leaves no
        // transaction it opened (the caller saw a failed BEGIN and will not roll back).
        if (was_idle && PQtransactionStatus(m_session->conn) == PQTRANS_INERROR) PQclear(PQexec(m_session->conn, "ROLLBACK"));
        return fail(std::move(e));
    }
    // PostgreSQL answers a COMMIT of an aborted transaction with ROLLBACK, not an error: the caller
    // must not take it for a commit.
    const bool rolled_back = sql == kCommit && res && std::string_view{PQcmdStatus(res)} == "ROLLBACK";
    m_session->changes = res ? std::atoi(PQcmdTuples(res)) : 0;
    PQclear(res);
    if (rolled_back)
        return fail(Errc::storage, Msg::database_error, "COMMIT of a transaction a failed statement aborted: rolled back");
    return {};
}

int PgConnection::changes() const { return m_session ? m_session->changes : 0; }

bool PgConnection::in_transaction() const {
    if (!m_session) return false;
    auto t = PQtransactionStatus(m_session->conn);
    return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

std::string PgConnection::database_name() const {
    pg_conn* c = handle();
    if (!c) return "postgresql";
    return std::string("postgresql ") + (PQdb(c) ? PQdb(c) : "") + " on " + (PQhost(c) ? PQhost(c) : "");
}

bool PgConnection::connected() const { return m_session && PQstatus(m_session->conn) == CONNECTION_OK; }

bool PgConnection::usable() {
    if (!m_session || PQstatus(m_session->conn) != CONNECTION_OK) return false;
    if (PQtransactionStatus(m_session->conn) != PQTRANS_IDLE) return true;  // busy: its own call will tell
    // A closed socket reads as end of file: libpq marks the connection bad.
    if (PQconsumeInput(m_session->conn) == 0) return false;
    return PQstatus(m_session->conn) == CONNECTION_OK;
}

PGconn* PgConnection::handle() const { return m_session ? m_session->conn : nullptr; }

Error PgConnection::error_of(PGconn* conn, const PGresult* result, std::string_view what) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = trimmed_message(result && *PQresultErrorMessage(result) ? PQresultErrorMessage(result)
                                                                                   : PQerrorMessage(conn));
    std::string detail = std::string(what) + " (" + (state ? std::string(state) + ": " : std::string{}) + message + ")";
    bool lost = (conn && PQstatus(conn) == CONNECTION_BAD) || starts_with(state, "08") ||
                starts_with(state, "57P01") || starts_with(state, "57P02") || starts_with(state, "57P03");
    if (lost) return Error{Errc::unavailable, Msg::database_connection_lost, detail};
    if (starts_with(state, "53100")) return Error{Errc::disk_full, Msg::disk_full, detail};
    if (starts_with(state, "23505")) return Error{Errc::already_exists, Msg::database_duplicate_key, detail};
    if (starts_with(state, "40001") || starts_with(state, "40P01"))
        return Error{Errc::unavailable, Msg::database_transaction_retryable, detail};
    return Error{Errc::storage, Msg::database_error, detail};
}

bool is_retryable(const Error& e) { return e.what == Msg::database_transaction_retryable; }
bool is_connection_lost(const Error& e) { return e.what == Msg::database_connection_lost; }

}  // namespace ducha::pg
