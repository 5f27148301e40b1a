#include "server/storage/token_store.h"

#include "shared/store/statement.h"

namespace ducha::server {

namespace {
const char* kind_name(TokenKind k) { return k == TokenKind::access ? "access" : "refresh"; }
}  // namespace

Status TokenStore::insert(const Bytes& hash, TokenKind kind, const std::string& device_id, const std::string& user_id,
                          std::int64_t expires_at) {
    auto& st = m_db.cached("INSERT INTO token(token_hash, device_id, user_id, kind, expires_at) VALUES(?1,?2,?3,?4,?5)");
    st.bind_blob(1, hash).bind(2, device_id).bind(3, user_id).bind(4, kind_name(kind)).bind(5, expires_at);
    return st.run();
}

Result<std::optional<TokenRow>> TokenStore::find(const Bytes& hash, TokenKind kind) {
    auto& st = m_db.cached(
        "SELECT device_id, user_id, expires_at, revoked, used_at, successor, sealed_answer FROM token "
        "WHERE token_hash=?1 AND kind=?2");
    st.bind_blob(1, hash).bind(2, kind_name(kind));
    auto row = st.step();
    if (!row) return fail(row.error());
    if (!*row) return std::optional<TokenRow>{};
    TokenRow t;
    t.device_id = st.col_text(0);
    t.user_id = st.col_text(1);
    t.expires_at = st.col_int(2);
    t.revoked = st.col_int(3) != 0;
    t.used_at_ms = st.col_null(4) ? 0 : st.col_int(4);
    t.successor = st.col_blob(5);
    t.sealed_answer = st.col_blob(6);
    st.reset();
    return std::optional<TokenRow>{std::move(t)};
}

Status TokenStore::mark_used(const Bytes& hash, std::int64_t at_ms, const Bytes& successor, const Bytes& sealed_answer) {
    auto& st = m_db.cached("UPDATE token SET used_at=?2, successor=?3, sealed_answer=?4 WHERE token_hash=?1");
    st.bind_blob(1, hash).bind(2, at_ms).bind_blob(3, successor).bind_blob(4, sealed_answer);
    return st.run();
}

Result<int> TokenStore::revoke_device(const std::string& device_id) {
    auto& st = m_db.cached("UPDATE token SET revoked=1 WHERE device_id=?1 AND revoked=0");
    st.bind(1, device_id);
    if (auto r = st.run(); !r) return fail(r.error());
    return m_db.changes();
}

Status TokenStore::revoke_access(const std::string& device_id) {
    auto& st = m_db.cached("UPDATE token SET revoked=1 WHERE device_id=?1 AND kind='access' AND revoked=0");
    st.bind(1, device_id);
    return st.run();
}

}  // namespace ducha::server
