#pragma once
// The coordinator's registry actions (两库: the institution registry): create and edit an entry,
// toggle licensed / academic / key target, import a CSV file (all rows or none, each bad row named),
// take a field-reported site in or merge it into an entry, and read an entry's history.
// Every action returns {ok, message, ...}; the change waits in the outbox until it syncs.
// The history is read on the session's desk reader thread: readHistory() asks, `historyLoading` is
// true meanwhile, and `historyRead` says `history` holds the answer.
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskRegistry : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT
    // {ok, message, id, entries: [{at (ms), kind, kindLabel, id, status, text}]}, newest first: the
    // history of the entry last asked for (entries empty while it is read).
    Q_PROPERTY(QVariantMap history READ history NOTIFY historyRead)
    Q_PROPERTY(bool historyLoading READ historyLoading NOTIFY historyLoadingChanged)

public:
    explicit DeskRegistry(AppSession* session = nullptr, QObject* parent = nullptr) : DeskFacade(session, parent) {}

    // fields: name, address, licensed, academic, keyTarget, category, community, zoneId, licenceNo,
    // phone, lat, lon. Returns {ok, message, id}.
    Q_INVOKABLE QVariantMap create(const QVariantMap& fields);
    // Changes only the fields given that differ from the entry on this device.
    Q_INVOKABLE QVariantMap update(const QString& id, const QVariantMap& fields);
    // which: licensed | academic | keyTarget
    Q_INVOKABLE QVariantMap setFlag(const QString& id, const QString& which, bool value);
    // {ok, message, imported, errors: [{line, message}]}; with any error nothing is imported.
    Q_INVOKABLE QVariantMap importCsv(const QString& fileUrl);
    // A field-reported site becomes a registry entry (in `zoneId`, may be empty).
    Q_INVOKABLE QVariantMap takeIn(const QString& fieldId, const QString& zoneId);
    // A field-reported site is the same place as registry entry `intoId`.
    Q_INVOKABLE QVariantMap mergeInto(const QString& fieldId, const QString& intoId);
    // Reads entry `id`'s history off the GUI thread (an empty id: no history, at once). A newer
    // call's answer replaces an older one's, which is dropped.
    Q_INVOKABLE void readHistory(const QString& id);
    QVariantMap history() const { return m_history; }
    bool historyLoading() const { return m_historyLoading; }

signals:
    // `history` holds the answer for the id last asked for.
    void historyRead();
    void historyLoadingChanged();

private:
    void setHistoryLoading(bool loading);

    QVariantMap m_history{{"ok", true}, {"message", QString()}, {"id", QString()}, {"entries", QVariantList()}};
    bool m_historyLoading = false;
    std::uint64_t m_historyAsked = 0;  // numbers readHistory() calls: only the latest answer is kept
};

}  // namespace ducha::app
