#pragma once
// 全覆盖: which institutions were inspected in a period, per district and zone; which are not;
// which key targets a campaign still misses; what each volunteer did. Pure: the desk feeds it
// records from the replica, tests feed it by hand.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ducha::domain {

struct CoverageInstitution {
    std::string id, name, district_id, zone_id;
    bool key_target = false;
};
struct CoverageVisit {
    std::string institution_id, user_id;
    std::int64_t at_s = 0;
};
struct CoverageVolunteer {
    std::string id, name, district_id;
};
struct CoverageCampaign {
    std::string id, name, district_id;
    std::int64_t start = 0, end = 0;
    int visits_required = 1;
    bool key_targets_only = false;
};

struct CoverageInput {
    std::vector<CoverageInstitution> institutions;  // the registry (no field-reported or merged sites)
    std::map<std::string, std::string> district_names, zone_names;
    std::vector<CoverageVisit> visits;               // reports, and finished tasks without a report here
    std::vector<CoverageVolunteer> volunteers;
    std::int64_t from_s = 0, to_s = 0;               // [from, to)
    const CoverageCampaign* campaign = nullptr;      // also: campaign progress and its missed key targets
};

struct CoverageRow {
    std::string level;  // district | zone
    std::string id, name, district_id;
    int total = 0, inspected = 0;
    double ratio() const { return total == 0 ? 0.0 : static_cast<double>(inspected) / total; }
};

struct VolunteerActivity {
    std::string user_id, name, district_id;
    int visits = 0, institutions = 0;
    std::int64_t last_visit_s = 0;
};

struct CampaignProgress {
    std::string id, name;
    int targets = 0;    // institutions the campaign covers
    int met = 0;        // visited visits_required times within the campaign
    std::vector<std::string> missed_key_targets;  // key targets not visited at all within it
};

struct CoverageResult {
    std::vector<CoverageRow> rows;                 // districts then their zones, by name
    std::vector<std::string> uncovered;            // institution ids not inspected in the period
    std::vector<VolunteerActivity> volunteers;     // most active first
    std::optional<CampaignProgress> campaign;
    int total = 0, inspected = 0;
};

CoverageResult compute_coverage(const CoverageInput& in);

}  // namespace ducha::domain
