#include "shared/desk/device_desk.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/domain/vocabulary.h"
#include "shared/store/transaction.h"

namespace ducha::desk {

using namespace ducha::domain;

Result<std::vector<DeviceRow>> DeviceDesk::list() {
    auto devices = m_w.list<pb::Device>(kDevice);
    if (!devices) return fail(devices.error());
    auto users = m_w.list<pb::User>(kUser);
    if (!users) return fail(users.error());
    std::map<std::string, std::string> names;
    for (const auto& u : *users) names[u.id] = u.msg.name();
    std::vector<DeviceRow> rows;
    rows.reserve(devices->size());
    for (const auto& d : *devices) {
        DeviceRow r;
        r.id = d.id;
        r.user_id = d.msg.user_id();
        auto n = names.find(r.user_id);
        r.user_name = n == names.end() ? std::string() : n->second;
        r.name = d.msg.name();
        r.outbox_depth = d.msg.outbox_depth();
        r.photos_pending = d.msg.blobs_pending();
        r.last_contact = d.msg.last_contact() * 1000;  // the server stamps seconds
        r.app_version = d.msg.app_version();
        r.revoked = d.msg.revoked();
        rows.push_back(std::move(r));
    }
    std::sort(rows.begin(), rows.end(), [](const DeviceRow& a, const DeviceRow& b) {
        return std::tie(a.revoked, a.user_name, a.name, a.id) < std::tie(b.revoked, b.user_name, b.name, b.id);
    });
    return rows;
}

Status DeviceDesk::revoke(const std::string& device_id) {
    auto me = m_w.identity();
    if (!me) return fail(me.error());
    // The server's rules say the same (admins only); saying it here spares a change that would
    // only come back refused after the next sync.
    if (parse_role(me->role) != Role::admin) return fail(Errc::forbidden, Msg::only_admins_revoke_devices);
    if (device_id == me->device_id) return fail(Errc::invalid_argument, Msg::cannot_revoke_own_device);
    auto device = m_w.load<pb::Device>(kDevice, device_id);
    if (!device) return fail(device.error());
    if (!*device) return fail(Errc::not_found, Msg::no_such_device_on_this_device, device_id);
    if ((*device)->msg.revoked()) return fail(Errc::invalid_argument, Msg::device_already_revoked);
    const std::string owner_id = (*device)->msg.user_id();
    auto owner = m_w.load<pb::User>(kUser, owner_id);
    if (!owner) return fail(owner.error());
    if (!*owner) return fail(Errc::not_found, Msg::device_owner_not_on_this_device, owner_id);

    pb::Device revoked = (*device)->msg;
    revoked.set_revoked(true);
    // A badge shown on the lost phone (or copied from it) stops matching; the validity stays.
    pb::User rotated = (*owner)->msg;
    rotated.set_badge_token(crypto::random_token(16));

    store::Transaction tx{m_w.store().db()};
    if (!tx.begun()) return tx.begun();
    if (auto s = m_w.update(kDevice, device_id, (*device)->version, revoked); !s) return s;
    if (auto s = m_w.update(kUser, owner_id, (*owner)->version, rotated); !s) return s;
    return tx.commit();
}

}  // namespace ducha::desk
