#pragma once
// The coordinator's 3包 actions: make or edit a zone, bind a volunteer to a zone or to named
// institutions (one or several at once), undo a binding, move a volunteer to another zone.
// Every action returns {ok, message, ...}.
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskZones : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DeskZones(AppSession* session = nullptr, QObject* parent = nullptr) : DeskFacade(session, parent) {}

    // Communities: one per line, or separated by commas / 、.
    Q_INVOKABLE QVariantMap createZone(const QString& name, const QString& communities);
    Q_INVOKABLE QVariantMap editZone(const QString& zoneId, const QString& name, const QString& communities);
    Q_INVOKABLE QVariantMap assignZone(const QString& userId, const QString& zoneId);
    Q_INVOKABLE QVariantMap assignInstitution(const QString& userId, const QString& institutionId);
    Q_INVOKABLE QVariantMap bulkAssign(const QString& userId, const QStringList& institutionIds);
    Q_INVOKABLE QVariantMap unassign(const QString& assignmentId);
    Q_INVOKABLE QVariantMap moveVolunteer(const QString& userId, const QString& fromZone, const QString& toZone);

    static QStringList splitCommunities(const QString& text);
};

}  // namespace ducha::app
