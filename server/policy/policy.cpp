#include "server/policy/policy.h"

#include <algorithm>

#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"

namespace ducha::server {

using namespace ducha::domain;

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
        if (auto dr = parse<pb::Draw>(payload)) {
            // A covert draw's pairs say who will visit whom: its creator and supervisors only.
            k = {"sup"};
            if (dr->covert()) {
                if (!dr->created_by().empty()) k.push_back(u(dr->created_by()));
            } else {
                k.push_back(d(dr->district_id()));
            }
        }
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

bool shares_key(const std::vector<std::string>& pk, const std::vector<std::string>& rk) {
    for (const auto& k : rk)
        if (std::binary_search(pk.begin(), pk.end(), k)) return true;
    return false;
}

Status can_issue_code(const Principal& p, const pb::User& target) {
    if (p.role == Role::admin) return {};
    if (p.role == Role::coordinator && target.role() == "volunteer" && target.district_id() == p.district_id) return {};
    return fail(Errc::forbidden, Msg::coordinator_codes_own_district);
}

policy::Actor actor_of(const Principal& p) {
    return policy::Actor{p.user_id, p.device_id, p.role, p.district_id};
}

bool may_read(const Principal& p, std::string_view collection, const std::string& id, const std::string& payload,
              const PolicyLookup& lookup) {
    return shares_key(p.keys, record_keys(collection, id, payload, lookup));
}

}  // namespace ducha::server
