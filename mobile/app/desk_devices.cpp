#include "mobile/app/desk_devices.h"

#include "mobile/app/desk_support.h"
#include "shared/common/message_catalogue.h"
#include "shared/desk/device_desk.h"

namespace ducha::app {

QVariantMap DeskDevices::revoke(const QString& deviceId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::DeviceDesk(*w).revoke(ss(deviceId)); !s) return desk_failed(session(), s.error());
    desk_changed(session());
    return desk_ok({{"message", qs(render(Msg::device_revoked_after_sync, {}, session()->uiLang()))}});
}

}  // namespace ducha::app
