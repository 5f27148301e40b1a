#include "mobile/app/desk_zone_model.h"

#include "mobile/app/desk_support.h"
#include "shared/desk/zone_planner.h"

namespace ducha::app {

DeskZoneModel::DeskZoneModel(AppSession* session, QObject* parent)
    : DeskListModel({"zoneId", "name", "districtId", "communities", "institutionCount", "volunteerIds", "volunteerNames"},
                    {"name", "communities", "volunteerNames"}, session, parent) {
    reload();
}

DeskReadJob DeskZoneModel::readJob() const { return &DeskZoneModel::build; }

Result<DeskRead> DeskZoneModel::build(desk::RecordWriter& w, const DeskReadContext& ctx) {
    auto zones = desk::ZonePlanner(w).zones(ctx.district_id);
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
    return DeskRead{std::move(rows), {}};
}

}  // namespace ducha::app
