#include "shared/sync/outbox_counts.h"

#include "shared/store/statement.h"

namespace ducha::sync {

Result<OutboxCounts> count_outbox(LocalStore& store) {
    OutboxCounts c;
    {
        // outbox_by_state(state, client_seq) covers it: no row of the table is read.
        store::Statement st{store.db(), "SELECT state, COUNT(*) FROM outbox GROUP BY state"};
        for (;;) {
            auto row = st.step();
            if (!row) return fail(row.error());
            if (!*row) break;
            (st.col_text(0) == "set_aside" ? c.set_aside : c.pending) += st.col_int(1);
        }
    }
    store::Statement st{store.db(), "SELECT COUNT(*) FROM blob WHERE uploaded=0"};
    auto row = st.step();
    if (!row) return fail(row.error());
    c.photos = st.col_int(0);
    return c;
}

}  // namespace ducha::sync
