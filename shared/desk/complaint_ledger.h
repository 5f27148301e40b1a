#pragma once
// The complaint ledger (投诉举报台账, 12345 hotline and others): intake by hand or CSV, link to an
// institution (or keep an address to be found), triage into a follow-up task, record the
// resolution, close (never without a resolution: 不解决不销号). Overdue ones stand out.
#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/desk/institution_registry.h"
#include "shared/desk/record_writer.h"
#include "shared/desk/task_planner.h"

namespace ducha::desk {

inline constexpr std::array<std::string_view, 5> kComplaintSources{"12345", "phone", "letter", "online", "other"};

struct ComplaintInput {
    std::string district_id, source = "12345", text, institution_id, address, reference;
    std::int64_t received_at = 0;  // unix seconds; 0 = now
    std::int64_t due_at = 0;       // 0 = received + 15 days
};

struct ComplaintView {
    std::string id, district_id, source, text, institution_id, institution, address, reference, status, task_id,
        task_status, resolution, triage_note;
    std::int64_t received_at = 0, due_at = 0, resolved_at = 0, version = 0;
    bool overdue = false;  // past due and not resolved or closed
};

class ComplaintLedger {
public:
    explicit ComplaintLedger(RecordWriter& w) : m_w(w) {}

    Result<std::string> intake(const ComplaintInput& in);
    // Columns: text|内容*, source|来源, reference|工单号, institution|机构 (name or id), address|地址,
    // received|受理日期 (YYYY-MM-DD), due|办结期限 (YYYY-MM-DD). All rows or none.
    Result<ImportResult> import_csv(std::string_view csv_text, const std::string& district_id);
    Status link(const std::string& id, const std::string& institution_id, const std::string& address = {});
    // Makes the follow-up task (kind complaint) and marks the complaint triaged; returns the task id.
    Result<std::string> triage(const std::string& id, TaskSpec task, const std::string& note = {});
    Status start(const std::string& id);  // triaged -> in_progress
    Status resolve(const std::string& id, const std::string& resolution);
    Status close(const std::string& id);
    Status reopen(const std::string& id);  // resolved -> in_progress: the check found it unresolved
    // Open ones first (overdue first), then by due date.
    Result<std::vector<ComplaintView>> ledger(bool include_closed = false);
    Result<ComplaintView> view(const std::string& id);

private:
    Status move(const std::string& id, const std::string& to, const std::function<void(pb::Complaint&)>& edit = {});
    RecordWriter& m_w;
};

}  // namespace ducha::desk
