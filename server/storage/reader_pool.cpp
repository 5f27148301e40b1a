#include "server/storage/reader_pool.h"

namespace ducha::server {

ReaderPool::Lease::~Lease() {
    if (m_db && m_pool) {
        std::lock_guard lk(m_pool->m_mu);
        m_pool->m_free.push_back(std::move(m_db));
    }
}

Result<ReaderPool::Lease> ReaderPool::acquire() {
    {
        std::lock_guard lk(m_mu);
        if (!m_free.empty()) {
            auto db = std::move(m_free.back());
            m_free.pop_back();
            return Lease{*this, std::move(db)};
        }
    }
    store::Database::Options opt;
    opt.read_only = true;
    opt.cache_kib = 16 * 1024;
    auto db = store::Database::open(m_path, opt);
    if (!db) return fail(db.error());
    return Lease{*this, std::make_unique<store::Database>(std::move(*db))};
}

Status ReaderPool::probe() {
    auto lease = acquire();
    if (!lease) return fail(lease.error());
    return lease->db().exec("SELECT count(*) FROM sqlite_schema");
}

}  // namespace ducha::server
