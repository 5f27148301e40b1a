#include "shared/desk/task_planner.h"

#include <algorithm>
#include <set>

#include "shared/common/clock.h"
#include "shared/common/shanghai_time.h"
#include "shared/domain/collections.h"
#include "shared/domain/state_machines.h"
#include "shared/sync/inspection_recorder.h"

namespace ducha::desk {

using namespace ducha::domain;

namespace {
constexpr std::int64_t kDay = kSecondsPerDay;
}  // namespace

Result<pb::Task> TaskPlanner::build(const TaskSpec& spec) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kTask, policy::kCreate); !s) return fail(s.error());
    static const std::set<std::string> kinds{"routine", "joint", "complaint", "reinspection", "spot_check"};
    if (!kinds.contains(spec.kind))
        return fail(Errc::invalid_argument, Msg::unknown_task_kind_listed, spec.kind);
    auto inst = m_w.require<pb::Institution>(kInstitution, spec.institution_id, "机构");
    if (!inst) return fail(inst.error());
    if (auto s = require_district(*who, inst->msg.district_id()); !s) return fail(s.error());
    std::set<std::string> unique(spec.assignees.begin(), spec.assignees.end());
    if (unique.empty()) return fail(Errc::invalid_argument, Msg::assign_at_least_one_volunteer);
    if (unique.size() != spec.assignees.size()) return fail(Errc::invalid_argument, Msg::volunteer_listed_twice);
    if (spec.kind == "joint" && unique.size() < 2)
        return fail(Errc::invalid_argument, Msg::joint_inspection_needs_two_or);
    for (const auto& a : spec.assignees) {
        auto u = m_w.require<pb::User>(kUser, a, "人员");
        if (!u) return fail(u.error());
        if (u->msg.role() != "volunteer" || !u->msg.active())
            return fail(Errc::invalid_argument, Msg::only_active_volunteers_named, u->msg.name());
    }
    if (spec.priority < 1 || spec.priority > 5) return fail(Errc::invalid_argument, Msg::priority_must_1_5);
    std::int64_t start = spec.window_start ? spec.window_start : unix_seconds_now();
    std::int64_t end = spec.window_end ? spec.window_end : start + 7 * kDay;
    if (end <= start) return fail(Errc::invalid_argument, Msg::window_must_end_after_starts);
    auto tpl = sync::newest_checklist(m_w.store());
    if (!tpl) return fail(tpl.error());
    pb::Task t;
    t.set_institution_id(spec.institution_id);
    t.set_district_id(inst->msg.district_id());
    t.set_kind(spec.kind);
    t.set_covert(spec.covert);
    for (const auto& a : spec.assignees) t.add_assignees(a);
    t.set_created_by(who->user_id);
    t.set_window_start(start);
    t.set_window_end(end);
    t.set_priority(spec.priority);
    t.set_status(std::string(kTaskInitial));
    t.set_template_id(tpl->id);
    t.set_title(is_blank(spec.title) ? inst->msg.name() : spec.title);
    t.set_campaign_id(spec.campaign_id);
    t.set_complaint_id(spec.complaint_id);
    return t;
}

Result<std::string> TaskPlanner::create(const TaskSpec& spec) {
    auto t = build(spec);
    if (!t) return fail(t.error());
    return m_w.create(kTask, *t);
}

Status TaskPlanner::cancel(const std::string& task_id) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kTask, policy::kUpdate); !s) return s;
    auto t = m_w.require<pb::Task>(kTask, task_id, "任务");
    if (!t) return fail(t.error());
    if (auto s = require_district(*who, t->msg.district_id()); !s) return s;
    if (auto s = check_task_transition(t->msg.status(), "cancelled"); !s) return s;
    pb::Task next = t->msg;
    next.set_status("cancelled");
    return m_w.update(kTask, task_id, t->version, next);
}

Result<std::string> TaskPlanner::create_campaign(pb::Campaign c) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kCampaign, policy::kCreate); !s) return fail(s.error());
    if (c.district_id().empty()) c.set_district_id(who->district_id);
    if (auto s = require_district(*who, c.district_id()); !s) return fail(s.error());
    if (c.district_id().empty()) return fail(Errc::invalid_argument, Msg::choose_district);
    if (is_blank(c.name())) return fail(Errc::invalid_argument, Msg::campaign_needs_name);
    if (c.end() <= c.start()) return fail(Errc::invalid_argument, Msg::campaign_must_end_after_starts);
    if (c.visits_required() < 1 || c.visits_required() > 31)
        return fail(Errc::invalid_argument, Msg::visits_required_must_1_31);
    c.set_created_by(who->user_id);
    c.set_cancelled(false);
    return m_w.create(kCampaign, c);
}

Status TaskPlanner::cancel_campaign(const std::string& campaign_id) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kCampaign, policy::kUpdate); !s) return s;
    auto c = m_w.require<pb::Campaign>(kCampaign, campaign_id, "专项行动");
    if (!c) return fail(c.error());
    if (auto s = require_district(*who, c->msg.district_id()); !s) return s;
    pb::Campaign next = c->msg;
    next.set_cancelled(true);
    return m_w.update(kCampaign, campaign_id, c->version, next);
}

Result<std::vector<Loaded<pb::Campaign>>> TaskPlanner::campaigns(const std::string& district_id) {
    auto all = m_w.list<pb::Campaign>(kCampaign);
    if (!all) return fail(all.error());
    std::vector<Loaded<pb::Campaign>> out;
    for (auto& c : *all)
        if (district_id.empty() || c.msg.district_id() == district_id) out.push_back(std::move(c));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.msg.start() > b.msg.start(); });
    return out;
}

}  // namespace ducha::desk
