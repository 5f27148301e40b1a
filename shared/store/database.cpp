#include "shared/store/database.h"

#include <sqlite3.h>

#include "shared/store/sqlite_statement.h"

namespace ducha::store {

Result<Database> Database::open(const std::filesystem::path& path, Options opt) {
    sqlite3* db = nullptr;
    int flags = opt.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;  // one connection per thread; we never share a handle
    int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return fail(Errc::storage, Msg::cannot_open_database, path.string(), msg);
    }
    Database d{db, path};
    sqlite3_busy_timeout(db, opt.busy_timeout_ms);
    sqlite3_extended_result_codes(db, 1);
    if (!opt.read_only) {
        if (opt.page_size > 0)  // must precede WAL mode, which fixes the page size
            if (auto r = d.exec("PRAGMA page_size=" + std::to_string(opt.page_size)); !r) return fail(r.error());
        if (opt.wal) {
            if (auto r = d.exec("PRAGMA journal_mode=WAL"); !r) return fail(r.error());
        }
        if (auto r = d.exec(opt.synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"); !r)
            return fail(r.error());
    }
    if (auto r = d.exec("PRAGMA foreign_keys=ON"); !r) return fail(r.error());
    // Savepoints' sub-journals and temporary b-trees stay in memory instead of temp files.
    if (auto r = d.exec("PRAGMA temp_store=MEMORY"); !r) return fail(r.error());
    if (opt.cache_kib > 0)
        if (auto r = d.exec("PRAGMA cache_size=-" + std::to_string(opt.cache_kib)); !r) return fail(r.error());
    return d;
}

Database::Database(sqlite3* db, std::filesystem::path path) : m_db(db), m_path(std::move(path)) {}

Database::Database(Database&& o) noexcept : Connection(std::move(o)), m_db(o.m_db), m_path(std::move(o.m_path)) {
    o.m_db = nullptr;
}

Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        close();
        Connection::operator=(std::move(o));
        m_db = o.m_db;
        m_path = std::move(o.m_path);
        o.m_db = nullptr;
    }
    return *this;
}

Database::~Database() { close(); }

void Database::close() {
    drop_cached_statements();  // statements first: they belong to the connection
    if (m_db) sqlite3_close_v2(m_db);
    m_db = nullptr;
}

std::unique_ptr<StatementImpl> Database::prepare(std::string_view sql) const {
    return std::make_unique<SqliteStatement>(m_db, sql);
}

std::string_view Database::transaction_sql(TransactionStep step) const {
    switch (step) {
        case TransactionStep::begin_deferred: return "BEGIN";
        // The write lock at BEGIN: a writer never fails half-way on a lock another writer holds.
        case TransactionStep::begin_immediate: return "BEGIN IMMEDIATE";
        case TransactionStep::commit: return "COMMIT";
        case TransactionStep::rollback: return "ROLLBACK";
        case TransactionStep::savepoint: return "SAVEPOINT nested_tx";
        case TransactionStep::release_savepoint: return "RELEASE nested_tx";
        case TransactionStep::rollback_to_savepoint: return "ROLLBACK TO nested_tx";
    }
    return "";
}

Status Database::exec(std::string_view sql) {
    char* err = nullptr;
    std::string s{sql};
    int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        return fail(error(rc, msg));
    }
    return {};
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }
bool Database::in_transaction() const { return sqlite3_get_autocommit(m_db) == 0; }

Error Database::error_of(sqlite3* db, int rc, std::string_view what) {
    (void)db;
    int primary = rc & 0xff;
    std::string detail = std::string(what) + " (" + sqlite3_errstr(rc) + ")";
    if (primary == SQLITE_FULL)
        return Error{Errc::disk_full, Msg::disk_full, detail};
    if (primary == SQLITE_CONSTRAINT) return Error{Errc::already_exists, Msg::verbatim, detail};
    return Error{Errc::storage, Msg::database_error, detail};
}

Status copy_database(Database& from, Database& to) {
    sqlite3_backup* b = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!b) return fail(to.error(sqlite3_errcode(to.handle()), "backup"));
    int rc;
    do {
        rc = sqlite3_backup_step(b, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) return fail(to.error(rc, "backup"));
    return {};
}

}  // namespace ducha::store
