#pragma once
// An owned SQLite connection. sqlite3.h stays out of headers.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "shared/common/result.h"

struct sqlite3;

namespace ducha::store {

class Statement;

class Database {
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
    ~Database();

    Status exec(std::string_view sql);  // one or more statements, no results
    std::int64_t last_insert_rowid() const;
    int changes() const;
    bool in_transaction() const;
    sqlite3* handle() const { return m_db; }
    const std::filesystem::path& path() const { return m_path; }

    // A prepared statement kept for the connection's lifetime, reset and unbound, for hot paths.
    // Do not hold two uses of the same SQL at once.
    Statement& cached(std::string_view sql);

    // Maps an SQLite result code to our error, naming the operation (disk full gets its own code).
    Error error(int rc, std::string_view what) const { return error_of(m_db, rc, what); }
    static Error error_of(sqlite3* db, int rc, std::string_view what);

private:
    Database(sqlite3* db, std::filesystem::path path);
    void close();
    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    std::unique_ptr<std::unordered_map<std::string, std::unique_ptr<Statement>>> m_cache;
};

// Copies `from` into `to` page by page (sqlite3_backup), letting writers continue in between.
Status copy_database(Database& from, Database& to);

}  // namespace ducha::store
