#include "shared/sync/draft_store.h"

#include "shared/common/clock.h"
#include "shared/crypto/aes_gcm.h"
#include "shared/store/statement.h"

namespace ducha::sync {

namespace {
std::string aad(const std::string& key) { return "draft:" + key; }  // a sealed draft cannot be moved to another key
}  // namespace

Status DraftStore::save(const std::string& key, std::string_view payload) {
    Bytes sealed = crypto::aes_gcm_seal(m_key, payload, aad(key));
    auto& st = m_store.db().cached(
        "INSERT INTO draft(key, payload, updated_at) VALUES(?1,?2,?3) "
        "ON CONFLICT(key) DO UPDATE SET payload=excluded.payload, updated_at=excluded.updated_at");
    st.bind(1, key).bind_blob(2, sealed).bind(3, unix_ms_now());
    auto r = st.run();
    if (!r && r.error().code == Errc::disk_full)
        return fail(Errc::disk_full, Msg::device_storage_full_draft_was);
    return r;
}

Result<std::optional<std::string>> DraftStore::load(const std::string& key) {
    auto& st = m_store.db().cached("SELECT payload FROM draft WHERE key=?1");
    st.bind(1, key);
    auto row = st.step();
    std::string sealed = row && *row ? st.col_blob(0) : std::string();
    st.reset();  // on every path: a cached statement left mid-row would pin an old read snapshot
    if (!row) return fail(row.error());
    if (!*row) return std::optional<std::string>{};
    auto plain = crypto::aes_gcm_open(m_key, sealed, aad(key));
    if (!plain) return fail(Errc::integrity, Msg::draft_cannot_decrypted, plain.error().message());
    return std::optional<std::string>{std::move(*plain)};
}

Status DraftStore::remove(const std::string& key) {
    auto& st = m_store.db().cached("DELETE FROM draft WHERE key=?1");
    st.bind(1, key);
    return st.run();
}

Result<std::vector<DraftInfo>> DraftStore::list() {
    auto& st = m_store.db().cached("SELECT key, updated_at FROM draft ORDER BY updated_at DESC");
    std::vector<DraftInfo> out;
    while (true) {
        auto row = st.step();
        if (!row) {
            st.reset();
            return fail(row.error());
        }
        if (!*row) break;
        out.push_back({st.col_text(0), st.col_int(1)});
    }
    st.reset();
    return out;
}

}  // namespace ducha::sync
