#pragma once
// Read-only connections for concurrent readers (WAL lets them run beside the writer). SQLite by
// nature (it opens the file); the services see a lease's connection only as a store::Connection.
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "shared/common/result.h"
#include "shared/store/database.h"

namespace ducha::server {

class ReaderPool {
public:
    explicit ReaderPool(std::filesystem::path db_path) : m_path(std::move(db_path)) {}

    class Lease {
    public:
        Lease(ReaderPool& pool, std::unique_ptr<store::Database> db) : m_pool(&pool), m_db(std::move(db)) {}
        Lease(Lease&&) = default;
        ~Lease();
        store::Connection& db() { return *m_db; }

    private:
        ReaderPool* m_pool;
        std::unique_ptr<store::Database> m_db;
    };

    Result<Lease> acquire();
    // Whether the database answers a read (the readiness check): a connection and one query.
    [[nodiscard]] Status probe();

private:
    std::filesystem::path m_path;
    std::mutex m_mu;
    std::vector<std::unique_ptr<store::Database>> m_free;
};

}  // namespace ducha::server
