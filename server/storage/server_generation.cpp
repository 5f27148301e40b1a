#include "server/storage/server_generation.h"

#include "shared/common/bytes.h"
#include "shared/crypto/random.h"
#include "shared/store/statement.h"
#include "shared/store/transaction.h"

namespace ducha::server {

namespace {

Result<std::string> meta_text(store::Connection& db, std::string_view key) {
    store::Statement st{db, "SELECT value FROM meta WHERE key=?1"};
    st.bind(1, key);
    auto row = st.step();
    if (!row) return fail(row.error());
    return *row ? st.col_text(0) : std::string{};
}

Status set_meta_text(store::Connection& db, std::string_view key, std::string_view value) {
    store::Statement st{db, "INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value=excluded.value"};
    st.bind(1, key).bind(2, value);
    return st.run();
}

}  // namespace

Result<Generation> ServerGeneration::get() {
    auto id = meta_text(m_db, "generation");
    if (!id) return fail(id.error());
    auto floor = meta_text(m_db, "restored_through_seq");
    if (!floor) return fail(floor.error());
    Generation g;
    g.id = *id;
    g.restored_through_seq = floor->empty() ? 0 : std::stoll(*floor);
    return g;
}

Result<Generation> ServerGeneration::start_new(std::int64_t restored_through_seq) {
    store::Transaction tx{m_db};
    if (!tx.begun()) return fail(tx.begun().error());
    Generation g;
    g.id = hex_encode(crypto::random_bytes(16));
    g.restored_through_seq = restored_through_seq;
    if (auto s = set_meta_text(m_db, "generation", g.id); !s) return fail(s.error());
    if (auto s = set_meta_text(m_db, "restored_through_seq", std::to_string(restored_through_seq)); !s)
        return fail(s.error());
    if (auto s = tx.commit(); !s) return fail(s.error());
    return g;
}

}  // namespace ducha::server
