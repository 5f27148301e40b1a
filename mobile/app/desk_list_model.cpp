#include "mobile/app/desk_list_model.h"

#include "mobile/app/desk_support.h"
#include "mobile/app/model_support.h"

namespace ducha::app {

DeskListModel::DeskListModel(QStringList roles, QStringList searchRoles, AppSession* session, QObject* parent)
    : QAbstractListModel(parent), m_session(session), m_roles(std::move(roles)), m_searchRoles(std::move(searchRoles)) {
    follow();
}

void DeskListModel::setSession(AppSession* session) {
    if (session == m_session) return;
    m_session = session;
    follow();
    emit sessionChanged();
    reload();
}

void DeskListModel::follow() {
    for (const auto& link : m_links) disconnect(link);
    m_links.clear();
    if (!m_session) return;
    m_links << connect(m_session, &AppSession::replicaChanged, this, &DeskListModel::reload)
            << connect(m_session, &AppSession::identityChanged, this, &DeskListModel::reload);
}

DeskListModel::~DeskListModel() { DeskReader::callOff(m_pending); }

void DeskListModel::reload() {
    const std::uint64_t generation = ++m_generation;
    DeskReader::callOff(m_pending);
    m_pending.reset();
    AppSession* app = m_session;
    if (!app || !app->enrolled()) {
        m_all.clear();
        m_error.clear();
        refilter();
        setLoading(false);
        emit reloaded();
        return;
    }
    setLoading(true);
    m_pending = app->deskReader()->read(this, desk_read_context(*app), readJob(),
                                        [this, generation](Result<DeskRead> read) { apply(generation, std::move(read)); });
}

void DeskListModel::apply(std::uint64_t generation, Result<DeskRead> read) {
    if (generation != m_generation) return;  // a newer reload's answer is on its way
    m_pending.reset();
    std::any none;
    if (read) {
        takeExtra(read->extra);
        m_all = std::move(read->rows);
        m_error.clear();
    } else {
        takeExtra(none);
        m_all.clear();
        m_error = desk_error_text(m_session, read.error());
    }
    refilter();
    setLoading(false);
    emit reloaded();
}

void DeskListModel::setLoading(bool loading) {
    if (loading == m_loading) return;
    m_loading = loading;
    emit loadingChanged();
}

void DeskListModel::refilter() {
    std::vector<QVariantMap> rows;
    const QString q = m_search.trimmed();
    for (const auto& r : m_all) {
        if (!accept(r)) continue;
        if (!q.isEmpty()) {
            bool hit = false;
            for (const auto& key : m_searchRoles) {
                const QVariant v = r.value(key);
                const QString text = v.typeId() == QMetaType::QStringList ? v.toStringList().join(' ') : v.toString();
                if (text.contains(q, Qt::CaseInsensitive)) {
                    hit = true;
                    break;
                }
            }
            if (!hit) continue;
        }
        rows.push_back(r);
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

void DeskListModel::setSearch(const QString& s) {
    if (s == m_search) return;
    m_search = s;
    emit searchChanged();
    refilter();
}

int DeskListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant DeskListModel::data(const QModelIndex& index, int role) const {
    const int k = role - Qt::UserRole - 1;
    if (!index.isValid() || index.row() >= count() || k < 0 || k >= m_roles.size()) return {};
    return m_rows[static_cast<std::size_t>(index.row())].value(m_roles[k]);
}

QHash<int, QByteArray> DeskListModel::roleNames() const {
    QHash<int, QByteArray> names;
    for (int k = 0; k < m_roles.size(); ++k) names.insert(Qt::UserRole + 1 + k, m_roles[k].toUtf8());
    return names;
}

QVariantMap DeskListModel::get(int row) const {
    if (row < 0 || row >= count()) return {};
    return m_rows[static_cast<std::size_t>(row)];
}

QVariantMap DeskListModel::byId(const QString& id) const {
    if (m_roles.isEmpty() || id.isEmpty()) return {};
    for (const auto& r : m_all)
        if (r.value(m_roles.first()).toString() == id) return r;
    return {};
}

}  // namespace ducha::app
