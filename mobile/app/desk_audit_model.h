#pragma once
// The server's audit log for admins and supervisors (admins: every entry; supervisors: the refused
// and conflicting ones; anyone else: the server's refusal, shown as `error`). It is read online:
// reload() asks the server on a worker thread with its own connection to the profile (like a
// report's photo download; a network call never holds the desk reader or the GUI thread),
// `loading` is true meanwhile and `reloaded` says the answer is in place. The newest 1000 entries
// come; the filters (action, actor, outcome, a date range, a free text) narrow them here at once.
// It is not re-read on every replica change (each read is itself audited): reload() asks again.
#include <QAbstractListModel>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <thread>
#include <vector>

#include "mobile/app/app_session.h"
#include "shared/sync/audit_reader.h"

namespace ducha::app {

class DeskAuditModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ducha::app::AppSession* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int total READ total NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // Why the last read failed ("" when it did not); `offline` when it could not reach the server.
    Q_PROPERTY(QString error READ error NOTIFY reloaded)
    Q_PROPERTY(bool offline READ offline NOTIFY reloaded)
    // The distinct actions of the entries read, for a filter's choices.
    Q_PROPERTY(QStringList actions READ actions NOTIFY reloaded)
    // Filters: an action (exact, or a prefix ending in *), part of an actor's id or name, an outcome
    // (accepted | refused | conflict), from / to (unix ms, inclusive; 0: open) and a free text.
    Q_PROPERTY(QString action READ action WRITE setAction NOTIFY filterChanged)
    Q_PROPERTY(QString actor READ actor WRITE setActor NOTIFY filterChanged)
    Q_PROPERTY(QString outcome READ outcome WRITE setOutcome NOTIFY filterChanged)
    Q_PROPERTY(qint64 fromMs READ fromMs WRITE setFromMs NOTIFY filterChanged)
    Q_PROPERTY(qint64 toMs READ toMs WRITE setToMs NOTIFY filterChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)

public:
    explicit DeskAuditModel(AppSession* session = nullptr, QObject* parent = nullptr);
    ~DeskAuditModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    AppSession* session() const { return m_session; }
    void setSession(AppSession* session);
    int count() const { return static_cast<int>(m_shown.size()); }
    int total() const { return static_cast<int>(m_all.size()); }
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }
    bool offline() const { return m_offline; }
    QStringList actions() const;
    QString action() const { return m_action; }
    QString actor() const { return m_actor; }
    QString outcome() const { return m_outcome; }
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    QString search() const { return m_search; }
    void setAction(const QString& v);
    void setActor(const QString& v);
    void setOutcome(const QString& v);
    void setFromMs(qint64 v);
    void setToMs(qint64 v);
    void setSearch(const QString& v);

    // Asks the server again (while a read is on its way, once more after it).
    Q_INVOKABLE void reload();
    Q_INVOKABLE QVariantMap get(int row) const;
    // The entries the filters let through, in display order (newest first), and the names of the
    // actors this device knows: what an export writes.
    std::vector<sync::AuditLogEntry> shownEntries() const;
    const std::map<std::string, std::string>& actorNames() const { return m_names; }

signals:
    void sessionChanged();
    void countChanged();
    void loadingChanged();
    void filterChanged();
    // The answer of the latest read (the entries, or why not) is in place.
    void reloaded();

private:
    struct Fetched {
        Result<std::vector<sync::AuditLogEntry>> entries = std::vector<sync::AuditLogEntry>{};
        std::map<std::string, std::string> names;
    };
    void start();
    void land(Fetched fetched);
    void refilter();
    bool accept(const sync::AuditLogEntry& e) const;
    QVariantMap row(const sync::AuditLogEntry& e) const;
    void setLoading(bool loading);
    template <typename T>
    void setFilter(T& member, const T& value) {
        if (value == member) return;
        member = value;
        emit filterChanged();
        refilter();
    }

    QPointer<AppSession> m_session;
    QMetaObject::Connection m_identityLink;
    std::thread m_worker;
    bool m_loading = false, m_again = false, m_offline = false;
    QString m_error;
    std::vector<sync::AuditLogEntry> m_all;
    std::vector<std::size_t> m_shown;  // indexes into m_all
    std::map<std::string, std::string> m_names;
    QString m_action, m_actor, m_outcome, m_search;
    qint64 m_fromMs = 0, m_toMs = 0;
};

}  // namespace ducha::app
