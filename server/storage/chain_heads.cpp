#include "server/storage/chain_heads.h"

#include "shared/domain/report_signing.h"
#include "shared/store/statement.h"

namespace ducha::server {

Result<ChainHead> ChainHeads::get(const std::string& device_id) {
    auto& st = m_db.cached("SELECT chain_index, hash, break_after FROM chain_head WHERE device_id=?1");
    st.bind(1, device_id);
    auto row = st.step();
    if (!row) {
        st.reset();
        return fail(row.error());
    }
    ChainHead h;
    h.hash = domain::zero_hash();
    if (*row) {
        h.index = st.col_int(0);
        h.hash = st.col_blob(1);
        h.break_after = st.col_int(2);
    }
    st.reset();
    return h;
}

Status ChainHeads::advance(const std::string& device_id, std::int64_t index, const Bytes& hash) {
    auto& st = m_db.cached(
        "INSERT INTO chain_head(device_id, chain_index, hash, break_after) VALUES(?1,?2,?3,0) "
        "ON CONFLICT(device_id) DO UPDATE SET chain_index=excluded.chain_index, hash=excluded.hash");
    st.bind(1, device_id).bind(2, index).bind_blob(3, hash);
    return st.run();
}

Status ChainHeads::allow_break(const std::string& device_id, std::int64_t index) {
    auto& st = m_db.cached(
        "INSERT INTO chain_head(device_id, chain_index, hash, break_after) VALUES(?1, 0, ?2, ?3) "
        "ON CONFLICT(device_id) DO UPDATE SET break_after=CASE WHEN excluded.break_after > chain_head.break_after "
        "THEN excluded.break_after ELSE chain_head.break_after END");
    st.bind(1, device_id).bind_blob(2, domain::zero_hash()).bind(3, index);
    return st.run();
}

}  // namespace ducha::server
