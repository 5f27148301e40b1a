#pragma once
// The coordinator's registry actions (两库: the institution registry): create and edit an entry,
// toggle licensed / academic / key target, import a CSV file (all rows or none, each bad row named),
// take a field-reported site in or merge it into an entry, and read an entry's history.
// Every action returns {ok, message, ...}; the change waits in the outbox until it syncs.
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskRegistry : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT

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
    // {ok, message, entries: [{at (ms), kind, kindLabel, id, status, text}]}, newest first.
    Q_INVOKABLE QVariantMap history(const QString& id);
};

}  // namespace ducha::app
