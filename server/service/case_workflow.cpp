#include "server/service/case_workflow.h"

#include <algorithm>
#include <array>

#include "server/service/mutation_applier.h"
#include "server/storage/record_table.h"
#include "shared/crypto/random.h"
#include "shared/domain/checklist.h"
#include "shared/domain/collections.h"
#include "shared/domain/state_machines.h"

namespace ducha::server {

using namespace ducha::domain;

namespace {

constexpr std::array<std::string_view, 5> kTiers{"从轻", "较轻", "一般", "较重", "严重"};
constexpr std::int64_t kDay = 24 * 3600;
constexpr std::int64_t kReinspectionWindow = 7 * kDay;  // time the re-inspector has after the deadline

template <typename M>
std::optional<M> parse_as(const pb::Record& r) {
    M m;
    if (r.deleted() || !m.ParseFromString(r.payload())) return std::nullopt;
    return m;
}

}  // namespace

bool CaseWorkflow::is_tier(const std::string& tier) {
    return std::find(kTiers.begin(), kTiers.end(), tier) != kTiers.end();
}

std::string CaseWorkflow::escalated(const std::string& tier) {
    auto it = std::find(kTiers.begin(), kTiers.end(), tier);
    if (it == kTiers.end() || it + 1 == kTiers.end()) return std::string(kTiers.back());
    return std::string(*(it + 1));
}

Result<std::optional<pb::Report>> CaseWorkflow::report(const std::string& id) {
    auto r = m_table.get(kReport, id);
    if (!r) return fail(r.error());
    if (!*r) return std::optional<pb::Report>{};
    return parse_as<pb::Report>(**r);
}

Result<bool> CaseWorkflow::passes(const pb::Report& report) {
    auto t = m_table.get(kChecklistTemplate, report.template_id());
    if (!t) return fail(t.error());
    pb::ChecklistTemplate tpl = default_checklist();
    if (*t)
        if (auto parsed = parse_as<pb::ChecklistTemplate>(**t)) tpl = *parsed;
    std::vector<pb::Answer> answers(report.answers().begin(), report.answers().end());
    // Judged as a repeat offender: after an order, even one failed major item is not a pass.
    return !is_flagged(tpl, answers, report.unlisted(), /*repeat_offender=*/true);
}

Status CaseWorkflow::prepare_change(const std::string& case_id, const std::optional<pb::Case>& before, pb::Case& after,
                                    const std::string& actor) {
    if (!before) {
        // A new case names the report it judges; the institution and district come from it.
        auto r = report(after.report_id());
        if (!r) return fail(r.error());
        if (!*r) return fail(Errc::rejected, Msg::case_names_report_server_does);
        if (after.institution_id().empty()) after.set_institution_id((*r)->institution_id());
        if (after.district_id().empty()) after.set_district_id((*r)->district_id());
        if (after.institution_id() != (*r)->institution_id())
            return fail(Errc::rejected, Msg::case_institution_differs_from_report);
        return {};
    }
    const std::string& from = before->status();
    const std::string& to = after.status();
    if (from == to) return {};
    if (to == "rectification") {
        if (!is_tier(after.tier()))
            return fail(Errc::rejected, Msg::choose_discretion_tier_or);
        if (after.deadline() <= 0 && after.rectification_days() > 0)
            after.set_deadline(m_now_s + after.rectification_days() * kDay);
        if (after.deadline() <= m_now_s)
            return fail(Errc::rejected, Msg::rectification_deadline_must_future);
        if (after.rectification_days() <= 0)
            after.set_rectification_days(static_cast<std::int32_t>((after.deadline() - m_now_s + kDay - 1) / kDay));
        if (from == "reinspection") after.set_escalations(before->escalations() + 1);
        auto task = schedule_reinspection(after, case_id, actor);
        if (!task) return fail(task.error());
        after.set_reinspection_task_id(*task);
    }
    if (to == "closed") {
        // 不解决不销号: only a passing report on this case's own re-inspection task closes it. The
        // server finds that report itself: the task is the one the server scheduled for this case
        // (stored, not sent), and the report is its assignee's, on that task.
        auto found = passing_reinspection(case_id, *before);
        if (!found) return fail(found.error());
        if (*found) after.set_closed_by_report_id(**found);
        if (auto s = check_case_close(*before, found->has_value()); !s) return s;
    }
    return {};
}

Result<std::optional<std::string>> CaseWorkflow::passing_reinspection(const std::string& case_id, const pb::Case& stored) {
    if (stored.reinspection_task_id().empty()) return std::optional<std::string>{};
    auto t = m_table.get(kTask, stored.reinspection_task_id());
    if (!t) return fail(t.error());
    std::optional<pb::Task> task = *t ? parse_as<pb::Task>(**t) : std::nullopt;
    if (!task || task->case_id() != case_id || task->report_id().empty()) return std::optional<std::string>{};
    auto r = report(task->report_id());
    if (!r) return fail(r.error());
    if (!*r || (*r)->task_id() != stored.reinspection_task_id()) return std::optional<std::string>{};
    if (std::find(task->assignees().begin(), task->assignees().end(), (*r)->user_id()) == task->assignees().end())
        return std::optional<std::string>{};
    auto ok = passes(**r);
    if (!ok) return fail(ok.error());
    if (!*ok) return std::optional<std::string>{};
    return std::optional<std::string>{task->report_id()};
}

Result<std::string> CaseWorkflow::schedule_reinspection(const pb::Case& c, const std::string& case_id,
                                                        const std::string& creator) {
    auto r = report(c.report_id());
    if (!r) return fail(r.error());
    pb::Task t;
    t.set_institution_id(c.institution_id());
    t.set_district_id(c.district_id());
    t.set_kind("reinspection");
    t.set_covert(false);
    if (c.reinspection_assignees().empty()) {
        // By default the inspector who found the problem goes back: they know the site.
        if (*r) t.add_assignees((*r)->user_id());
    } else {
        for (const auto& a : c.reinspection_assignees()) t.add_assignees(a);
    }
    if (t.assignees().empty())
        return fail(Errc::rejected, Msg::nobody_send_for_re_inspection);
    t.set_created_by(creator);
    t.set_window_start(c.deadline());
    t.set_window_end(c.deadline() + kReinspectionWindow);
    t.set_priority(2);
    t.set_status(std::string(kTaskInitial));
    if (*r) t.set_template_id((*r)->template_id());
    t.set_case_id(case_id);
    std::string name;
    if (auto i = m_table.get(kInstitution, c.institution_id()); i && *i)
        if (auto inst = parse_as<pb::Institution>(**i)) name = inst->name();
    t.set_title("复查 / Re-inspection: " + name);
    std::string id = crypto::new_uuid();
    auto w = m_applier.write(kTask, id, 1, t.SerializeAsString(), false);
    if (!w) return fail(w.error());
    return id;
}

Status CaseWorkflow::on_reinspection_report(const std::string& task_id, const pb::Task& task, const std::string& report_id) {
    if (task.kind() != "reinspection" || task.case_id().empty()) return {};
    auto rep = report(report_id);
    if (!rep) return fail(rep.error());
    if (!*rep) return {};
    const pb::Report& report = **rep;
    auto cur = m_table.get(kCase, task.case_id());
    if (!cur) return fail(cur.error());
    if (!*cur) return {};
    auto c = parse_as<pb::Case>(**cur);
    // Only the case's current re-inspection decides it; a late report on an older task is kept as evidence.
    if (!c || c->reinspection_task_id() != task_id) return {};
    if (c->status() != "rectification" && c->status() != "reinspection") return {};
    auto ok = passes(report);
    if (!ok) return fail(ok.error());
    c->set_last_reinspection_report_id(report_id);
    if (*ok) {
        c->set_status("closed");
        c->set_closed_by_report_id(report_id);
    } else {
        // Failed: the case stays open, one tier up, with a new deadline and a new re-inspection.
        c->set_status("rectification");
        c->set_escalations(c->escalations() + 1);
        c->set_tier(escalated(c->tier()));
        std::int64_t days = c->rectification_days() > 0 ? c->rectification_days() : 7;
        c->set_deadline(m_now_s + days * kDay);
        auto t = schedule_reinspection(*c, task.case_id(), task.created_by());
        if (!t) return fail(t.error());
        c->set_reinspection_task_id(*t);
    }
    auto w = m_applier.write(kCase, task.case_id(), (*cur)->version() + 1, c->SerializeAsString(), false);
    if (!w) return fail(w.error());
    return {};
}

}  // namespace ducha::server
