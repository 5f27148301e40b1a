#include "server/service/public_results_cache.h"

#include "server/storage/record_table.h"
#include "shared/store/transaction.h"

namespace ducha::server {

// Caching: the list is computed once and kept with the database's last seq. A request first reads
// MAX(seq) (the rowid: instant); if it moved, one range scan of the changes since asks whether any
// of them touched a collection the list reads. Syncs that only move devices' status or audit
// events leave the list as it is; a new report, task, case or registry edit rebuilds it. A
// rebuild scans the report collection once with one statement, plus indexed look-ups of each
// task, institution and template (each read once per build) and one scan each of the districts
// and cases, so its cost grows with the reports (a few thousand a month), not with the requests.
// Requests arriving during a rebuild get the list before it, which the minute of Cache-Control
// allows anyway.
Result<std::shared_ptr<const PublishedResults>> PublicResultsCache::current() {
    std::unique_lock building(m_build_mu, std::try_to_lock);
    if (!building.owns_lock()) {
        // Another request is bringing the list up to date: answer from the list before (one
        // rebuild old at most) instead of parking a worker thread the syncs need. Only the very
        // first build is waited for.
        {
            std::lock_guard lk(m_cache_mu);
            if (m_cache) return m_cache;
        }
        building.lock();
    }
    auto lease = m_readers.acquire();
    if (!lease) return fail(lease.error());
    auto& db = lease->db();
    // One read transaction: the seq and everything built from it come from one snapshot.
    store::Transaction tx(db, store::Transaction::Deferred);
    if (!tx.begun()) return fail(tx.begun().error());
    auto last = RecordTable{db}.max_seq();
    if (!last) return fail(last.error());
    if (m_cache && *last == m_valid_through) return m_cache;
    if (m_cache && *last > m_valid_through) {
        auto changed = RecordTable{db}.changed_since(m_valid_through, PublicResultsReader::collections_read());
        if (!changed) return fail(changed.error());
        if (!*changed) {
            m_valid_through = *last;
            return m_cache;
        }
    }
    auto built = PublicResultsReader{db}.read();
    if (!built) return fail(built.error());
    {
        std::lock_guard lk(m_cache_mu);
        m_cache = std::make_shared<const PublishedResults>(std::move(*built));
    }
    m_valid_through = *last;
    return m_cache;
}

}  // namespace ducha::server
