#pragma once
// Connections for concurrent readers, of either backend: SQLite opens DIR's file read-only (WAL
// lets them run beside the writer); PostgreSQL opens read-only sessions through an opener. The
// services see a lease's connection only as a store::Connection. A connection the database closed
// (PostgreSQL restarted) is never handed out again: the pool opens a new one.
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

class ReaderPool {
public:
    using Opener = std::function<Result<std::unique_ptr<store::Connection>>()>;
    // SQLite: read-only connections to the file at db_path.
    explicit ReaderPool(std::filesystem::path db_path);
    // Any backend: `open` makes a new reader connection, `probe_sql` is the readiness check's query.
    ReaderPool(Opener open, std::string probe_sql) : m_open(std::move(open)), m_probe_sql(std::move(probe_sql)) {}

    class Lease {
    public:
        Lease(ReaderPool& pool, std::unique_ptr<store::Connection> db) : m_pool(&pool), m_db(std::move(db)) {}
        Lease(Lease&&) = default;
        ~Lease();
        store::Connection& db() { return *m_db; }

    private:
        ReaderPool* m_pool;
        std::unique_ptr<store::Connection> m_db;
    };

    Result<Lease> acquire();
    // Whether the database answers a read (the readiness check): a connection and one query.
    [[nodiscard]] Status probe();

private:
    Opener m_open;
    std::string m_probe_sql;
    std::mutex m_mu;
    std::vector<std::unique_ptr<store::Connection>> m_free;
};

}  // namespace ducha::server
