#pragma once
// Which complaint or case counts against which institution (domain/institution_risk.h), kept as
// one row per counting record so the server recounts an institution's complaint_count and
// past_violations with two indexed counts instead of a scan of the ledger. Written in the writer's
// transaction together with the record it describes.
#include <optional>
#include <string>

#include "ducha.pb.h"
#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

struct RiskCounts {
    std::int32_t complaints = 0;  // complaint_count
    std::int32_t violations = 0;  // past_violations
};

// Puts the counts into the institution; false when it already held them.
bool take_risk_counts(pb::Institution& inst, const RiskCounts& counts);

class RiskFacts {
public:
    explicit RiskFacts(store::Connection& db) : m_db(db) {}

    // Records that `collection`/`id` now counts against `institution` (nullopt: against none) and
    // returns the institution it counted against before (nullopt: none).
    Result<std::optional<std::string>> set(std::string_view collection, const std::string& id,
                                           const std::optional<std::string>& institution);
    Result<RiskCounts> counts(const std::string& institution_id) const;

private:
    store::Connection& m_db;
};

// Server migration 9: fills the table from the stored complaints and cases, then gives every
// institution whose stored counts differ a new version (and seq) with the recounted ones, so
// devices pull the truth. Keys do not change: the counts are not part of any scope.
Status recount_institution_risk(store::Connection& db);

}  // namespace ducha::server
