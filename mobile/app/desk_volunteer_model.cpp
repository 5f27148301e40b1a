#include "mobile/app/desk_volunteer_model.h"

#include <map>

#include "mobile/app/desk_support.h"
#include "shared/desk/zone_planner.h"

namespace ducha::app {

DeskVolunteerModel::DeskVolunteerModel(AppSession* session, QObject* parent)
    : DeskListModel({"userId", "name", "phone", "school", "districtId", "zoneIds", "zoneNames", "zoneAssignmentIds",
                     "institutionIds", "institutionNames", "institutionAssignmentIds"},
                    {"name", "phone", "school", "zoneNames", "institutionNames"}, session, parent) {
    reload();
}

DeskReadJob DeskVolunteerModel::readJob() const { return &DeskVolunteerModel::build; }

Result<DeskRead> DeskVolunteerModel::build(desk::RecordWriter& w, const DeskReadContext& ctx) {
    desk::ZonePlanner planner(w);
    const std::string district = ctx.district_id;
    auto vols = planner.volunteers(district);
    if (!vols) return fail(vols.error());
    auto asg = planner.assignments(district);
    if (!asg) return fail(asg.error());
    struct Bound {
        QStringList zoneIds, zoneNames, zoneAsg, instIds, instNames, instAsg;
    };
    std::map<std::string, Bound> by_user;
    for (const auto& a : *asg) {
        Bound& b = by_user[a.user_id];
        if (!a.zone_id.empty()) {
            b.zoneIds << qs(a.zone_id);
            b.zoneNames << qs(a.zone_name.empty() ? a.zone_id : a.zone_name);
            b.zoneAsg << qs(a.id);
        } else {
            b.instIds << qs(a.institution_id);
            b.instNames << qs(a.institution_name.empty() ? a.institution_id : a.institution_name);
            b.instAsg << qs(a.id);
        }
    }
    std::vector<QVariantMap> rows;
    for (const auto& v : *vols) {
        const Bound& b = by_user[v.id];
        rows.push_back({{"userId", qs(v.id)},
                        {"name", qs(v.msg.name())},
                        {"phone", qs(v.msg.phone())},
                        {"school", qs(v.msg.school())},
                        {"districtId", qs(v.msg.district_id())},
                        {"zoneIds", b.zoneIds},
                        {"zoneNames", b.zoneNames},
                        {"zoneAssignmentIds", b.zoneAsg},
                        {"institutionIds", b.instIds},
                        {"institutionNames", b.instNames},
                        {"institutionAssignmentIds", b.instAsg}});
    }
    return DeskRead{std::move(rows), {}};
}

bool DeskVolunteerModel::accept(const QVariantMap& r) const {
    return m_zone.isEmpty() || r.value("zoneIds").toStringList().contains(m_zone);
}

void DeskVolunteerModel::setZoneId(const QString& z) {
    if (z == m_zone) return;
    m_zone = z;
    emit zoneIdChanged();
    refilter();
}

}  // namespace ducha::app
