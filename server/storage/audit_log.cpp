#include "server/storage/audit_log.h"

#include <nlohmann/json.hpp>

#include "server/storage/json_array_rows.h"
#include "shared/store/statement.h"

namespace ducha::server {

Status append_audit(store::Connection& db, const AuditEntry& e) {
    auto& ins = db.cached(
        "INSERT INTO audit_log(at, actor, device, role, district, action, collection, record_id, outcome, code, reason) "
        "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
    ins.bind(1, e.at_ms).bind(2, e.actor).bind(3, e.device).bind(4, e.role).bind(5, e.district).bind(6, e.action);
    ins.bind(7, e.collection).bind(8, e.record_id).bind(9, e.outcome).bind(10, e.code).bind(11, e.reason);
    return ins.run();
}

Result<std::vector<AuditEntry>> query_audit(store::Connection& db, const AuditQuery& q) {
    // Empty filters match everything: (?n = '' OR column = ?n). Written for both backends: the
    // times are cast (PostgreSQL would take ?7=0 for a 32-bit integer), and the action prefix
    // compares lower case on both (SQLite's LIKE ignores ASCII case, PostgreSQL's does not).
    std::string sql =
        "SELECT id, at, actor, device, role, district, action, collection, record_id, outcome, code, reason "
        "FROM audit_log WHERE (?1='' OR actor=?1) AND (?2='' OR action=?2 OR (?2 LIKE '%*' AND "
        "lower(action) LIKE lower(substr(?2,1,length(?2)-1))||'%')) AND (?3='' OR collection=?3) "
        "AND (?4='' OR record_id=?4) AND (?5='' OR outcome=?5) AND (?6='' OR district=?6) "
        "AND (CAST(?7 AS BIGINT)=0 OR at>=CAST(?7 AS BIGINT)) AND (CAST(?8 AS BIGINT)=0 OR at<CAST(?8 AS BIGINT)) "
        "AND id>?9 AND (?11='[]' OR outcome IN (" + json_array_rows(db, 11) + ")) ";
    sql += q.newest_first ? "ORDER BY id DESC LIMIT ?10" : "ORDER BY id LIMIT ?10";
    nlohmann::json outcomes = nlohmann::json::array();
    for (const auto& o : q.outcome_in) outcomes.push_back(o);
    store::Statement st{db, sql};
    st.bind(1, q.actor).bind(2, q.action).bind(3, q.collection).bind(4, q.record_id).bind(5, q.outcome);
    st.bind(6, q.district).bind(7, q.since_ms).bind(8, q.until_ms).bind(9, q.after_id).bind(10, q.limit);
    st.bind(11, outcomes.dump());
    std::vector<AuditEntry> out;
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) break;
        AuditEntry e;
        e.id = st.col_int(0);
        e.at_ms = st.col_int(1);
        e.actor = st.col_text(2);
        e.device = st.col_text(3);
        e.role = st.col_text(4);
        e.district = st.col_text(5);
        e.action = st.col_text(6);
        e.collection = st.col_text(7);
        e.record_id = st.col_text(8);
        e.outcome = st.col_text(9);
        e.code = st.col_text(10);
        e.reason = st.col_text(11);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace ducha::server
