#include "mobile/app/institution_list_model.h"
#include "mobile/app/model_support.h"

#include <algorithm>
#include <map>

#include "mobile/app/app_session.h"
#include "shared/domain/collections.h"

namespace ducha::app {

InstitutionListModel::InstitutionListModel(AppSession* session, QObject* parent) : QAbstractListModel(parent), m_session(session) {
    follow();
    reload();
}

void InstitutionListModel::setSession(AppSession* session) {
    if (session == m_session) return;
    m_session = session;
    follow();
    emit sessionChanged();
    reload();
}

void InstitutionListModel::follow() {
    for (const auto& link : m_links) disconnect(link);
    m_links.clear();
    if (!m_session) return;
    m_links << connect(m_session, &AppSession::replicaChanged, this, &InstitutionListModel::reload);
}

void InstitutionListModel::reload() {
    AppSession* app = m_session;
    std::vector<Row> all;
    if (app && app->profile() && app->enrolled()) {
        auto& store = app->profile()->store();
        std::map<std::string, std::string> zones;
        if (auto zs = store.list(domain::kZone))
            for (const auto& z : *zs) {
                pb::Zone zone;
                if (zone.ParseFromString(z.payload())) zones[z.id()] = zone.name();
            }
        std::map<std::string, qint64> last;  // institution -> newest report time
        if (auto rs = store.list(domain::kReport))
            for (const auto& r : *rs) {
                pb::Report rep;
                if (rep.ParseFromString(r.payload()))
                    last[rep.institution_id()] = std::max<qint64>(last[rep.institution_id()], rep.device_time());
            }
        auto insts = store.list(domain::kInstitution);
        if (!insts) app->reportStorageError(app->errorText(insts.error()));
        for (const auto& rec : insts ? *insts : std::vector<pb::Record>{}) {
            pb::Institution i;
            if (!i.ParseFromString(rec.payload())) continue;
            Row r;
            r.id = qs(rec.id());
            r.name = qs(i.name());
            r.address = qs(i.address());
            r.community = qs(i.community());
            r.zoneId = qs(i.zone_id());
            r.zoneName = qs(zones.count(i.zone_id()) ? zones[i.zone_id()] : std::string());
            r.category = qs(i.category());
            r.licenceNo = qs(i.licence_no());
            r.licensed = i.licensed();
            r.academic = i.academic();
            r.keyTarget = i.key_target();
            r.fieldReported = i.field_reported();
            r.complaints = i.complaint_count();
            r.pastViolations = i.past_violations();
            r.lastInspected = last.count(rec.id()) ? last[rec.id()] : 0;
            all.push_back(std::move(r));
        }
    }
    // Key targets and sites with complaints first: they are what a volunteer should not miss.
    std::sort(all.begin(), all.end(), [](const Row& a, const Row& b) {
        if (a.keyTarget != b.keyTarget) return a.keyTarget;
        if (a.complaints != b.complaints) return a.complaints > b.complaints;
        return a.name < b.name;
    });
    m_all = std::move(all);
    applyFilter();
}

void InstitutionListModel::applyFilter() {
    std::vector<Row> rows;
    const QString q = m_search.trimmed();
    for (const auto& r : m_all) {
        if (!m_zone.isEmpty() && r.zoneId != m_zone) continue;
        if (m_filter == "licensed" && !r.licensed) continue;
        if (m_filter == "unlicensed" && r.licensed) continue;
        if (m_filter == "key_target" && !r.keyTarget) continue;
        if (m_filter == "never_inspected" && r.lastInspected != 0) continue;
        if (m_filter == "field_reported" && !r.fieldReported) continue;
        if (!q.isEmpty() && !r.name.contains(q, Qt::CaseInsensitive) && !r.address.contains(q, Qt::CaseInsensitive) &&
            !r.community.contains(q, Qt::CaseInsensitive))
            continue;
        rows.push_back(r);
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

void InstitutionListModel::setSearch(const QString& s) {
    if (s == m_search) return;
    m_search = s;
    emit filterChanged();
    applyFilter();
}

void InstitutionListModel::setFilter(const QString& f) {
    if (f == m_filter) return;
    m_filter = f.isEmpty() ? "all" : f;
    emit filterChanged();
    applyFilter();
}

void InstitutionListModel::setZoneId(const QString& z) {
    if (z == m_zone) return;
    m_zone = z;
    emit filterChanged();
    applyFilter();
}

int InstitutionListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant InstitutionListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case IdRole: return r.id;
        case NameRole: return r.name;
        case AddressRole: return r.address;
        case CommunityRole: return r.community;
        case ZoneIdRole: return r.zoneId;
        case ZoneNameRole: return r.zoneName;
        case CategoryRole: return r.category;
        case LicensedRole: return r.licensed;
        case AcademicRole: return r.academic;
        case KeyTargetRole: return r.keyTarget;
        case ComplaintsRole: return r.complaints;
        case PastViolationsRole: return r.pastViolations;
        case FieldReportedRole: return r.fieldReported;
        case LastInspectedRole: return r.lastInspected;
        case LicenceNoRole: return r.licenceNo;
        default: return {};
    }
}

QHash<int, QByteArray> InstitutionListModel::roleNames() const {
    return {{IdRole, "institutionId"}, {NameRole, "name"},          {AddressRole, "address"},
            {CommunityRole, "community"}, {ZoneIdRole, "zoneId"},   {ZoneNameRole, "zoneName"},
            {CategoryRole, "category"}, {LicensedRole, "licensed"}, {AcademicRole, "academic"},
            {KeyTargetRole, "keyTarget"}, {ComplaintsRole, "complaints"}, {PastViolationsRole, "pastViolations"},
            {FieldReportedRole, "fieldReported"}, {LastInspectedRole, "lastInspected"}, {LicenceNoRole, "licenceNo"}};
}

QVariantMap InstitutionListModel::toMap(const Row& r) const {
    return {{"institutionId", r.id},       {"name", r.name},           {"address", r.address},
            {"community", r.community},    {"zoneId", r.zoneId},       {"zoneName", r.zoneName},
            {"category", r.category},      {"licensed", r.licensed},   {"academic", r.academic},
            {"keyTarget", r.keyTarget},    {"complaints", r.complaints}, {"pastViolations", r.pastViolations},
            {"fieldReported", r.fieldReported}, {"lastInspected", r.lastInspected}, {"licenceNo", r.licenceNo}};
}

QVariantMap InstitutionListModel::byId(const QString& id) const {
    for (const auto& r : m_all)
        if (r.id == id) return toMap(r);
    return {};
}

}  // namespace ducha::app
