#pragma once
// PostgreSQL's feed_sequencer row (pg_server_schema.cpp): the highest seq any server instance
// handed out. The writer reads it under the row's lock (its BEGIN takes it) and moves it to the
// batch's last seq before COMMIT, so the next instance's writer continues after it.
#include <cstdint>

#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

class FeedSequencer {
public:
    explicit FeedSequencer(store::Connection& db) : m_db(db) {}
    [[nodiscard]] Result<std::int64_t> last_seq() const;
    // Raises last_seq to `seq` (never lowers it).
    [[nodiscard]] Status advance_to(std::int64_t seq);

private:
    store::Connection& m_db;
};

}  // namespace ducha::server
