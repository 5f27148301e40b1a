// Nobody locked out (docs/SYNC.md, "Tokens"): a device whose refresh answer is lost on the way
// gets the same answer again; a refresh token used twice after the grace period revokes every
// token of the device, and the device itself signs in with its key while a copy of the token
// gets nothing; the device-key sign-in refuses a wrong signature, an unknown or used challenge.
// Real server on 127.0.0.1 with its own clock (token expiry without waiting a day), real TLS,
// real device profiles; replies are lost by a transport in front of the real one.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "ducha.pb.h"
#include "server/service/server_app.h"
#include "server/storage/audit_log.h"
#include "shared/common/clock.h"
#include "shared/common/wire_error.h"
#include "shared/crypto/ed25519.h"
#include "shared/crypto/random.h"
#include "shared/domain/device_sign_in.h"
#include "shared/store/statement.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/sync_client.h"
#include "support/cli_steps.h"
#include "support/lossy_transport.h"
#include "support/profile_facts.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// A coordinator's enrolled and synced profile with one change waiting in its outbox (a new task).
struct Scene {
    ManualClock clock;
    TestServer srv{true, &clock};
    TempDir tmp;
    fs::path prof = tmp / "coordinator";
    std::string task_id;

    Scene() {
        const auto coord = srv.account("coordinator");
        must(prof, {"enroll", "--server", srv.url(), "--code", coord.code, "--pin", srv.pin()});
        must(prof, {"sync"});
        const std::string district = cli_json(prof, {"status", "--json"}).at(0)["district_id"];
        auto db = test::server_db(srv.data_dir());
        REQUIRE(db);
        store::Statement st{*db, "SELECT id, payload FROM record WHERE collection='institution' AND deleted=0 ORDER BY id"};
        std::string institution;
        while (institution.empty()) {
            auto row = st.step();
            REQUIRE(row.has_value());
            REQUIRE(*row);
            pb::Institution i;
            REQUIRE(i.ParseFromString(st.col_blob(1)));
            if (i.district_id() == district && !i.field_reported()) institution = st.col_text(0);
        }
        const auto vol = srv.account("volunteer", 0, coord.district);
        task_id = trim(must(prof, {"admin", "task", "add", "--institution", institution, "--assignee", vol.user_id,
                                   "--kind", "spot_check"}).out);
        REQUIRE(pending() == 1);
    }

    std::int64_t pending() {
        auto p = sync::DeviceProfile::open(prof);
        REQUIRE(p.has_value());
        auto n = p->store().pending_count();
        REQUIRE(n.has_value());
        return *n;
    }

    // One sync pass of the profile through a transport that loses what `plan` says.
    Result<sync::SyncReport> sync_once(const std::shared_ptr<LossPlan>& plan) {
        auto p = sync::DeviceProfile::open(prof);
        REQUIRE(p.has_value());
        sync::SyncClient::Config cfg;
        cfg.transport = LossyTransport::factory(plan);
        sync::SyncClient client(*p, cfg);
        return client.sync_once();
    }

    // The audit log's entries for an action, oldest first.
    std::vector<server::AuditEntry> audit(const std::string& action) {
        auto db = test::server_db(srv.data_dir());
        REQUIRE(db);
        server::AuditQuery q;
        q.action = action;
        q.limit = 1000;
        q.newest_first = false;
        auto rows = server::query_audit(*db, q);
        REQUIRE(rows.has_value());
        return *rows;
    }

    sync::HttpReply post(const std::string& path, const std::string& body) {
        sync::CurlTransport t{sync::TransportConfig{.base_url = srv.url(), .pin = srv.pin()}};
        auto r = t.request("POST", path, body);
        REQUIRE(r.has_value());
        return *r;
    }
};

std::string reason_of(const std::vector<server::AuditEntry>& entries) {
    std::string all;
    for (const auto& e : entries) all += e.outcome + ": " + e.reason + "\n";
    return all;
}

}  // namespace

TEST_CASE("a refresh answer lost on its way is given again, and the outbox goes through", "[tokens]") {
    Scene s;
    s.clock.advance(25h);  // the access token (24 h) expired
    auto plan = std::make_shared<LossPlan>();
    plan->lose["/v1/token/refresh"] = 1;

    auto first = s.sync_once(plan);
    REQUIRE_FALSE(first.has_value());
    CHECK(first.error().code == Errc::network);
    REQUIRE(plan->lost.size() == 1);
    CHECK(plan->lost[0].status == 200);  // the server rotated the tokens; the device never heard
    CHECK(s.pending() == 1);              // nothing was dropped

    // Still within the grace period: the old access token is revoked (401 unauthorized), the same
    // refresh gets the same pair, the change goes through.
    s.clock.advance(30s);
    auto second = s.sync_once(plan);
    REQUIRE(second.has_value());
    CHECK(second->pushed == 1);
    CHECK(s.pending() == 0);
    pb::TokenResponse lost;
    REQUIRE(lost.ParseFromString(plan->lost[0].body));
    CHECK(access_token_of(s.prof) == lost.access_token());
    CHECK(server_payload(s.srv.data_dir(), "task", s.task_id).has_value());

    const auto refreshes = s.audit("token.refresh");
    INFO(reason_of(refreshes));
    REQUIRE(refreshes.size() == 2);
    CHECK(refreshes[1].outcome == "accepted");
    CHECK(refreshes[1].reason == "the same refresh again: the same answer");
    CHECK(s.audit("token.device_sign_in").empty());
}

TEST_CASE("a refresh token used again after the grace period revokes the device's tokens: the device signs in with its key, a copy gets nothing", "[tokens]") {
    Scene s;
    s.clock.advance(25h);
    auto plan = std::make_shared<LossPlan>();
    plan->lose["/v1/token/refresh"] = 1;
    REQUIRE_FALSE(s.sync_once(plan).has_value());
    REQUIRE(plan->lost.size() == 1);
    pb::TokenResponse copied;  // what someone reading the wire would now hold
    REQUIRE(copied.ParseFromString(plan->lost[0].body));

    s.clock.advance(10min);  // past the grace period: the old refresh token is a reuse
    auto again = s.sync_once(plan);
    REQUIRE(again.has_value());
    CHECK(again->pushed == 1);
    CHECK(s.pending() == 0);
    const auto& sent = plan->requests;
    CHECK(std::find(sent.begin(), sent.end(), "POST /v1/token/challenge") != sent.end());
    CHECK(std::find(sent.begin(), sent.end(), "POST /v1/token/device") != sent.end());

    const auto refreshes = s.audit("token.refresh");
    INFO(reason_of(refreshes));
    REQUIRE(refreshes.size() == 2);
    CHECK(refreshes[1].outcome == "refused");
    CHECK(refreshes[1].code == "unauthorized");
    CHECK(refreshes[1].reason.find("refresh token reused") != std::string::npos);
    const auto sign_ins = s.audit("token.device_sign_in");
    REQUIRE(sign_ins.size() == 1);
    CHECK(sign_ins[0].outcome == "accepted");

    // The pair the device never received works for nobody: its access token and its refresh token
    // were revoked with the rest.
    pb::RefreshRequest rr;
    rr.set_refresh_token(copied.refresh_token());
    CHECK(s.post("/v1/token/refresh", rr.SerializeAsString()).status == 401);
    sync::CurlTransport t{sync::TransportConfig{.base_url = s.srv.url(), .pin = s.srv.pin()}};
    auto r = t.request("POST", "/v1/sync", pb::SyncRequest{}.SerializeAsString(),
                       {{"Authorization", "Bearer " + copied.access_token()}});
    REQUIRE(r.has_value());
    CHECK(r->status == 401);
    // The device goes on with its own new pair.
    must(s.prof, {"sync"});
}

TEST_CASE("signing in with the device key: a wrong signature, an unknown, used or expired challenge are refused", "[tokens]") {
    Scene s;
    const auto id = identity_of(s.prof);
    auto ask = [&] {
        pb::DeviceChallengeRequest q;
        q.set_device_id(id.device_id);
        auto r = s.post("/v1/token/challenge", q.SerializeAsString());
        REQUIRE(r.status == 200);
        pb::DeviceChallenge ch;
        REQUIRE(ch.ParseFromString(r.body));
        REQUIRE(ch.challenge().size() == 32);
        return ch;
    };
    auto key = [&] {
        auto p = sync::DeviceProfile::open(s.prof);
        REQUIRE(p.has_value());
        auto k = p->device_key();
        REQUIRE(k.has_value());
        return *k;
    }();
    auto sign_in = [&](const std::string& challenge, const Bytes& signature) {
        pb::DeviceSignInRequest in;
        in.set_device_id(id.device_id);
        in.set_challenge(challenge);
        in.set_signature(signature);
        return s.post("/v1/token/device", in.SerializeAsString());
    };

    SECTION("another key's signature") {
        auto ch = ask();
        auto other = crypto::Ed25519KeyPair::generate();
        auto r = sign_in(ch.challenge(), other.sign(domain::device_sign_in_message(id.device_id, ch.challenge())));
        CHECK(r.status == 401);
        CHECK(contains(r.body, "the signature does not match this device's key"));
    }
    SECTION("the device's key over other bytes (a signature made for something else)") {
        auto ch = ask();
        auto r = sign_in(ch.challenge(), key.sign(ch.challenge()));
        CHECK(r.status == 401);
    }
    SECTION("a challenge the server never gave") {
        (void)ask();
        const Bytes made_up = crypto::random_bytes(32);
        auto r = sign_in(made_up, key.sign(domain::device_sign_in_message(id.device_id, made_up)));
        CHECK(r.status == 401);
        CHECK(contains(r.body, "ask for a new one"));
    }
    SECTION("a challenge used once already") {
        auto ch = ask();
        const Bytes sig = key.sign(domain::device_sign_in_message(id.device_id, ch.challenge()));
        auto ok = sign_in(ch.challenge(), sig);
        REQUIRE(ok.status == 200);
        pb::TokenResponse t;
        REQUIRE(t.ParseFromString(ok.body));
        CHECK(t.device_id() == id.device_id);
        CHECK(t.role() == "coordinator");
        CHECK(sign_in(ch.challenge(), sig).status == 401);  // replayed
        // The profile's own tokens were revoked by the sign-in: its next sync signs in again itself.
        must(s.prof, {"sync"});
        CHECK(s.pending() == 0);
    }
    SECTION("a challenge past its two minutes") {
        auto ch = ask();
        s.clock.advance(3min);
        auto r = sign_in(ch.challenge(), key.sign(domain::device_sign_in_message(id.device_id, ch.challenge())));
        CHECK(r.status == 401);
    }
    SECTION("bodies that are not a sign-in") {
        CHECK(s.post("/v1/token/device", "not protobuf \xff\xff").status == 400);
        pb::DeviceSignInRequest short_sig;
        short_sig.set_device_id(id.device_id);
        short_sig.set_challenge(crypto::random_bytes(32));
        short_sig.set_signature("x");
        CHECK(s.post("/v1/token/device", short_sig.SerializeAsString()).status == 400);
        pb::DeviceChallengeRequest nobody;
        nobody.set_device_id("no-such-device");
        CHECK(s.post("/v1/token/challenge", nobody.SerializeAsString()).status == 401);
    }
    // Every refusal is on record.
    for (const auto& e : s.audit("token.device_sign_in"))
        CHECK((e.outcome == "accepted" || e.outcome == "refused"));
}

TEST_CASE("an enrollment answer lost on its way is given again to the same key, never to another", "[tokens][enroll]") {
    ManualClock clock;
    TestServer srv{true, &clock};
    const auto vol = srv.account("volunteer");
    sync::CurlTransport t{sync::TransportConfig{.base_url = srv.url(), .pin = srv.pin()}};
    auto enroll_with = [&](const std::string& public_key) {
        pb::EnrollRequest req;
        req.set_code(vol.code);
        req.set_public_key(public_key);
        req.set_device_name("phone");
        auto r = t.request("POST", "/v1/enroll", req.SerializeAsString(), {{"Content-Type", "application/x-protobuf"}});
        REQUIRE(r.has_value());
        return *r;
    };
    auto answer_of = [](const sync::HttpReply& r) {
        pb::TokenResponse tr;
        REQUIRE(tr.ParseFromString(r.body));
        return tr;
    };
    auto sync_with = [&](const std::string& access) {
        pb::SyncRequest req;
        req.set_pull(true);
        auto r = t.request("POST", "/v1/sync", req.SerializeAsString(),
                           {{"Content-Type", "application/x-protobuf"}, {"Authorization", "Bearer " + access}});
        REQUIRE(r.has_value());
        return r->status;
    };
    const auto key = crypto::Ed25519KeyPair::generate();

    // The first answer never reaches the phone; it asks again with the same code and key.
    auto lost = enroll_with(key.public_key());
    REQUIRE(lost.status == 200);
    const auto first = answer_of(lost);
    clock.advance(2h);
    auto again = enroll_with(key.public_key());
    REQUIRE(again.status == 200);
    const auto second = answer_of(again);
    CHECK(second.device_id() == first.device_id());  // the same device, not a second one
    CHECK(second.access_token() != first.access_token());
    CHECK(sync_with(second.access_token()) == 200);
    CHECK(sync_with(first.access_token()) == 401);  // the tokens it never received are revoked

    // Someone else with the code (another key) is told it was used.
    auto other = enroll_with(crypto::Ed25519KeyPair::generate().public_key());
    CHECK(other.status == 401);
    CHECK(wire::from_reply(other.status, other.body, other.headers).error.what == Msg::enrollment_code_was_already_used);
    // And once the code would have expired, the same key is told so too.
    clock.advance(31 * 24h);  // demo codes last 30 days
    CHECK(enroll_with(key.public_key()).status == 401);
}
