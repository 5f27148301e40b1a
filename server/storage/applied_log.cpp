#include "server/storage/applied_log.h"

#include "shared/store/statement.h"

namespace ducha::server {

Result<bool> AppliedLog::seen(const std::string& device_id, std::uint64_t client_seq) {
    auto& st = m_db.cached("SELECT 1 FROM applied WHERE device_id=?1 AND client_seq=?2");
    st.bind(1, device_id).bind(2, client_seq);
    auto row = st.step();
    st.reset();
    if (!row) return fail(row.error());
    return *row;
}

Status AppliedLog::mark(const std::string& device_id, std::uint64_t client_seq) {
    auto& st = m_db.cached("INSERT INTO applied(device_id, client_seq, ack) VALUES(?1,?2,?3)");
    st.bind(1, device_id).bind(2, client_seq).bind_blob(3, std::string());
    return st.run();
}

Status AppliedLog::store_ack(const std::string& device_id, std::uint64_t client_seq, const pb::Ack& ack) {
    auto& st = m_db.cached("UPDATE applied SET ack=?3 WHERE device_id=?1 AND client_seq=?2");
    st.bind(1, device_id).bind(2, client_seq).bind_blob(3, ack.SerializeAsString());
    return st.run();
}

Result<std::optional<pb::Ack>> AppliedLog::ack(const std::string& device_id, std::uint64_t client_seq) {
    auto& st = m_db.cached("SELECT ack FROM applied WHERE device_id=?1 AND client_seq=?2");
    st.bind(1, device_id).bind(2, client_seq);
    auto row = st.step();
    if (!row) {
        st.reset();
        return fail(row.error());
    }
    std::optional<pb::Ack> out;
    if (*row) {
        pb::Ack a;
        a.ParseFromString(st.col_blob(0));
        out = std::move(a);
    }
    st.reset();
    return out;
}

}  // namespace ducha::server
