#include "shared/desk/zone_planner.h"

#include <algorithm>
#include <map>
#include <set>

#include "shared/domain/collections.h"
#include "shared/store/transaction.h"

namespace ducha::desk {

using namespace ducha::domain;

Result<std::string> ZonePlanner::create_zone(const std::string& district_id, const std::string& name,
                                             const std::vector<std::string>& communities) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kZone, policy::kCreate); !s) return fail(s.error());
    std::string district = district_id.empty() ? who->district_id : district_id;
    if (auto s = require_district(*who, district); !s) return fail(s.error());
    if (is_blank(name)) return fail(Errc::invalid_argument, Msg::zone_needs_name);
    auto zones = m_w.list<pb::Zone>(kZone);
    if (!zones) return fail(zones.error());
    for (const auto& z : *zones)
        if (z.msg.district_id() == district && z.msg.name() == name)
            return fail(Errc::already_exists, Msg::district_already_zone_named, name);
    pb::Zone z;
    z.set_district_id(district);
    z.set_name(name);
    for (const auto& c : communities)
        if (!is_blank(c)) z.add_communities(c);
    return m_w.create(kZone, z);
}

Status ZonePlanner::edit_zone(const std::string& zone_id, const std::string& name, const std::vector<std::string>& communities) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kZone, policy::kUpdate); !s) return s;
    auto z = m_w.require<pb::Zone>(kZone, zone_id, "片区");
    if (!z) return fail(z.error());
    if (auto s = require_district(*who, z->msg.district_id()); !s) return s;
    if (is_blank(name)) return fail(Errc::invalid_argument, Msg::zone_needs_name);
    pb::Zone next = z->msg;
    next.set_name(name);
    next.clear_communities();
    for (const auto& c : communities)
        if (!is_blank(c)) next.add_communities(c);
    return m_w.edit_fields(kZone, zone_id, z->version, next, {"name", "communities"});
}

Result<std::string> ZonePlanner::assign(const std::string& user_id, const std::string& zone_id, const std::string& institution_id) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kAssignment, policy::kCreate); !s) return fail(s.error());
    if (zone_id.empty() == institution_id.empty())
        return fail(Errc::invalid_argument, Msg::give_exactly_one_zone_or);
    auto user = m_w.require<pb::User>(kUser, user_id, "人员");
    if (!user) return fail(user.error());
    if (user->msg.role() != "volunteer" || !user->msg.active())
        return fail(Errc::invalid_argument, Msg::only_active_volunteers);
    std::string district;
    if (!zone_id.empty()) {
        auto z = m_w.require<pb::Zone>(kZone, zone_id, "片区");
        if (!z) return fail(z.error());
        district = z->msg.district_id();
    } else {
        auto i = m_w.require<pb::Institution>(kInstitution, institution_id, "机构");
        if (!i) return fail(i.error());
        district = i->msg.district_id();
    }
    if (auto s = require_district(*who, district); !s) return fail(s.error());
    if (user->msg.district_id() != district)
        return fail(Errc::invalid_argument, Msg::volunteer_belongs_another_district);
    auto existing = m_w.list<pb::Assignment>(kAssignment);
    if (!existing) return fail(existing.error());
    for (const auto& a : *existing)
        if (a.msg.user_id() == user_id && a.msg.zone_id() == zone_id && a.msg.institution_id() == institution_id)
            return fail(Errc::already_exists, Msg::assignment_already_exists);
    pb::Assignment a;
    a.set_user_id(user_id);
    a.set_district_id(district);
    a.set_zone_id(zone_id);
    a.set_institution_id(institution_id);
    return m_w.create(kAssignment, a);
}

Result<std::vector<std::string>> ZonePlanner::bulk_assign(const std::string& user_id, const std::vector<std::string>& institution_ids) {
    if (institution_ids.empty()) return fail(Errc::invalid_argument, Msg::no_institutions_chosen);
    store::Transaction tx{m_w.store().db()};
    if (!tx.begun()) return fail(tx.begun().error());
    std::vector<std::string> ids;
    for (const auto& inst : institution_ids) {
        auto id = assign(user_id, {}, inst);
        if (!id) return fail(id.error().code, Msg::error_about_item, id.error().message(), inst);
        ids.push_back(*id);
    }
    if (auto s = tx.commit(); !s) return fail(s.error());
    return ids;
}

Status ZonePlanner::unassign(const std::string& assignment_id) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kAssignment, policy::kDelete); !s) return s;
    auto a = m_w.require<pb::Assignment>(kAssignment, assignment_id, "分工");
    if (!a) return fail(a.error());
    if (auto s = require_district(*who, a->msg.district_id()); !s) return s;
    return m_w.remove(kAssignment, assignment_id, a->version, a->msg);
}

Status ZonePlanner::move_volunteer(const std::string& user_id, const std::string& from_zone, const std::string& to_zone) {
    if (from_zone == to_zone) return fail(Errc::invalid_argument, Msg::zones_are_same);
    auto all = m_w.list<pb::Assignment>(kAssignment);
    if (!all) return fail(all.error());
    auto it = std::find_if(all->begin(), all->end(),
                           [&](const auto& a) { return a.msg.user_id() == user_id && a.msg.zone_id() == from_zone; });
    if (it == all->end()) return fail(Errc::not_found, Msg::volunteer_not_bound_that_zone);
    store::Transaction tx{m_w.store().db()};
    if (!tx.begun()) return tx.begun();
    if (auto s = unassign(it->id); !s) return s;
    if (auto id = assign(user_id, to_zone, {}); !id) return fail(id.error());
    return tx.commit();
}

Result<std::vector<ZoneSummary>> ZonePlanner::zones(const std::string& district_id) {
    auto zs = m_w.list<pb::Zone>(kZone);
    if (!zs) return fail(zs.error());
    auto insts = m_w.list<pb::Institution>(kInstitution);
    if (!insts) return fail(insts.error());
    auto as = m_w.list<pb::Assignment>(kAssignment);
    if (!as) return fail(as.error());
    auto users = m_w.list<pb::User>(kUser);
    if (!users) return fail(users.error());
    std::map<std::string, std::string> names;
    for (const auto& u : *users) names[u.id] = u.msg.name();
    std::vector<ZoneSummary> out;
    for (const auto& z : *zs) {
        if (!district_id.empty() && z.msg.district_id() != district_id) continue;
        ZoneSummary s{z.id, z.msg.district_id(), z.msg.name(), {z.msg.communities().begin(), z.msg.communities().end()}, 0, {}, {}};
        for (const auto& i : *insts) s.institutions += i.msg.zone_id() == z.id && !i.msg.field_reported();
        for (const auto& a : *as)
            if (a.msg.zone_id() == z.id) {
                s.volunteer_ids.push_back(a.msg.user_id());
                s.volunteer_names.push_back(names.contains(a.msg.user_id()) ? names[a.msg.user_id()] : a.msg.user_id());
            }
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

Result<std::vector<AssignmentView>> ZonePlanner::assignments(const std::string& district_id, const std::string& user_id) {
    auto as = m_w.list<pb::Assignment>(kAssignment);
    if (!as) return fail(as.error());
    std::vector<AssignmentView> out;
    for (const auto& a : *as) {
        if (!district_id.empty() && a.msg.district_id() != district_id) continue;
        if (!user_id.empty() && a.msg.user_id() != user_id) continue;
        AssignmentView v{a.id, a.msg.user_id(), {}, a.msg.zone_id(), {}, a.msg.institution_id(), {}};
        if (auto u = m_w.load<pb::User>(kUser, v.user_id); u && *u) v.user_name = (*u)->msg.name();
        if (!v.zone_id.empty())
            if (auto z = m_w.load<pb::Zone>(kZone, v.zone_id); z && *z) v.zone_name = (*z)->msg.name();
        if (!v.institution_id.empty())
            if (auto i = m_w.load<pb::Institution>(kInstitution, v.institution_id); i && *i) v.institution_name = (*i)->msg.name();
        out.push_back(std::move(v));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.user_name < b.user_name; });
    return out;
}

Result<std::vector<Loaded<pb::Institution>>> ZonePlanner::unassigned(const std::string& district_id) {
    auto as = m_w.list<pb::Assignment>(kAssignment);
    if (!as) return fail(as.error());
    std::set<std::string> zones, insts;
    for (const auto& a : *as) {
        if (!a.msg.zone_id().empty()) zones.insert(a.msg.zone_id());
        if (!a.msg.institution_id().empty()) insts.insert(a.msg.institution_id());
    }
    auto all = m_w.list<pb::Institution>(kInstitution);
    if (!all) return fail(all.error());
    std::vector<Loaded<pb::Institution>> out;
    for (auto& i : *all) {
        if (i.msg.field_reported() || !i.msg.merged_into().empty()) continue;
        if (!district_id.empty() && i.msg.district_id() != district_id) continue;
        if (zones.contains(i.msg.zone_id()) || insts.contains(i.id)) continue;
        out.push_back(std::move(i));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.msg.name() < b.msg.name(); });
    return out;
}

Result<std::vector<Loaded<pb::User>>> ZonePlanner::volunteers(const std::string& district_id) {
    auto users = m_w.list<pb::User>(kUser);
    if (!users) return fail(users.error());
    std::vector<Loaded<pb::User>> out;
    for (auto& u : *users)
        if (u.msg.role() == "volunteer" && u.msg.active() && (district_id.empty() || u.msg.district_id() == district_id))
            out.push_back(std::move(u));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.msg.name() < b.msg.name(); });
    return out;
}

}  // namespace ducha::desk
