// The People screen's model and facade against a real in-process ducha-server with the demo data
// on 127.0.0.1: a coordinator's app switches a volunteer of their district off and on again and
// renews the badge; the rows follow the replica at once and the server after a sync. An admin's
// app changes a role and imports a CSV file whose bad row is named with its line.
#include <catch2/catch.hpp>

#include <QDateTime>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

#include <filesystem>
#include <string>

#include "mobile/app/app_session.h"
#include "mobile/app/desk_people.h"
#include "mobile/app/desk_people_model.h"
#include "mobile/app/sync_controller.h"
#include "server/service/server_app.h"
#include "server/storage/record_table.h"
#include "shared/common/bytes.h"
#include "shared/domain/collections.h"
#include "support/cli_steps.h"
#include "support/test_server.h"
#include "app/desk_sync_steps.h"

using namespace ducha;
using namespace ducha::app;
using test::q;
using test::syncAll;
using test::loaded;
namespace fs = std::filesystem;

namespace {

QVariantMap rowOf(const DeskPeopleModel& m, const std::string& user_id) {
    for (const auto& r : m.rows())
        if (r.value("userId").toString() == q(user_id)) return r;
    return {};
}

pb::User on_server(const test::TestServer& server, const std::string& user_id) {
    return test::server_user(server.data_dir(), user_id);
}

fs::path enrolled_desk(const test::TestServer& server, const test::TempDir& tmp, const test::DemoAccount& who,
                       const std::string& name) {
    const fs::path dir = tmp / name;
    test::must(dir, {"enroll", "--server", server.url(), "--code", who.code, "--pin", server.pin(), "--name", name});
    test::must(dir, {"sync"});
    return dir;
}

}  // namespace

TEST_CASE("Desk people: a coordinator switches a volunteer off and on again and renews the badge", "[app][desk]") {
    test::TestServer server;
    test::TempDir tmp;
    const auto& vol = server.account("volunteer", 0, "铁东区");
    const fs::path dir = enrolled_desk(server, tmp, server.account("coordinator", 0, "铁东区"), "coordinator-desk");
    AppSession app(q(dir.string()));
    SyncController sync(&app);
    REQUIRE(app.role() == "coordinator");
    DeskPeopleModel people(&app);
    DeskPeople desk(&app);
    INFO(loaded(people).error().toStdString());
    REQUIRE(loaded(people).error().isEmpty());
    REQUIRE(loaded(people).count() > 1);

    QVariantMap row = rowOf(loaded(people), vol.user_id);
    REQUIRE_FALSE(row.isEmpty());
    CHECK(row.value("name").toString() == q(vol.name));
    CHECK(row.value("role").toString() == "volunteer");
    CHECK(row.value("districtName").toString() == "铁东区");
    CHECK(row.value("active").toBool());
    const qint64 until_before = row.value("badgeValidUntil").toLongLong();
    CHECK(until_before == on_server(server, vol.user_id).badge_valid_until() * 1000);

    // Filters: only switched-off people, then everyone again; the search by name.
    people.setStatus("inactive");
    for (const auto& r : people.rows()) CHECK_FALSE(r.value("active").toBool());
    people.setStatus("all");
    people.setSearch(q(vol.name));
    CHECK(people.count() >= 1);
    CHECK(people.rows().front().value("name").toString().contains(q(vol.name)));
    people.setSearch("");

    // A role change is the admins': refused with words, nothing queued.
    QVariantMap role = desk.changeRole(q(vol.user_id), "coordinator", row.value("districtId").toString());
    CHECK_FALSE(role.value("ok").toBool());
    CHECK_FALSE(role.value("message").toString().isEmpty());
    CHECK(sync.pendingChanges() == 0);

    QVariantMap off = desk.deactivate(q(vol.user_id));
    INFO(off.value("message").toString().toStdString());
    REQUIRE(off.value("ok").toBool());
    CHECK_FALSE(off.value("message").toString().isEmpty());  // what happens next
    // The list follows the replica at once, before the sync.
    CHECK_FALSE(rowOf(loaded(people), vol.user_id).value("active").toBool());
    people.setStatus("inactive");
    CHECK(rowOf(people, vol.user_id).value("userId").toString() == q(vol.user_id));
    people.setStatus("all");
    CHECK_FALSE(desk.deactivate(q(vol.user_id)).value("ok").toBool());  // already off
    REQUIRE(syncAll(sync));
    CHECK_FALSE(on_server(server, vol.user_id).active());

    REQUIRE(desk.reactivate(q(vol.user_id)).value("ok").toBool());
    CHECK(rowOf(loaded(people), vol.user_id).value("active").toBool());

    QVariantMap renewed = desk.renewBadge(q(vol.user_id));
    REQUIRE(renewed.value("ok").toBool());
    const qint64 until_after = renewed.value("validUntil").toLongLong();
    CHECK(until_after >= (QDateTime::currentSecsSinceEpoch() + 364 * 24 * 3600) * 1000);
    const QVariantMap now = rowOf(loaded(people), vol.user_id);
    CHECK(now.value("badgeValidUntil").toLongLong() == until_after);
    CHECK(now.value("badgeDaysLeft").toLongLong() >= 364);
    CHECK_FALSE(now.value("badgeSoon").toBool());
    REQUIRE(syncAll(sync));
    const auto stored = on_server(server, vol.user_id);
    CHECK(stored.active());
    CHECK(stored.badge_valid_until() * 1000 == until_after);
}

TEST_CASE("Desk people: an admin changes a role and imports a file, each bad row named with its line", "[app][desk]") {
    test::TestServer server;
    test::TempDir tmp;
    const auto& vol = server.account("volunteer", 0, "铁东区");
    const fs::path dir = enrolled_desk(server, tmp, server.account("admin"), "admin-desk");
    AppSession app(q(dir.string()));
    SyncController sync(&app);
    REQUIRE(app.role() == "admin");
    DeskPeopleModel people(&app);
    DeskPeople desk(&app);
    REQUIRE(loaded(people).error().isEmpty());
    REQUIRE(people.districts().size() >= 2);
    const QString district = rowOf(people, vol.user_id).value("districtId").toString();
    people.setDistrictId(district);
    for (const auto& r : people.rows()) CHECK(r.value("districtId").toString() == district);
    people.setDistrictId("");

    QVariantMap role = desk.changeRole(q(vol.user_id), "coordinator", district);
    INFO(role.value("message").toString().toStdString());
    REQUIRE(role.value("ok").toBool());
    CHECK(rowOf(loaded(people), vol.user_id).value("role").toString() == "coordinator");
    REQUIRE(syncAll(sync));
    CHECK(on_server(server, vol.user_id).role() == "coordinator");

    const int before = loaded(people).total();
    const fs::path bad = tmp / "people.csv";
    test::write_file(bad, "name,phone,role,district\n甲,13800000101,volunteer,铁东区\n乙,12,volunteer,铁东区\n");
    QVariantMap refused = desk.importCsv(QUrl::fromLocalFile(q(bad.string())).toString());
    CHECK_FALSE(refused.value("ok").toBool());
    const QVariantList errors = refused.value("errors").toList();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].toMap().value("line").toInt() == 3);
    CHECK(loaded(people).total() == before);

    const fs::path good = tmp / "good.csv";
    test::write_file(good, "姓名,电话,角色,区县\n甲,13800000101,volunteer,铁东区\n乙,13800000102,督查员,铁东区\n");
    QVariantMap imported = desk.importCsv(QUrl::fromLocalFile(q(good.string())).toString());
    REQUIRE(imported.value("ok").toBool());
    CHECK(imported.value("imported").toInt() == 2);
    CHECK(loaded(people).total() == before + 2);
    REQUIRE(syncAll(sync));
}

TEST_CASE("Desk people: a coordinator puts a photo on a volunteer's badge, and the volunteer's badge shows it",
          "[app][desk][badge-photo]") {
    test::TestServer server;
    test::TempDir tmp;
    const auto& vol = server.account("volunteer", 0, "铁东区");
    const fs::path dir = enrolled_desk(server, tmp, server.account("coordinator", 0, "铁东区"), "coordinator-desk");
    AppSession app(q(dir.string()));
    SyncController sync(&app);
    DeskPeopleModel people(&app);
    DeskPeople desk(&app);
    REQUIRE(loaded(people).error().isEmpty());
    CHECK(rowOf(people, vol.user_id).value("photo").toString().isEmpty());

    // A large landscape picture with transparency, as a phone or a scanner might give.
    QImage big(2000, 1500, QImage::Format_ARGB32);
    big.fill(QColor(40, 90, 160, 128));
    const fs::path file = tmp / "face.png";
    REQUIRE(big.save(q(file.string()), "PNG"));
    QVariantMap set = desk.setBadgePhoto(q(vol.user_id), QUrl::fromLocalFile(q(file.string())).toString());
    INFO(set.value("message").toString().toStdString());
    REQUIRE(set.value("ok").toBool());
    const QString hex = set.value("photo").toString();
    REQUIRE(hex.size() == 64);
    CHECK(rowOf(loaded(people), vol.user_id).value("photo").toString() == hex);

    // What is kept and sent is a JPEG that fits the badge, not the original file.
    auto kept = app.profile()->read_blob(hex.toStdString());
    REQUIRE(kept.has_value());
    CHECK(kept->size() < std::size_t{1} << 20);
    QImage sent;
    REQUIRE(sent.loadFromData(reinterpret_cast<const uchar*>(kept->data()), static_cast<int>(kept->size()), "JPEG"));
    CHECK(sent.width() == 600);
    CHECK(sent.height() == 450);
    REQUIRE(syncAll(sync));
    CHECK(hex_encode(on_server(server, vol.user_id).badge_photo().sha256()) == hex.toStdString());

    // A file that is not a picture: refused with words, nothing queued.
    const fs::path notes = tmp / "notes.png";
    test::write_file(notes, "not a picture");
    QVariantMap bad = desk.setBadgePhoto(q(vol.user_id), QUrl::fromLocalFile(q(notes.string())).toString());
    CHECK_FALSE(bad.value("ok").toBool());
    CHECK(bad.value("message").toString().contains("JPEG"));
    CHECK(sync.pendingChanges() == 0);

    // The volunteer's phone brings the photo with its sync, and the badge shows it.
    const fs::path phone = tmp / "volunteer-phone";
    test::must(phone, {"enroll", "--server", server.url(), "--code", vol.code, "--pin", server.pin()});
    AppSession mine(q(phone.string()));
    SyncController mine_sync(&mine);
    CHECK(mine.badgePhoto().isEmpty());
    REQUIRE(syncAll(mine_sync));
    CHECK(mine.badgePhoto() == hex);

    // Taken off the badge: the row and, after both sync, the volunteer's badge follow.
    REQUIRE(desk.removeBadgePhoto(q(vol.user_id)).value("ok").toBool());
    CHECK(rowOf(loaded(people), vol.user_id).value("photo").toString().isEmpty());
    CHECK_FALSE(desk.removeBadgePhoto(q(vol.user_id)).value("ok").toBool());  // none left to remove
    REQUIRE(syncAll(sync));
    REQUIRE(syncAll(mine_sync));
    CHECK(mine.badgePhoto().isEmpty());
}
