#include "mobile/app/desk_device_model.h"

#include "mobile/app/desk_support.h"
#include "shared/desk/device_desk.h"

namespace ducha::app {

DeskDeviceModel::DeskDeviceModel(AppSession* session, QObject* parent)
    : DeskListModel({"deviceId", "userId", "userName", "name", "outboxDepth", "photosPending", "lastContact", "appVersion",
                     "revoked", "mine"},
                    {"userName", "name", "appVersion"}, session, parent) {
    reload();
}

DeskReadJob DeskDeviceModel::readJob() const { return &DeskDeviceModel::build; }

Result<DeskRead> DeskDeviceModel::build(desk::RecordWriter& w, const DeskReadContext& ctx) {
    auto devices = desk::DeviceDesk(w).list();
    if (!devices) return fail(devices.error());
    const QString mine = ctx.device_id;
    std::vector<QVariantMap> rows;
    rows.reserve(devices->size());
    for (const auto& d : *devices)
        rows.push_back({{"deviceId", qs(d.id)},
                        {"userId", qs(d.user_id)},
                        {"userName", qs(d.user_name.empty() ? d.user_id : d.user_name)},
                        {"name", qs(d.name)},
                        {"outboxDepth", static_cast<qint64>(d.outbox_depth)},
                        {"photosPending", static_cast<qint64>(d.photos_pending)},
                        {"lastContact", static_cast<qint64>(d.last_contact)},
                        {"appVersion", qs(d.app_version)},
                        {"revoked", d.revoked},
                        {"mine", qs(d.id) == mine}});
    return DeskRead{std::move(rows), {}};
}

}  // namespace ducha::app
