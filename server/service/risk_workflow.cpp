#include "server/service/risk_workflow.h"

#include "server/service/mutation_applier.h"
#include "server/storage/record_table.h"
#include "server/storage/risk_facts.h"
#include "shared/domain/collections.h"
#include "shared/domain/institution_risk.h"

namespace ducha::server {

using namespace ducha::domain;

Status RiskWorkflow::on_fact_written(const pb::Record& rec) {
    if (!is_risk_fact(rec.collection())) return {};
    auto against = risk_fact_institution(rec.collection(), rec.payload(), rec.deleted());
    auto before = RiskFacts{m_db}.set(rec.collection(), rec.id(), against);
    if (!before) return fail(before.error());
    if (*before == against) return {};
    if (*before)
        if (auto s = recount(**before); !s) return s;
    if (against)
        if (auto s = recount(*against); !s) return s;
    return {};
}

Status RiskWorkflow::complete(const std::string& institution_id, pb::Institution& inst) {
    auto c = RiskFacts{m_db}.counts(institution_id);
    if (!c) return fail(c.error());
    take_risk_counts(inst, *c);
    return {};
}

Status RiskWorkflow::recount(const std::string& institution_id) {
    auto cur = m_table.get(kInstitution, institution_id);
    if (!cur) return fail(cur.error());
    // A complaint may name a site the server does not hold (yet): its count is set when it arrives.
    if (!*cur || (*cur)->deleted()) return {};
    pb::Institution inst;
    if (!inst.ParseFromString((*cur)->payload())) return {};
    auto c = RiskFacts{m_db}.counts(institution_id);
    if (!c) return fail(c.error());
    if (!take_risk_counts(inst, *c)) return {};
    auto w = m_applier.write(kInstitution, institution_id, (*cur)->version() + 1, inst.SerializeAsString(), false);
    if (!w) return fail(w.error());
    return {};
}

}  // namespace ducha::server
