#pragma once
// The devices in scope (shared/desk/device_desk.h): whose each one is, what it had not sent when
// it last synced, its last contact and app version, whether it is revoked. Working devices first.
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_list_model.h"

namespace ducha::app {

class DeskDeviceModel : public DeskListModel {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DeskDeviceModel(AppSession* session = nullptr, QObject* parent = nullptr);

protected:
    DeskReadJob readJob() const override;

private:
    static Result<DeskRead> build(desk::RecordWriter& w, const DeskReadContext& ctx);
};

}  // namespace ducha::app
