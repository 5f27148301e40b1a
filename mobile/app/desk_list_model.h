#pragma once
// The base of the coordinator and supervisor lists: rows built by the core's desk classes as
// maps of role name to value, re-read whenever the replica changes (an action, a sync pass) or
// the language does, with a text search over chosen roles and the core's error when a read fails.
// The session comes from whoever made the list (QML: `session: app`; a test: the constructor);
// without one the list is empty.
//
// Threads: reading runs on the session's DeskReader thread, over that thread's own connection.
// reload() captures on the GUI thread what the read needs (DeskReadContext and the subclass's
// readJob(), which holds its query filters by value), the reader builds the rows, and they are
// applied here on the GUI thread; `loading` is true meanwhile and `reloaded` says they arrived.
// Every reload is numbered: an answer to an older one (the replica changed again, the session
// changed) is dropped, and so is one for a list destroyed meanwhile.
// Writes do not go there: a list's actions (Q_INVOKABLE, e.g. DeskCaseModel::close) and the Desk*
// facades write synchronously on the GUI thread's connection, each one short local transaction
// whose {ok, message} QML needs at once; the change then reloads every list.
#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "mobile/app/app_session.h"
#include "mobile/app/desk_read.h"
#include "mobile/app/desk_reader.h"
#include "shared/common/result.h"

namespace ducha::app {

class DeskListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int total READ total NOTIFY countChanged)
    Q_PROPERTY(QString error READ error NOTIFY countChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    // True from reload() until its rows are applied (the rows shown meanwhile are the last read's).
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(ducha::app::AppSession* session READ session WRITE setSession NOTIFY sessionChanged)

public:
    // `roles`: the role names, in order; the first one is the row's id (byId). Subclasses call
    // reload() at the end of their constructor (from here it would not reach their readJob()).
    DeskListModel(QStringList roles, QStringList searchRoles, AppSession* session, QObject* parent = nullptr);
    ~DeskListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_rows.size()); }
    int total() const { return static_cast<int>(m_all.size()); }
    QString error() const { return m_error; }
    QString search() const { return m_search; }
    bool loading() const { return m_loading; }
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
    void loadingChanged();
    // The rows (or the error) of the latest reload() are in place.
    void reloaded();

protected:
    // GUI thread: the read giving every row in display order (an error empties the list and is
    // shown instead). It runs on the reader's thread: it holds by value what it needs from this
    // list and must never reach the list (which may be gone by then).
    virtual DeskReadJob readJob() const = 0;
    // GUI thread: what the read found besides the rows (DeskRead::extra), just before the rows are
    // applied; an empty one after a failed read.
    virtual void takeExtra(std::any& /*extra*/) {}
    // Whether a row passes the subclass's own filters (the search is applied on top).
    virtual bool accept(const QVariantMap&) const { return true; }
    // Re-applies the filters without re-reading (after a filter property changed).
    void refilter();

private:
    void follow();  // listens to the session's changes
    void apply(std::uint64_t generation, Result<DeskRead> read);
    void setLoading(bool loading);

    QPointer<AppSession> m_session;
    QList<QMetaObject::Connection> m_links;
    QStringList m_roles, m_searchRoles;
    std::vector<QVariantMap> m_all, m_rows;
    QString m_error, m_search;
    std::uint64_t m_generation = 0;  // of the latest reload()
    DeskReader::Ticket m_pending;    // its read, called off when a newer one is asked
    bool m_loading = false;
};

}  // namespace ducha::app
