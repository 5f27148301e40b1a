#include "server/bench/ingest.h"

#include <algorithm>
#include <chrono>
#include <latch>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "server/bench/bench_devices.h"
#include "server/bench/stats.h"
#include "server/process/server_process.h"

namespace ducha::bench {

using process::process_cpu_seconds;
using process::self_cpu_seconds;

namespace fs = std::filesystem;
using namespace ducha::sync;
using Clock = std::chrono::steady_clock;

namespace {

struct RunResult {
    double seconds = 0, throughput = 0, p50 = 0, p99 = 0;
    int applied = 0, failed = 0, requests = 0, failed_requests = 0;
};


// What a run's reports weigh: their serialized sizes and the bytes of the requests carrying them.
struct RecordedRun {
    std::vector<double> sizes;
    std::size_t body_bytes = 0;
};

// Records and signs every report of a run first: that is the devices' cost, not the server's.
// nullopt: a device failed, said on `err`.
std::optional<RecordedRun> record_run(std::vector<Device>& devices, const IngestOptions& opt, int run, std::ostream& err) {
        err << "run " << run << "/" << opt.runs << ": recording and signing " << opt.devices * opt.reports
            << " reports...\n";
        for (auto& d : devices) d.reset_run();
        for_each_device(devices, [&](Device& d) { prepare_run(d, opt, run); });
    RecordedRun rec;
        for (const auto& d : devices) {
            if (!d.setup_error.empty()) {
                err << "ducha-bench: device " << d.slot << ": " << d.setup_error << "\n";
            return std::nullopt;
            }
        for (auto s : d.report_sizes) rec.sizes.push_back(static_cast<double>(s));
        for (const auto& b : d.bodies) rec.body_bytes += b.size();
        }
    return rec;
}

// The CPU time of every server process we started, summed; -1 when we started none.
double servers_cpu_seconds(const IngestOptions& opt) {
    if (opt.server_pids.empty()) return -1;
    double sum = 0;
    for (pid_t pid : opt.server_pids) sum += process_cpu_seconds(pid);
    return sum;
}

// The server's counters and both processes' CPU time around the timed push.
struct PushedRun {
    Clock::time_point t0;
    std::map<std::string, double> before, after;  // /metrics
    double server_cpu = -1, self_cpu = 0;
};

// The push: every device's thread is ready before the clock starts; it runs from the first
// request to the last ack.
PushedRun push_run(std::vector<Device>& devices, const IngestOptions& opt, int run, std::ostream& err) {
        err << "run " << run << "/" << opt.runs << ": pushing...\n";
    PushedRun p;
    p.before = fetch_metrics(opt);
        std::latch ready(static_cast<std::ptrdiff_t>(devices.size())), go(1);
        std::vector<std::thread> threads;
        threads.reserve(devices.size());
        for (auto& d : devices) threads.emplace_back([&d, &opt, &ready, &go] { push_all(d, opt, ready, go); });
        ready.wait();
        double server_cpu0 = servers_cpu_seconds(opt);
        double self_cpu0 = self_cpu_seconds();
    p.t0 = Clock::now();
        go.count_down();
        for (auto& t : threads) t.join();
    p.server_cpu = opt.server_pids.empty() ? -1 : servers_cpu_seconds(opt) - server_cpu0;
    p.self_cpu = self_cpu_seconds() - self_cpu0;
    p.after = fetch_metrics(opt);
    return p;
}

// Throughput and latency of the push, from the devices' own clocks; the first errors go to `errors`.
RunResult tally_run(const std::vector<Device>& devices, Clock::time_point t0, std::vector<std::string>& errors) {
        RunResult rr;
        auto last = t0;
        std::vector<double> lat;
        for (const auto& d : devices) {
            if (!d.setup_error.empty()) errors.push_back("device " + std::to_string(d.slot) + ": " + d.setup_error);
            last = std::max(last, d.finished);
            lat.insert(lat.end(), d.latency_ms.begin(), d.latency_ms.end());
            rr.applied += d.applied;
            rr.failed += d.failed;
            rr.failed_requests += d.failed_requests;
            for (const auto& e : d.errors)
                if (errors.size() < 5) errors.push_back("device " + std::to_string(d.slot) + ": " + e);
        }
        rr.requests = static_cast<int>(lat.size());
        rr.seconds = std::chrono::duration<double>(last - t0).count();
        rr.throughput = rr.seconds > 0 ? rr.applied / rr.seconds : 0;
        rr.p50 = percentile(lat, 50);
        rr.p99 = percentile(lat, 99);
    return rr;
}

// The lines of one run: its figures, its reports' sizes and receipts, and the server's side.
void print_run(std::ostream& out, const IngestOptions& opt, int run, const RunResult& rr, const RecordedRun& rec,
               const Settled& settled, const PushedRun& pushed) {
    const auto& sizes = rec.sizes;
    const auto& before = pushed.before;
    const auto& after = pushed.after;
    const double server_cpu = pushed.server_cpu, self_cpu = pushed.self_cpu;
        out << "run " << run << "/" << opt.runs << ": " << rr.applied << " reports in " << fixed(rr.seconds, 3)
            << " s = " << fixed(rr.throughput, 0) << " reports/s, p50 " << fixed(rr.p50, 1) << " ms, p99 "
            << fixed(rr.p99, 1) << " ms (" << rr.requests << " requests, " << rr.failed_requests << " failed; "
            << rr.failed << " reports not applied)\n";
        out << "  reports " << fixed(sizes.empty() ? 0 : percentile(sizes, 0), 0) << "-"
            << fixed(percentile(sizes, 100), 0) << " B (median " << fixed(median(sizes), 0) << " B), "
        << fixed(static_cast<double>(rec.body_bytes) / 1e6, 2) << " MB of requests";
        if (opt.verify_receipts)
            out << "; receipts verified " << settled.verified << "/" << rr.applied << " in " << settled.batches.size()
                << " signed batches";
        out << "\n";
        auto delta = [&](const std::string& name) {
            auto a = after.find(name), b = before.find(name);
            return a != after.end() && b != before.end() ? a->second - b->second : -1.0;
        };
        double commits = delta("ducha_commit_batches_total"), jobs = delta("ducha_commit_jobs_total");
        if (commits > 0) {
            out << "  server: " << fixed(jobs, 0) << " jobs in " << fixed(commits, 0) << " group commits ("
                << fixed(jobs / commits, 1) << " jobs/commit)";
            if (server_cpu >= 0)
                out << "; cpu " << fixed(server_cpu, 2) << " s = " << fixed(server_cpu / rr.seconds, 2) << " cores, "
                    << fixed(rr.applied ? server_cpu * 1e6 / rr.applied : 0, 0) << " us/report";
            out << "; bench cpu " << fixed(self_cpu, 2) << " s\n";
        } else if (server_cpu >= 0) {
            out << "  server cpu " << fixed(server_cpu, 2) << " s; bench cpu " << fixed(self_cpu, 2) << " s\n";
        }
        out.flush();
}

// The last line, which scripts read: the median of the runs.
void print_summary(std::ostream& out, const std::vector<RunResult>& results) {
    std::vector<double> tp, p50, p99;
    for (const auto& r : results) {
        tp.push_back(r.throughput);
        p50.push_back(r.p50);
        p99.push_back(r.p99);
    }
    out << "ingest: " << fixed(median(tp), 0) << " reports/s, p50 " << fixed(median(p50), 1) << " ms, p99 "
        << fixed(median(p99), 1) << " ms" << std::endl;
}

}  // namespace

int run_ingest(const IngestOptions& opt, std::ostream& out, std::ostream& err) {
    auto codes = read_codes(opt.codes_csv, "volunteer");
    if (!codes) {
        err << "ducha-bench: " << codes.error().message() << "\n";
        return 1;
    }
    if (codes->size() < static_cast<std::size_t>(opt.devices)) {
        err << "ducha-bench: " << opt.codes_csv.string() << " has " << codes->size() << " volunteer codes; "
            << opt.devices << " devices need at least as many\n";
        return 1;
    }
    std::vector<Device> devices(static_cast<std::size_t>(opt.devices));
    if (!enroll_devices(devices, opt, *codes, err)) return 1;

    std::vector<RunResult> results;
    bool clean = true;
    for (int run = 1; run <= opt.runs; ++run) {
        auto recorded = record_run(devices, opt, run, err);
        if (!recorded) return 1;
        auto pushed = push_run(devices, opt, run, err);
        std::vector<std::string> errors;
        RunResult rr = tally_run(devices, pushed.t0, errors);
        for (const auto& e : errors) err << "  error: " << e << "\n";

        // ---- settle the outboxes and check the receipts (not timed)
        Settled settled;
        std::mutex mu;
        for_each_device(devices, [&](Device& d) { settle(d, opt, settled, mu); });

        print_run(out, opt, run, rr, *recorded, settled, pushed);
        if (settled.bad_receipts) {
            err << "  " << settled.bad_receipts << " receipts failed verification, e.g.: " << settled.first_bad << "\n";
            clean = false;
        }
        if (rr.failed || rr.failed_requests || !errors.empty()) clean = false;
        results.push_back(rr);
    }
    print_summary(out, results);
    return clean ? 0 : 1;
}

}  // namespace ducha::bench
