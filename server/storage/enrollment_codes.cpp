#include "server/storage/enrollment_codes.h"

#include "shared/store/statement.h"

namespace ducha::server {

Status EnrollmentCodes::insert(const Bytes& code_hash, const std::string& user_id, std::int64_t expires_at,
                               const std::string& created_by) {
    auto& st = m_db.cached("INSERT INTO enrollment_code(code_hash, user_id, expires_at, created_by) VALUES(?1,?2,?3,?4)");
    st.bind_blob(1, code_hash).bind(2, user_id).bind(3, expires_at).bind(4, created_by);
    return st.run();
}

Result<std::optional<EnrollmentCodeRow>> EnrollmentCodes::find(const Bytes& code_hash) {
    auto& st = m_db.cached("SELECT user_id, expires_at, used_at, device_id FROM enrollment_code WHERE code_hash=?1");
    st.bind_blob(1, code_hash);
    auto row = st.step();
    if (!row) return fail(row.error());
    if (!*row) return std::optional<EnrollmentCodeRow>{};
    EnrollmentCodeRow c;
    c.user_id = st.col_text(0);
    c.expires_at = st.col_int(1);
    c.used = !st.col_null(2);
    c.used_at = c.used ? st.col_int(2) : 0;
    c.device_id = st.col_text(3);
    st.reset();
    return std::optional<EnrollmentCodeRow>{std::move(c)};
}

Status EnrollmentCodes::mark_used(const Bytes& code_hash, std::int64_t at_s, const std::string& device_id) {
    auto& st = m_db.cached("UPDATE enrollment_code SET used_at=?2, device_id=?3 WHERE code_hash=?1");
    st.bind_blob(1, code_hash).bind(2, at_s).bind(3, device_id);
    return st.run();
}

}  // namespace ducha::server
