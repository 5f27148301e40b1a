#pragma once
// The devices in scope and the one thing an admin does to one: revoke it (a lost or replaced
// phone). The CLI (`ducha devices`, `ducha admin device revoke`) and the desk's Devices screen
// both go through here.
//
// Revoking queues two changes in one transaction: the device record says revoked (the server then
// refuses the phone everything and revokes its tokens in the same commit), and the badge token of
// the phone's owner is replaced, so a badge QR shown on, or copied from, the lost phone no longer
// matches anyone. The owner's replacement phone gets the new token when it syncs.
#include <cstdint>
#include <string>
#include <vector>

#include "shared/desk/record_writer.h"

namespace ducha::desk {

struct DeviceRow {
    std::string id, user_id, user_name, name;
    std::int64_t outbox_depth = 0;    // changes it had not sent, as it last told the server
    std::int64_t photos_pending = 0;  // evidence files it had not uploaded
    std::int64_t last_contact = 0;    // ms since the epoch of its last sync; 0: never
    std::string app_version;
    bool revoked = false;
};

class DeviceDesk {
public:
    explicit DeviceDesk(RecordWriter& w) : m_w(w) {}

    // Every device this replica holds: working ones first, then revoked ones, each group by the
    // owner's name, then the device's name and id.
    Result<std::vector<DeviceRow>> list();
    // Refused here, before anything is queued: a person who is not an admin, this very device,
    // a device this replica does not hold (or whose owner it does not hold), one already revoked.
    Status revoke(const std::string& device_id);

private:
    RecordWriter& m_w;
};

}  // namespace ducha::desk
