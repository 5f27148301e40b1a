#include "server/storage/reader_pool.h"

#include "shared/store/database.h"

namespace ducha::server {

ReaderPool::ReaderPool(std::filesystem::path db_path)
    : m_open([path = std::move(db_path)]() -> Result<std::unique_ptr<store::Connection>> {
          store::Database::Options opt;
          opt.read_only = true;
          opt.cache_kib = 16 * 1024;
          auto db = store::Database::open(path, opt);
          if (!db) return fail(db.error());
          return std::unique_ptr<store::Connection>(std::make_unique<store::Database>(std::move(*db)));
      }),
      m_probe_sql("SELECT count(*) FROM sqlite_schema") {}

ReaderPool::Lease::~Lease() {
    // A connection the database closed is dropped; the next acquire opens a new one.
    if (m_db && m_pool && m_db->usable()) {
        std::lock_guard lk(m_pool->m_mu);
        m_pool->m_free.push_back(std::move(m_db));
    }
}

Result<ReaderPool::Lease> ReaderPool::acquire() {
    {
        std::lock_guard lk(m_mu);
        while (!m_free.empty()) {
            auto db = std::move(m_free.back());
            m_free.pop_back();
            if (db->usable()) return Lease{*this, std::move(db)};
        }
    }
    auto db = m_open();
    if (!db) return fail(db.error());
    return Lease{*this, std::move(*db)};
}

Status ReaderPool::probe() {
    auto lease = acquire();
    if (!lease) return fail(lease.error());
    return lease->db().exec(m_probe_sql);
}

}  // namespace ducha::server
