#include "mobile/app/desk_list_model.h"

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

void DeskListModel::reload() {
    AppSession* app = m_session;
    if (!app || !app->enrolled()) {
        m_all.clear();
        m_error.clear();
        refilter();
        return;
    }
    auto rows = build();
    if (rows) {
        m_all = std::move(*rows);
        m_error.clear();
    } else {
        m_all.clear();
        m_error = app->errorText(rows.error());
    }
    refilter();
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
