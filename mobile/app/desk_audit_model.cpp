#include "mobile/app/desk_audit_model.h"

#include <memory>
#include <set>

#include "mobile/app/desk_support.h"
#include "shared/domain/collections.h"

namespace ducha::app {

namespace {
const QStringList kRoles{"entryId", "at",     "actor",      "actorName", "device", "role",   "district",
                         "action",  "record", "collection", "recordId",  "outcome", "code", "reason"};
constexpr const char* kQuery = "?limit=1000";  // the newest 1000, the most the server gives at once
}  // namespace

DeskAuditModel::DeskAuditModel(AppSession* session, QObject* parent) : QAbstractListModel(parent) {
    setSession(session);
}

DeskAuditModel::~DeskAuditModel() {
    if (m_worker.joinable()) m_worker.join();
}

void DeskAuditModel::setSession(AppSession* session) {
    if (session == m_session) return;
    disconnect(m_identityLink);
    m_session = session;
    if (session) m_identityLink = connect(session, &AppSession::identityChanged, this, &DeskAuditModel::reload);
    emit sessionChanged();
    reload();
}

void DeskAuditModel::reload() {
    if (m_loading) {
        m_again = true;  // asked again while a read is on its way: once more after it
        return;
    }
    start();
}

void DeskAuditModel::start() {
    AppSession* app = m_session;
    if (!app || !app->enrolled()) {
        Fetched none;  // no session: empty; a session not enrolled yet: said so
        if (app) none.entries = fail(desk_not_enrolled());
        return land(std::move(none));
    }
    if (m_worker.joinable()) m_worker.join();  // ended: it posted its answer
    setLoading(true);
    // The network call runs on its own connection to the profile, like a sync pass.
    m_worker = std::thread([this, dir = app->profileDir().toStdString()] {
        auto fetched = std::make_shared<Fetched>();
        if (auto prof = sync::DeviceProfile::open(dir); !prof) {
            fetched->entries = fail(prof.error());
        } else {
            fetched->entries = sync::fetch_audit(*prof, kQuery);
            // The names of the actors this replica holds (the others show their id).
            if (fetched->entries)
                for (const auto& e : *fetched->entries) {
                    if (e.actor.empty() || fetched->names.count(e.actor)) continue;
                    auto rec = prof->store().get(domain::kUser, e.actor);
                    pb::User u;
                    if (rec && *rec && u.ParseFromString((*rec)->payload()) && !u.name().empty()) fetched->names[e.actor] = u.name();
                }
        }
        QMetaObject::invokeMethod(this, [this, fetched] { land(std::move(*fetched)); }, Qt::QueuedConnection);
    });
}

void DeskAuditModel::land(Fetched fetched) {
    if (fetched.entries) {
        m_all = std::move(*fetched.entries);
        m_names = std::move(fetched.names);
        m_error.clear();
        m_offline = false;
    } else {
        const Error& e = fetched.entries.error();
        m_all.clear();
        m_names.clear();
        m_offline = e.code == Errc::network || e.code == Errc::timeout;
        m_error = desk_error_text(m_session, e);
    }
    refilter();
    setLoading(false);
    emit reloaded();
    if (m_again) {
        m_again = false;
        start();
    }
}

void DeskAuditModel::setLoading(bool loading) {
    if (loading == m_loading) return;
    m_loading = loading;
    emit loadingChanged();
}

bool DeskAuditModel::accept(const sync::AuditLogEntry& e) const {
    if (!m_action.isEmpty()) {
        const QString a = qs(e.action);
        if (m_action.endsWith('*') ? !a.startsWith(m_action.chopped(1)) : a != m_action) return false;
    }
    if (!m_outcome.isEmpty() && qs(e.outcome) != m_outcome) return false;
    if (m_fromMs > 0 && e.at_ms < m_fromMs) return false;
    if (m_toMs > 0 && e.at_ms > m_toMs) return false;
    auto name = m_names.find(e.actor);
    const QString actorName = name == m_names.end() ? QString() : qs(name->second);
    const QString who = m_actor.trimmed();
    if (!who.isEmpty() && !qs(e.actor).contains(who, Qt::CaseInsensitive) && !actorName.contains(who, Qt::CaseInsensitive))
        return false;
    const QString text = m_search.trimmed();
    if (text.isEmpty()) return true;
    for (const std::string* field : {&e.action, &e.actor, &e.device, &e.collection, &e.record_id, &e.code, &e.reason, &e.district})
        if (qs(*field).contains(text, Qt::CaseInsensitive)) return true;
    return actorName.contains(text, Qt::CaseInsensitive);
}

void DeskAuditModel::refilter() {
    beginResetModel();
    m_shown.clear();
    for (std::size_t i = 0; i < m_all.size(); ++i)
        if (accept(m_all[i])) m_shown.push_back(i);
    endResetModel();
    emit countChanged();
}

QVariantMap DeskAuditModel::row(const sync::AuditLogEntry& e) const {
    auto name = m_names.find(e.actor);
    const QString record = e.collection.empty() && e.record_id.empty() ? QString() : qs(e.collection + "/" + e.record_id);
    return {{"entryId", static_cast<qint64>(e.id)},
            {"at", static_cast<qint64>(e.at_ms)},
            {"actor", qs(e.actor)},
            {"actorName", name == m_names.end() ? QString() : qs(name->second)},
            {"device", qs(e.device)},
            {"role", qs(e.role)},
            {"district", qs(e.district)},
            {"action", qs(e.action)},
            {"record", record},
            {"collection", qs(e.collection)},
            {"recordId", qs(e.record_id)},
            {"outcome", qs(e.outcome)},
            {"code", qs(e.code)},
            {"reason", qs(e.reason)}};
}

QStringList DeskAuditModel::actions() const {
    std::set<QString> seen;
    for (const auto& e : m_all) seen.insert(qs(e.action));
    return QStringList(seen.begin(), seen.end());
}

std::vector<sync::AuditLogEntry> DeskAuditModel::shownEntries() const {
    std::vector<sync::AuditLogEntry> out;
    out.reserve(m_shown.size());
    for (auto i : m_shown) out.push_back(m_all[i]);
    return out;
}

int DeskAuditModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant DeskAuditModel::data(const QModelIndex& index, int role) const {
    const int k = role - Qt::UserRole - 1;
    if (!index.isValid() || index.row() >= count() || k < 0 || k >= kRoles.size()) return {};
    return row(m_all[m_shown[static_cast<std::size_t>(index.row())]]).value(kRoles[k]);
}

QHash<int, QByteArray> DeskAuditModel::roleNames() const {
    QHash<int, QByteArray> names;
    for (int k = 0; k < kRoles.size(); ++k) names.insert(Qt::UserRole + 1 + k, kRoles[k].toUtf8());
    return names;
}

QVariantMap DeskAuditModel::get(int row) const {
    if (row < 0 || row >= count()) return {};
    return this->row(m_all[m_shown[static_cast<std::size_t>(row)]]);
}

void DeskAuditModel::setAction(const QString& v) { setFilter(m_action, v); }
void DeskAuditModel::setActor(const QString& v) { setFilter(m_actor, v); }
void DeskAuditModel::setOutcome(const QString& v) { setFilter(m_outcome, v); }
void DeskAuditModel::setFromMs(qint64 v) { setFilter(m_fromMs, v); }
void DeskAuditModel::setToMs(qint64 v) { setFilter(m_toMs, v); }
void DeskAuditModel::setSearch(const QString& v) { setFilter(m_search, v); }

}  // namespace ducha::app
