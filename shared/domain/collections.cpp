#include "shared/domain/collections.h"

#include <array>

namespace ducha::domain {

namespace {
constexpr std::array kAll{kDistrict, kZone, kInstitution, kUser, kDevice, kAssignment, kChecklistTemplate, kTask,
                          kReport, kReceipt, kEvidence, kComplaint, kCase, kDraw, kAuditEvent,
                          kCampaign};
}

bool is_known_collection(std::string_view c) {
    for (auto k : kAll)
        if (k == c) return true;
    return false;
}

ConflictRule conflict_rule(std::string_view c) {
    if (c == kReport || c == kEvidence || c == kReceipt || c == kAuditEvent) return ConflictRule::immutable;
    if (c == kTask || c == kCase || c == kComplaint || c == kDraw || c == kCampaign) return ConflictRule::compare_and_set;
    if (c == kInstitution || c == kZone) return ConflictRule::field_lww;
    return ConflictRule::server_owned;
}

}  // namespace ducha::domain
