#include "shared/domain/institution_risk.h"

#include "shared/domain/collections.h"
#include "shared/domain/vocabulary.h"

namespace ducha::domain {

std::optional<std::string> complaint_counts_against(const pb::Complaint& c) {
    if (c.institution_id().empty()) return std::nullopt;
    return c.institution_id();
}

std::optional<std::string> violation_counts_against(const pb::Case& c) {
    if (c.institution_id().empty()) return std::nullopt;
    auto s = parse_case_status(c.status());
    if (!s) return std::nullopt;
    switch (*s) {
        case CaseStatus::rectification:
        case CaseStatus::reinspection:
        case CaseStatus::closed: return c.institution_id();
        case CaseStatus::open:
        case CaseStatus::no_violation: return std::nullopt;
    }
    return std::nullopt;
}

bool is_risk_fact(std::string_view collection) { return collection == kComplaint || collection == kCase; }

std::optional<std::string> risk_fact_institution(std::string_view collection, const std::string& payload, bool deleted) {
    if (deleted) return std::nullopt;
    if (collection == kComplaint) {
        pb::Complaint c;
        if (!c.ParseFromString(payload)) return std::nullopt;
        return complaint_counts_against(c);
    }
    if (collection == kCase) {
        pb::Case c;
        if (!c.ParseFromString(payload)) return std::nullopt;
        return violation_counts_against(c);
    }
    return std::nullopt;
}

}  // namespace ducha::domain
