#include "server/policy/policy.h"

#include <algorithm>

#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"

namespace ducha::server {

using namespace ducha::domain;

std::optional<Role> parse_role(std::string_view s) {
    if (s == "volunteer") return Role::volunteer;
    if (s == "coordinator") return Role::coordinator;
    if (s == "supervisor") return Role::supervisor;
    if (s == "admin") return Role::admin;
    return std::nullopt;
}

std::string_view role_name(Role r) {
    switch (r) {
        case Role::volunteer: return "volunteer";
        case Role::coordinator: return "coordinator";
        case Role::supervisor: return "supervisor";
        case Role::admin: return "admin";
    }
    return "volunteer";
}

namespace {

void sort_unique(std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::string u(const std::string& id) { return "u:" + id; }
std::string d(const std::string& id) { return "d:" + id; }

template <typename M>
std::optional<M> parse(const std::string& payload) {
    M m;
    if (!m.ParseFromString(payload)) return std::nullopt;
    return m;
}

std::vector<std::string> task_keys(const pb::Task& t) {
    std::vector<std::string> k{"sup"};
    for (const auto& a : t.assignees()) k.push_back(u(a));
    if (t.covert()) {
        // 暗访: only the assignees, the coordinator who made it, and supervisors.
        if (!t.created_by().empty()) k.push_back(u(t.created_by()));
    } else {
        k.push_back(d(t.district_id()));
    }
    return k;
}

Status forbidden(std::string what) {
    return fail(Errc::forbidden, "无权执行此操作 / not allowed: " + std::move(what));
}

bool same_district(const Principal& p, const std::string& district) {
    return p.district_id.empty() || p.district_id == district;
}

}  // namespace

Principal make_principal(const std::string& user_id, const pb::User& user, const std::string& device_id,
                         const PolicyLookup& lookup) {
    Principal p;
    p.user_id = user_id;
    p.device_id = device_id;
    p.role = parse_role(user.role()).value_or(Role::volunteer);
    p.district_id = user.district_id();
    p.keys = {"all", u(user_id)};
    switch (p.role) {
        case Role::volunteer:
            for (const auto& a : lookup.assignments_of(user_id)) {
                if (!a.zone_id().empty()) p.keys.push_back("z:" + a.zone_id());
                if (!a.institution_id().empty()) p.keys.push_back("i:" + a.institution_id());
            }
            // A task may send a volunteer outside their zones (a random draw): its site comes along.
            for (const auto& inst : lookup.task_institutions_of(user_id)) p.keys.push_back("i:" + inst);
            break;
        case Role::coordinator:
            p.keys.push_back(d(p.district_id));
            break;
        case Role::supervisor:
        case Role::admin:
            p.keys.push_back("sup");
            if (p.role == Role::admin) p.keys.push_back("adm");
            if (p.district_id.empty()) {
                for (const auto& id : lookup.district_ids()) p.keys.push_back(d(id));
            } else {
                p.keys.push_back(d(p.district_id));
            }
            break;
    }
    sort_unique(p.keys);
    crypto::Sha256 h;
    for (const auto& k : p.keys) {
        h.update(k);
        h.update(std::string_view("\n", 1));
    }
    p.scope_digest = h.finish();
    return p;
}

std::vector<std::string> record_keys(std::string_view c, const std::string& id, const std::string& payload,
                                     const PolicyLookup& lookup) {
    std::vector<std::string> k;
    if (c == kDistrict || c == kChecklistTemplate) {
        k = {"all"};
    } else if (c == kZone) {
        if (auto z = parse<pb::Zone>(payload)) k = {d(z->district_id()), "z:" + id, "sup"};
    } else if (c == kInstitution) {
        if (auto i = parse<pb::Institution>(payload)) {
            k = {d(i->district_id()), "i:" + id, "sup"};
            if (!i->zone_id().empty()) k.push_back("z:" + i->zone_id());
        }
    } else if (c == kUser) {
        if (auto usr = parse<pb::User>(payload)) {
            k = {u(id), "sup"};
            if (!usr->district_id().empty()) k.push_back(d(usr->district_id()));
        }
    } else if (c == kDevice) {
        if (auto dev = parse<pb::Device>(payload)) {
            k = {u(dev->user_id()), "sup"};
            if (auto owner = lookup.user(dev->user_id()); owner && !owner->district_id().empty())
                k.push_back(d(owner->district_id()));
        }
    } else if (c == kAssignment) {
        if (auto a = parse<pb::Assignment>(payload)) k = {u(a->user_id()), d(a->district_id()), "sup"};
    } else if (c == kTask) {
        if (auto t = parse<pb::Task>(payload)) k = task_keys(*t);
    } else if (c == kReport) {
        if (auto r = parse<pb::Report>(payload)) return report_keys(*r, lookup);
    } else if (c == kReceipt || c == kEvidence) {
        // Visible wherever its report is.
        std::string report_id = id;
        if (c == kEvidence) {
            if (auto e = parse<pb::Evidence>(payload)) report_id = e->report_id();
        }
        if (auto r = lookup.report(report_id)) return record_keys(kReport, report_id, r->SerializeAsString(), lookup);
        k = {"sup"};
    } else if (c == kComplaint) {
        if (auto cm = parse<pb::Complaint>(payload)) k = {d(cm->district_id()), "sup"};
    } else if (c == kCase) {
        if (auto cs = parse<pb::Case>(payload)) {
            k = {d(cs->district_id()), "sup"};
            // The inspector whose report it judges follows it (their history shows the decision).
            if (auto r = lookup.report(cs->report_id())) k.push_back(u(r->user_id()));
        }
    } else if (c == kDraw) {
        if (auto dr = parse<pb::Draw>(payload)) k = {d(dr->district_id()), "sup"};
    } else if (c == kCampaign) {
        if (auto cp = parse<pb::Campaign>(payload)) k = {d(cp->district_id()), "sup"};
    } else if (c == kAuditEvent) {
        k = {"adm"};
    }
    if (k.empty()) k = {"adm"};  // unparseable payloads are visible to admins only
    sort_unique(k);
    return k;
}

std::vector<std::string> report_keys(const pb::Report& r, const PolicyLookup& lookup) {
    std::vector<std::string> k{u(r.user_id()), "sup"};
    bool covert = r.covert();
    if (auto t = lookup.task(r.task_id())) {
        covert = covert || t->covert();
        if (t->covert() && !t->created_by().empty()) k.push_back(u(t->created_by()));
    }
    if (!covert) k.push_back(d(r.district_id()));
    sort_unique(k);
    return k;
}

Status can_write_report(const Principal& p, const pb::Report& r) {
    if (p.role == Role::admin) return {};
    if (r.user_id() != p.user_id || r.device_id() != p.device_id)
        return forbidden("只能提交本人本设备的报告 / a report must come from its author's own device");
    return {};
}

bool shares_key(const std::vector<std::string>& pk, const std::vector<std::string>& rk) {
    for (const auto& k : rk)
        if (std::binary_search(pk.begin(), pk.end(), k)) return true;
    return false;
}

Status can_issue_code(const Principal& p, const pb::User& target) {
    if (p.role == Role::admin) return {};
    if (p.role == Role::coordinator && target.role() == "volunteer" && target.district_id() == p.district_id) return {};
    return forbidden("只能为本区县督查员发放注册码 / coordinators issue codes for their own district's volunteers only");
}

Status can_write(const Principal& p, std::string_view c, const std::string& id, const std::string& new_payload,
                 const std::optional<std::string>& current, bool deleting) {
    (void)id;
    if (p.role == Role::admin) return {};
    if (c == kReport || c == kEvidence) {
        if (deleting) return forbidden("证据不可删除 / evidence cannot be deleted");
        if (c != kReport) return {};  // evidence rows are checked against their report by the service
        auto r = parse<pb::Report>(new_payload);
        if (!r) return fail(Errc::malformed, "报告无法解析 / the report cannot be parsed");
        return can_write_report(p, *r);
    }
    if (c == kTask) {
        auto t = parse<pb::Task>(new_payload);
        if (!t) return fail(Errc::malformed, "任务无法解析 / the task cannot be parsed");
        if (p.role == Role::volunteer) {
            if (!current) return forbidden("督查员不能创建任务 / volunteers cannot create tasks");
            auto old = parse<pb::Task>(*current);
            bool assignee = old && std::find(old->assignees().begin(), old->assignees().end(), p.user_id) !=
                                       old->assignees().end();
            if (!assignee) return forbidden("不是该任务的督查员 / not an assignee of this task");
            // A volunteer may move the task's status only; everything else stays as assigned.
            pb::Task a = *old, b = *t;
            a.clear_status();
            b.clear_status();
            a.clear_report_id();
            b.clear_report_id();
            if (a.SerializeAsString() != b.SerializeAsString() || deleting)
                return forbidden("督查员只能更新任务状态 / volunteers may only change a task's status");
            return {};
        }
        if (!same_district(p, t->district_id())) return forbidden("不属于本区县 / outside your district");
        return {};
    }
    if (p.role == Role::volunteer) {
        if (c == kInstitution && !current) {
            auto i = parse<pb::Institution>(new_payload);
            if (i && i->field_reported()) return {};  // 上报未登记机构
        }
        return forbidden(std::string(c) + " 只能由协调员或督导修改 / may be changed by coordinators or supervisors only");
    }
    auto district_of = [&](const std::string& payload) -> std::optional<std::string> {
        if (c == kInstitution) {
            if (auto m = parse<pb::Institution>(payload)) return m->district_id();
        } else if (c == kZone) {
            if (auto m = parse<pb::Zone>(payload)) return m->district_id();
        } else if (c == kAssignment) {
            if (auto m = parse<pb::Assignment>(payload)) return m->district_id();
        } else if (c == kComplaint) {
            if (auto m = parse<pb::Complaint>(payload)) return m->district_id();
        } else if (c == kCase) {
            if (auto m = parse<pb::Case>(payload)) return m->district_id();
        } else if (c == kDraw) {
            if (auto m = parse<pb::Draw>(payload)) return m->district_id();
        } else if (c == kCampaign) {
            if (auto m = parse<pb::Campaign>(payload)) return m->district_id();
        } else if (c == kUser) {
            if (auto m = parse<pb::User>(payload)) return m->district_id();
        }
        return std::nullopt;
    };
    if (c == kDistrict || c == kChecklistTemplate || c == kDevice || c == kAuditEvent || c == kReceipt)
        return forbidden(std::string(c) + " 仅限管理员 / admins only");
    if (c == kCase && p.role != Role::supervisor) return forbidden("案件由执法督导处理 / cases are for supervisors");
    if (c == kUser && p.role != Role::coordinator) return forbidden("用户由协调员或管理员管理 / users are managed by coordinators");
    auto nd = district_of(new_payload);
    if (!nd) return fail(Errc::malformed, std::string(c) + " 无法解析 / cannot be parsed");
    if (!same_district(p, *nd)) return forbidden("不属于本区县 / outside your district");
    if (current) {
        auto od = district_of(*current);
        if (od && !same_district(p, *od)) return forbidden("不属于本区县 / outside your district");
    }
    if (c == kUser) {
        auto usr = parse<pb::User>(new_payload);
        if (usr && usr->role() != "volunteer") return forbidden("协调员只能管理督查员 / coordinators manage volunteers only");
    }
    return {};
}

}  // namespace ducha::server
