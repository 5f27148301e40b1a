#include "server/pg/pg_connection.h"

#include <libpq-fe.h>

#include <cstdlib>

#include "server/pg/pg_session.h"

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
        m_session = std::move(o.m_session);
    }
    return *this;
}

PgConnection::~PgConnection() { close(); }

void PgConnection::close() {
    if (!m_session) return;
    m_session->cache.clear();  // statements first: they point at the session
    if (m_session->conn) PQfinish(m_session->conn);
    m_session.reset();
}

PgStatement& PgConnection::cached(std::string_view sql) {
    std::string key{sql};
    auto it = m_session->cache.find(key);
    if (it == m_session->cache.end()) it = m_session->cache.emplace(key, std::make_unique<PgStatement>(*this, sql)).first;
    it->second->reset();
    it->second->clear_bindings();
    return *it->second;
}

Status PgConnection::exec(std::string_view sql) {
    if (!m_session) return fail(Errc::storage, Msg::database_error, "exec on a closed connection");
    std::string s{sql};
    // PQexec returns the last statement's result; an error stops the rest and is that result.
    PGresult* res = PQexec(m_session->conn, s.c_str());
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
        Error e = error_of(m_session->conn, res, "exec");
        PQclear(res);
        return fail(std::move(e));
    }
    m_session->changes = res ? std::atoi(PQcmdTuples(res)) : 0;
    PQclear(res);
    return {};
}

int PgConnection::changes() const { return m_session ? m_session->changes : 0; }

bool PgConnection::in_transaction() const {
    if (!m_session) return false;
    auto t = PQtransactionStatus(m_session->conn);
    return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

bool PgConnection::connected() const { return m_session && PQstatus(m_session->conn) == CONNECTION_OK; }

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
