#include "mobile/app/desk_zone_model.h"

#include "mobile/app/desk_support.h"
#include "shared/desk/zone_planner.h"

namespace ducha::app {

DeskZoneModel::DeskZoneModel(AppSession* session, QObject* parent)
    : DeskListModel({"zoneId", "name", "districtId", "communities", "institutionCount", "volunteerIds", "volunteerNames"},
                    {"name", "communities", "volunteerNames"}, session, parent) {
    reload();
}

Result<std::vector<QVariantMap>> DeskZoneModel::build() {
    auto w = desk_writer(session());
    if (!w) return fail(desk_not_enrolled());
    auto zones = desk::ZonePlanner(*w).zones(desk_district(session()));
    if (!zones) return fail(zones.error());
    std::vector<QVariantMap> rows;
    for (const auto& z : *zones)
        rows.push_back({{"zoneId", qs(z.id)},
                        {"name", qs(z.name)},
                        {"districtId", qs(z.district_id)},
                        {"communities", desk_strings(z.communities)},
                        {"institutionCount", z.institutions},
                        {"volunteerIds", desk_strings(z.volunteer_ids)},
                        {"volunteerNames", desk_strings(z.volunteer_names)}});
    return rows;
}

}  // namespace ducha::app
