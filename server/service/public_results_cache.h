#pragma once
// The published rows of the public results feed, kept between requests and read again only when
// a collection they come from changed.
#include <cstdint>
#include <memory>
#include <mutex>

#include "server/storage/public_results_reader.h"
#include "server/storage/reader_pool.h"
#include "shared/common/result.h"

namespace ducha::server {

class PublicResultsCache {
public:
    explicit PublicResultsCache(ReaderPool& readers) : m_readers(readers) {}

    // The rows as of the database's last seq, or, while another request is rebuilding them, the
    // rows before that rebuild (only the very first build is waited for).
    Result<std::shared_ptr<const PublishedResults>> current();

private:
    ReaderPool& m_readers;
    // The computed list, valid as long as no record of a collection it reads changed since
    // m_valid_through (a seq). One request at a time checks and rebuilds it (m_build_mu, which
    // also guards m_valid_through); m_cache is written under both mutexes, read under either.
    std::mutex m_build_mu, m_cache_mu;
    std::shared_ptr<const PublishedResults> m_cache;
    std::int64_t m_valid_through = -1;
};

}  // namespace ducha::server
