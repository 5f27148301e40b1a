// The public badge check (GET /v1/public/badge/{token}[?device=ID]) against a real server on 127.0.0.1 with
// libcurl, and the enrollment link of `ducha-server enrollment-code --server-url`, run as the real
// binary beside a real `ducha-server serve`.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "server/service/mutation_applier.h"
#include "server/service/server_app.h"
#include "server/service/writer.h"
#include "server/storage/record_table.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/store/statement.h"
#include "shared/sync/curl_transport.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDay = 24 * 3600;

// Anshan's demo data, plus users written straight into the database before `serve` starts:
// badges that are expired, switched off, never given a date, or held by an admin.
struct BadgeServer {
    test::TempDir dir;
    std::vector<test::DemoAccount> accounts;
    std::map<std::string, pb::User> extra;  // label -> the user record written
    std::unique_ptr<server::ServerApp> app;

    BadgeServer() {
        test::init_data_dir(dir.path, true);
        accounts = test::read_codes(dir.path);
        const std::int64_t now = std::time(nullptr);
        const auto& vol = account("volunteer");
        const std::string district_id = user(vol.user_id).district_id();
        auto make = [&](const std::string& label, const std::string& name, const std::string& role, bool active,
                        std::int64_t valid_until) {
            pb::User u;
            u.set_name(name);
            u.set_role(role);
            u.set_district_id(role == "admin" ? "" : district_id);
            u.set_phone("13900001111");
            u.set_school("鞍山市第一中学");
            u.set_active(active);
            u.set_badge_token(crypto::random_token(16));
            u.set_badge_valid_until(valid_until);
            extra[label] = u;
        };
        make("expired", "过期的人", "volunteer", true, now - kDay);
        make("inactive", "<停用>&\"人\"", "volunteer", false, now + 30 * kDay);
        make("undated", "无日期", "volunteer", true, 0);  // as `ducha admin user add` makes them
        make("admin", "管理员甲", "admin", true, now + 30 * kDay);

        auto db = test::server_db(dir.path);
        REQUIRE(db);
        auto seq = server::RecordTable{*db}.max_seq();
        REQUIRE(seq.has_value());
        auto key = server::load_server_key(dir.path);
        REQUIRE(key.has_value());
        {
            server::Writer w{std::move(db), *key, *seq, server::Writer::Config{}};
            auto r = w.run_sync([&](server::WriteBatch& b) -> Status {
                server::RecordTable table{b.db};
                server::MutationApplier ap{b, table};
                for (const auto& [label, u] : extra)
                    if (auto x = ap.write(domain::kUser, crypto::new_uuid(), 1, u.SerializeAsString(), false); !x)
                        return fail(x.error());
                return {};
            });
            REQUIRE(r.has_value());
        }
        server::ServeOptions o;
        o.data_dir = dir.path;
        o.database_url = test::suite_database_of(dir.path);
        o.listen = "127.0.0.1:0";
        auto a = server::ServerApp::start(o);
        REQUIRE(a.has_value());
        app = std::move(*a);
    }

    const test::DemoAccount& account(const std::string& role) const {
        for (const auto& a : accounts)
            if (a.role == role) return a;
        throw std::runtime_error("no demo account " + role);
    }

    pb::User user(const std::string& id) const {
        return test::server_user(dir.path, id);
    }

    sync::HttpReply get(const std::string& path, const std::map<std::string, std::string>& headers = {}) const {
        sync::CurlTransport http{sync::TransportConfig{.base_url = app->url(), .pin = app->pin()}};
        auto r = http.request("GET", path, "", headers);
        REQUIRE(r.has_value());
        return *r;
    }
};

json parse_json(const sync::HttpReply& r) {
    INFO("HTTP " << r.status << " " << r.header("content-type") << ": " << r.body);
    CHECK(test::contains(r.header("content-type"), "application/json"));
    auto j = json::parse(r.body, nullptr, false);
    REQUIRE(j.is_object());
    return j;
}

std::set<std::string> keys_of(const json& j) {
    std::set<std::string> out;
    for (const auto& [k, v] : j.items()) out.insert(k);
    return out;
}


struct Run {
    int rc = -1;
    std::string out;
};

// The real ducha-server binary with these arguments (stdout and stderr together).
Run run_server_bin(const std::vector<std::string>& args) {
    std::string cmd = std::string("'") + DUCHA_SERVER_BIN + "'";
    for (const auto& a : test::with_suite_database(args)) {
        REQUIRE(a.find('\'') == std::string::npos);
        cmd += " '" + a + "'";
    }
    cmd += " 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    Run r;
    char buf[512];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
    int st = ::pclose(p);
    r.rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

// The value after "PREFIX" on its own line of `out`, if there is such a line.
std::optional<std::string> line_value(const std::string& out, const std::string& prefix) {
    std::size_t p = 0;
    while (p < out.size()) {
        std::size_t e = out.find('\n', p);
        if (e == std::string::npos) e = out.size();
        std::string line = out.substr(p, e - p);
        if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
        p = e + 1;
    }
    return std::nullopt;
}

std::string percent_decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

// ducha://enroll?k=v&k=v -> {k: decoded v}
std::map<std::string, std::string> link_params(const std::string& link) {
    const std::string prefix = "ducha://enroll?";
    REQUIRE(link.rfind(prefix, 0) == 0);
    std::map<std::string, std::string> out;
    std::string q = link.substr(prefix.size());
    std::size_t p = 0;
    while (p <= q.size()) {
        std::size_t amp = q.find('&', p);
        if (amp == std::string::npos) amp = q.size();
        std::string pair = q.substr(p, amp - p);
        auto eq = pair.find('=');
        REQUIRE(eq != std::string::npos);
        // Every reserved character is escaped: a value never holds a raw '/', ':', '+' or '='.
        CHECK(pair.substr(eq + 1).find_first_of("/:+=?&") == std::string::npos);
        out[pair.substr(0, eq)] = percent_decode(pair.substr(eq + 1));
        p = amp + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("a demo volunteer's badge is valid and shows name, role and district only", "[badge]") {
    BadgeServer srv;
    const auto& acc = srv.account("volunteer");
    const auto u = srv.user(acc.user_id);
    REQUIRE_FALSE(u.badge_token().empty());
    REQUIRE_FALSE(u.phone().empty());

    const std::int64_t before = std::time(nullptr);
    auto r = srv.get("/v1/public/badge/" + u.badge_token());  // no Authorization header
    const std::int64_t after = std::time(nullptr);
    CHECK(r.status == 200);
    auto j = parse_json(r);
    CHECK(j["valid"] == true);
    CHECK(j["status"] == "valid");
    CHECK(j["name"] == acc.name);
    CHECK(j["role"] == "volunteer");
    CHECK(j["district"] == acc.district);
    CHECK(j["valid_until"] == u.badge_valid_until());
    CHECK(j["checked_at"].get<std::int64_t>() >= before);
    CHECK(j["checked_at"].get<std::int64_t>() <= after);
    CHECK(keys_of(j) == std::set<std::string>{"valid", "status", "name", "role", "district", "valid_until",
                                              "checked_at", "message_zh", "message_en"});
    // Nothing personal beyond name, role and district.
    CHECK_FALSE(test::contains(r.body, u.phone()));
    CHECK_FALSE(test::contains(r.body, acc.user_id));
    if (!u.school().empty()) CHECK_FALSE(test::contains(r.body, u.school()));
    CHECK(r.header("cache-control") == "no-store");
}

TEST_CASE("expired, switched-off, undated and admin badges are not valid", "[badge]") {
    BadgeServer srv;
    const std::string district = srv.account("volunteer").district;
    auto check = [&](const std::string& label, const std::string& status) {
        const auto& u = srv.extra.at(label);
        auto r = srv.get("/v1/public/badge/" + u.badge_token());
        INFO(label);
        CHECK(r.status == 200);
        auto j = parse_json(r);
        CHECK(j["valid"] == false);
        CHECK(j["status"] == status);
        CHECK(j["name"] == u.name());
        CHECK(j["role"] == u.role());
        CHECK(j["valid_until"] == u.badge_valid_until());
        CHECK_FALSE(j["message_zh"].get<std::string>().empty());
        CHECK_FALSE(j["message_en"].get<std::string>().empty());
        CHECK_FALSE(test::contains(r.body, u.phone()));
        CHECK_FALSE(test::contains(r.body, u.school()));
        return j;
    };
    CHECK(check("expired", "expired")["district"] == district);
    check("inactive", "inactive");
    check("undated", "expired");
    CHECK(check("admin", "inactive")["district"] == "");
}

TEST_CASE("an unknown badge token gets 404 and a malformed one 400", "[badge]") {
    BadgeServer srv;
    auto r = srv.get("/v1/public/badge/" + crypto::random_token(16));
    CHECK(r.status == 404);
    auto j = parse_json(r);
    CHECK(keys_of(j) == std::set<std::string>{"valid", "status", "message_zh", "message_en"});
    CHECK(j["valid"] == false);
    CHECK(j["status"] == "unknown");

    for (const std::string& bad : std::vector<std::string>{"", "bad.token", "a+b", "a%2Fb", "tok~en", "a/b", std::string(129, 'A')}) {
        auto e = srv.get("/v1/public/badge/" + bad);
        INFO("token '" << bad << "'");
        CHECK(e.status == 400);
        auto ej = parse_json(e);
        CHECK(ej["error"] == "invalid_argument");
        CHECK_FALSE(ej["message"].get<std::string>().empty());
    }
    // The longest well-formed token is looked up, not refused.
    CHECK(srv.get("/v1/public/badge/" + std::string(128, 'A')).status == 404);

    sync::CurlTransport http{sync::TransportConfig{.base_url = srv.app->url(), .pin = srv.app->pin()}};
    auto post = http.request("POST", "/v1/public/badge/" + crypto::random_token(16), "x");
    REQUIRE(post.has_value());
    CHECK(post->status == 405);
}

TEST_CASE("the badge page for a browser shows 有效 or 无效 with name, district and date", "[badge]") {
    BadgeServer srv;
    const auto& acc = srv.account("volunteer");
    const auto u = srv.user(acc.user_id);
    const std::string path = "/v1/public/badge/" + u.badge_token();

    for (auto r : {srv.get(path, {{"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"}}),
                   srv.get(path + "?format=html")}) {
        INFO(r.body);
        CHECK(r.status == 200);
        CHECK(r.header("content-type") == "text/html; charset=utf-8");
        CHECK(test::contains(r.body, "<meta charset=\"utf-8\">"));
        CHECK(test::contains(r.body, "name=\"viewport\""));
        CHECK(test::contains(r.body, "有效 / VALID"));
        CHECK_FALSE(test::contains(r.body, "NOT VALID"));
        CHECK(test::contains(r.body, acc.name));
        CHECK(test::contains(r.body, acc.district));
        CHECK(test::contains(r.body, test::china_date(u.badge_valid_until())));
        CHECK_FALSE(test::contains(r.body, u.phone()));
        CHECK_FALSE(test::contains(r.body, "<script"));
        CHECK_FALSE(test::contains(r.body, "http"));  // self-contained: no outside resource
    }
    // format=json wins over Accept.
    CHECK(test::contains(srv.get(path + "?format=json", {{"Accept", "text/html"}}).header("content-type"),
                         "application/json"));

    auto expired = srv.get("/v1/public/badge/" + srv.extra.at("expired").badge_token() + "?format=html");
    CHECK(expired.status == 200);
    CHECK(test::contains(expired.body, "无效 / NOT VALID"));
    CHECK_FALSE(test::contains(expired.body, "有效 / VALID"));
    CHECK(test::contains(expired.body, "过期的人"));

    // Names are escaped, never markup.
    auto inactive = srv.get("/v1/public/badge/" + srv.extra.at("inactive").badge_token(), {{"Accept", "text/html"}});
    CHECK(test::contains(inactive.body, "无效 / NOT VALID"));
    CHECK(test::contains(inactive.body, "&lt;停用&gt;&amp;&quot;人&quot;"));
    CHECK_FALSE(test::contains(inactive.body, "<停用>"));

    auto unknown = srv.get("/v1/public/badge/" + crypto::random_token(16), {{"Accept", "text/html"}});
    CHECK(unknown.status == 404);
    CHECK(test::contains(unknown.header("content-type"), "text/html"));
    CHECK(test::contains(unknown.body, "无效 / NOT VALID"));
}

TEST_CASE("enrollment-code --server-url prints a link with the code and the pin the server printed", "[badge][enroll]") {
    test::TempDir dir;
    test::init_data_dir(dir.path, false);
    std::string admin_id;
    {
        auto db = test::server_db(dir.path);
        REQUIRE(db);
        store::Statement st{*db, "SELECT id FROM record WHERE collection='user'"};
        auto row = st.step();
        REQUIRE(row.has_value());
        REQUIRE(*row);
        admin_id = st.col_text(0);
    }
    // No certificate yet (serve never ran): refused before any code is issued.
    auto early = run_server_bin({"enrollment-code", "--data", dir.path.string(), "--user", admin_id, "--server-url",
                                 "https://127.0.0.1:8443"});
    INFO(early.out);
    CHECK(early.rc == 1);
    CHECK_FALSE(line_value(early.out, "enrollment code: ").has_value());

    auto srv = test::spawn_server(dir.path);
    const std::string url = srv->url();
    REQUIRE(url.rfind("https://127.0.0.1:", 0) == 0);

    auto r = run_server_bin({"enrollment-code", "--data", dir.path.string(), "--user", admin_id, "--server-url", url + "/"});
    INFO(r.out);
    REQUIRE(r.rc == 0);
    auto code = line_value(r.out, "enrollment code: ");
    auto link = line_value(r.out, "enrollment link: ");
    REQUIRE(code.has_value());
    REQUIRE(link.has_value());
    auto params = link_params(*link);
    CHECK(params.size() == 3);
    CHECK(params["server"] == url);  // the trailing slash is dropped
    CHECK(params["code"] == *code);
    CHECK(params["pin"] == srv->pin());
    CHECK(srv->pin().rfind("sha256//", 0) == 0);

    // What the link carries is enough to enroll.
    test::TempDir dev;
    test::must(dev.path / "admin", {"enroll", "--server", params["server"], "--code", params["code"], "--pin", params["pin"]});

    // Without --server-url: the code only, as before.
    auto plain = run_server_bin({"enrollment-code", "--data", dir.path.string(), "--user", admin_id});
    CHECK(plain.rc == 0);
    CHECK(line_value(plain.out, "enrollment code: ").has_value());
    CHECK_FALSE(line_value(plain.out, "enrollment link: ").has_value());

    // Devices only speak HTTPS.
    auto http = run_server_bin({"enrollment-code", "--data", dir.path.string(), "--user", admin_id, "--server-url",
                                "http://127.0.0.1:8443"});
    CHECK(http.rc == 2);
    CHECK_FALSE(line_value(http.out, "enrollment link: ").has_value());

    // A CA-issued certificate (--trust-ca): the link carries no pin; the device checks the chain and
    // the host name instead, so this self-signed server is refused, said as an untrusted
    // certificate (not as a network to retry), and the code is not spent.
    auto ca = run_server_bin({"enrollment-code", "--data", dir.path.string(), "--user", admin_id, "--server-url", url,
                              "--trust-ca"});
    REQUIRE(ca.rc == 0);
    auto ca_link = line_value(ca.out, "enrollment link: ");
    REQUIRE(ca_link.has_value());
    auto ca_params = link_params(*ca_link);
    CHECK(ca_params.size() == 2);
    CHECK_FALSE(ca_params.count("pin"));
    auto untrusted = test::run(dev.path / "ca", {"enroll", "--link", *ca_link});
    CHECK(untrusted.rc != 0);
    CHECK(test::contains(untrusted.err, "the server's certificate is not trusted"));
    // The same code still enrolls once the device is given the pin.
    test::must(dev.path / "ca", {"enroll", "--server", url, "--code", ca_params["code"], "--pin", srv->pin()});
    CHECK(run_server_bin({"enrollment-code", "--data", dir.path.string(), "--user", admin_id, "--trust-ca"}).rc == 2);
    CHECK(run_server_bin({"enrollment-code", "--data", dir.path.string(), "--user", admin_id, "--server-url", url,
                          "--trust-ca", "--cert", (dir.path / "tls" / "cert.pem").string()})
              .rc == 2);
}

namespace {

// Demo data on a TestServer, with enrolled CLI profiles: an admin, a volunteer (whose phone shows
// the badge) and that volunteer's district coordinator, all synced.
struct BadgePhones {
    test::TestServer srv;
    test::TempDir tmp;
    fs::path admin = tmp / "admin", volunteer = tmp / "volunteer", coordinator = tmp / "coordinator";
    test::DemoAccount vol;

    BadgePhones() {
        vol = srv.account("volunteer");
        test::must(admin, {"enroll", "--server", srv.url(), "--code", srv.account("admin").code, "--pin", srv.pin()});
        test::must(volunteer, {"enroll", "--server", srv.url(), "--code", vol.code, "--pin", srv.pin()});
        test::must(coordinator, {"enroll", "--server", srv.url(), "--code",
                                 srv.account("coordinator", 0, vol.district).code, "--pin", srv.pin()});
        for (const auto& p : {volunteer, coordinator, admin}) test::must(p, {"sync"});
    }

    pb::User server_user(const std::string& id) {
        return test::server_user(srv.data_dir(), id);
    }

    sync::HttpReply get(const std::string& path, const std::map<std::string, std::string>& headers = {}) {
        sync::CurlTransport http{sync::TransportConfig{.base_url = srv.url(), .pin = srv.pin()}};
        auto r = http.request("GET", path, "", headers);
        REQUIRE(r.has_value());
        return *r;
    }
};

}  // namespace

TEST_CASE("a badge shown on a phone reported lost says device_revoked, and its old token no longer matches", "[badge][revoke]") {
    BadgePhones p;
    const std::string phone = test::identity_of(p.volunteer).device_id;
    const std::string other_phone = test::identity_of(p.coordinator).device_id;
    const std::string old_token = p.server_user(p.vol.user_id).badge_token();
    const std::string shown = "/v1/public/badge/" + old_token + "?device=" + phone;

    // Before: the badge on the phone is valid; naming a phone that is not revoked changes nothing.
    auto ok = p.get(shown);
    CHECK(ok.status == 200);
    CHECK(parse_json(ok)["status"] == "valid");
    CHECK(parse_json(p.get("/v1/public/badge/" + old_token + "?device=" + crypto::new_uuid()))["status"] == "valid");

    test::must(p.admin, {"admin", "device", "revoke", phone});
    test::must(p.admin, {"sync"});

    // The QR on the lost phone: device_revoked, with the owner's name, role and district.
    auto lost = p.get(shown);
    CHECK(lost.status == 200);
    auto j = parse_json(lost);
    CHECK(j["valid"] == false);
    CHECK(j["status"] == "device_revoked");
    CHECK(j["name"] == p.vol.name);
    CHECK(j["role"] == "volunteer");
    CHECK(j["district"] == p.vol.district);
    CHECK(j["message_zh"] == "此手机已挂失停用，其上显示的证件无效");
    CHECK(j["message_en"] == "This phone was reported lost and revoked: a badge shown on it is not valid");
    // Whatever token it shows, and in the page for a browser too.
    const std::string new_token = p.server_user(p.vol.user_id).badge_token();
    REQUIRE(new_token != old_token);
    CHECK(parse_json(p.get("/v1/public/badge/" + new_token + "?device=" + phone))["status"] == "device_revoked");
    CHECK(parse_json(p.get("/v1/public/badge/" + crypto::random_token(16) + "?device=" + phone))["status"] ==
          "device_revoked");
    auto page = p.get(shown + "&format=html");
    CHECK(page.status == 200);
    CHECK(test::contains(page.body, "无效 / NOT VALID"));
    CHECK(test::contains(page.body, "此手机已挂失停用，其上显示的证件无效"));
    CHECK(test::contains(page.body, "This phone was reported lost and revoked"));
    CHECK(test::contains(page.body, p.vol.name));

    // The old token copied off the phone matches nobody; the new one, shown on another phone, is valid.
    auto copied = p.get("/v1/public/badge/" + old_token);
    CHECK(copied.status == 404);
    CHECK(parse_json(copied)["status"] == "unknown");
    CHECK(parse_json(p.get("/v1/public/badge/" + new_token))["status"] == "valid");
    CHECK(parse_json(p.get("/v1/public/badge/" + new_token + "?device=" + other_phone))["status"] == "valid");
}

TEST_CASE("a malformed device in the badge link gets 400", "[badge][revoke]") {
    BadgeServer srv;
    const std::string token = srv.user(srv.account("volunteer").user_id).badge_token();
    for (const std::string& query : std::vector<std::string>{"device=", "device", "device=a.b", "device=a%2Fb", "device=a_b",
                                                             "device=" + std::string(65, 'a'),
                                                             "device=abc&device=def"}) {
        auto e = srv.get("/v1/public/badge/" + token + "?" + query);
        INFO("query '" << query << "'");
        CHECK(e.status == 400);
        auto ej = parse_json(e);
        CHECK(ej["error"] == "invalid_argument");
        CHECK(test::contains(ej["message"].get<std::string>(), "device"));
    }
    // The longest well-formed device id is looked up (no such phone: the token decides).
    CHECK(parse_json(srv.get("/v1/public/badge/" + token + "?device=" + std::string(64, 'a')))["status"] == "valid");
    CHECK(parse_json(srv.get("/v1/public/badge/" + token + "?format=json&device=" + crypto::new_uuid()))["status"] == "valid");
}

TEST_CASE("a volunteer a coordinator deactivated is no longer authorised by the badge check", "[badge]") {
    BadgePhones p;
    const std::string token = p.server_user(p.vol.user_id).badge_token();
    CHECK(parse_json(p.get("/v1/public/badge/" + token))["status"] == "valid");

    // Queued on the coordinator's device; nothing changes at the server until it syncs.
    test::must(p.coordinator, {"admin", "user", "deactivate", p.vol.user_id});
    CHECK(parse_json(p.get("/v1/public/badge/" + token))["status"] == "valid");
    test::must(p.coordinator, {"sync"});

    auto r = p.get("/v1/public/badge/" + token);
    CHECK(r.status == 200);
    auto j = parse_json(r);
    CHECK(j["valid"] == false);
    CHECK(j["status"] == "inactive");
    CHECK(j["name"] == p.vol.name);
    CHECK(test::contains(p.get("/v1/public/badge/" + token + "?format=html").body, "无效 / NOT VALID"));
    // The volunteer's phone is refused too.
    CHECK(test::run(p.volunteer, {"sync", "--retries", "1"}).rc != 0);
}
