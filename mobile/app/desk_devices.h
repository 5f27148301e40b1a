#pragma once
// The admin's action on the Devices screen: revoke a lost or replaced phone
// (shared/desk/device_desk.h). Returns {ok, message}: what happens next, or why it was refused.
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskDevices : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DeskDevices(AppSession* session = nullptr, QObject* parent = nullptr) : DeskFacade(session, parent) {}

    Q_INVOKABLE QVariantMap revoke(const QString& deviceId);
};

}  // namespace ducha::app
