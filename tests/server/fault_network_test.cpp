// A broken network between the devices and the server: 20 volunteers' devices sync 2,000 reports
// with a photo each through a proxy that drops connections, delays requests, cuts answers short,
// resets connections after the server got the request and stalls past the devices' timeout. The
// server must hold every report once, every photo intact, and every replica must converge.
// The proxy's seed is printed; DUCHA_FAULTNET_SEED=N replays the same choices per connection.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "server/service/server_app.h"
#include "shared/common/bytes.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/store/statement.h"
#include "support/cli_steps.h"
#include "support/fault_proxy.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr int kDevices = 20;
constexpr int kReportsPerDevice = 100;
constexpr int kRounds = 10;              // each device records a tenth of its reports, then syncs
constexpr int kMaxPasses = 100;          // sync passes a device may need per round before the test gives up
constexpr int kWorkers = 4;              // devices working at once
const std::string kTimeoutSeconds = "3";  // the devices' transport timeout (`sync --timeout`)

// Runs job(0..n-1) on `workers` threads. The jobs must not use Catch's macros (not thread-safe):
// they return what went wrong as text, checked afterwards on this thread.
std::vector<std::string> run_parallel(int n, int workers, const std::function<std::string(int)>& job) {
    std::vector<std::string> problems(static_cast<std::size_t>(n));
    std::atomic<int> next{0};
    std::vector<std::thread> pool;
    for (int w = 0; w < workers; ++w)
        pool.emplace_back([&] {
            for (int i = next++; i < n; i = next++) problems[static_cast<std::size_t>(i)] = job(i);
        });
    for (auto& t : pool) t.join();
    return problems;
}

CliResult on(const fs::path& profile, std::vector<std::string> args) {
    args.insert(args.begin(), {"--profile", profile.string()});
    return cli(args);
}

std::string sha_hex(const std::string& bytes) { return hex_encode(crypto::sha256(bytes)); }

std::uint16_t port_of(const std::string& url) { return static_cast<std::uint16_t>(std::stoi(url.substr(url.rfind(':') + 1))); }

std::uint64_t chosen_seed() {
    if (const char* s = std::getenv("DUCHA_FAULTNET_SEED")) return std::stoull(s);
    return std::random_device{}();
}

// What one device did: the reports it recorded and the photos they carry.
struct DeviceWork {
    fs::path profile;
    std::string device_id;
    std::vector<std::string> open_tasks;  // open when recording began
    std::vector<std::string> report_ids;
    std::map<std::string, std::int64_t> photo_sizes;  // sha256 hex → size
    int passes = 0;
};

std::string find_open_tasks(DeviceWork& d) {
    auto tasks = on(d.profile, {"tasks", "--json"});
    auto list = json::parse(tasks.out, nullptr, false);
    if (tasks.rc != 0 || !list.is_array()) return "tasks: " + describe({"tasks"}, tasks);
    for (const auto& t : list)
        if (t["status"] == "open" && !t["covert"].get<bool>()) d.open_tasks.push_back(t["id"]);
    return d.open_tasks.empty() ? d.profile.filename().string() + " has no open task" : std::string{};
}

// Reports [from, to) of a device, with a photo of its own bytes each: first on the volunteer's open
// tasks, then amendments (更正) of its first report, since a demo volunteer has two to four tasks.
std::string record_reports(DeviceWork& d, const fs::path& scratch, int device, int from, int to) {
    const std::string answers = (scratch / ("answers-" + std::to_string(device) + ".json")).string();
    json all_pass = json::object();
    for (const auto& c : kItems) all_pass[c] = "pass";
    write_file(answers, all_pass.dump());
    const auto& open = d.open_tasks;
    for (int n = from; n < to; ++n) {
        const auto photo = scratch / ("photo-" + std::to_string(device) + "-" + std::to_string(n) + ".jpg");
        const std::string bytes = crypto::random_bytes(2048 + static_cast<std::size_t>(device * kReportsPerDevice + n));
        write_file(photo, bytes);
        std::vector<std::string> args{"inspect", "--answers", answers, "--photo", photo.string()};
        if (static_cast<std::size_t>(n) < open.size()) {
            args.insert(args.end(), {"--task", open[static_cast<std::size_t>(n)]});
        } else {
            args.insert(args.end(), {"--amends", d.report_ids.front()});
        }
        auto r = on(d.profile, args);
        if (r.rc != 0) return describe(args, r);
        d.report_ids.push_back(trim(r.out));
        d.photo_sizes[sha_hex(bytes)] = static_cast<std::int64_t>(bytes.size());
        fs::remove(photo);
    }
    return {};
}

// Sync passes (one attempt each, short timeouts) until one ends complete.
std::string sync_until_complete(DeviceWork& d) {
    std::string last;
    for (int pass = 1; pass <= kMaxPasses; ++pass) {
        ++d.passes;
        auto r = on(d.profile, {"sync", "--retries", "1", "--timeout", kTimeoutSeconds});
        if (r.rc == 0) return {};
        if (r.rc != 1 && r.rc != 4) return "a sync stopped for good: " + describe({"sync"}, r);
        last = describe({"sync"}, r);
    }
    return d.profile.filename().string() + " did not converge in " + std::to_string(kMaxPasses) + " passes; last: " + last;
}

// How many times the server's audit log says each report was written and accepted.
std::map<std::string, int> accepted_writes(const fs::path& data_dir) {
    auto db = test::server_db(data_dir);
    REQUIRE(db);
    store::Statement st{*db, "SELECT record_id, COUNT(*) FROM audit_log WHERE action='write' AND collection='report' "
                             "AND outcome='accepted' GROUP BY record_id"};
    std::map<std::string, int> out;
    for (;;) {
        auto row = st.step();
        REQUIRE(row);
        if (!*row) break;
        out[st.col_text(0)] = static_cast<int>(st.col_int(1));
    }
    return out;
}

// The live records of a collection on the server: id → version.
std::map<std::string, std::int64_t> server_records(const fs::path& data_dir, const std::string& collection) {
    auto db = test::server_db(data_dir);
    REQUIRE(db);
    store::Statement st{*db, "SELECT id, version FROM record WHERE collection=?1 AND deleted=0"};
    st.bind(1, collection);
    std::map<std::string, std::int64_t> out;
    for (;;) {
        auto row = st.step();
        REQUIRE(row);
        if (!*row) break;
        out[st.col_text(0)] = st.col_int(1);
    }
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

TEST_CASE("a broken network: 20 devices sync 2000 reports with photos, each stored once, every replica converges",
          "[faultnet]") {
    const auto started = std::chrono::steady_clock::now();
    TestServer srv;
    TempDir tmp;
    FaultProxyOptions po;
    po.upstream_port = port_of(srv.url());
    po.seed = chosen_seed();
    po.odds.drop = 0.1;
    po.odds.delay = 0.1;
    po.odds.truncate = 0.04;
    po.odds.reset_after_request = 0.04;
    po.odds.stall = 0.005;
    po.stall_for = std::chrono::seconds(std::stoi(kTimeoutSeconds) + 3);
    FaultProxy proxy{po};
    std::cerr << "faultnet: proxy seed " << proxy.seed() << " (DUCHA_FAULTNET_SEED=" << proxy.seed()
              << " replays its choices)\n";
    INFO("proxy seed " << proxy.seed());

    // Every device enrolls and takes its first sync through the proxy while it is still clean: the
    // profile keeps the proxy's address, and the pin of the server's key holds through it.
    std::vector<const DemoAccount*> vols;
    for (const auto& a : srv.accounts())
        if (a.role == "volunteer" && vols.size() < static_cast<std::size_t>(kDevices)) vols.push_back(&a);
    REQUIRE(vols.size() == static_cast<std::size_t>(kDevices));
    const DemoAccount& sup = srv.account("supervisor");
    std::vector<DeviceWork> devs(kDevices);
    for (int i = 0; i < kDevices; ++i) devs[static_cast<std::size_t>(i)].profile = tmp / ("vol" + std::to_string(i));
    const fs::path sup_prof = tmp / "supervisor";
    auto enroll_problems = run_parallel(kDevices + 1, kWorkers, [&](int i) -> std::string {
        const bool is_sup = i == kDevices;
        const fs::path prof = is_sup ? sup_prof : devs[static_cast<std::size_t>(i)].profile;
        const std::string code = is_sup ? sup.code : vols[static_cast<std::size_t>(i)]->code;
        std::vector<std::string> args{"enroll", "--server", proxy.url(), "--code", code, "--pin", srv.pin(), "--name", "faultnet"};
        auto e = on(prof, args);
        if (e.rc != 0) return describe(args, e);
        if (is_sup) return {};
        auto s = on(prof, {"sync"});
        return s.rc == 0 ? std::string{} : describe({"sync"}, s);
    });
    for (const auto& p : enroll_problems) CHECK(p == std::string{});
    REQUIRE(proxy.count(NetFault::none) > 0);  // they really went through the proxy

    // The network breaks. Each device records its 100 reports in ten rounds and after each round
    // syncs until nothing waits, while the supervisor pulls alongside; then the supervisor pulls
    // what is left.
    const auto reports_before = server_records(srv.data_dir(), "report").size();
    proxy.set_faults(true);
    const auto working = std::chrono::steady_clock::now();
    std::atomic<bool> volunteers_done{false};
    DeviceWork sup_work;
    sup_work.profile = sup_prof;
    std::thread supervisor([&] {
        while (!volunteers_done) {
            (void)on(sup_prof, {"sync", "--retries", "1", "--timeout", kTimeoutSeconds});  // checked at the end
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    });
    auto work_problems = run_parallel(kDevices, kWorkers, [&](int i) {
        auto& d = devs[static_cast<std::size_t>(i)];
        if (auto p = find_open_tasks(d); !p.empty()) return p;
        for (int round = 0; round < kRounds; ++round) {
            const int per_round = kReportsPerDevice / kRounds;
            if (auto p = record_reports(d, tmp.path, i, round * per_round, (round + 1) * per_round); !p.empty()) return p;
            if (auto p = sync_until_complete(d); !p.empty()) return p;
        }
        return std::string{};
    });
    volunteers_done = true;
    supervisor.join();
    for (const auto& p : work_problems) CHECK(p == std::string{});
    auto final_pull = sync_until_complete(sup_work);
    CHECK(final_pull == std::string{});
    const double work_s = seconds_since(working);
    std::set<std::string> mine;
    std::map<std::string, std::int64_t> photos;
    int passes = 0;
    for (const auto& d : devs) {
        REQUIRE(d.report_ids.size() == static_cast<std::size_t>(kReportsPerDevice));
        mine.insert(d.report_ids.begin(), d.report_ids.end());
        photos.insert(d.photo_sizes.begin(), d.photo_sizes.end());
        passes += d.passes;
    }
    REQUIRE(mine.size() == static_cast<std::size_t>(kDevices * kReportsPerDevice));
    REQUIRE(photos.size() == mine.size());
    // Changes the server had applied while their answer was lost, sent again and answered DUPLICATE.
    const auto duplicates = srv.app().context().counters.mutations_duplicate.load();
    std::cerr << "faultnet: recorded and synced in " << work_s << " s, " << passes << " volunteer passes, "
              << duplicates << " changes answered as duplicates\nfaultnet: " << proxy.summary() << "\n";
    INFO(proxy.summary());

    // Every kind of fault happened (else this run proved nothing about it).
    for (auto f : {NetFault::drop, NetFault::delay, NetFault::truncate, NetFault::reset_after_request, NetFault::stall}) {
        INFO(net_fault_name(f));
        CHECK(proxy.count(f) > 0);
    }
    // Some pushes were applied by the server while their answer was lost, and sent again: the
    // exactly-once path (invariant 2) was exercised, not just the happy one.
    CHECK(duplicates > 0u);

    // The server holds every report once: each a first version, each accepted exactly once, with
    // its receipt and one evidence record, and nothing else was added.
    const auto reports = server_records(srv.data_dir(), "report");
    CHECK(reports.size() == reports_before + mine.size());
    const auto accepted = accepted_writes(srv.data_dir());
    const auto receipts = server_records(srv.data_dir(), "receipt");
    int missing = 0, not_once = 0, not_v1 = 0, no_receipt = 0;
    for (const auto& id : mine) {
        auto r = reports.find(id);
        if (r == reports.end()) {
            ++missing;
            continue;
        }
        if (r->second != 1) ++not_v1;
        if (auto a = accepted.find(id); a == accepted.end() || a->second != 1) ++not_once;
        if (!receipts.count(id)) ++no_receipt;
    }
    CHECK(missing == 0);
    CHECK(not_once == 0);
    CHECK(not_v1 == 0);
    CHECK(no_receipt == 0);

    // Every photo is stored whole under its SHA-256, and no upload is left half done.
    int absent = 0, corrupt = 0;
    for (const auto& [hex, size] : photos) {
        const auto file = srv.data_dir() / "blobs" / hex.substr(0, 2) / hex;
        if (!fs::exists(file)) {
            ++absent;
            continue;
        }
        const std::string bytes = read_file(file);
        if (static_cast<std::int64_t>(bytes.size()) != size || sha_hex(bytes) != hex) ++corrupt;
    }
    CHECK(absent == 0);
    CHECK(corrupt == 0);
    CHECK(fs::is_empty(srv.data_dir() / "blobs" / "partial"));

    // Every volunteer's device: nothing waits, each of its reports carries its receipt, verify passes.
    const auto device_checks = run_parallel(kDevices, kWorkers, [&](int i) -> std::string {
        auto& d = devs[static_cast<std::size_t>(i)];
        const std::string who = d.profile.filename().string() + ": ";
        auto status = json::parse(on(d.profile, {"status", "--json"}).out, nullptr, false);
        if (!status.is_array() || status.empty()) return who + "status unreadable";
        const json& st = status.at(0);
        devs[static_cast<std::size_t>(i)].device_id = st.value("id", "");
        if ( st.value("outbox_pending", -1) != 0 || st.value("photos_pending", -1) != 0)
            return who + "status " + st.dump();
        auto outbox = json::parse(on(d.profile, {"outbox", "--json"}).out, nullptr, false);
        if (!outbox.is_array() || !outbox.empty()) return who + "outbox " + outbox.dump();
        auto held = json::parse(on(d.profile, {"reports", "--json"}).out, nullptr, false);
        if (!held.is_array()) return who + "reports unreadable";
        std::set<std::string> received;
        for (const auto& r : held)
            if (r["status"] == "received" && !r["receipt"].is_null() && r["photos_pending"] == 0) received.insert(r["id"]);
        for (const auto& id : d.report_ids)
            if (!received.count(id)) return who + "report " + id + " not received with its receipt";
        auto v = on(d.profile, {"verify"});
        if (v.rc != 0) return who + describe({"verify"}, v);
        return {};
    });
    for (const auto& p : device_checks) CHECK(p == std::string{});

    // The supervisor's replica holds all of them, and its replica verifies.
    std::set<std::string> seen;
    for (const auto& r : cli_json(sup_prof, {"reports", "--json"}))
        if (!r["receipt"].is_null()) seen.insert(r["id"].get<std::string>());
    int unseen = 0;
    for (const auto& id : mine) unseen += seen.count(id) ? 0 : 1;
    CHECK(unseen == 0);
    must(sup_prof, {"verify"});

    // The server's view of each device, as the supervisor holds it: nothing waits there either.
    std::map<std::string, json> seen_devices;
    for (const auto& d : cli_json(sup_prof, {"devices", "--json"})) seen_devices[d["id"].get<std::string>()] = d;
    for (const auto& d : devs) {
        INFO(d.profile.filename().string() << " " << d.device_id);
        auto it = seen_devices.find(d.device_id);
        REQUIRE(it != seen_devices.end());
        CHECK(it->second["outbox_depth"] == 0);
        CHECK(it->second["photos_pending"] == 0);
    }
    std::cerr << "faultnet: whole test " << seconds_since(started) << " s\n";
}
