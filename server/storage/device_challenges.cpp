#include "server/storage/device_challenges.h"

#include "shared/store/statement.h"

namespace ducha::server {

Status DeviceChallenges::put(const std::string& device_id, const Bytes& challenge_hash, std::int64_t expires_at_ms) {
    auto& st = m_db.cached(
        "INSERT INTO device_challenge(device_id, challenge_hash, expires_at) VALUES(?1,?2,?3) "
        "ON CONFLICT(device_id) DO UPDATE SET challenge_hash=excluded.challenge_hash, expires_at=excluded.expires_at");
    st.bind(1, device_id).bind_blob(2, challenge_hash).bind(3, expires_at_ms);
    return st.run();
}

Result<bool> DeviceChallenges::take(const std::string& device_id, const Bytes& challenge_hash, std::int64_t now_ms) {
    auto& st = m_db.cached("SELECT challenge_hash, expires_at FROM device_challenge WHERE device_id=?1");
    st.bind(1, device_id);
    auto row = st.step();
    if (!row) return fail(row.error());
    if (!*row) return false;
    const bool match = st.col_blob(0) == challenge_hash && st.col_int(1) > now_ms;
    st.reset();
    auto& del = m_db.cached("DELETE FROM device_challenge WHERE device_id=?1");
    del.bind(1, device_id);
    if (auto r = del.run(); !r) return fail(r.error());
    return match;
}

}  // namespace ducha::server
