// The Devices screen's model and facade against a real in-process ducha-server with the demo data
// on 127.0.0.1: an admin's app revokes a volunteer's lost phone; after the sync the row says
// revoked, the server refuses that phone, and the badge it showed no longer checks out.
#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>

#include <filesystem>
#include <functional>
#include <string>

#include "mobile/app/app_session.h"
#include "mobile/app/desk_device_model.h"
#include "mobile/app/desk_devices.h"
#include "mobile/app/sync_controller.h"
#include "server/storage/record_table.h"
#include "server/service/server_app.h"
#include "shared/domain/collections.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/test_server.h"
#include "app/desk_sync_steps.h"

using namespace ducha;
using namespace ducha::app;
using test::q;
using test::syncAll;
using test::loaded;
using test::waitLoaded;
using test::waitUntil;
namespace fs = std::filesystem;

namespace {





QVariantMap rowOf(const DeskDeviceModel& m, const std::string& device_id) {
    for (const auto& r : m.rows())
        if (r.value("deviceId").toString() == q(device_id)) return r;
    return {};
}

std::string badge_token(const test::TestServer& server, const std::string& user_id) {
    return test::server_user(server.data_dir(), user_id).badge_token();
}

}  // namespace

TEST_CASE("Desk devices: an admin revokes a volunteer's lost phone, the row says revoked, the server refuses it", "[app][desk]") {
    test::TestServer server;
    test::TempDir tmp;
    const auto& vol = server.account("volunteer");
    const fs::path phone_dir = tmp / "volunteer-phone";
    test::must(phone_dir, {"enroll", "--server", server.url(), "--code", vol.code, "--pin", server.pin(), "--name", "王的手机"});
    test::must(phone_dir, {"sync"});
    const std::string phone = test::identity_of(phone_dir).device_id;
    const std::string old_token = badge_token(server, vol.user_id);

    const fs::path desk_dir = tmp / "admin-desk";
    test::must(desk_dir, {"enroll", "--server", server.url(), "--code", server.account("admin").code, "--pin", server.pin(),
                          "--name", "desk-test"});
    test::must(desk_dir, {"sync"});
    AppSession app(q(desk_dir.string()));
    SyncController sync(&app);
    REQUIRE(app.enrolled());
    REQUIRE(app.role() == "admin");
    DeskDeviceModel devices(&app);
    DeskDevices desk(&app);
    INFO(loaded(devices).error().toStdString());
    REQUIRE(loaded(devices).error().isEmpty());

    QVariantMap row = rowOf(loaded(devices), phone);
    REQUIRE_FALSE(row.isEmpty());
    CHECK(row.value("userName").toString() == q(vol.name));
    CHECK(row.value("name").toString() == "王的手机");
    CHECK(row.value("lastContact").toLongLong() > 0);
    CHECK_FALSE(row.value("revoked").toBool());
    CHECK_FALSE(row.value("mine").toBool());
    const QVariantMap own = rowOf(loaded(devices), test::identity_of(desk_dir).device_id);
    CHECK(own.value("mine").toBool());

    // The device in use is refused with words, and nothing is queued.
    QVariantMap refused = desk.revoke(own.value("deviceId").toString());
    CHECK_FALSE(refused.value("ok").toBool());
    CHECK_FALSE(refused.value("message").toString().isEmpty());
    CHECK(sync.pendingChanges() == 0);

    QVariantMap done = desk.revoke(q(phone));
    INFO(done.value("message").toString().toStdString());
    REQUIRE(done.value("ok").toBool());
    CHECK_FALSE(done.value("message").toString().isEmpty());  // what happens next
    // The list follows the replica at once, before the sync.
    CHECK(rowOf(loaded(devices), phone).value("revoked").toBool());
    CHECK(loaded(devices).rows().back().value("deviceId").toString() == q(phone));  // revoked ones last
    CHECK_FALSE(desk.revoke(q(phone)).value("ok").toBool());  // already revoked

    REQUIRE(syncAll(sync));
    CHECK(rowOf(loaded(devices), phone).value("revoked").toBool());
    CHECK(badge_token(server, vol.user_id) != old_token);

    // The lost phone is refused at its next contact; what it had not sent stays on it.
    auto refusedSync = test::run(phone_dir, {"sync", "--retries", "1"});
    CHECK(refusedSync.rc != 0);
    CHECK(test::contains(refusedSync.err, "this device was revoked"));
}
