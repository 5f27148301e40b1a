#include "shared/domain/coverage.h"

#include <algorithm>
#include <set>

namespace ducha::domain {

namespace {

// Who visited what, when: within the period, and within the campaign (which may differ).
struct VisitTally {
    std::set<std::string> inspected;
    std::map<std::string, VolunteerActivity> activity;
    std::map<std::string, std::set<std::string>> sites_of;
    std::map<std::string, int> campaign_visits;
};

VisitTally tally_visits(const CoverageInput& in) {
    VisitTally t;
    auto& inspected = t.inspected;
    auto& activity = t.activity;
    auto& sites_of = t.sites_of;
    auto& campaign_visits = t.campaign_visits;
    for (const auto& v : in.visits) {
        if (in.campaign && v.at_s >= in.campaign->start && v.at_s < in.campaign->end) campaign_visits[v.institution_id]++;
        if (v.at_s < in.from_s || v.at_s >= in.to_s) continue;
        inspected.insert(v.institution_id);
        if (v.user_id.empty()) continue;
        auto& a = activity[v.user_id];
        a.visits++;
        a.last_visit_s = std::max(a.last_visit_s, v.at_s);
        sites_of[v.user_id].insert(v.institution_id);
    }
    return t;
}

// The rows: each district by name, followed by its zones by name.
void add_rows(const CoverageInput& in, std::map<std::string, CoverageRow>& districts,
              std::map<std::string, CoverageRow>& zones, CoverageResult& out) {
    auto name_of = [](const std::map<std::string, std::string>& names, const std::string& id) {
        auto it = names.find(id);
        return it == names.end() ? id : it->second;
    };
    std::vector<CoverageRow> ds;
    for (auto& [id, row] : districts) {
        row.name = name_of(in.district_names, id);
        ds.push_back(row);
    }
    std::sort(ds.begin(), ds.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& d : ds) {
        out.rows.push_back(d);
        std::vector<CoverageRow> zs;
        for (auto& [id, row] : zones)
            if (row.district_id == d.id) {
                row.name = name_of(in.zone_names, id);
                zs.push_back(row);
            }
        std::sort(zs.begin(), zs.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        out.rows.insert(out.rows.end(), zs.begin(), zs.end());
    }
}

// Every volunteer, busiest first, with the visits and sites of the period.
void add_volunteers(const CoverageInput& in, VisitTally& t, CoverageResult& out) {
    auto& activity = t.activity;
    auto& sites_of = t.sites_of;
    for (const auto& v : in.volunteers) {
        VolunteerActivity a = activity.contains(v.id) ? activity[v.id] : VolunteerActivity{};
        a.user_id = v.id;
        a.name = v.name;
        a.district_id = v.district_id;
        a.institutions = static_cast<int>(sites_of[v.id].size());
        out.volunteers.push_back(a);
    }
    std::stable_sort(out.volunteers.begin(), out.volunteers.end(), [](const auto& a, const auto& b) {
        if (a.visits != b.visits) return a.visits > b.visits;
        return a.name < b.name;
    });
}

// The campaign's targets met (visited as often as it requires) and key targets not visited at all.
CampaignProgress campaign_progress(const CoverageInput& in, std::map<std::string, int>& campaign_visits) {
    CampaignProgress p;
    p.id = in.campaign->id;
    p.name = in.campaign->name;
    for (const auto& i : in.institutions) {
        if (!in.campaign->district_id.empty() && i.district_id != in.campaign->district_id) continue;
        if (in.campaign->key_targets_only && !i.key_target) continue;
        p.targets++;
        int n = campaign_visits.contains(i.id) ? campaign_visits[i.id] : 0;
        if (n >= std::max(1, in.campaign->visits_required)) p.met++;
        if (i.key_target && n == 0) p.missed_key_targets.push_back(i.id);
    }
    return p;
}

}  // namespace

CoverageResult compute_coverage(const CoverageInput& in) {
    CoverageResult out;
    VisitTally tally = tally_visits(in);
    const auto& inspected = tally.inspected;
    std::map<std::string, CoverageRow> districts, zones;
    for (const auto& i : in.institutions) {
        bool seen = inspected.contains(i.id);
        auto& d = districts[i.district_id];
        d.level = "district";
        d.id = i.district_id;
        d.district_id = i.district_id;
        d.total++;
        d.inspected += seen;
        if (!i.zone_id.empty()) {
            auto& z = zones[i.zone_id];
            z.level = "zone";
            z.id = i.zone_id;
            z.district_id = i.district_id;
            z.total++;
            z.inspected += seen;
        }
        out.total++;
        out.inspected += seen;
        if (!seen) out.uncovered.push_back(i.id);
    }
    add_rows(in, districts, zones, out);
    add_volunteers(in, tally, out);
    if (in.campaign) out.campaign = campaign_progress(in, tally.campaign_visits);
    return out;
}

}  // namespace ducha::domain
