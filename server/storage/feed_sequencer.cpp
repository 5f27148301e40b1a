#include "server/storage/feed_sequencer.h"

#include "shared/store/statement.h"

namespace ducha::server {

Result<std::int64_t> FeedSequencer::last_seq() const {
    auto& st = m_db.cached("SELECT last_seq FROM feed_sequencer WHERE id = 1");
    auto row = st.step();
    if (!row) {
        st.reset();
        return fail(row.error());
    }
    const std::int64_t seq = *row ? st.col_int(0) : 0;
    st.reset();
    return seq;
}

Status FeedSequencer::advance_to(std::int64_t seq) {
    auto& st = m_db.cached("UPDATE feed_sequencer SET last_seq = ?1 WHERE id = 1 AND last_seq < ?1");
    st.bind(1, seq);
    auto r = st.run();
    st.reset();
    return r;
}

}  // namespace ducha::server
