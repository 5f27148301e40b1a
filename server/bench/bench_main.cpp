// ducha-bench: load generator for the sync server. `ingest` measures the whole write path —
// enrollment, TLS, POST /v1/sync, signature checks, group commit, receipts — with N devices.
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "server/bench/app_load.h"
#include "server/bench/app_start.h"
#include "server/bench/idle.h"
#include "server/bench/ingest.h"
#include "server/bench/verify.h"
#include "server/bench/photos.h"
#include "server/bench/pull.h"
#include "server/process/server_process.h"
#include "shared/cli/cli_args.h"
#include "shared/common/command_line.h"
#include "shared/common/message_catalogue.h"
#include "shared/store/database_url.h"

#ifndef DUCHA_SERVER_BIN
#define DUCHA_SERVER_BIN "ducha-server"
#endif

using namespace ducha;
using namespace ducha::bench;
using process::file_tail;
using process::run_program;
using process::ServerProcess;
namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage = R"(ducha-bench — load generator for the 双减督查 sync server

Usage:
  ducha-bench app-start [--app PATH] [--runs R] [--server-bin PATH] [--keep]
  ducha-bench app-load [--records N] [--outbox M] [--runs R] [--app PATH] [--server-bin PATH] [--keep]
  ducha-bench verify [--rounds R] [--per-round N]
  ducha-bench ingest --devices N --reports M [--batch B] [--runs R] [--no-fsync]
                     [--io-threads N] [--workers N] [--server-bin PATH] [--keep]
                     [--database postgresql://... [--instances K]]
  ducha-bench ingest --devices N --reports M [--batch B] [--runs R]
                     --server URL --pin PIN --codes CSV
  ducha-bench photos [--devices N] [--photos P] [--photo-bytes S] [--runs R]
                     [--io-threads N] [--workers N] [--server-bin PATH] [--keep]
  ducha-bench photos ... --server URL --pin PIN --codes CSV
  ducha-bench pull [--records N] [--fill-devices F] [--fill-batch B] [--volunteers V] [--alone A]
                   [--changes C] [--samples S] [--runs R] [--no-fsync] [--server-bin PATH] [--keep]
  ducha-bench idle [--connections C] [--syncs S] [--runs R] [--opening K]
                   [--io-threads N] [--workers N] [--server-bin PATH] [--keep]

ingest: N devices (one thread each) enroll with demo volunteers' one-time codes, pull their
tasks, then each pushes M signed reports (~1 KB each) on its own tasks in batches of B per
POST /v1/sync over HTTPS. Reports are recorded and signed before the clock starts; the clock
runs from the first push to the last acknowledgement. Every run makes new reports (each
device's report chain continues). Prints one line per run, then
    ingest: R reports/s, p50 X ms, p99 Y ms
with the median throughput, p50 and p99 request latency over the runs.

photos: N devices (default 32, one thread each) enroll, record reports with P photos each
(default 20) of S random bytes (default 204800: no two alike, as real JPEGs), push the reports,
then, with the clock running, upload every photo as `ducha sync` does (HEAD/PUT /v1/blobs/SHA256
in resumable chunks); the server acknowledges a photo only after checking its SHA-256 and
fsyncing the file and its directory. After the clock every photo is checked as stored whole (and
one per device read back). Prints one line per run, then
    photos: X MB/s, p50 Y ms, p99 Z ms
with the median over the runs (default 5) of MB/s (10^6 bytes) and of each run's p50 and p99
upload time of one photo.
pull: every demo volunteer enrolls a device; F of them (default 50) push signed reports in
batches of B (default 2000) until the store's change feed holds N records (default 1000000;
each report adds itself and its receipt). Timed, each R times (default 5):
  first pull: a fresh device (new connection, cursor 0) pulls its volunteer's scope page by page;
    A devices (default 20) one at a time, then V (default 258) all at once; once on the demo
    store, once on the full store for the volunteers who pushed nothing;
  delta pull: a coordinator of the reporting volunteers' district, kept up to date on one
    kept-alive connection, pulls a page of C new changes (default 100), S times per run
    (default 20), each after the volunteer pushed C reports (untimed).
The server's time per request is its `Server-Timing: app;dur=MS` answer header (the request
log's "ms"). Prints one line per run, then
    pull: delta C changes p50 S ms server, E ms end to end (p99 S99 / E99 ms); first pull p50 F ms
    alone, K at once in W ms (p50 X ms, p99 Y ms)
(on one line) with the medians over the runs.
idle: opens C TLS keep-alive connections to a self-started server (default 5000; K at a time,
default 64), each completing its handshake and one GET /healthz and then left idle, while one
enrolled device syncs beside them: S passes (default 200) per run, each pushing one signed report
and pulling. Prints the server's RSS (VmRSS of /proc/PID/status) before and with the connections
open, the syncs alone and per run, then
    idle: C connections, server RSS X MB, sync p50 Y ms, p99 Z ms
with the highest RSS seen while they were open and the median p50 and p99 over the runs. It raises
its own open-file limit to C + 256 (the hard limit must allow it; the server raises its own).

verify: Ed25519 verifications per second on one thread, the server's own verify (libsodium) beside
OpenSSL's EVP verify, in R alternating rounds (default 20) of N each (default 500), then
    verify: libsodium X/s, OpenSSL Y/s, ratio R

app-start: cold start of ducha-app, offscreen, with a demo volunteer's synced profile and no
network: R runs (default 11) of `ducha-app --measure-startup`, each printing the time from process
start to the first frame and to an interactive task list, then
    app-start: first frame p50 X ms (min, max), interactive p50 Y ms, T tasks
--app defaults to ducha-app in the build tree next to this program (BUILD/mobile/ducha-app).

app-load: ducha-app, offscreen, opening a big profile: a demo volunteer's synced profile filled
through the core's store to N records (default 50000) with M signed reports waiting in the outbox
(default 5000), then R runs (default 11) of `ducha-app --measure-startup`, each printing how long
after the start of the load (the profile database being opened) the Today list had its rows and
the sync banner its counts, then
    app-load: task list p50 X ms, banner p50 Y ms (...)

Without --server, it starts its own server on a temporary data directory:
    ducha-server init --data DIR --demo [--database URL]
    ducha-server serve --data DIR --listen 127.0.0.1:0 [--database URL] [--no-fsync] ...
(K of them on the same DIR and database with --instances K) and stops them (SIGTERM) and
removes the directory at the end.

Options:
  --devices N      concurrent devices (default 50; photos: 32)
  --reports M      reports per device and run (default 200)
  --photos P       photos: photos per device and run (default 20, four to a report)
  --photo-bytes S  photos: the size of each photo (default 204800)
  --batch B        reports per sync request (default 100; the server takes up to 2000)
  --runs R         repetitions (default 3; photos: 5)
  --report-bytes S target size of one serialized report (default 1024)
  --no-fsync       self-started server only: commit without fsync (not durable)
  --io-threads N, --workers N
                   self-started server only: passed to `ducha-server serve`
  --database URL   self-started server only: keep the records in this PostgreSQL database
                   (empty; e.g. the one `deploy/pg-throwaway.sh start DIR` prints) instead of
                   SQLite in the data directory; the server CPU figure leaves PostgreSQL's own
                   processes out
  --instances K    with --database: start K servers on the same data directory and database;
                   device i talks to instance i mod K (default 1)
  --server-bin PATH
                   self-started server only: the ducha-server to run (default: the one built
                   with this benchmark), e.g. to compare two builds
  --server URL     benchmark a running server (https://HOST:PORT) instead
  --pin PIN        its key pin (sha256//...), as `ducha-server serve` prints it
  --codes CSV      its enrollment codes (user_id,role,name,district,code); rows with role
                   volunteer are used, one per device; used or expired codes are skipped
  --no-verify      do not check the receipts (their check is never timed)
  --keep           keep the temporary directory (server data, logs, device profiles)
  --help           this text

Progress goes to stderr, results to stdout. Exit status 0 when every report was applied and
every receipt verified.
)";

using cli::Args;

int usage_error(const std::string& msg) {
    std::cerr << "ducha-bench: " << msg << "\n\n" << kUsage;
    return 2;
}

// What must be undone however the benchmark ends: the server child and the temporary directory.
struct Cleanup {
    std::mutex mu;
    std::vector<ServerProcess*> servers;
    fs::path tmp;
    bool keep = false;
    bool done = false;

    void run() {
        std::lock_guard lk(mu);
        if (done) return;
        done = true;
        for (ServerProcess* server : servers) {
            if (!server->running()) continue;
            std::cerr << "stopping ducha-server...\n";
            int code = server->stop();
            if (code != 0) std::cerr << "ducha-bench: ducha-server exited with status " << code << "\n";
        }
        if (!tmp.empty()) {
            if (keep) {
                std::cerr << "kept " << tmp.string() << "\n";
            } else {
                std::error_code ec;
                fs::remove_all(tmp, ec);
            }
        }
    }
};

Cleanup g_cleanup;

int positive(const Args& a, std::string_view flag, int def) {
    auto s = a.get(flag);
    if (!s) return def;
    std::size_t used = 0;
    int v = std::stoi(*s, &used);
    if (used != s->size() || v <= 0) throw std::invalid_argument(std::string(flag) + " needs a positive integer");
    return v;
}

// Blocks the stop signals before any thread starts; one thread waits for them and cleans up.
void clean_up_on_stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    signal(SIGPIPE, SIG_IGN);
    std::thread([set] {
        int sig = 0;
        sigwait(&set, &sig);
        std::cerr << "\nducha-bench: interrupted\n";
        g_cleanup.run();
        _exit(128 + sig);
    }).detach();
}

// A new temporary directory for the run (removed at the end unless --keep); nullopt when it
// cannot be made, said on stderr.
std::optional<fs::path> make_temporary_directory(bool keep) {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = (fs::path(base && *base ? base : "/tmp") / "ducha-bench-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) {
        std::cerr << "ducha-bench: cannot create a temporary directory: " << std::strerror(errno) << "\n";
        return std::nullopt;
    }
    {
        std::lock_guard lk(g_cleanup.mu);
        g_cleanup.tmp = tmpl;
        g_cleanup.keep = keep;
    }
    return fs::path(tmpl);
}

// Initialises a demo data directory and starts ducha-server on it (`servers.size()` instances),
// filling in where `o` finds them. Returns how the run's header line describes the server;
// nullopt when it could not start (said on stderr, cleaned up).
std::optional<std::string> start_own_server(const Args& a, const std::string& server_bin, const fs::path& tmp,
                                            std::vector<std::unique_ptr<ServerProcess>>& servers, IngestOptions& o,
                                            const std::vector<std::string>& more_args = {}) {
    fs::path data = tmp / "data";
    const std::string database = a.get("--database").value_or("");
    std::vector<std::string> init_args{server_bin, "init", "--data", data.string(), "--demo"};
    if (!database.empty()) init_args.insert(init_args.end(), {"--database", database});
    std::cerr << "ducha-bench: initialising a demo data directory (ducha-server init --demo)...\n";
    auto init = run_program(init_args, tmp / "server-init.log");
    if (!init || *init != 0) {
        std::cerr << "ducha-bench: ducha-server init failed"
                  << (init ? " (status " + std::to_string(*init) + ")" : ": " + init.error().message()) << "\n"
                  << file_tail(tmp / "server-init.log") << "\n";
        g_cleanup.run();
        return std::nullopt;
    }
    // Every simulated device comes from 127.0.0.1: the per-address sign-in limit is for real networks.
    std::vector<std::string> extra{"--max-sign-ins-per-minute", "1000000"};
    if (!database.empty()) extra.insert(extra.end(), {"--database", database});
    if (a.has("--no-fsync")) extra.push_back("--no-fsync");
    if (auto t = a.get("--io-threads")) extra.insert(extra.end(), {"--io-threads", *t});
    if (auto t = a.get("--workers")) extra.insert(extra.end(), {"--workers", *t});
    extra.insert(extra.end(), more_args.begin(), more_args.end());
    for (std::size_t i = 0; i < servers.size(); ++i) {
        ServerProcess& server = *servers[i];
        {
            std::lock_guard lk(g_cleanup.mu);
            g_cleanup.servers.push_back(&server);
        }
        process::ServerLaunch launch;
        launch.bin = server_bin;
        launch.data_dir = data;
        launch.log = tmp / (servers.size() == 1 ? std::string("server.log") : "server-" + std::to_string(i + 1) + ".log");
        launch.extra_args = extra;
        if (auto s = server.start(launch); !s) {
            std::cerr << "ducha-bench: cannot start ducha-server: " << s.error().message() << "\n";
            g_cleanup.run();
            return std::nullopt;
        }
        if (servers.size() > 1) o.instance_urls.push_back(server.url());
        o.server_pids.push_back(server.pid());
    }
    o.server_url = servers.front()->url();
    o.pin = servers.front()->pin();
    o.codes_csv = data / "enrollment-codes.csv";
    std::string mode = std::string("self-started ") + (a.get("--server-bin") ? server_bin : "ducha-server") + " on " +
                       o.server_url + (a.has("--no-fsync") ? ", --no-fsync" : ", fsync on");
    if (servers.size() > 1)
        mode += ", " + std::to_string(servers.size()) + " instances (" + std::to_string(servers.size() - 1) + " more on " +
                o.instance_urls.back() + (servers.size() > 2 ? "..." : "") + ")";
    mode += database.empty() ? ", SQLite" : ", PostgreSQL";
    for (std::size_t i = 0; i < extra.size(); ++i) {
        if (extra[i] == "--no-fsync") continue;
        if (extra[i] == "--database") {
            ++i;  // said above; the URL may carry a password
            continue;
        }
        mode += (extra[i].rfind("--", 0) == 0 ? ", " : " ") + extra[i];
    }
    return mode;
}

int cmd_ingest(const Args& a) {
    IngestOptions o;
    o.devices = positive(a, "--devices", 50);
    o.reports = positive(a, "--reports", 200);
    o.batch = positive(a, "--batch", 100);
    o.runs = positive(a, "--runs", 3);
    o.report_bytes = static_cast<std::size_t>(positive(a, "--report-bytes", 1024));
    o.verify_receipts = !a.has("--no-verify");
    bool external = a.get("--server").has_value();
    if (external && (!a.get("--pin") || !a.get("--codes")))
        return usage_error(render_bilingual(Msg::command_needs_argument, {"--server", "--pin PIN --codes CSV"}));
    if (external && (a.has("--no-fsync") || a.get("--io-threads") || a.get("--workers") || a.get("--server-bin") ||
                     a.get("--database") || a.get("--instances")))
        return usage_error("--no-fsync, --io-threads, --workers, --server-bin, --database and --instances apply to a self-started server only");
    if (auto d = a.get("--database"); d && !store::is_postgresql_url(*d))
        return usage_error(render_bilingual(Msg::database_url_not_postgresql, {*d}));
    const int instances = positive(a, "--instances", 1);
    if (instances > 1 && !a.get("--database"))
        return usage_error("--instances needs --database: several instances share one PostgreSQL database");
    const std::string server_bin = a.get("--server-bin").value_or(DUCHA_SERVER_BIN);

    clean_up_on_stop_signals();
    auto tmp = make_temporary_directory(a.has("--keep"));
    if (!tmp) return 1;
    o.work_dir = *tmp / "devices";
    fs::create_directories(o.work_dir);

    std::vector<std::unique_ptr<ServerProcess>> servers;
    for (int i = 0; i < instances; ++i) servers.push_back(std::make_unique<ServerProcess>());
    std::string mode;
    if (external) {
        o.server_url = *a.get("--server");
        while (!o.server_url.empty() && o.server_url.back() == '/') o.server_url.pop_back();
        o.pin = *a.get("--pin");
        o.codes_csv = *a.get("--codes");
        mode = "server " + o.server_url;
    } else {
        auto started = start_own_server(a, server_bin, *tmp, servers, o);
        if (!started) return 1;
        mode = std::move(*started);
    }
    std::cout << "ducha-bench ingest: " << o.devices << " devices x " << o.reports << " reports, batch " << o.batch
              << ", " << o.runs << " runs; " << mode << "; " << std::thread::hardware_concurrency() << " cores"
              << std::endl;
    int rc = run_ingest(o, std::cout, std::cerr);
    g_cleanup.run();
    return rc;
}

// The ducha-app next to this program in the build tree unless --app names one; empty when absent.
std::string app_binary(const Args& a, const char* argv0) {
    std::error_code ec;
    fs::path self = fs::canonical("/proc/self/exe", ec);
    if (ec) self = fs::absolute(argv0);
    return a.get("--app").value_or((self.parent_path().parent_path() / "mobile" / "ducha-app").string());
}

int cmd_app_load(const Args& a, const char* argv0) {
    AppLoadOptions o;
    o.records = positive(a, "--records", 50000);
    o.outbox = positive(a, "--outbox", 5000);
    o.runs = positive(a, "--runs", 11);
    o.server_bin = a.get("--server-bin").value_or(DUCHA_SERVER_BIN);
    o.app_bin = app_binary(a, argv0);
    if (!fs::exists(o.app_bin)) return usage_error(render_bilingual(Msg::no_app_binary_at, {o.app_bin}));
    clean_up_on_stop_signals();
    auto tmp = make_temporary_directory(a.has("--keep"));
    if (!tmp) return 1;
    o.work = *tmp;
    std::cout << "ducha-bench app-load: " << o.records << " records, " << o.outbox << " waiting changes, " << o.runs
              << " runs; offscreen, no network" << std::endl;
    int rc = run_app_load(o, std::cout, std::cerr);
    g_cleanup.run();
    return rc;
}

int cmd_photos(const Args& a) {
    PhotosOptions o;
    o.devices = positive(a, "--devices", 32);
    o.photos = positive(a, "--photos", 20);
    o.photo_bytes = static_cast<std::size_t>(positive(a, "--photo-bytes", 204800));
    o.runs = positive(a, "--runs", 5);
    bool external = a.get("--server").has_value();
    if (external && (!a.get("--pin") || !a.get("--codes")))
        return usage_error(render_bilingual(Msg::command_needs_argument, {"--server", "--pin PIN --codes CSV"}));
    if (external && (a.get("--io-threads") || a.get("--workers") || a.get("--server-bin")))
        return usage_error("--io-threads, --workers and --server-bin apply to a self-started server only");
    clean_up_on_stop_signals();
    auto tmp = make_temporary_directory(a.has("--keep"));
    if (!tmp) return 1;
    o.work_dir = *tmp / "devices";
    fs::create_directories(o.work_dir);
    std::vector<std::unique_ptr<ServerProcess>> servers;
    servers.push_back(std::make_unique<ServerProcess>());
    std::string mode;
    if (external) {
        o.server_url = *a.get("--server");
        while (!o.server_url.empty() && o.server_url.back() == '/') o.server_url.pop_back();
        o.pin = *a.get("--pin");
        o.codes_csv = *a.get("--codes");
        mode = "server " + o.server_url;
    } else {
        IngestOptions started_on;
        auto started = start_own_server(a, a.get("--server-bin").value_or(DUCHA_SERVER_BIN), *tmp, servers, started_on);
        if (!started) return 1;
        mode = std::move(*started);
        o.server_url = started_on.server_url;
        o.pin = started_on.pin;
        o.codes_csv = started_on.codes_csv;
        o.server_pids = started_on.server_pids;
    }
    std::cout << "ducha-bench photos: " << o.devices << " devices x " << o.photos << " photos of " << o.photo_bytes
              << " B, " << o.runs << " runs; " << mode << "; " << std::thread::hardware_concurrency() << " cores"
              << std::endl;
    int rc = run_photos(o, std::cout, std::cerr);
    g_cleanup.run();
    return rc;
}

int cmd_pull(const Args& a) {
    PullOptions o;
    o.records = positive(a, "--records", 1'000'000);
    o.fill_devices = positive(a, "--fill-devices", 50);
    o.fill_batch = positive(a, "--fill-batch", 2000);
    o.volunteers = positive(a, "--volunteers", 258);
    o.alone = positive(a, "--alone", 20);
    o.changes = positive(a, "--changes", 100);
    o.samples = positive(a, "--samples", 20);
    o.runs = positive(a, "--runs", 5);
    const std::string server_bin = a.get("--server-bin").value_or(DUCHA_SERVER_BIN);
    clean_up_on_stop_signals();
    auto tmp = make_temporary_directory(a.has("--keep"));
    if (!tmp) return 1;
    o.work_dir = *tmp / "devices";
    fs::create_directories(o.work_dir);
    std::vector<std::unique_ptr<ServerProcess>> servers;
    servers.push_back(std::make_unique<ServerProcess>());
    IngestOptions started_at;
    auto mode = start_own_server(a, server_bin, *tmp, servers, started_at);
    if (!mode) return 1;
    o.server_url = started_at.server_url;
    o.pin = started_at.pin;
    o.codes_csv = started_at.codes_csv;
    o.server_pids = started_at.server_pids;
    std::cout << "ducha-bench pull: " << o.records << " records from " << o.fill_devices << " devices (batch "
              << o.fill_batch << "), " << o.volunteers << " volunteers, delta pulls of " << o.changes << " changes, "
              << o.runs << " runs; " << *mode << "; " << std::thread::hardware_concurrency() << " cores" << std::endl;
    int rc = run_pull(o, std::cout, std::cerr);
    g_cleanup.run();
    return rc;
}

int cmd_idle(const Args& a) {
    IdleOptions o;
    o.connections = positive(a, "--connections", 5000);
    o.syncs = positive(a, "--syncs", 200);
    o.runs = positive(a, "--runs", 3);
    o.opening = positive(a, "--opening", 64);
    const std::string server_bin = a.get("--server-bin").value_or(DUCHA_SERVER_BIN);
    clean_up_on_stop_signals();
    auto tmp = make_temporary_directory(a.has("--keep"));
    if (!tmp) return 1;
    o.work_dir = *tmp / "devices";
    fs::create_directories(o.work_dir);
    std::vector<std::unique_ptr<ServerProcess>> servers;
    servers.push_back(std::make_unique<ServerProcess>());
    IngestOptions started;
    // room for the idle connections and the syncing device beside them
    auto mode = start_own_server(a, server_bin, *tmp, servers, started,
                                 {"--max-connections", std::to_string(std::max(10000, o.connections + 100))});
    if (!mode) return 1;
    o.server_url = started.server_url;
    o.pin = started.pin;
    o.codes_csv = started.codes_csv;
    o.server_pid = started.server_pids.front();
    std::cout << "ducha-bench idle: " << o.connections << " idle connections, " << o.syncs << " syncs x " << o.runs
              << " runs; " << *mode << "; " << std::thread::hardware_concurrency() << " cores" << std::endl;
    int rc = run_idle(o, std::cout, std::cerr);
    g_cleanup.run();
    return rc;
}

int cmd_verify(const Args& a) {
    VerifyOptions o;
    o.rounds = positive(a, "--rounds", 20);
    o.per_round = positive(a, "--per-round", 500);
    return run_verify(o, std::cout, std::cerr);
}

int cmd_app_start(const Args& a, const char* argv0) {
    AppStartOptions o;
    o.runs = positive(a, "--runs", 11);
    o.server_bin = a.get("--server-bin").value_or(DUCHA_SERVER_BIN);
    std::error_code ec;
    fs::path self = fs::canonical("/proc/self/exe", ec);
    if (ec) self = fs::absolute(argv0);
    o.app_bin = a.get("--app").value_or((self.parent_path().parent_path() / "mobile" / "ducha-app").string());
    if (!fs::exists(o.app_bin)) return usage_error(render_bilingual(Msg::no_app_binary_at, {o.app_bin}));
    o.work = fs::temp_directory_path() / ("ducha-bench-app-" + std::to_string(::getpid()));
    fs::create_directories(o.work);
    {
        std::lock_guard lk(g_cleanup.mu);
        g_cleanup.tmp = o.work;
        g_cleanup.keep = a.has("--keep");
    }
    int rc = run_app_start(o, std::cout, std::cerr);
    g_cleanup.run();
    return rc;
}

}  // namespace

int main(int argc, char** argv) {
    Args a;
    for (int i = 2; i < argc; ++i) a.v.emplace_back(argv[i]);
    std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd.empty() || cmd == "--help" || cmd == "-h" || cmd == "help" || a.has("--help") || a.has("-h")) {
        std::cout << kUsage;
        return cmd.empty() ? 2 : 0;
    }
    static const std::map<std::string, std::pair<std::string_view, std::string_view>> kOptions{
        {"ingest", {"no-fsync keep no-verify", "devices reports batch runs report-bytes io-threads workers server-bin server pin codes database instances"}},
        {"app-start", {"keep", "app runs server-bin"}},
        {"verify", {"", "rounds per-round"}},
        {"app-load", {"keep", "app records outbox runs server-bin"}},
        {"photos", {"keep", "devices photos photo-bytes runs io-threads workers server-bin server pin codes"}},
        {"pull", {"no-fsync keep", "records fill-devices fill-batch volunteers alone changes samples runs server-bin"}},
        {"idle", {"keep", "connections syncs runs opening io-threads workers server-bin"}},
    };
    if (auto o = kOptions.find(cmd); o != kOptions.end())
        if (auto s = check_command_options("ducha-bench", cmd, a.v, o->second.first, o->second.second); !s)
            return usage_error(s.error().message());
    try {
        if (cmd == "ingest") return cmd_ingest(a);
        if (cmd == "verify") return cmd_verify(a);
        if (cmd == "app-start") return cmd_app_start(a, argv[0]);
        if (cmd == "app-load") return cmd_app_load(a, argv[0]);
        if (cmd == "photos") return cmd_photos(a);
        if (cmd == "pull") return cmd_pull(a);
        if (cmd == "idle") return cmd_idle(a);
    } catch (const std::exception& e) {
        g_cleanup.run();
        return usage_error(render_bilingual(Msg::bad_argument_value, {e.what()}));
    }
    return usage_error(render_bilingual(Msg::unknown_command_named, {cmd}));
}
