#pragma once
// What an institution's risk fields count (docs/ARCHITECTURE.md, "Risk that follows the facts").
// `complaint_count` and `past_violations` are held by the server: it recounts them from the
// complaint ledger and the decided cases whenever one of those changes, in the same transaction.
// These are the rules both the live recount and the one-off migration use.
#include <optional>
#include <string>

#include "ducha.pb.h"

namespace ducha::domain {

// The institution a complaint counts against: every complaint of the ledger that names one,
// whatever its status. (The ledger records no "unfounded" outcome: a complaint is resolved with
// a written resolution, never thrown out, so each one that names a site counts.)
std::optional<std::string> complaint_counts_against(const pb::Complaint& c);

// The institution a case counts as a past violation of: a case decided as a violation, i.e.
// moved to rectification or later (rectification, reinspection, closed). An open case and one
// decided as no violation do not count.
std::optional<std::string> violation_counts_against(const pb::Case& c);

// Which of the two counts a fact of `collection` feeds ("complaint" or "case"), or false.
bool is_risk_fact(std::string_view collection);

// The institution a record of `collection` (complaint or case) counts against, or nullopt
// (not a fact, deleted, unparsable, or one that does not count).
std::optional<std::string> risk_fact_institution(std::string_view collection, const std::string& payload, bool deleted);

}  // namespace ducha::domain
