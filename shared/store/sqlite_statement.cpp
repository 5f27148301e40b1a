#include "shared/store/sqlite_statement.h"

#include <sqlite3.h>

#include <stdexcept>

#include "shared/store/database.h"

namespace ducha::store {

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql) : m_handle(db) {
    int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt,
                                nullptr);
    if (rc != SQLITE_OK) throw std::logic_error("bad SQL: " + std::string(sql) + ": " + sqlite3_errmsg(db));
}

SqliteStatement::~SqliteStatement() {
    if (m_stmt) sqlite3_finalize(m_stmt);
}

void SqliteStatement::note(int rc) {
    if (rc != SQLITE_OK && m_bind_rc == 0) m_bind_rc = rc;
}

void SqliteStatement::bind_int64(int i, std::int64_t v) { note(sqlite3_bind_int64(m_stmt, i, v)); }
void SqliteStatement::bind_double(int i, double v) { note(sqlite3_bind_double(m_stmt, i, v)); }
void SqliteStatement::bind_text(int i, std::string_view text) {
    // An empty string_view may have a null data(): SQLite would store NULL, not ''.
    note(sqlite3_bind_text64(m_stmt, i, text.data() ? text.data() : "", text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}
void SqliteStatement::bind_blob(int i, std::string_view bytes) {
    // A zero-length blob must still be a blob, not NULL.
    note(bytes.empty() ? sqlite3_bind_zeroblob(m_stmt, i, 0)
                       : sqlite3_bind_blob64(m_stmt, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
}
void SqliteStatement::bind_null(int i) { note(sqlite3_bind_null(m_stmt, i)); }

Result<bool> SqliteStatement::step() {
    if (m_bind_rc != 0) {
        int rc = m_bind_rc;
        m_bind_rc = 0;
        return fail(Database::error_of(m_handle, rc, "bind"));
    }
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Error e = Database::error_of(m_handle, rc, sqlite3_errmsg(m_handle));
    sqlite3_reset(m_stmt);
    return fail(std::move(e));
}

Status SqliteStatement::run() {
    auto r = step();
    while (r && *r) r = step();
    sqlite3_reset(m_stmt);
    if (!r) return fail(r.error());
    return {};
}

void SqliteStatement::reset() { sqlite3_reset(m_stmt); }
void SqliteStatement::clear_bindings() {
    sqlite3_clear_bindings(m_stmt);
    m_bind_rc = 0;
}

std::int64_t SqliteStatement::col_int(int i) const { return sqlite3_column_int64(m_stmt, i); }
double SqliteStatement::col_double(int i) const { return sqlite3_column_double(m_stmt, i); }
std::string SqliteStatement::col_text(int i) const {
    auto p = sqlite3_column_text(m_stmt, i);
    int n = sqlite3_column_bytes(m_stmt, i);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string{};
}
std::string SqliteStatement::col_blob(int i) const {
    auto p = sqlite3_column_blob(m_stmt, i);
    int n = sqlite3_column_bytes(m_stmt, i);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string{};
}
bool SqliteStatement::col_null(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }

}  // namespace ducha::store
