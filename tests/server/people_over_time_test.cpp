// People over time, through the `ducha` CLI and a real server on 127.0.0.1 (demo data, real TLS):
// a coordinator switches their own volunteer off and on again, and the volunteer's tokens and
// public badge check follow; a coordinator's role change, or a change to another district's
// volunteer, queued raw by a modified client, is refused by the server and on its audit log;
// renewing a badge moves its end, and the badge check shows the new date.
#include <catch2/catch.hpp>

#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "server/service/server_app.h"
#include "server/storage/audit_log.h"
#include "server/storage/record_table.h"
#include "shared/common/bytes.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/badge_photo.h"
#include "shared/domain/collections.h"
#include "shared/domain/phone_number.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/device_profile.h"
#include "support/cli_steps.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kHome = "铁东区";
constexpr std::int64_t kDay = 24 * 3600;

// A public (unauthenticated) GET, with an Accept header when given.
sync::HttpReply public_get(TestServer& srv, const std::string& path, const std::string& accept = {}) {
    sync::CurlTransport http{sync::TransportConfig{.base_url = srv.url(), .pin = srv.pin()}};
    std::map<std::string, std::string> headers;
    if (!accept.empty()) headers["Accept"] = accept;
    auto r = http.request("GET", path, "", headers);
    REQUIRE(r.has_value());
    return *r;
}

// An admin, a coordinator of kHome and one of its volunteers, each a CLI profile, enrolled and synced.
struct Bureau {
    TestServer srv;
    TempDir tmp;
    fs::path admin = tmp / "admin", coordinator = tmp / "coordinator", volunteer = tmp / "volunteer";
    DemoAccount vol, coord;

    Bureau() {
        vol = srv.account("volunteer", 0, kHome);
        coord = srv.account("coordinator", 0, kHome);
        must(admin, {"enroll", "--server", srv.url(), "--code", srv.account("admin").code, "--pin", srv.pin()});
        must(coordinator, {"enroll", "--server", srv.url(), "--code", coord.code, "--pin", srv.pin()});
        must(volunteer, {"enroll", "--server", srv.url(), "--code", vol.code, "--pin", srv.pin()});
        for (const auto& p : {admin, coordinator, volunteer}) must(p, {"sync"});
    }

    pb::Record server_record(const std::string& id) {
        auto db = test::server_db(srv.data_dir());
        REQUIRE(db);
        auto r = server::RecordTable{*db}.get(domain::kUser, id);
        REQUIRE(r.has_value());
        REQUIRE(r->has_value());
        return **r;
    }
    pb::User server_user(const std::string& id) {
        pb::User u;
        REQUIRE(u.ParseFromString(server_record(id).payload()));
        return u;
    }

    json badge(const std::string& token) {
        auto r = public_get(srv, "/v1/public/badge/" + token);
        INFO(r.body);
        return json::parse(r.body);
    }

    // The public list of inspectors in service (执法公示): status and body.
    std::pair<long, std::string> roster(const std::string& query = {}, bool html = false) {
        auto r = public_get(srv, "/v1/public/inspectors" + query, html ? "text/html" : "");
        return {r.status, r.body};
    }
    // Whether the list names this person (by name and district, the only things it shows of them).
    bool listed(const std::string& name) {
        auto [status, body] = roster();
        REQUIRE(status == 200);
        const json j = json::parse(body);  // named: a range-for over a temporary's member would dangle
        for (const auto& i : j["inspectors"])
            if (i["name"] == name) return true;
        return false;
    }

    // The user's audit entries with this outcome, newest first.
    std::vector<server::AuditEntry> audit(const std::string& user_id, std::string_view outcome) {
        auto db = test::server_db(srv.data_dir());
        REQUIRE(db);
        server::AuditQuery q;
        q.collection = std::string(domain::kUser);
        q.record_id = user_id;
        q.outcome = std::string(outcome);
        q.limit = 100;
        auto rows = server::query_audit(*db, q);
        REQUIRE(rows.has_value());
        return *rows;
    }
};


}  // namespace

TEST_CASE("people: a coordinator switches their volunteer off and on again, and the tokens and badge follow",
          "[people][over-time]") {
    Bureau b;
    const std::string token = b.server_user(b.vol.user_id).badge_token();
    REQUIRE(b.badge(token)["status"] == "valid");

    auto off = must(b.coordinator, {"user", "deactivate", b.vol.user_id});
    CHECK(contains(off.out, "deactivated: takes effect when this device syncs"));
    must(b.coordinator, {"sync"});
    CHECK_FALSE(b.server_user(b.vol.user_id).active());
    CHECK(b.audit(b.vol.user_id, server::kAccepted).front().actor == b.coord.user_id);

    // The volunteer's tokens stop working, and the public badge check says not valid.
    CHECK(run(b.volunteer, {"sync", "--retries", "1"}).rc != 0);
    auto j = b.badge(token);
    CHECK(j["valid"] == false);
    CHECK(j["status"] == "inactive");
    // The list shows it, on the coordinator's device.
    auto listed = must(b.coordinator, {"user", "list"});
    CHECK(contains(listed.out, b.vol.name));
    CHECK(contains(listed.out, "(已停用 / inactive)"));

    // Switched on again: the same badge is valid and the same phone syncs.
    auto on = must(b.coordinator, {"user", "reactivate", b.vol.user_id});
    CHECK(contains(on.out, "reactivated: takes effect when this device syncs"));
    must(b.coordinator, {"sync"});
    CHECK(b.server_user(b.vol.user_id).active());
    CHECK(b.badge(token)["status"] == "valid");
    must(b.volunteer, {"sync"});

    // Refused on the device before anything is queued: switching on someone already on.
    auto again = run(b.coordinator, {"user", "reactivate", b.vol.user_id});
    CHECK(again.rc == 1);
    CHECK(contains(again.err, "is already active"));
    // `admin user deactivate` goes through the same rule and still works (from the version the admin now holds).
    must(b.admin, {"sync"});
    must(b.admin, {"admin", "user", "deactivate", b.vol.user_id});
    must(b.admin, {"sync"});
    CHECK(b.badge(token)["status"] == "inactive");
}

TEST_CASE("people: the server refuses a coordinator's role change and a change to another district's volunteer, on record",
          "[people][over-time]") {
    Bureau b;
    // A role change of the coordinator's own volunteer, past the device's check.
    const pb::Record vol_before = b.server_record(b.vol.user_id);
    pb::User promoted = b.server_user(b.vol.user_id);
    promoted.set_role("coordinator");
    queue_raw(b.coordinator, domain::kUser, b.vol.user_id, vol_before.version(), promoted);
    // The same, the honest way: refused on the device, nothing queued.
    auto honest = run(b.coordinator, {"user", "role", b.vol.user_id, "--role", "coordinator", "--district", kHome});
    CHECK(honest.rc == 1);
    CHECK(contains(honest.err, "only an admin changes a role"));

    // Switching off a volunteer of another district (not in this coordinator's replica at all).
    std::string other_id;
    for (const auto& a : b.srv.accounts())
        if (a.role == "volunteer" && a.district != kHome) other_id = a.user_id;
    REQUIRE_FALSE(other_id.empty());
    const pb::Record other_before = b.server_record(other_id);
    pb::User other_off = b.server_user(other_id);
    other_off.set_active(false);
    queue_raw(b.coordinator, domain::kUser, other_id, other_before.version(), other_off);

    (void)run(b.coordinator, {"sync"});
    // Nothing changed on the server.
    CHECK(b.server_record(b.vol.user_id).SerializeAsString() == vol_before.SerializeAsString());
    CHECK(b.server_record(other_id).SerializeAsString() == other_before.SerializeAsString());
    // Both refusals are on the audit log, naming who tried.
    for (const auto& id : {b.vol.user_id, other_id}) {
        auto refused = b.audit(id, server::kRefused);
        INFO("refusals of " << id);
        REQUIRE(refused.size() == 1);
        CHECK(refused[0].actor == b.coord.user_id);
        CHECK(refused[0].role == "coordinator");
        CHECK(refused[0].code == "forbidden");
        CHECK_FALSE(refused[0].reason.empty());
    }
    // The coordinator's outbox keeps both, set aside with the server's reason.
    auto outbox = cli_json(b.coordinator, {"outbox", "--json"});
    CHECK(outbox.size() == 2);

    // An admin may change the role.
    must(b.admin, {"user", "role", b.vol.user_id, "--role", "coordinator", "--district", kHome});
    must(b.admin, {"sync"});
    CHECK(b.server_user(b.vol.user_id).role() == "coordinator");
}

TEST_CASE("people: renewing badges moves their end, and the badge check shows the new date", "[people][over-time]") {
    Bureau b;
    const std::string token = b.server_user(b.vol.user_id).badge_token();
    const std::int64_t now = std::time(nullptr);

    // The admin renews one badge: a year from today, the same token.
    auto renewed = must(b.admin, {"user", "renew-badge", b.vol.user_id});
    CHECK(contains(renewed.out, "badge renewed until"));
    must(b.admin, {"sync"});
    const auto after = b.server_user(b.vol.user_id);
    CHECK(after.badge_token() == token);
    CHECK(after.badge_valid_until() >= now + 365 * kDay);
    CHECK(after.badge_valid_until() <= std::time(nullptr) + 365 * kDay);
    auto j = b.badge(token);
    CHECK(j["status"] == "valid");
    CHECK(j["valid_until"] == after.badge_valid_until());

    // A badge that ended (set so by an admin's raw change), then the coordinator renews every one ending within 30 days.
    pb::User lapsed = after;
    lapsed.set_badge_valid_until(now - kDay);
    queue_raw(b.admin, domain::kUser, b.vol.user_id, b.server_record(b.vol.user_id).version(), lapsed);
    must(b.admin, {"sync"});
    CHECK(b.badge(token)["status"] == "expired");
    must(b.coordinator, {"sync"});
    auto batch = must(b.coordinator, {"user", "renew-badge", "--expiring-within", "30"});
    CHECK(contains(batch.out, b.vol.user_id));
    CHECK(contains(batch.out, "badge(s): takes effect when this device syncs"));
    must(b.coordinator, {"sync"});
    const auto back = b.server_user(b.vol.user_id);
    CHECK(back.badge_valid_until() >= now + 365 * kDay);
    auto k = b.badge(token);
    CHECK(k["status"] == "valid");
    CHECK(k["valid_until"] == back.badge_valid_until());
    // The list shows the new end.
    auto people = cli_json(b.coordinator, {"user", "list", "--json"});
    bool seen = false;
    for (const auto& p : people)
        if (p["id"] == b.vol.user_id) {
            seen = true;
            CHECK(p["badge_valid_until"] == back.badge_valid_until());
            CHECK(p["active"] == true);
            CHECK(p["devices"] == 1);
        }
    CHECK(seen);
    // A bad count of days is refused before anything is queued.
    CHECK(run(b.coordinator, {"user", "renew-badge", "--expiring-within", "soon"}).rc == 2);
}

TEST_CASE("people: the public list of inspectors follows switching off, role changes and badge ends at once, and shows nothing private",
          "[people][over-time][public]") {
    Bureau b;
    const pb::User vol = b.server_user(b.vol.user_id);
    REQUIRE(b.listed(b.vol.name));

    auto [status, body] = b.roster();
    REQUIRE(status == 200);
    const json all = json::parse(body);
    CHECK(all["count"] == all["inspectors"].size());
    for (const auto& i : all["inspectors"]) {
        CHECK(i.size() == 4);  // name, role, district, valid_until: nothing else
        CHECK(i["role"] != "admin");
        CHECK(i["valid_until"].get<std::int64_t>() > std::time(nullptr));
    }
    // Never a phone number, badge token or user id.
    CHECK(body.find(vol.phone()) == std::string::npos);
    CHECK(body.find(vol.badge_token()) == std::string::npos);
    CHECK(body.find(b.vol.user_id) == std::string::npos);

    // One district: only its people.
    auto [ds, dbody] = b.roster("?district=" + vol.district_id());
    REQUIRE(ds == 200);
    const json district = json::parse(dbody);
    CHECK(district["count"].get<int>() > 0);
    CHECK(district["count"].get<int>() < all["count"].get<int>());
    for (const auto& i : district["inspectors"]) CHECK(i["district"] == kHome);

    // Switched off: off the list at once; on again: back.
    must(b.coordinator, {"user", "deactivate", b.vol.user_id});
    must(b.coordinator, {"sync"});
    CHECK_FALSE(b.listed(b.vol.name));
    must(b.coordinator, {"user", "reactivate", b.vol.user_id});
    must(b.coordinator, {"sync"});
    CHECK(b.listed(b.vol.name));
    // Made an admin (no inspecting role): off the list.
    must(b.admin, {"sync"});
    must(b.admin, {"user", "role", b.vol.user_id, "--role", "admin"});
    must(b.admin, {"sync"});
    CHECK_FALSE(b.listed(b.vol.name));

    // The page for a browser says the same, and bad queries get a clear 400.
    auto [hs, html] = b.roster("", true);
    CHECK(hs == 200);
    CHECK(contains(html, "督查员公示 / Inspectors in service"));
    CHECK(contains(html, b.srv.account("volunteer", 1, kHome).name));
    CHECK_FALSE(contains(html, b.vol.name));
    auto [us, unknown] = b.roster("?distrcit=x");
    CHECK(us == 400);
    CHECK(contains(unknown, "unknown query parameter distrcit=x: use district, format"));
    auto [fs, formatted] = b.roster("?format=html");
    CHECK(fs == 200);
    CHECK(contains(formatted, "<table>"));
    auto [ms, mangled] = b.roster("?district=%3Cscript%3E");
    CHECK(ms == 400);
    CHECK(contains(mangled, "district must be a district id"));
}

namespace {

// Bytes that start like a JPEG (the server never decodes a picture; it checks what kind it is).
std::string jpeg_like(std::size_t size, char fill) {
    std::string s("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10);
    s.resize(size, fill);
    return s;
}

}  // namespace

TEST_CASE("people: a coordinator puts a photo on their volunteer's badge, and whoever scans the badge sees it",
          "[people][over-time][badge-photo]") {
    Bureau b;
    const std::string token = b.server_user(b.vol.user_id).badge_token();
    const std::string photo = jpeg_like(40'000, 'p');
    const fs::path file = b.tmp / "face.jpg";
    write_file(file, photo);

    // Before: no photo on the badge, and the list says so.
    CHECK_FALSE(b.badge(token).contains("photo"));
    CHECK(contains(must(b.coordinator, {"user", "list"}).out, "(无证件照 / no badge photo)"));
    auto none = public_get(b.srv, "/v1/public/badge/" + token + "/photo");
    CHECK(none.status == 404);
    CHECK(contains(none.body, "this badge has no photo"));

    auto set = must(b.coordinator, {"user", "badge-photo", b.vol.user_id, file.string()});
    CHECK(contains(set.out, "badge photo of " + b.vol.name + " set (40000 bytes)"));
    must(b.coordinator, {"sync"});

    // The server names the picture on the record and holds its bytes.
    const pb::User after = b.server_user(b.vol.user_id);
    CHECK(after.badge_photo().sha256() == crypto::sha256(photo));
    CHECK(after.badge_photo().mime() == "image/jpeg");
    CHECK(after.badge_photo().kind() == "badge_photo");
    CHECK(after.badge_token() == token);  // the printed QR stays good

    // The public badge check points at it, and answers the picture itself.
    auto j = b.badge(token);
    CHECK(j["status"] == "valid");
    CHECK(j["photo"] == "/v1/public/badge/" + token + "/photo");
    auto pic = public_get(b.srv, "/v1/public/badge/" + token + "/photo");
    CHECK(pic.status == 200);
    CHECK(pic.header("content-type") == "image/jpeg");
    CHECK(pic.header("cache-control") == "no-store");
    CHECK(pic.body == photo);
    auto page = public_get(b.srv, "/v1/public/badge/" + token, "text/html");
    CHECK(page.status == 200);
    CHECK(contains(page.body, "<img class=\"photo\" src=\"/v1/public/badge/" + token + "/photo\""));
    CHECK(contains(page.header("content-security-policy"), "img-src 'self'"));

    // The volunteer's own phone brings the photo down for the badge it shows.
    must(b.volunteer, {"sync"});
    const fs::path saved = b.tmp / "mine.jpg";
    must(b.volunteer, {"user", "badge-photo", b.vol.user_id, "--save", saved.string()});
    CHECK(read_file(saved) == photo);
    // The coordinator's list now shows it.
    for (const auto& p : cli_json(b.coordinator, {"user", "list", "--json"}))
        if (p["id"] == b.vol.user_id) CHECK(p["badge_photo_sha256"] == hex_encode(crypto::sha256(photo)));

    // Taken off the badge: the check no longer shows it.
    auto removed = must(b.coordinator, {"user", "badge-photo", b.vol.user_id, "--remove"});
    CHECK(contains(removed.out, "badge photo of " + b.vol.name + " removed"));
    must(b.coordinator, {"sync"});
    CHECK_FALSE(b.badge(token).contains("photo"));
    CHECK(public_get(b.srv, "/v1/public/badge/" + token + "/photo").status == 404);

    // Not a picture, or too big: refused on the device, nothing queued.
    write_file(b.tmp / "notes.txt", "not a photo");
    auto bad = run(b.coordinator, {"user", "badge-photo", b.vol.user_id, (b.tmp / "notes.txt").string()});
    CHECK(bad.rc == 1);
    CHECK(contains(bad.err, "the badge photo must be a JPEG or PNG picture"));
    write_file(b.tmp / "huge.jpg", jpeg_like(2 << 20, 'h'));
    auto huge = run(b.coordinator, {"user", "badge-photo", b.vol.user_id, (b.tmp / "huge.jpg").string()});
    CHECK(huge.rc == 1);
    CHECK(contains(huge.err, "crop or shrink it first"));
    CHECK(run(b.coordinator, {"user", "badge-photo", b.vol.user_id}).rc == 2);
    CHECK(cli_json(b.coordinator, {"outbox", "--json"}).empty());
}

TEST_CASE("people: the server refuses a phone number in use and a badge photo nobody may set, from a modified client",
          "[people][over-time][badge-photo][attack]") {
    Bureau b;
    const pb::User coordinator = b.server_user(b.coord.user_id);
    REQUIRE_FALSE(coordinator.phone().empty());

    // The coordinator gives their volunteer the coordinator's own number, spelt without dashes.
    const pb::Record vol_before = b.server_record(b.vol.user_id);
    pb::User twin = b.server_user(b.vol.user_id);
    twin.set_phone(domain::phone_digits(coordinator.phone()));
    queue_raw(b.coordinator, domain::kUser, b.vol.user_id, vol_before.version(), twin);
    (void)run(b.coordinator, {"sync"});
    CHECK(b.server_record(b.vol.user_id).SerializeAsString() == vol_before.SerializeAsString());
    auto refused = b.audit(b.vol.user_id, server::kRefused);
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].code == "already_exists");
    CHECK(contains(refused[0].reason, coordinator.name()));

    // A volunteer puts a photo on their own badge: nobody vouches for their own face.
    pb::User selfie = b.server_user(b.vol.user_id);
    *selfie.mutable_badge_photo() = domain::badge_photo_ref(jpeg_like(5'000, 's'));
    queue_raw(b.volunteer, domain::kUser, b.vol.user_id, vol_before.version(), selfie);
    (void)run(b.volunteer, {"sync"});
    CHECK(b.server_record(b.vol.user_id).SerializeAsString() == vol_before.SerializeAsString());

    // A coordinator names a web page as the photo: refused by its type.
    pb::User page = b.server_user(b.vol.user_id);
    *page.mutable_badge_photo() = domain::badge_photo_ref(jpeg_like(5'000, 'x'));
    page.mutable_badge_photo()->set_mime("text/html");
    queue_raw(b.coordinator, domain::kUser, b.vol.user_id, vol_before.version(), page);
    (void)run(b.coordinator, {"sync"});
    CHECK(b.server_record(b.vol.user_id).SerializeAsString() == vol_before.SerializeAsString());
    refused = b.audit(b.vol.user_id, server::kRefused);
    REQUIRE(refused.size() == 3);
    CHECK(refused[0].code == "malformed");
    CHECK(refused[1].code == "forbidden");
    CHECK(refused[1].actor == b.vol.user_id);

    // A web page uploaded under a picture's label: the record names it, but the public badge
    // check never serves it (only a JPEG or PNG goes out).
    const std::string html = "<html><script>alert(1)</script></html>";
    {
        auto p = sync::DeviceProfile::open(b.coordinator);
        REQUIRE(p.has_value());
        auto hex = p->save_blob(html);
        REQUIRE(hex.has_value());
        sync::BlobItem item;
        item.sha256_hex = *hex;
        item.size = static_cast<std::int64_t>(html.size());
        item.mime = "image/jpeg";
        item.report_id = b.vol.user_id;
        REQUIRE(p->store().add_blob(item).has_value());
    }
    pb::User disguised = b.server_user(b.vol.user_id);
    auto* ref = disguised.mutable_badge_photo();
    ref->set_sha256(crypto::sha256(html));
    ref->set_size(static_cast<std::int64_t>(html.size()));
    ref->set_mime("image/jpeg");
    ref->set_kind("badge_photo");
    queue_raw(b.coordinator, domain::kUser, b.vol.user_id, vol_before.version(), disguised);
    must(b.coordinator, {"sync"});
    REQUIRE(b.server_user(b.vol.user_id).badge_photo().sha256() == crypto::sha256(html));
    const std::string token = b.server_user(b.vol.user_id).badge_token();
    auto served = public_get(b.srv, "/v1/public/badge/" + token + "/photo");
    CHECK(served.status == 404);
    CHECK_FALSE(contains(served.body, "<script>"));
}
