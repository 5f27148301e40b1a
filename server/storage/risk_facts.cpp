#include "server/storage/risk_facts.h"

#include <chrono>
#include <vector>

#include "shared/domain/collections.h"
#include "shared/domain/institution_risk.h"
#include "shared/store/statement.h"

namespace ducha::server {

using store::Statement;

bool take_risk_counts(pb::Institution& inst, const RiskCounts& counts) {
    if (inst.complaint_count() == counts.complaints && inst.past_violations() == counts.violations) return false;
    inst.set_complaint_count(counts.complaints);
    inst.set_past_violations(counts.violations);
    return true;
}

Result<std::optional<std::string>> RiskFacts::set(std::string_view collection, const std::string& id,
                                                  const std::optional<std::string>& institution) {
    std::optional<std::string> before;
    {
        auto& st = m_db.cached("SELECT institution_id FROM risk_fact WHERE collection=?1 AND id=?2");
        st.bind(1, collection).bind(2, id);
        auto row = st.step();
        if (!row) return fail(row.error());
        if (*row) before = st.col_text(0);
        st.reset();
    }
    if (before == institution) return before;
    if (institution) {
        auto& put = m_db.cached(
            "INSERT INTO risk_fact(collection, id, institution_id) VALUES(?1,?2,?3) "
            "ON CONFLICT(collection, id) DO UPDATE SET institution_id=excluded.institution_id");
        put.bind(1, collection).bind(2, id).bind(3, *institution);
        if (auto r = put.run(); !r) return fail(r.error());
    } else {
        auto& del = m_db.cached("DELETE FROM risk_fact WHERE collection=?1 AND id=?2");
        del.bind(1, collection).bind(2, id);
        if (auto r = del.run(); !r) return fail(r.error());
    }
    return before;
}

Result<RiskCounts> RiskFacts::counts(const std::string& institution_id) const {
    auto& st = m_db.cached(
        "SELECT COALESCE(SUM(CASE WHEN collection='complaint' THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN collection='case' THEN 1 ELSE 0 END), 0) FROM risk_fact "
        "WHERE institution_id=?1");
    st.bind(1, institution_id);
    auto row = st.step();
    if (!row) return fail(row.error());
    RiskCounts c;
    if (*row) {
        c.complaints = static_cast<std::int32_t>(st.col_int(0));
        c.violations = static_cast<std::int32_t>(st.col_int(1));
    }
    st.reset();
    return c;
}

Status recount_institution_risk(store::Connection& db) {
    RiskFacts facts{db};
    {
        Statement st{db, "SELECT collection, id, payload FROM record WHERE collection IN ('complaint','case') AND deleted=0"};
        for (;;) {
            auto row = st.step();
            if (!row) return fail(row.error());
            if (!*row) break;
            auto against = domain::risk_fact_institution(st.col_text(0), st.col_blob(2), false);
            if (auto s = facts.set(st.col_text(0), st.col_text(1), against); !s) return fail(s.error());
        }
    }
    struct Rewrite {
        std::string id, payload;
    };
    std::vector<Rewrite> rewrites;
    {
        Statement st{db, "SELECT id, payload FROM record WHERE collection='institution' AND deleted=0 ORDER BY seq"};
        for (;;) {
            auto row = st.step();
            if (!row) return fail(row.error());
            if (!*row) break;
            pb::Institution inst;
            if (!inst.ParseFromString(st.col_blob(1))) continue;  // left as it is: nothing to recount into
            auto c = facts.counts(st.col_text(0));
            if (!c) return fail(c.error());
            if (take_risk_counts(inst, *c)) rewrites.push_back({st.col_text(0), inst.SerializeAsString()});
        }
    }
    const std::int64_t now_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    // Each rewrite takes the next seq, as a write by the server would, so the change feed carries it.
    Statement up{db,
                 "UPDATE record SET payload=?1, version=version+1, updated_at=?2, "
                 "seq=(SELECT COALESCE(MAX(seq), 0) + 1 FROM record) WHERE collection='institution' AND id=?3"};
    for (const auto& r : rewrites) {
        up.bind_blob(1, r.payload).bind(2, now_ms).bind(3, r.id);
        if (auto s = up.run(); !s) return s;
    }
    return {};
}

}  // namespace ducha::server
