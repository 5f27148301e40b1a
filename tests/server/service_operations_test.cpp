// Running the server as a service: readiness, the JSON request log with request ids, a renewed
// certificate read again without dropping connections (in-process and through SIGHUP to the real
// binary), the settings file, and the nightly backup rotation. Real servers on 127.0.0.1.
#include <catch2/catch.hpp>

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/backup/backup_rotation.h"
#include "server/process/server_process.h"
#include "shared/crypto/certificate.h"
#include "shared/sync/curl_transport.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// What the server's request log wrote, as it wrote it.
struct RecordedLog {
    std::mutex m;
    std::vector<std::string> lines;
    std::function<void(std::string_view)> sink() {
        return [this](std::string_view l) {
            std::lock_guard lk(m);
            lines.emplace_back(l);
        };
    }
    std::vector<json> entries() {
        std::lock_guard lk(m);
        std::vector<json> out;
        for (const auto& l : lines) out.push_back(json::parse(l));
        return out;
    }
    json with_id(const std::string& id) {
        for (auto& e : entries())
            if (e.value("request_id", "") == id) return e;
        return {};
    }
};

sync::CurlTransport transport(const std::string& url, const std::string& pin) {
    return sync::CurlTransport{sync::TransportConfig{.base_url = url, .pin = pin}};
}

std::uint64_t metric(sync::CurlTransport& t, const std::string& name) {
    auto r = t.request("GET", "/metrics", "");
    REQUIRE(r);
    const std::string& body = r->body;
    const auto at = body.find("\n" + name + " ");
    REQUIRE(at != std::string::npos);
    return std::stoull(body.substr(at + name.size() + 2));
}

struct CertPair {
    fs::path cert, key;
    std::string pin;
};

CertPair make_pair(const fs::path& dir, const std::string& name) {
    fs::create_directories(dir);
    CertPair p{dir / (name + "-cert.pem"), dir / (name + "-key.pem"), {}};
    REQUIRE(crypto::write_self_signed_certificate(p.key, p.cert, "localhost"));
    auto pin = crypto::public_key_pin_of_certificate(p.cert);
    REQUIRE(pin);
    p.pin = *pin;
    return p;
}

void install_pair(const CertPair& from, const fs::path& cert, const fs::path& key) {
    fs::copy_file(from.cert, cert, fs::copy_options::overwrite_existing);
    fs::copy_file(from.key, key, fs::copy_options::overwrite_existing);
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace

TEST_CASE("readiness and the JSON request log with request ids", "[service]") {
    RecordedLog log;
    TestServerOptions opt;
    opt.demo = false;
    opt.adjust = [&log](server::ServeOptions& o) { o.request_log = log.sink(); };
    TestServer s(opt);
    auto t = transport(s.url(), s.pin());

    // Ready: the caller's request id comes back and names the log line.
    auto ready = t.request("GET", "/readyz", "", {{"X-Request-Id", "ops-check-1"}});
    REQUIRE(ready);
    CHECK(ready->status == 200);
    CHECK(json::parse(ready->body)["status"] == "ready");
    CHECK(ready->header("x-request-id") == "ops-check-1");
    json line = log.with_id("ops-check-1");
    REQUIRE(line.is_object());
    CHECK(line["event"] == "request");
    CHECK(line["method"] == "GET");
    CHECK(line["path"] == "/readyz");
    CHECK(line["status"] == 200);
    CHECK(line["ts"].get<std::string>().size() == 24);  // 2026-11-30T03:15:00.123Z
    CHECK(line.contains("ms"));
    CHECK(line["remote"].get<std::string>().rfind("127.0.0.1:", 0) == 0);

    // An id that is not a plain token is not echoed (it could carry a line break into logs): a new one.
    auto odd = t.request("GET", "/healthz", "", {{"X-Request-Id", "a b;c"}});
    REQUIRE(odd);
    const std::string given = odd->header("x-request-id");
    CHECK(given.size() == 16);
    CHECK(given != "a b;c");
    CHECK(log.with_id(given)["path"] == "/healthz");

    // A refusal's line carries its error code, as the reply's Ducha-Error header says it.
    auto refused = t.request("POST", "/v1/sync", "x", {{"X-Request-Id", "no-token-1"}});
    REQUIRE(refused);
    CHECK(refused->status == 401);
    CHECK(!refused->header("ducha-error").empty());
    CHECK(log.with_id("no-token-1")["error"] == refused->header("ducha-error"));

    // A badge token in a path is not written to the log.
    auto badge = t.request("GET", "/v1/public/badge/SECRET-BADGE-TOKEN-123", "", {{"X-Request-Id", "badge-1"}});
    REQUIRE(badge);
    CHECK(log.with_id("badge-1")["path"] == "/v1/public/badge/…");
    for (const auto& l : log.entries()) CHECK(l.dump().find("SECRET-BADGE-TOKEN") == std::string::npos);

    // Draining (a stop under way): not ready, and says why; /healthz says the same.
    s.app().context().draining = true;
    auto draining = t.request("GET", "/readyz", "");
    s.app().context().draining = false;
    REQUIRE(draining);
    CHECK(draining->status == 503);
    json body = json::parse(draining->body);
    CHECK(body["status"] == "not_ready");
    CHECK(body["problems"] == json::array({"draining"}));
}

TEST_CASE("a renewed certificate is read again without dropping open connections", "[service]") {
    TempDir certs;
    const CertPair a = make_pair(certs.path / "a", "a"), b = make_pair(certs.path / "b", "b");
    const fs::path cert = certs.path / "cert.pem", key = certs.path / "key.pem";
    install_pair(a, cert, key);
    TestServerOptions opt;
    opt.demo = false;
    opt.adjust = [&](server::ServeOptions& o) {
        o.cert_pem = cert;
        o.key_pem = key;
    };
    TestServer s(opt);
    REQUIRE(s.pin() == a.pin);
    auto open = transport(s.url(), a.pin);  // keeps its connection between requests
    const auto connections = metric(open, "ducha_http_connections_total");

    install_pair(b, cert, key);
    auto reloaded = s.app().reload_tls();
    REQUIRE(reloaded);
    CHECK(*reloaded == b.pin);
    CHECK(s.pin() == b.pin);

    // The open connection goes on (no new connection was made for this request) ...
    CHECK(metric(open, "ducha_http_connections_total") == connections);
    // ... while a new one gets the new key: pinned to the old it is refused, to the new it works.
    auto old_pin = transport(s.url(), a.pin);
    auto refused = old_pin.request("GET", "/healthz", "");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Errc::integrity);
    auto new_pin = transport(s.url(), b.pin);
    auto ok = new_pin.request("GET", "/healthz", "");
    REQUIRE(ok);
    CHECK(ok->status == 200);

    // A broken file (a half-copied renewal) is refused and the pair before it keeps serving.
    { std::ofstream(cert, std::ios::trunc) << "-----BEGIN CERTIFICATE-----\nnot a certificate\n"; }
    auto broken = s.app().reload_tls();
    REQUIRE_FALSE(broken);
    CHECK(s.pin() == b.pin);
    auto still = transport(s.url(), b.pin);
    auto served = still.request("GET", "/healthz", "");
    REQUIRE(served);
    CHECK(served->status == 200);
}

TEST_CASE("the real binary: a settings file, SIGHUP and a misspelt setting", "[service]") {
    TempDir dir;
    const fs::path data = dir.path / "data";
    init_data_dir(data, false);
    const CertPair a = make_pair(dir.path / "a", "a"), b = make_pair(dir.path / "b", "b");
    const fs::path cert = dir.path / "cert.pem", key = dir.path / "key.pem";
    install_pair(a, cert, key);
    const fs::path conf = dir.path / "ducha-server.conf";
    {
        std::ofstream(conf) << "# as deploy/ducha-server.conf\n"
                            << "cert = " << cert.string() << "\n"
                            << "key = " << key.string() << "\n"
                            << "request-log = yes\n";
        // The suite on PostgreSQL: the records' URL comes from the settings file too.
        if (auto url = suite_database_of(data); !url.empty()) std::ofstream(conf, std::ios::app) << "database = " << url << "\n";
    }
    process::ServerProcess p;
    process::ServerLaunch launch;
    launch.bin = DUCHA_SERVER_BIN;
    launch.data_dir = data;
    launch.log = dir.path / "server.log";
    launch.extra_args = {"--config", conf.string()};
    REQUIRE(p.start(launch));
    CHECK(p.pin() == a.pin);  // the certificate came from the settings file

    install_pair(b, cert, key);
    REQUIRE(::kill(p.pid(), SIGHUP) == 0);
    // The server records the reload in its log; wait for that line (it stays there).
    std::string reload_line;
    for (int i = 0; i < 300 && reload_line.empty(); ++i) {
        const std::string text = read_text(launch.log);
        if (auto at = text.find("\"event\":\"tls_reload\""); at != std::string::npos) {
            const auto start = text.rfind('\n', at) + 1;
            reload_line = text.substr(start, text.find('\n', at) - start);
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    REQUIRE_FALSE(reload_line.empty());
    json reload = json::parse(reload_line);
    CHECK(reload["ok"] == true);
    CHECK(reload["pin"] == b.pin);
    CHECK(reload["pin_changed_from"] == a.pin);
    auto t = transport(p.url(), b.pin);
    auto r = t.request("GET", "/readyz", "");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(p.stop() == 0);

    // A misspelt name in the file: usage error (exit 2) naming file and line, nothing served.
    const fs::path bad = dir.path / "bad.conf";
    { std::ofstream(bad) << "data = " << data.string() << "\nlsiten = 0.0.0.0:443\n"; }
    const fs::path out = dir.path / "bad.log";
    auto rc = process::run_program({DUCHA_SERVER_BIN, "serve", "--config", bad.string()}, out);
    REQUIRE(rc);
    CHECK(*rc == 2);
    CHECK(read_text(out).find(bad.string() + ":2: there is no setting 'lsiten'") != std::string::npos);
}

TEST_CASE("nightly backups: dated names, the oldest removed beyond --keep, other files left alone", "[service][backup][sqlite]") {
    TempDir dir;
    const fs::path data = dir.path / "data", backups = dir.path / "backups";
    init_data_dir(data, false);
    fs::create_directories(backups);
    // Three older nightly files and one the operator put there.
    for (const char* name : {"ducha-20261101T023000Z.backup", "ducha-20261102T023000Z.backup",
                             "ducha-20261103T023000Z.backup", "keep-me.backup"})
        std::ofstream(backups / name) << "old";
    CHECK(server::dated_backup_path(backups, 1796005800).filename() == "ducha-20261130T023000Z.backup");

    const fs::path out = dir.path / "backup.log";
    auto rc = process::run_program({DUCHA_SERVER_BIN, "backup", "--data", data.string(), "--to-dir", backups.string(),
                                    "--keep", "2"},
                                   out);
    REQUIRE(rc);
    INFO(read_text(out));
    CHECK(*rc == 0);
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(backups)) left.push_back(e.path().filename().string());
    std::sort(left.begin(), left.end());
    REQUIRE(left.size() == 3);
    CHECK(left[0] == "ducha-20261103T023000Z.backup");
    CHECK(left[1].rfind("ducha-2", 0) == 0);  // tonight's
    CHECK(left[1] > left[0]);
    CHECK(left[2] == "keep-me.backup");
    CHECK(read_text(out).find("removed old backup") != std::string::npos);

    // Bad combinations are usage errors.
    CHECK(*process::run_program({DUCHA_SERVER_BIN, "backup", "--data", data.string(), "--to-dir", backups.string(),
                                 "--keep", "0"},
                                out) == 2);
    CHECK(*process::run_program({DUCHA_SERVER_BIN, "backup", "--data", data.string(), "--to", (dir.path / "x").string(),
                                 "--keep", "3"},
                                out) == 2);
    CHECK(*process::run_program({DUCHA_SERVER_BIN, "backup", "--data", data.string()}, out) == 2);
    auto pruned = server::prune_backups(backups, 0);
    CHECK_FALSE(pruned);
}
