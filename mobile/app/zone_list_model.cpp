#include "mobile/app/zone_list_model.h"
#include "mobile/app/model_support.h"

#include <map>
#include <set>

#include "mobile/app/app_session.h"
#include "shared/domain/collections.h"

namespace ducha::app {

ZoneListModel::ZoneListModel(AppSession* session, QObject* parent) : QAbstractListModel(parent), m_session(session) {
    follow();
    reload();
}

void ZoneListModel::setSession(AppSession* session) {
    if (session == m_session) return;
    m_session = session;
    follow();
    emit sessionChanged();
    reload();
}

void ZoneListModel::follow() {
    for (const auto& link : m_links) disconnect(link);
    m_links.clear();
    if (!m_session) return;
    m_links << connect(m_session, &AppSession::replicaChanged, this, &ZoneListModel::reload);
}

void ZoneListModel::reload() {
    AppSession* app = m_session;
    std::vector<Row> rows;
    if (app && app->profile() && app->enrolled()) {
        auto& store = app->profile()->store();
        const std::string me = app->userId().toStdString();
        std::set<std::string> mine;
        if (auto as = store.list(domain::kAssignment))
            for (const auto& a : *as) {
                pb::Assignment asg;
                if (asg.ParseFromString(a.payload()) && asg.user_id() == me && !asg.zone_id().empty()) mine.insert(asg.zone_id());
            }
        std::map<std::string, int> per_zone;
        if (auto is = store.list(domain::kInstitution))
            for (const auto& i : *is) {
                pb::Institution inst;
                if (inst.ParseFromString(i.payload())) per_zone[inst.zone_id()]++;
            }
        if (auto zs = store.list(domain::kZone))
            for (const auto& z : *zs) {
                pb::Zone zone;
                if (!zone.ParseFromString(z.payload())) continue;
                if (!mine.count(z.id()) && !per_zone.count(z.id())) continue;
                Row r{qs(z.id()), qs(zone.name()), {}, per_zone[z.id()], mine.count(z.id()) > 0};
                for (const auto& c : zone.communities()) r.communities << qs(c);
                rows.push_back(std::move(r));
            }
        std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
            return a.assigned != b.assigned ? a.assigned : a.name < b.name;
        });
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

int ZoneListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant ZoneListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case ZoneIdRole: return r.id;
        case NameRole: return r.name;
        case CommunitiesRole: return r.communities;
        case InstitutionCountRole: return r.institutions;
        case AssignedRole: return r.assigned;
        default: return {};
    }
}

QHash<int, QByteArray> ZoneListModel::roleNames() const {
    return {{ZoneIdRole, "zoneId"}, {NameRole, "name"}, {CommunitiesRole, "communities"},
            {InstitutionCountRole, "institutionCount"}, {AssignedRole, "assigned"}};
}

}  // namespace ducha::app
