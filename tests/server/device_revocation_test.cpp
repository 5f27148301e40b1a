// A lost phone (issue: nobody locked out, nothing lost): an admin revokes it with `ducha admin
// device revoke`; once the server applies it, the phone gets device_revoked on sync, refresh and
// sign-in with its key, its tokens are revoked in the same commit, what it had queued stays on it,
// and its owner's badge token is replaced (the badge on the lost phone stops matching). Only admins
// may revoke, never their own device. Real server on 127.0.0.1, real CLI profiles.
#include <catch2/catch.hpp>

#include <string>

#include "ducha.pb.h"
#include "server/service/server_app.h"
#include "server/storage/record_table.h"
#include "server/storage/token_store.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"
#include "shared/store/statement.h"
#include "shared/sync/curl_transport.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using nlohmann::json;

namespace {

struct Phones {
    TestServer srv;
    TempDir tmp;
    std::filesystem::path admin = tmp / "admin", volunteer = tmp / "volunteer", coordinator = tmp / "coordinator";

    Phones() {
        must(admin, {"enroll", "--server", srv.url(), "--code", srv.account("admin").code, "--pin", srv.pin()});
        const auto vol = srv.account("volunteer");
        must(volunteer, {"enroll", "--server", srv.url(), "--code", vol.code, "--pin", srv.pin()});
        must(coordinator, {"enroll", "--server", srv.url(), "--code", srv.account("coordinator", 0, vol.district).code,
                           "--pin", srv.pin()});
        for (const auto& p : {volunteer, coordinator, admin}) must(p, {"sync"});
    }

    // Live tokens of a device in the server's database.
    std::int64_t live_tokens(const std::string& device_id) {
        auto db = test::server_db(srv.data_dir());
        REQUIRE(db);
        store::Statement st{*db, "SELECT COUNT(*) FROM token WHERE device_id=?1 AND revoked=0"};
        st.bind(1, device_id);
        auto row = st.step();
        REQUIRE(row.has_value());
        return st.col_int(0);
    }

    // The user record as the server holds it.
    pb::User server_user(const std::string& user_id) {
        return test::server_user(srv.data_dir(), user_id);
    }
};

}  // namespace

TEST_CASE("an admin revokes a lost phone: it is refused everything and keeps what it had queued", "[revoke]") {
    Phones p;
    const std::string phone = identity_of(p.volunteer).device_id;
    REQUIRE(p.live_tokens(phone) == 2);
    // The volunteer's phone has a change waiting (a task started) when it is lost.
    const auto tasks = cli_json(p.volunteer, {"tasks", "--json"});
    REQUIRE_FALSE(tasks.empty());
    must(p.volunteer, {"task-status", "--task", tasks.at(0)["id"].get<std::string>(), "--to", "in_progress"});
    REQUIRE(cli_json(p.volunteer, {"outbox", "--json"}).size() == 1);

    const std::string owner = identity_of(p.volunteer).user_id;
    const pb::User before = p.server_user(owner);
    REQUIRE_FALSE(before.badge_token().empty());

    auto listed = cli_json(p.admin, {"devices", "--json"});
    bool seen = false;
    for (const auto& d : listed) seen = seen || d["id"] == phone;
    REQUIRE(seen);
    auto r = must(p.admin, {"admin", "device", "revoke", phone});
    CHECK(contains(r.out, "revoked"));
    must(p.admin, {"sync"});
    CHECK(p.live_tokens(phone) == 0);  // in the same commit as the device record
    // The owner's badge has a new token (the one the lost phone shows no longer matches), valid as long as before.
    const pb::User after = p.server_user(owner);
    CHECK(after.badge_token() != before.badge_token());
    CHECK(after.badge_token().size() >= 16);
    CHECK(after.badge_valid_until() == before.badge_valid_until());
    CHECK(after.active());

    auto s = run(p.volunteer, {"sync", "--retries", "1"});
    CHECK(s.rc != 0);
    CHECK(contains(s.err, "this device was revoked"));
    CHECK(cli_json(p.volunteer, {"outbox", "--json"}).size() == 1);  // nothing deleted

    // Neither a refresh nor the device key gets it back in.
    sync::CurlTransport t{sync::TransportConfig{.base_url = p.srv.url(), .pin = p.srv.pin()}};
    pb::DeviceChallengeRequest ask;
    ask.set_device_id(phone);
    auto ch = t.request("POST", "/v1/token/challenge", ask.SerializeAsString());
    REQUIRE(ch.has_value());
    CHECK(ch->status == 403);
    CHECK(contains(ch->body, "device_revoked"));

    // The admin's list says so, and revoking again is refused with words.
    listed = cli_json(p.admin, {"devices", "--json"});
    for (const auto& d : listed)
        if (d["id"] == phone) CHECK(d["revoked"].get<bool>());
    auto again = run(p.admin, {"admin", "device", "revoke", phone});
    CHECK(again.rc == 1);
    CHECK(contains(again.err, "already revoked"));
}

TEST_CASE("only admins revoke devices, and never the one they are using", "[revoke]") {
    Phones p;
    const std::string phone = identity_of(p.volunteer).device_id;
    auto coord = run(p.coordinator, {"admin", "device", "revoke", phone});
    CHECK(coord.rc == 1);
    INFO(coord.err);
    CHECK(cli_json(p.coordinator, {"outbox", "--json"}).empty());  // refused before it was queued

    auto own = run(p.admin, {"admin", "device", "revoke", identity_of(p.admin).device_id});
    CHECK(own.rc == 1);
    CHECK(contains(own.err, "the device you are using"));
    CHECK(run(p.admin, {"admin", "device", "revoke"}).rc == 2);  // usage
    CHECK(run(p.admin, {"admin", "device", "revoke", "no-such-device"}).rc == 1);
    must(p.volunteer, {"sync"});  // the volunteer's phone still works
}
