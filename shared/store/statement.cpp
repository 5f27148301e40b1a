#include "shared/store/statement.h"

#include <sqlite3.h>

#include <stdexcept>

namespace ducha::store {

Statement::Statement(const Database& db, std::string_view sql) : m_handle(db.handle()) {
    int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        throw std::logic_error("bad SQL: " + std::string(sql) + ": " + sqlite3_errmsg(db.handle()));
}

Statement::Statement(Statement&& o) noexcept : m_handle(o.m_handle), m_stmt(o.m_stmt), m_bind_rc(o.m_bind_rc) {
    o.m_stmt = nullptr;
}

Statement::~Statement() {
    if (m_stmt) sqlite3_finalize(m_stmt);
}

static void note(int& slot, int rc) {
    if (rc != SQLITE_OK && slot == 0) slot = rc;
}

Statement& Statement::bind(int i, std::int64_t v) {
    note(m_bind_rc, sqlite3_bind_int64(m_stmt, i, v));
    return *this;
}
Statement& Statement::bind(int i, double v) {
    note(m_bind_rc, sqlite3_bind_double(m_stmt, i, v));
    return *this;
}
Statement& Statement::bind(int i, std::string_view text) {
    // An empty string_view may have a null data(): SQLite would store NULL, not ''.
    note(m_bind_rc, sqlite3_bind_text64(m_stmt, i, text.data() ? text.data() : "", text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}
Statement& Statement::bind_blob(int i, std::string_view bytes) {
    // A zero-length blob must still be a blob, not NULL.
    note(m_bind_rc, bytes.empty() ? sqlite3_bind_zeroblob(m_stmt, i, 0)
                                  : sqlite3_bind_blob64(m_stmt, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
    return *this;
}
Statement& Statement::bind_null(int i) {
    note(m_bind_rc, sqlite3_bind_null(m_stmt, i));
    return *this;
}

Result<bool> Statement::step() {
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

Status Statement::run() {
    auto r = step();
    while (r && *r) r = step();
    sqlite3_reset(m_stmt);
    if (!r) return fail(r.error());
    return {};
}

void Statement::reset() { sqlite3_reset(m_stmt); }
void Statement::clear_bindings() {
    sqlite3_clear_bindings(m_stmt);
    m_bind_rc = 0;
}

std::int64_t Statement::col_int(int i) const { return sqlite3_column_int64(m_stmt, i); }
double Statement::col_double(int i) const { return sqlite3_column_double(m_stmt, i); }
std::string Statement::col_text(int i) const {
    auto p = sqlite3_column_text(m_stmt, i);
    int n = sqlite3_column_bytes(m_stmt, i);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string{};
}
std::string Statement::col_blob(int i) const {
    auto p = sqlite3_column_blob(m_stmt, i);
    int n = sqlite3_column_bytes(m_stmt, i);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string{};
}
bool Statement::col_null(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }

}  // namespace ducha::store
