#pragma once
// The base of the coordinator and supervisor lists: rows built by the core's desk classes as
// maps of role name to value, re-read whenever the replica changes (an action, a sync pass) or
// the language does, with a text search over chosen roles and the core's error when a read fails.
// The session comes from whoever made the list (QML: `session: app`; a test: the constructor);
// without one the list is empty.
#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "mobile/app/app_session.h"
#include "shared/common/result.h"

namespace ducha::app {

class DeskListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int total READ total NOTIFY countChanged)
    Q_PROPERTY(QString error READ error NOTIFY countChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(ducha::app::AppSession* session READ session WRITE setSession NOTIFY sessionChanged)

public:
    // `roles`: the role names, in order; the first one is the row's id (byId). Subclasses call
    // reload() at the end of their constructor (from here it would not reach their build()).
    DeskListModel(QStringList roles, QStringList searchRoles, AppSession* session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_rows.size()); }
    int total() const { return static_cast<int>(m_all.size()); }
    QString error() const { return m_error; }
    QString search() const { return m_search; }
    void setSearch(const QString& s);
    const std::vector<QVariantMap>& rows() const { return m_rows; }
    AppSession* session() const { return m_session; }
    void setSession(AppSession* session);

    Q_INVOKABLE void reload();
    Q_INVOKABLE QVariantMap get(int row) const;
    // A row by id, also one the search or a filter hides; empty when there is none.
    Q_INVOKABLE QVariantMap byId(const QString& id) const;

signals:
    void countChanged();
    void searchChanged();
    void sessionChanged();

protected:
    // Every row, in display order; an error empties the list and is shown instead.
    virtual Result<std::vector<QVariantMap>> build() = 0;
    // Whether a row passes the subclass's own filters (the search is applied on top).
    virtual bool accept(const QVariantMap&) const { return true; }
    // Re-applies the filters without re-reading (after a filter property changed).
    void refilter();

private:
    void follow();  // listens to the session's changes

    QPointer<AppSession> m_session;
    QList<QMetaObject::Connection> m_links;
    QStringList m_roles, m_searchRoles;
    std::vector<QVariantMap> m_all, m_rows;
    QString m_error, m_search;
};

}  // namespace ducha::app
