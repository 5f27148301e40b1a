#pragma once
// Collection names: fixed strings on the wire and in both databases.
#include <string_view>

namespace ducha::domain {

inline constexpr std::string_view kDistrict = "district";
inline constexpr std::string_view kZone = "zone";
inline constexpr std::string_view kInstitution = "institution";
inline constexpr std::string_view kUser = "user";
inline constexpr std::string_view kDevice = "device";
inline constexpr std::string_view kAssignment = "assignment";
inline constexpr std::string_view kChecklistTemplate = "checklist_template";
inline constexpr std::string_view kTask = "task";
inline constexpr std::string_view kReport = "report";
inline constexpr std::string_view kReceipt = "receipt";
inline constexpr std::string_view kEvidence = "evidence";
inline constexpr std::string_view kComplaint = "complaint";
inline constexpr std::string_view kCase = "case";
inline constexpr std::string_view kDraw = "draw";
inline constexpr std::string_view kAuditEvent = "audit_event";
inline constexpr std::string_view kCampaign = "campaign";

// How concurrent writes to a collection are reconciled (docs/SYNC.md, "Conflict rules").
enum class ConflictRule {
    immutable,        // report, evidence, receipt, audit_event: written once; a replay must be identical
    compare_and_set,  // task, case, complaint, draw, campaign: accepted only from the version the client saw
    field_lww,        // institution, zone: per-field last-writer-wins on a hybrid logical clock
    server_owned,     // district, user, device, assignment, checklist_template: admin/coordinator CAS
};

ConflictRule conflict_rule(std::string_view collection);
bool is_known_collection(std::string_view collection);

}  // namespace ducha::domain
