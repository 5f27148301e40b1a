#pragma once
// An owned SQLite connection: the embedded backend of Connection, plus what only SQLite has (a file
// path, the raw handle, rowids, the online backup). sqlite3.h stays out of headers.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "shared/common/result.h"
#include "shared/store/connection.h"

struct sqlite3;

namespace ducha::store {

class Database final : public Connection {
public:
    struct Options {
        bool read_only = false;
        bool wal = true;
        // FULL: a commit is durable when it returns (acks depend on it). NORMAL is only for tests/bench.
        bool synchronous_full = true;
        int busy_timeout_ms = 10000;
        // Page cache per connection; 0 keeps SQLite's default (2 MiB). A server writer whose group
        // commits touch megabytes needs more, or pages spill to disk mid-transaction.
        int cache_kib = 0;
        // Page size of a database this call creates (ignored for an existing one); 0 = 4096.
        int page_size = 0;
    };

    static Result<Database> open(const std::filesystem::path& path, Options opt);
    static Result<Database> open(const std::filesystem::path& path) { return open(path, Options{}); }

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database() override;

    Status exec(std::string_view sql) override;
    int changes() const override;
    bool in_transaction() const override;
    Dialect dialect() const override { return Dialect::sqlite; }
    std::string_view transaction_sql(TransactionStep step) const override;
    std::unique_ptr<StatementImpl> prepare(std::string_view sql) const override;

    std::int64_t last_insert_rowid() const;
    sqlite3* handle() const { return m_db; }
    const std::filesystem::path& path() const { return m_path; }

    // Maps an SQLite result code to our error, naming the operation (disk full gets its own code).
    Error error(int rc, std::string_view what) const { return error_of(m_db, rc, what); }
    static Error error_of(sqlite3* db, int rc, std::string_view what);

private:
    Database(sqlite3* db, std::filesystem::path path);
    void close();
    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
};

// Copies `from` into `to` page by page (sqlite3_backup), letting writers continue in between.
Status copy_database(Database& from, Database& to);

}  // namespace ducha::store
