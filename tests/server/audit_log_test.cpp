// The append-only audit log and GET /v1/audit on a real server on 127.0.0.1 (demo data, real
// TLS): enrollments, code issues, token refreshes and refused reads are logged; admins read every
// entry, supervisors the refused and conflicting ones (of their district when they have one),
// other roles nothing; reading the log is logged; `ducha audit` prints it; triggers keep it
// append-only.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "server/service/server_app.h"
#include "server/storage/audit_log.h"
#include "shared/common/bytes.h"
#include "shared/common/shanghai_time.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/store/statement.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/curl_transport.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

struct Desk {
    TestServer srv;
    TempDir tmp;
    std::map<std::string, fs::path> profiles;      // admin, supervisor, coordinator, volunteer
    std::map<std::string, DemoAccount> accounts;

    Desk() {
        for (const std::string role : {"admin", "supervisor", "coordinator", "volunteer"}) {
            accounts[role] = srv.account(role);
            profiles[role] = tmp / role;
            must(profiles[role], {"enroll", "--server", srv.url(), "--code", accounts[role].code, "--pin", srv.pin()});
        }
    }

    sync::HttpReply request(const std::string& method, const std::string& path, const std::string& body = "",
                            const std::map<std::string, std::string>& headers = {}) {
        sync::CurlTransport t{sync::TransportConfig{.base_url = srv.url(), .pin = srv.pin()}};
        auto r = t.request(method, path, body, headers);
        REQUIRE(r.has_value());
        return *r;
    }

    sync::HttpReply as(const std::string& who, const std::string& path) {
        return request("GET", path, "", {{"Authorization", "Bearer " + access_token_of(profiles.at(who))}});
    }

    // GET /v1/audit?QUERY as `who`, which must answer 200: the parsed body.
    json audit(const std::string& who, const std::string& query = "") {
        auto r = as(who, "/v1/audit" + (query.empty() ? "" : "?" + query));
        INFO("GET /v1/audit?" << query << " as " << who << ": HTTP " << r.status << " " << r.body);
        REQUIRE(r.status == 200);
        auto j = json::parse(r.body, nullptr, false);
        REQUIRE(j.is_object());
        REQUIRE(j["entries"].is_array());
        REQUIRE(j["next_after"].is_number_integer());
        return j;
    }

    // Rotates `who`'s tokens the way a device does, and keeps the new ones on the profile.
    void refresh(const std::string& who) {
        auto p = sync::DeviceProfile::open(profiles.at(who));
        REQUIRE(p.has_value());
        auto rt = p->refresh_token();
        REQUIRE(rt.has_value());
        pb::RefreshRequest req;
        req.set_refresh_token(*rt);
        auto r = request("POST", "/v1/token/refresh", req.SerializeAsString());
        REQUIRE(r.status == 200);
        pb::TokenResponse t;
        REQUIRE(t.ParseFromString(r.body));
        REQUIRE(p->store_tokens(t).has_value());
    }
};

int count_where(const json& entries, const std::map<std::string, std::string>& match) {
    int n = 0;
    for (const auto& e : entries) {
        bool all = true;
        for (const auto& [k, v] : match) all = all && e[k] == v;
        n += all ? 1 : 0;
    }
    return n;
}

}  // namespace

TEST_CASE("admins read the whole audit log: enrollments, code issues and token refreshes", "[audit]") {
    Desk d;
    d.refresh("volunteer");
    auto bad = d.request("POST", "/v1/token/refresh", [] {
        pb::RefreshRequest r;
        r.set_refresh_token("not-a-token");
        return r.SerializeAsString();
    }());
    CHECK(bad.status == 401);
    // Enrollment refusals: an unknown code, and the volunteer's code a second time.
    for (const auto& code : std::vector<std::string>{"AAAA-BBBB-CCCC", d.accounts["volunteer"].code}) {
        pb::EnrollRequest req;
        req.set_code(code);
        req.set_public_key(crypto::random_bytes(32));
        CHECK(d.request("POST", "/v1/enroll", req.SerializeAsString()).status == 401);
    }
    // A coordinator issues a code for a volunteer of their district.
    must(d.profiles["coordinator"], {"sync"});
    std::string vol_of_district;
    for (const auto& a : d.srv.accounts())
        if (a.role == "volunteer" && a.district == d.accounts["coordinator"].district) vol_of_district = a.user_id;
    REQUIRE_FALSE(vol_of_district.empty());
    must(d.profiles["coordinator"], {"admin", "code", "--user", vol_of_district});

    auto all = d.audit("admin", "limit=1000")["entries"];
    for (const std::string role : {"admin", "supervisor", "coordinator", "volunteer"}) {
        INFO(role << "'s enrollment");
        const auto id = identity_of(d.profiles[role]);
        REQUIRE(count_where(all, {{"action", "enroll"}, {"actor", id.user_id}, {"outcome", "accepted"}}) == 1);
        for (const auto& e : all)
            if (e["action"] == "enroll" && e["actor"] == id.user_id && e["outcome"] == "accepted") {
                CHECK(e["device"] == id.device_id);
                CHECK(e["role"] == role);
                CHECK(e["district"] == id.district_id);
                CHECK(e["collection"] == "device");
                CHECK(e["record_id"] == id.device_id);
                CHECK(e["id"].is_number_integer());
                CHECK(e["at"].get<std::int64_t>() > now_ms() - 600'000);
            }
    }
    const auto vol = identity_of(d.profiles["volunteer"]);
    CHECK(count_where(all, {{"action", "token.refresh"}, {"actor", vol.user_id}, {"device", vol.device_id},
                            {"outcome", "accepted"}, {"role", "volunteer"}}) == 1);
    CHECK(count_where(all, {{"action", "token.refresh"}, {"actor", ""}, {"outcome", "refused"}, {"code", "unauthorized"}}) == 1);
    CHECK(count_where(all, {{"action", "enroll"}, {"actor", ""}, {"outcome", "refused"}, {"code", "unauthorized"}}) == 1);
    CHECK(count_where(all, {{"action", "enroll"}, {"actor", vol.user_id}, {"role", "volunteer"}, {"outcome", "refused"},
                            {"code", "unauthorized"}}) == 1);
    const auto coord = identity_of(d.profiles["coordinator"]);
    CHECK(count_where(all, {{"action", "enrollment_code.create"}, {"actor", coord.user_id}, {"device", coord.device_id},
                            {"role", "coordinator"}, {"district", coord.district_id}, {"collection", "user"},
                            {"record_id", vol_of_district}, {"outcome", "accepted"}}) == 1);
    // The demo's codes were issued by `init`: the server itself.
    CHECK(count_where(all, {{"action", "enrollment_code.create"}, {"actor", ""}, {"reason", "issued by init"}}) ==
          static_cast<int>(d.srv.accounts().size()));
    // Newest first without `after`.
    for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1]["id"].get<std::int64_t>() > all[i]["id"].get<std::int64_t>());
    // No audit_event records any more: the log is not a synced collection.
    CHECK(d.srv.count("audit_event") == 0);

    {
        INFO("filters");
        // (bound first: a range over a member of a temporary would outlive the temporary)
        const json enrolls = d.audit("admin", "action=enroll")["entries"];
        for (const auto& e : enrolls) CHECK(e["action"] == "enroll");
        CHECK(d.audit("admin", "action=enroll")["entries"].size() == 6);  // 4 devices, 2 refusals
        CHECK(d.audit("admin", "action=enroll&outcome=accepted")["entries"].size() == 4);
        auto token = d.audit("admin", "action=token.*")["entries"];
        CHECK(token.size() == 2);
        for (const auto& e : token) CHECK(e["action"] == "token.refresh");
        const json refused = d.audit("admin", "outcome=refused")["entries"];
        for (const auto& e : refused) CHECK(e["outcome"] == "refused");
        auto mine = d.audit("admin", "actor=" + vol.user_id)["entries"];
        CHECK(mine.size() == 3);  // enroll, the refused second enroll, token.refresh
        for (const auto& e : mine) CHECK(e["actor"] == vol.user_id);
        auto rec = d.audit("admin", "collection=device&record=" + vol.device_id)["entries"];
        CHECK(rec.size() == 2);
        // Days are Shanghai days, inclusive; milliseconds work too.
        const std::string today = shanghai_date(now_ms() / 1000);
        const std::string yesterday = shanghai_date(now_ms() / 1000 - kSecondsPerDay);
        CHECK(d.audit("admin", "action=enroll&outcome=accepted&since=" + today + "&until=" + today)["entries"].size() == 4);
        CHECK(d.audit("admin", "until=" + yesterday)["entries"].empty());
        CHECK(d.audit("admin", "action=enroll&since=" + std::to_string(now_ms() + 60'000))["entries"].empty());
        CHECK(d.audit("admin", "action=enroll&outcome=accepted&until=" + std::to_string(now_ms()))["entries"].size() == 4);
    }
    {
        INFO("paging with after and next_after");
        auto first = d.audit("admin", "after=0&limit=5");
        REQUIRE(first["entries"].size() == 5);
        std::int64_t prev = 0;
        for (const auto& e : first["entries"]) {
            CHECK(e["id"].get<std::int64_t>() > prev);  // oldest first from `after`
            prev = e["id"].get<std::int64_t>();
        }
        CHECK(first["next_after"] == prev);
        auto second = d.audit("admin", "after=" + std::to_string(prev) + "&limit=5");
        REQUIRE_FALSE(second["entries"].empty());
        CHECK(second["entries"][0]["id"].get<std::int64_t>() > prev);
        // Past the end: nothing, and the cursor stays.
        auto tail = d.audit("admin", "after=999999999");
        CHECK(tail["entries"].empty());
        CHECK(tail["next_after"] == 999999999);
        // limit above 1000 is capped, not refused.
        CHECK(d.audit("admin", "limit=5000")["entries"].size() <= 1000);
    }
    {
        INFO("reading the log is logged");
        d.audit("admin", "outcome=refused");
        auto reads = d.audit("admin", "action=audit.read&actor=" + identity_of(d.profiles["admin"]).user_id)["entries"];
        REQUIRE_FALSE(reads.empty());
        CHECK(reads[0]["outcome"] == "accepted");
        bool described = false;
        for (const auto& e : reads) described = described || e["reason"].get<std::string>().find("outcome=refused") != std::string::npos;
        CHECK(described);
    }
}

TEST_CASE("supervisors read refusals only, other roles nothing, bad parameters get 400", "[audit]") {
    Desk d;
    // Refusals to find: a volunteer asks for a file nobody references, and the volunteer and the
    // coordinator try to read the log.
    const std::string nowhere = hex_encode(crypto::sha256(crypto::random_bytes(32)));
    CHECK(d.as("volunteer", "/v1/blobs/" + nowhere).status == 404);
    for (const std::string who : {"volunteer", "coordinator"}) {
        auto r = d.as(who, "/v1/audit");
        CHECK(r.status == 403);
        auto j = json::parse(r.body, nullptr, false);
        REQUIRE(j.is_object());
        CHECK(j["error"] == "forbidden");
        CHECK(j["message"].get<std::string>().find(" / ") != std::string::npos);  // 中文 / English
        CHECK(j["message"].get<std::string>().find("only admins and supervisors") != std::string::npos);
    }

    auto sup = d.audit("supervisor", "limit=1000")["entries"];
    REQUIRE_FALSE(sup.empty());
    for (const auto& e : sup) CHECK((e["outcome"] == "refused" || e["outcome"] == "conflict"));
    const auto vol = identity_of(d.profiles["volunteer"]);
    CHECK(count_where(sup, {{"action", "blob.read"}, {"actor", vol.user_id}, {"record_id", nowhere}, {"code", "not_found"}}) == 1);
    CHECK(count_where(sup, {{"action", "audit.read"}, {"actor", vol.user_id}, {"code", "forbidden"}}) == 1);
    CHECK(count_where(sup, {{"action", "audit.read"}, {"actor", identity_of(d.profiles["coordinator"]).user_id}}) == 1);
    CHECK(d.audit("supervisor", "outcome=refused")["entries"].size() == sup.size());
    // Accepted entries are not theirs to read.
    auto accepted = d.as("supervisor", "/v1/audit?outcome=accepted");
    CHECK(accepted.status == 403);
    // The admin sees the supervisor's reads, and their refusal.
    auto admin = d.audit("admin", "action=audit.read&actor=" + identity_of(d.profiles["supervisor"]).user_id)["entries"];
    CHECK(count_where(admin, {{"outcome", "accepted"}}) == 2);
    CHECK(count_where(admin, {{"outcome", "refused"}}) == 1);

    for (const std::string q : {"limit=0", "limit=abc", "limit=-1", "after=-1", "after=x", "since=2025-02-30", "until=soon",
                                "since=2025-03-02&until=2025-03-01", "outcome=maybe", "outcom=refused", "bogus=1", "actor=%zz"}) {
        INFO(q);
        auto r = d.as("admin", "/v1/audit?" + q);
        CHECK(r.status == 400);
        auto j = json::parse(r.body, nullptr, false);
        REQUIRE(j.is_object());
        CHECK(j["error"] == "invalid_argument");
        CHECK(j["message"].get<std::string>().find(" / ") != std::string::npos);
    }
    CHECK(d.request("GET", "/v1/audit").status == 401);
    CHECK(d.request("POST", "/v1/audit", "", {{"Authorization", "Bearer " + access_token_of(d.profiles["admin"])}}).status == 405);
}

TEST_CASE("a supervisor of one district reads that district's refusals only", "[audit]") {
    Desk d;
    // The admin adds a district supervisor and issues their code.
    const auto vol = identity_of(d.profiles["volunteer"]);
    REQUIRE_FALSE(vol.district_id.empty());
    must(d.profiles["admin"], {"sync"});
    const std::string sup_id = trim(must(d.profiles["admin"], {"admin", "user", "add", "--name", "区督导", "--role", "supervisor",
                                                               "--district", vol.district_id}).out);
    must(d.profiles["admin"], {"sync"});
    auto issued = must(d.profiles["admin"], {"admin", "code", "--user", sup_id});
    const std::string code = trim(issued.out.substr(issued.out.find(": ") + 2));
    const auto dsup = d.tmp / "district-supervisor";
    must(dsup, {"enroll", "--server", d.srv.url(), "--code", code, "--pin", d.srv.pin()});
    d.profiles["district-supervisor"] = dsup;

    // Refusals in the supervisor's district and in another one.
    const DemoAccount* other = nullptr;
    for (const auto& a : d.srv.accounts())
        if (a.role == "volunteer" && a.district != d.accounts["volunteer"].district) other = &a;
    REQUIRE(other);
    d.profiles["other"] = d.tmp / "other";
    must(d.profiles["other"], {"enroll", "--server", d.srv.url(), "--code", other->code, "--pin", d.srv.pin()});
    const std::string nowhere = hex_encode(crypto::sha256(crypto::random_bytes(32)));
    CHECK(d.as("volunteer", "/v1/blobs/" + nowhere).status == 404);
    CHECK(d.as("other", "/v1/blobs/" + nowhere).status == 404);

    auto mine = d.audit("district-supervisor")["entries"];
    REQUIRE_FALSE(mine.empty());
    for (const auto& e : mine) {
        CHECK(e["district"] == vol.district_id);
        CHECK(e["outcome"] == "refused");
    }
    CHECK(count_where(mine, {{"actor", vol.user_id}, {"record_id", nowhere}}) == 1);
    CHECK(count_where(mine, {{"actor", other->user_id}}) == 0);
    // A city-wide supervisor reads both.
    auto city = d.audit("supervisor", "record=" + nowhere)["entries"];
    CHECK(city.size() == 2);
}

TEST_CASE("ducha audit prints the log, refreshes an expired token, and refuses misspelt options", "[audit][cli]") {
    Desk d;
    const auto admin = d.profiles["admin"];
    must(admin, {"sync"});  // the admin's replica names users in the table
    // The admin's access token expires: `ducha audit` refreshes it, as sync does.
    {
        auto db = test::server_db(d.srv.data_dir());
        REQUIRE(db);
        store::Statement st{*db, "UPDATE token SET expires_at=1 WHERE kind='access' AND device_id=?1"};
        st.bind(1, identity_of(admin).device_id);
        REQUIRE(st.run().has_value());
    }
    auto arr = cli_json(admin, {"audit", "--json"});
    REQUIRE_FALSE(arr.empty());
    for (const auto& e : arr) {
        CHECK(e["id"].is_number_integer());
        CHECK(e.contains("outcome"));
    }
    const auto me = identity_of(admin);
    CHECK(count_where(arr, {{"action", "token.refresh"}, {"actor", me.user_id}, {"outcome", "accepted"}}) == 1);

    auto enrolls = cli_json(admin, {"audit", "--action", "enroll", "--outcome", "accepted", "--limit", "3", "--json"});
    CHECK(enrolls.size() == 3);
    for (const auto& e : enrolls) CHECK(e["action"] == "enroll");
    const std::string today = shanghai_date(now_ms() / 1000);
    CHECK(cli_json(admin, {"audit", "--since", today, "--until", today, "--actor", me.user_id, "--json"}).size() >= 2);

    auto table = must(admin, {"audit", "--action", "enroll"});
    CHECK(contains(table.out, today));
    CHECK(contains(table.out, "enroll"));
    CHECK(contains(table.out, "device/" + me.device_id));
    CHECK(contains(table.out, d.accounts["volunteer"].name));  // a name from the replica

    const std::vector<std::vector<std::string>> misuse{{"audit", "--outcom", "refused"}, {"audit", "--outcome", "maybe"},
                                                       {"audit", "--since", "2025-13-01"}, {"audit", "--limit", "0"},
                                                       {"audit", "--actor"},                {"audit", "refused"}};
    for (const auto& args : misuse) {
        auto r = run(admin, args);
        INFO(describe(args, r));
        CHECK(r.rc == 2);
        CHECK(contains(r.err, "Usage: ducha --profile DIR audit"));
    }
    auto denied = run(d.profiles["volunteer"], {"audit"});
    CHECK(denied.rc == 1);
    CHECK(contains(denied.err, "only admins and supervisors"));
    auto sup = run(d.profiles["supervisor"], {"audit", "--json"});
    CHECK(sup.rc == 0);
}

TEST_CASE("an export made on a desk reaches the audit log with the next sync, in its maker's name only", "[audit]") {
    Desk d;
    const auto coord = d.profiles["coordinator"];
    must(coord, {"sync"});
    auto csv = d.tmp / "cases.csv";
    must(coord, {"export", "cases", "--out", csv.string()});
    must(coord, {"sync"});
    const auto me = identity_of(coord);
    auto log = d.audit("admin", "action=export.cases");
    CHECK(count_where(log["entries"], {{"action", "export.cases"}, {"actor", me.user_id}, {"device", me.device_id},
                                       {"outcome", "accepted"}}) == 1);
}

TEST_CASE("the audit log refuses UPDATE and DELETE", "[audit]") {
    TestServer srv{false};
    auto db = test::server_db(srv.data_dir());
    REQUIRE(db);
    server::AuditEntry e;
    e.at_ms = now_ms();
    e.actor = "someone";
    e.action = "test";
    e.outcome = "refused";
    REQUIRE(server::append_audit(*db, e).has_value());
    auto count = [&db] {
        store::Statement st{*db, "SELECT COUNT(*) FROM audit_log"};
        auto row = st.step();
        REQUIRE(row.has_value());
        return st.col_int(0);
    };
    const auto before = count();
    REQUIRE(before >= 1);
    auto upd = db->exec("UPDATE audit_log SET outcome='accepted'");
    REQUIRE_FALSE(upd.has_value());
    CHECK(contains(upd.error().message(), "append-only"));
    auto del = db->exec("DELETE FROM audit_log");
    REQUIRE_FALSE(del.has_value());
    CHECK(contains(del.error().message(), "append-only"));
    CHECK(count() == before);
    server::AuditQuery q;
    q.actor = "someone";
    auto rows = server::query_audit(*db, q);
    REQUIRE(rows.has_value());
    REQUIRE(rows->size() == 1);
    CHECK((*rows)[0].outcome == "refused");
}
