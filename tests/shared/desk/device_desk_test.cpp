// The devices an admin's desk lists and the revocation of a lost phone: what revoke queues (the
// device record and the owner's new badge token, together), and what it refuses before queuing.
#include <catch2/catch.hpp>

#include <algorithm>

#include "shared/desk/device_desk.h"
#include "shared/support/desk_fixture.h"

using namespace ducha;
using namespace ducha::desk;
using namespace ducha::domain;
using namespace ducha::test;

namespace {

const Enrolled kAdmin{"adm", "admin", "", "dev-adm", "管理员"};

pb::Device phone(const std::string& user, const std::string& name, bool revoked = false, std::int64_t last_contact = 0) {
    pb::Device d;
    d.set_user_id(user);
    d.set_public_key(std::string(32, '\x02'));
    d.set_name(name);
    d.set_revoked(revoked);
    d.set_enrolled_at(1700000000);
    d.set_outbox_depth(3);
    d.set_blobs_pending(2);
    d.set_last_contact(last_contact);
    d.set_app_version("1.4.0");
    return d;
}

pb::User badged(pb::User u, const std::string& token) {
    u.set_badge_token(token);
    u.set_badge_valid_until(1800000000);
    return u;
}

// A small city plus the admin, and devices: 王芳's phone, 李强's old (revoked) and new phones,
// and the admin's own.
void put_devices(DeskDevice& dev) {
    put_city(dev);
    dev.put(kUser, "adm", person("管理员", "admin", ""));
    dev.put(kUser, "vA1", badged(person("王芳", "volunteer", "dA"), "old-token-vA1"), 2);
    dev.put(kDevice, "dev-vA1", phone("vA1", "王芳的手机", false, 1700000100));
    dev.put(kDevice, "dev-vA2-old", phone("vA2", "旧手机", true));
    dev.put(kDevice, "dev-vA2", phone("vA2", "新手机"));
    dev.put(kDevice, "dev-adm", phone("adm", "办公电脑"));
}

}  // namespace

TEST_CASE("devices: listed with their owner, working ones first, then by owner's name", "[desk][devices]") {
    DeskDevice dev{kAdmin};
    put_devices(dev);
    DeviceDesk desk{dev.writer()};
    auto rows = desk.list();
    REQUIRE(rows.has_value());
    std::vector<std::string> ids;
    for (const auto& r : *rows) ids.push_back(r.id);
    // 李强 < 王芳 < 管理员 in code-point order; the revoked phone last whatever its owner.
    CHECK(ids == std::vector<std::string>{"dev-vA2", "dev-vA1", "dev-adm", "dev-vA2-old"});
    const auto& wang = (*rows)[1];
    CHECK(wang.user_id == "vA1");
    CHECK(wang.user_name == "王芳");
    CHECK(wang.name == "王芳的手机");
    CHECK(wang.outbox_depth == 3);
    CHECK(wang.photos_pending == 2);
    CHECK(wang.last_contact == 1700000100000);  // ms
    CHECK(wang.app_version == "1.4.0");
    CHECK_FALSE(wang.revoked);
    CHECK((*rows)[0].last_contact == 0);  // never synced
    CHECK((*rows)[3].revoked);
}

TEST_CASE("devices: revoking queues the revoked device and a new badge token for its owner, together", "[desk][devices]") {
    DeskDevice dev{kAdmin};
    put_devices(dev);
    DeviceDesk desk{dev.writer()};
    REQUIRE(desk.revoke("dev-vA1"));
    const auto out = dev.outbox();
    REQUIRE(out.size() == 2);
    CHECK(out[0].mutation.collection() == "device");
    CHECK(out[0].mutation.id() == "dev-vA1");
    CHECK(out[0].mutation.base_version() == 1);
    const auto d = parsed<pb::Device>(out[0].mutation.payload());
    CHECK(d.revoked());
    CHECK(d.user_id() == "vA1");
    CHECK(d.name() == "王芳的手机");

    CHECK(out[1].mutation.collection() == "user");
    CHECK(out[1].mutation.id() == "vA1");
    CHECK(out[1].mutation.base_version() == 2);
    const auto u = parsed<pb::User>(out[1].mutation.payload());
    CHECK(u.badge_token() != "old-token-vA1");
    CHECK(u.badge_token().size() >= 16);
    CHECK(u.badge_valid_until() == 1800000000);  // the same validity
    CHECK(u.name() == "王芳");
    CHECK(u.active());

    // The replica shows it at once: the list puts the phone among the revoked ones.
    auto rows = desk.list();
    REQUIRE(rows.has_value());
    CHECK(rows->back().id == "dev-vA1");
    CHECK(rows->back().revoked);
    refusal(desk.revoke("dev-vA1"), Errc::invalid_argument, "already revoked");
    CHECK(dev.outbox().size() == 2);
}

TEST_CASE("devices: revoke refuses a non-admin, the device in use, an unknown device and one already revoked", "[desk][devices]") {
    {
        DeskDevice dev{kAdmin};
        put_devices(dev);
        DeviceDesk desk{dev.writer()};
        refusal(desk.revoke("dev-adm"), Errc::invalid_argument, "the device you are using");
        refusal(desk.revoke("dev-nope"), Errc::not_found, "no such device on this device: dev-nope");
        refusal(desk.revoke("dev-vA2-old"), Errc::invalid_argument, "already revoked");
        // A device whose owner this replica does not hold: its badge could not be replaced.
        dev.put(kDevice, "dev-ghost", phone("u-ghost", "无主手机"));
        refusal(desk.revoke("dev-ghost"), Errc::not_found, "is not on this device");
        CHECK(dev.outbox().empty());
    }
    for (const auto& who : {kCoordinatorA, kSupervisor, kVolunteerA}) {
        DeskDevice dev{who};
        put_devices(dev);
        DeviceDesk desk{dev.writer()};
        INFO(who.role);
        refusal(desk.revoke("dev-vA2"), Errc::forbidden, "only admins may revoke a device");
        CHECK(dev.outbox().empty());
    }
}
