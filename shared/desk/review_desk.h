#pragma once
// The supervisor's review (执法督导): the queue of flagged and unlisted-site reports, a report in
// full (answers with the checklist's words, photos, signature check, receipt), the decision
// (no violation, or a violation with a discretion tier and a rectification order with a deadline),
// and the cases that follow until a re-inspection passes.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "shared/desk/record_writer.h"
#include "shared/domain/checklist_changes.h"

namespace ducha::desk {

inline constexpr std::array<std::string_view, 5> kTiers{"从轻", "较轻", "一般", "较重", "严重"};

struct ReviewItem {
    std::string report_id, institution_id, institution, district_id, inspector, task_id, task_kind;
    std::int64_t device_time_ms = 0, received_ms = 0;
    bool flagged = false, unlisted = false, covert = false;
    int failed = 0, failed_critical = 0;
    std::string case_id, case_status, case_tier;
};

struct AnswerView {
    std::string code, step, text, severity, result, note;
    std::vector<std::string> photo_hex;
};

struct ReportView {
    ReviewItem item;
    pb::Report report;
    std::vector<AnswerView> answers;
    std::vector<pb::BlobRef> blobs;
    std::optional<pb::Receipt> receipt;
    bool device_known = false, signature_ok = false, receipt_ok = false;
    std::string verification;  // one line for people
    std::string template_name;
    int template_version = 0;         // the checklist version the report was answered on
    int newest_template_version = 0;  // the newest this device holds
    // What changed between the report's version and another: the newest when the report's is
    // older (items the volunteer could not have answered), else the version it superseded (what
    // is new in it). compared_version 0: nothing to compare with.
    int compared_version = 0;
    std::vector<domain::ChecklistChange> checklist_changes;
};

struct Decision {
    bool violation = false;
    std::string tier;             // one of kTiers when violation
    int rectification_days = 15;  // the deadline is today + this
    std::string order;            // 整改要求
    std::string note;
    std::vector<std::string> reinspectors;  // empty: the report's author
};

struct CaseView {
    std::string id, report_id, institution_id, institution, district_id, status, tier, order, note;
    std::int64_t deadline = 0, decided_at = 0;
    int escalations = 0;
    std::string reinspection_task_id, reinspection_task_status, closed_by_report_id;
    std::int64_t version = 0;
};

class ReviewDesk {
public:
    explicit ReviewDesk(RecordWriter& w) : m_w(w) {}

    // Flagged or unlisted reports, newest first; decided ones only with include_decided.
    Result<std::vector<ReviewItem>> queue(bool include_decided = false);
    Result<ReportView> open(const std::string& report_id);
    // Opens the case and queues the decision; returns the case id. The server schedules the
    // re-inspection task of a violation.
    Result<std::string> decide(const std::string& report_id, const Decision& d);
    Result<std::vector<CaseView>> cases(const std::string& status_filter = {});
    Result<CaseView> case_view(const std::string& case_id);
    // Asks the server to close a case; it refuses unless the re-inspection passed (不解决不销号).
    Status close_case(const std::string& case_id);

private:
    RecordWriter& m_w;
};

}  // namespace ducha::desk
