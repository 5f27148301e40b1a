#include "shared/desk/coverage_report.h"

#include <set>

#include "shared/common/clock.h"
#include "shared/domain/collections.h"

namespace ducha::desk {

using namespace ducha::domain;

Result<CoverageResult> CoverageReport::compute(const CoverageQuery& q) {
    CoverageInput in;
    std::optional<CoverageCampaign> campaign;
    if (!q.campaign_id.empty()) {
        auto c = m_w.require<pb::Campaign>(kCampaign, q.campaign_id, "专项行动");
        if (!c) return fail(c.error());
        campaign = CoverageCampaign{c->id, c->msg.name(), c->msg.district_id(), c->msg.start(), c->msg.end(),
                                    c->msg.visits_required(), c->msg.key_targets_only()};
    }
    in.from_s = q.from_s;
    in.to_s = q.to_s;
    if (in.from_s == 0 && in.to_s == 0) {
        if (campaign) {
            in.from_s = campaign->start;
            in.to_s = campaign->end;
        } else {
            in.to_s = unix_seconds_now() + 1;
            in.from_s = in.to_s - 30 * 24 * 3600;
        }
    }
    if (in.to_s <= in.from_s) return fail(Errc::invalid_argument, Msg::period_must_end_after_starts);
    std::string district = campaign && q.district_id.empty() ? campaign->district_id : q.district_id;

    auto districts = m_w.list<pb::District>(kDistrict);
    if (!districts) return fail(districts.error());
    for (const auto& d : *districts) in.district_names[d.id] = d.msg.name();
    auto zones = m_w.list<pb::Zone>(kZone);
    if (!zones) return fail(zones.error());
    for (const auto& z : *zones) in.zone_names[z.id] = z.msg.name();
    auto insts = m_w.list<pb::Institution>(kInstitution);
    if (!insts) return fail(insts.error());
    std::set<std::string> registry;
    std::map<std::string, std::string> merged;  // a merged site's visits count for the registry entry
    for (const auto& i : *insts) {
        if (!i.msg.merged_into().empty()) merged[i.id] = i.msg.merged_into();
        if (i.msg.field_reported() || !i.msg.merged_into().empty()) continue;
        if (!district.empty() && i.msg.district_id() != district) continue;
        in.institutions.push_back({i.id, i.msg.name(), i.msg.district_id(), i.msg.zone_id(), i.msg.key_target()});
        registry.insert(i.id);
    }
    auto canonical = [&](const std::string& id) { return merged.contains(id) ? merged[id] : id; };
    std::set<std::string> tasks_with_report;
    auto reports = m_w.list<pb::Report>(kReport);
    if (!reports) return fail(reports.error());
    for (const auto& r : *reports) {
        std::string inst = canonical(r.msg.institution_id());
        tasks_with_report.insert(r.msg.task_id());
        if (registry.contains(inst)) in.visits.push_back({inst, r.msg.user_id(), r.msg.device_time() / 1000});
    }
    // A finished task whose report this device does not hold (older history, another scope) still
    // counts: it was inspected by then.
    auto tasks = m_w.list<pb::Task>(kTask);
    if (!tasks) return fail(tasks.error());
    for (const auto& t : *tasks) {
        if (t.msg.status() != "done" && t.msg.status() != "submitted") continue;
        if (tasks_with_report.contains(t.id)) continue;
        std::string inst = canonical(t.msg.institution_id());
        if (!registry.contains(inst)) continue;
        std::string user = t.msg.assignees().empty() ? "" : t.msg.assignees(0);
        in.visits.push_back({inst, user, t.msg.window_end() > 0 ? std::min(t.msg.window_end(), t.updated_at / 1000) : t.updated_at / 1000});
    }
    auto users = m_w.list<pb::User>(kUser);
    if (!users) return fail(users.error());
    for (const auto& u : *users)
        if (u.msg.role() == "volunteer" && u.msg.active() && (district.empty() || u.msg.district_id() == district))
            in.volunteers.push_back({u.id, u.msg.name(), u.msg.district_id()});
    if (campaign) in.campaign = &*campaign;
    return compute_coverage(in);
}

Result<std::map<std::string, std::string>> CoverageReport::institution_names() {
    auto insts = m_w.list<pb::Institution>(kInstitution);
    if (!insts) return fail(insts.error());
    std::map<std::string, std::string> out;
    for (const auto& i : *insts) out[i.id] = i.msg.name();
    return out;
}

}  // namespace ducha::desk
