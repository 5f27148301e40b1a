#include "mobile/app/desk_institution_model.h"

#include <algorithm>
#include <map>
#include <set>

#include "mobile/app/desk_support.h"
#include "shared/desk/zone_planner.h"
#include "shared/domain/collections.h"

namespace ducha::app {

DeskInstitutionModel::DeskInstitutionModel(AppSession* session, QObject* parent)
    : DeskListModel({"institutionId", "name", "address", "community", "zoneId", "zoneName", "districtId", "category",
                     "licensed", "academic", "keyTarget", "fieldReported", "complaints", "pastViolations", "licenceNo",
                     "phone", "lat", "lon", "unassigned"},
                    {"name", "address", "community", "licenceNo", "zoneName"}, session, parent) {
    reload();
}

DeskReadJob DeskInstitutionModel::readJob() const { return &DeskInstitutionModel::build; }

Result<DeskRead> DeskInstitutionModel::build(desk::RecordWriter& w, const DeskReadContext& ctx) {
    auto insts = w.list<pb::Institution>(domain::kInstitution);
    if (!insts) return fail(insts.error());
    std::map<std::string, std::string> zones;
    if (auto zs = w.list<pb::Zone>(domain::kZone))
        for (const auto& z : *zs) zones[z.id] = z.msg.name();
    // Who covers what (3包); a read error here only loses the "unassigned" marks.
    std::set<std::string> unassigned;
    if (auto u = desk::ZonePlanner(w).unassigned(ctx.district_id))
        for (const auto& i : *u) unassigned.insert(i.id);
    std::sort(insts->begin(), insts->end(), [](const auto& a, const auto& b) {
        if (a.msg.field_reported() != b.msg.field_reported()) return a.msg.field_reported();
        if (a.msg.key_target() != b.msg.key_target()) return a.msg.key_target();
        return a.msg.name() < b.msg.name();
    });
    std::vector<QVariantMap> rows;
    rows.reserve(insts->size());
    for (const auto& l : *insts) {
        const auto& i = l.msg;
        if (!i.merged_into().empty()) continue;  // lives on in the entry it was merged into
        rows.push_back({{"institutionId", qs(l.id)},
                        {"name", qs(i.name())},
                        {"address", qs(i.address())},
                        {"community", qs(i.community())},
                        {"zoneId", qs(i.zone_id())},
                        {"zoneName", qs(zones.count(i.zone_id()) ? zones[i.zone_id()] : std::string())},
                        {"districtId", qs(i.district_id())},
                        {"category", qs(i.category())},
                        {"licensed", i.licensed()},
                        {"academic", i.academic()},
                        {"keyTarget", i.key_target()},
                        {"fieldReported", i.field_reported()},
                        {"complaints", i.complaint_count()},
                        {"pastViolations", i.past_violations()},
                        {"licenceNo", qs(i.licence_no())},
                        {"phone", qs(i.contact_phone())},
                        {"lat", i.has_location() ? QVariant(i.location().lat()) : QVariant()},
                        {"lon", i.has_location() ? QVariant(i.location().lon()) : QVariant()},
                        {"unassigned", unassigned.count(l.id) > 0}});
    }
    return DeskRead{std::move(rows), {}};
}

bool DeskInstitutionModel::accept(const QVariantMap& r) const {
    if (!m_zone.isEmpty() && r.value("zoneId").toString() != m_zone) return false;
    if (m_filter == "licensed") return r.value("licensed").toBool();
    if (m_filter == "unlicensed") return !r.value("licensed").toBool();
    if (m_filter == "academic") return r.value("academic").toBool();
    if (m_filter == "key_target") return r.value("keyTarget").toBool();
    if (m_filter == "field_reported") return r.value("fieldReported").toBool();
    if (m_filter == "unassigned") return r.value("unassigned").toBool();
    return true;
}

void DeskInstitutionModel::setFilter(const QString& f) {
    const QString v = f.isEmpty() ? "all" : f;
    if (v == m_filter) return;
    m_filter = v;
    emit filterChanged();
    refilter();
}

void DeskInstitutionModel::setZoneId(const QString& z) {
    if (z == m_zone) return;
    m_zone = z;
    emit filterChanged();
    refilter();
}

}  // namespace ducha::app
