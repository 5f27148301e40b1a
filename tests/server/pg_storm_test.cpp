// One of two `ducha-server` instances behind HAProxy is killed with SIGKILL in the middle of a sync
// storm: 20 volunteers' devices record reports with a photo each and sync through the proxy, their
// failed syncs retried (the outbox keeps what was not acknowledged) and sent by HAProxy to the
// survivor; then the killed instance comes back. The server must hold every report once, every
// outbox must empty and every replica converge (docs/OPERATIONS.md, "Several instances").
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "server/process/server_process.h"
#include "shared/crypto/random.h"
#include "shared/store/statement.h"
#include "shared/sync/curl_transport.h"
#include "support/cli_steps.h"
#include "support/run_program.h"
#include "support/suite_database.h"
#include "support/test_server.h"
#include "support/throwaway_haproxy.h"
#include "support/throwaway_postgres.h"

using namespace ducha;
using namespace ducha::test;
using nlohmann::json;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr int kDevices = 20;
constexpr int kReportsPerDevice = 5;
constexpr int kWorkers = 6;               // devices working at once
constexpr int kMaxPasses = 40;            // sync passes one report may need before the test gives up
constexpr int kAckedBeforeKill = 30;      // reports acknowledged when one instance is killed
constexpr int kAckedBeforeRestart = 70;   // ... and when it is started again
const std::string kTimeoutSeconds = "10";  // the devices' transport timeout (`sync --timeout`)
constexpr auto kGiveUpAfter = std::chrono::seconds(150);  // the devices stop retrying after this

std::chrono::steady_clock::time_point g_give_up_at = std::chrono::steady_clock::now() + kGiveUpAfter;

std::string quoted(const std::string& s) { return "'" + s + "'"; }
std::string host_port(const std::string& url) { return url.substr(url.find("://") + 3); }

// `ducha-server serve --database URL` as a child process, on `listen` (port 0: one of its own).
// The per-address sign-in limit is out of reach: every device comes from HAProxy's address.
std::unique_ptr<process::ServerProcess> serve_process(const fs::path& dir, const std::string& url, const std::string& name,
                                                      const std::string& listen = "127.0.0.1:0") {
    auto sp = std::make_unique<process::ServerProcess>();
    process::ServerLaunch launch;
    launch.bin = DUCHA_SERVER_BIN;
    launch.data_dir = dir;
    launch.listen = listen;
    launch.log = dir.parent_path() / (name + ".log");
    // No per-address limit in the server: behind HAProxy it would see only the proxy (docs/OPERATIONS.md).
    launch.extra_args = {"--database", url, "--max-sign-ins-per-minute", "0"};
    launch.ready_timeout = std::chrono::seconds(60);
    if (auto s = sp->start(launch); !s) throw std::runtime_error(name + " did not start: " + s.error().message());
    return sp;
}

// A counter of an instance's /metrics, asked of the instance itself (not through the proxy); -1
// when it cannot be read (checked by the caller: this runs while the storm's threads do).
std::int64_t metric_of(const process::ServerProcess& instance, const std::string& name) {
    sync::TransportConfig tc;
    tc.base_url = instance.url();
    tc.pin = instance.pin();
    sync::CurlTransport http{tc};
    auto r = http.request("GET", "/metrics", "");
    if (!r || r->status != 200) return -1;
    const auto at = r->body.find("\n" + name + " ");
    if (at == std::string::npos) return -1;
    return std::stoll(r->body.substr(at + name.size() + 2));
}

CliResult on(const fs::path& profile, std::vector<std::string> args) {
    args.insert(args.begin(), {"--profile", profile.string()});
    return cli(args);
}

// Runs job(0..n-1) on `workers` threads. The jobs must not use Catch's macros (not thread-safe):
// they return what went wrong as text, checked afterwards on the test's thread.
std::vector<std::string> run_parallel(int n, int workers, const std::function<std::string(int)>& job) {
    std::vector<std::string> problems(static_cast<std::size_t>(n));
    std::atomic<int> next{0};
    std::vector<std::thread> pool;
    for (int w = 0; w < workers; ++w)
        pool.emplace_back([&] {
            for (int i = next++; i < n; i = next++) {
                try {
                    problems[static_cast<std::size_t>(i)] = job(i);
                } catch (const std::exception& e) {
                    problems[static_cast<std::size_t>(i)] = e.what();
                }
            }
        });
    for (auto& t : pool) t.join();
    return problems;
}

// Reports acknowledged so far, and the test's thread waiting for a number of them.
class AckCounter {
public:
    void add(int n) {
        {
            std::lock_guard lk(m_mu);
            m_acked += n;
        }
        m_cv.notify_all();
    }
    void finish() {
        {
            std::lock_guard lk(m_mu);
            m_finished = true;
        }
        m_cv.notify_all();
    }
    // Waits until `n` reports are acknowledged or the devices finished; answers the count then.
    int wait_for(int n, std::chrono::seconds limit) {
        std::unique_lock lk(m_mu);
        m_cv.wait_for(lk, limit, [&] { return m_acked >= n || m_finished; });
        return m_acked;
    }

private:
    std::mutex m_mu;
    std::condition_variable m_cv;
    int m_acked = 0;
    bool m_finished = false;
};

struct DeviceWork {
    fs::path profile;
    std::vector<std::string> open_tasks;
    std::vector<std::string> report_ids;
    int failed_syncs = 0;
};

// Records report `n` with a photo of its own: on an open task while there is one, else as an
// amendment (更正) of the device's first report (a demo volunteer has two to four tasks).
std::string record_report(DeviceWork& d, const fs::path& answers, const fs::path& scratch, int device, int n) {
    const auto photo = scratch / ("photo-" + std::to_string(device) + "-" + std::to_string(n) + ".jpg");
    write_file(photo, crypto::random_bytes(4096 + static_cast<std::size_t>(device * kReportsPerDevice + n)));
    std::vector<std::string> args{"inspect", "--answers", answers.string(), "--photo", photo.string()};
    if (static_cast<std::size_t>(n) < d.open_tasks.size())
        args.insert(args.end(), {"--task", d.open_tasks[static_cast<std::size_t>(n)]});
    else
        args.insert(args.end(), {"--amends", d.report_ids.front()});
    auto r = on(d.profile, args);
    if (r.rc != 0) return describe(args, r);
    d.report_ids.push_back(trim(r.out));
    fs::remove(photo);
    return {};
}

// Sync passes (one attempt each) until one ends complete; a failed one is tried again.
std::string sync_until_complete(DeviceWork& d) {
    std::string last;
    for (int pass = 1; pass <= kMaxPasses && std::chrono::steady_clock::now() < g_give_up_at; ++pass) {
        auto r = on(d.profile, {"sync", "--retries", "1", "--timeout", kTimeoutSeconds});
        if (r.rc == 0) return {};
        if (r.rc != 1 && r.rc != 4) return "a sync stopped for good: " + describe({"sync"}, r);
        ++d.failed_syncs;
        last = describe({"sync"}, r);
        std::this_thread::sleep_for(200ms);  // the proxy's check marks a killed instance down within seconds
    }
    return d.profile.filename().string() + " did not converge in " + std::to_string(kMaxPasses) + " passes or before the test's deadline; last: " + last;
}

// Rows of a query whose first column is text and second an integer.
std::map<std::string, std::int64_t> text_to_count(const fs::path& data_dir, const std::string& sql) {
    auto db = server_db(data_dir);
    REQUIRE(db);
    store::Statement st{*db, sql};
    std::map<std::string, std::int64_t> out;
    for (;;) {
        auto row = st.step();
        REQUIRE(row);
        if (!*row) break;
        out[st.col_text(0)] = st.col_int(1);
    }
    return out;
}

}  // namespace

TEST_CASE("an instance killed with SIGKILL during a 20-device sync storm through HAProxy - every report once - every replica converges",
          "[pg][storm]") {
    const auto started = std::chrono::steady_clock::now();
    g_give_up_at = started + kGiveUpAfter;
    const std::string url = fresh_database_url("storm");
    TempDir tmp;
    const fs::path dir = tmp.path / "data";
    init_data_dir(dir, true, url);
    // Two real processes on the one directory and database, started from this thread (a child is
    // told to stop when the thread that started it ends), HAProxy with the deployment's file in front.
    auto one = serve_process(dir, url, "instance1");
    auto two = serve_process(dir, url, "instance2");
    REQUIRE(one->pin() == two->pin());
    const std::string one_listen = host_port(one->url());
    ThrowawayHaproxy proxy{tmp.path / "haproxy", fs::path(DUCHA_SOURCE_DIR) / "deploy" / "haproxy" / "ducha.cfg",
                           {one_listen, host_port(two->url())}};

    const std::vector<DemoAccount> accounts = read_codes(dir);  // vols point into it
    std::vector<const DemoAccount*> vols;
    for (const auto& a : accounts)
        if (a.role == "volunteer" && vols.size() < static_cast<std::size_t>(kDevices)) vols.push_back(&a);
    REQUIRE(vols.size() == static_cast<std::size_t>(kDevices));
    const auto reports_before = text_to_count(dir, "SELECT id, version FROM record WHERE collection='report'");

    // Every device enrolls through the proxy and pulls its tasks.
    std::vector<DeviceWork> devs(kDevices);
    const fs::path answers = write_answers(tmp.path);
    auto enroll_problems = run_parallel(kDevices, kWorkers, [&](int i) -> std::string {
        auto& d = devs[static_cast<std::size_t>(i)];
        d.profile = tmp.path / ("vol" + std::to_string(i));
        std::vector<std::string> args{"enroll", "--server", proxy.url(), "--code", vols[static_cast<std::size_t>(i)]->code,
                                      "--pin", one->pin(), "--name", "storm"};
        if (auto e = on(d.profile, args); e.rc != 0) return describe(args, e);
        if (auto p = sync_until_complete(d); !p.empty()) return p;
        auto tasks = json::parse(on(d.profile, {"tasks", "--json"}).out, nullptr, false);
        if (!tasks.is_array()) return "tasks unreadable";
        for (const auto& t : tasks)
            if (t["status"] == "open" && !t["covert"].get<bool>()) d.open_tasks.push_back(t["id"]);
        return d.open_tasks.empty() ? d.profile.filename().string() + " has no open task" : std::string{};
    });
    for (const auto& p : enroll_problems) REQUIRE(p == std::string{});

    // The storm, on threads of its own: each device records a report and syncs until it is
    // acknowledged, five times; the acknowledged reports are counted for this thread.
    AckCounter acked;
    std::vector<std::string> work_problems;
    std::thread storm([&] {
        work_problems = run_parallel(kDevices, kWorkers, [&](int i) -> std::string {
            auto& d = devs[static_cast<std::size_t>(i)];
            for (int n = 0; n < kReportsPerDevice; ++n) {
                if (auto p = record_report(d, answers, tmp.path, i, n); !p.empty()) return p;
                if (auto p = sync_until_complete(d); !p.empty()) return p;
                acked.add(1);
            }
            return std::string{};
        });
        acked.finish();
    });
    struct JoinOnExit {
        std::thread& t;
        ~JoinOnExit() {
            if (t.joinable()) t.join();
        }
    } join_storm{storm};

    // Part-way, instance 1 dies on the spot, whatever it was writing or answering.
    const int at_kill = acked.wait_for(kAckedBeforeKill, 120s);
    const std::int64_t survivor_syncs_before = metric_of(*two, "ducha_sync_requests_total");
    one->kill9();
    std::cerr << "storm: instance 1 killed after " << at_kill << " acknowledged reports\n";
    // Later it comes back on its address, where the proxy's check finds it again.
    const int at_restart = acked.wait_for(kAckedBeforeRestart, 120s);
    one = serve_process(dir, url, "instance1-again", one_listen);
    std::cerr << "storm: instance 1 started again after " << at_restart << " acknowledged reports\n";
    storm.join();
    for (const auto& p : work_problems) CHECK(p == std::string{});
    CHECK(at_kill >= kAckedBeforeKill);
    CHECK(at_kill < kDevices * kReportsPerDevice);  // the kill fell inside the storm
    // The survivor carried the storm on.
    CHECK(survivor_syncs_before >= 0);
    CHECK(metric_of(*two, "ducha_sync_requests_total") > survivor_syncs_before);
    int failed = 0;
    for (const auto& d : devs) failed += d.failed_syncs;
    std::cerr << "storm: " << failed << " sync passes failed and were retried; whole storm "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";

    // Every report once: one record at version 1, one accepted write in the audit log.
    std::set<std::string> mine;
    for (const auto& d : devs) {
        REQUIRE(d.report_ids.size() == static_cast<std::size_t>(kReportsPerDevice));
        mine.insert(d.report_ids.begin(), d.report_ids.end());
    }
    REQUIRE(mine.size() == static_cast<std::size_t>(kDevices * kReportsPerDevice));
    const auto rows = text_to_count(dir, "SELECT id, COUNT(*) FROM record WHERE collection='report' GROUP BY id");
    const auto versions = text_to_count(dir, "SELECT id, version FROM record WHERE collection='report' AND deleted=0");
    const auto accepted = text_to_count(dir, "SELECT record_id, COUNT(*) FROM audit_log WHERE action='write' "
                                             "AND collection='report' AND outcome='accepted' GROUP BY record_id");
    const auto receipts = text_to_count(dir, "SELECT id, version FROM record WHERE collection='receipt' AND deleted=0");
    CHECK(rows.size() == reports_before.size() + mine.size());
    int missing = 0, not_once = 0, not_v1 = 0, not_accepted_once = 0, no_receipt = 0;
    for (const auto& id : mine) {
        auto r = rows.find(id);
        if (r == rows.end()) {
            ++missing;
            continue;
        }
        if (r->second != 1) ++not_once;
        if (auto v = versions.find(id); v == versions.end() || v->second != 1) ++not_v1;
        if (auto a = accepted.find(id); a == accepted.end() || a->second != 1) ++not_accepted_once;
        if (!receipts.count(id)) ++no_receipt;
    }
    CHECK(missing == 0);
    CHECK(not_once == 0);
    CHECK(not_v1 == 0);
    CHECK(not_accepted_once == 0);
    CHECK(no_receipt == 0);

    // Every device: one more sync through the proxy completes with nothing to push, the outbox is
    // empty, each of its reports carries its receipt, every report it holds is the server's, and
    // its replica verifies.
    const auto device_checks = run_parallel(kDevices, kWorkers, [&](int i) -> std::string {
        auto& d = devs[static_cast<std::size_t>(i)];
        const std::string who = d.profile.filename().string() + ": ";
        if (auto p = sync_until_complete(d); !p.empty()) return who + p;
        auto outbox = json::parse(on(d.profile, {"outbox", "--json"}).out, nullptr, false);
        if (!outbox.is_array() || !outbox.empty()) return who + "outbox " + outbox.dump();
        auto held = json::parse(on(d.profile, {"reports", "--json"}).out, nullptr, false);
        if (!held.is_array()) return who + "reports unreadable";
        std::set<std::string> received;
        for (const auto& r : held) {
            const std::string id = r["id"];
            if (!versions.count(id)) return who + "holds report " + id + " the server does not";
            if (r["status"] == "received" && !r["receipt"].is_null() && r["photos_pending"] == 0) received.insert(id);
        }
        for (const auto& id : d.report_ids)
            if (!received.count(id)) return who + "report " + id + " not received with its receipt";
        if (auto v = on(d.profile, {"verify"}); v.rc != 0) return who + describe({"verify"}, v);
        return {};
    });
    for (const auto& p : device_checks) CHECK(p == std::string{});

    // The server's own check of its records and evidence files passes.
    auto [rc, out] = run_server_binary("verify --data " + quoted(dir.string()) + " --database " + quoted(url));
    INFO(out);
    CHECK(rc == 0);
    CHECK(contains(out, "all valid"));
    std::cerr << "storm: whole test " << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
              << " s\n";
}
