#include "server/bench/pull.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <latch>
#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "ducha.pb.h"
#include "server/bench/bench_devices.h"
#include "server/bench/stats.h"
#include "shared/sync/curl_transport.h"

namespace ducha::bench {

namespace fs = std::filesystem;
using namespace ducha::sync;
using Clock = std::chrono::steady_clock;

namespace {

double ms_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// The server's own time for a request, from `Server-Timing: app;dur=MS`; -1 when it sent none.
double server_timing_ms(const HttpReply& r) {
    const std::string v = r.header("server-timing");
    const auto at = v.find("dur=");
    return at == std::string::npos ? -1 : std::strtod(v.c_str() + at + 4, nullptr);
}

// One answered POST /v1/sync that only reads.
struct Page {
    std::string error;
    int changes = 0;
    std::int64_t cursor = 0;
    bool more = false, reset = false;
    std::string digest;
    double ms = 0, server_ms = -1;
    std::size_t bytes = 0;
};

Page pull_page(CurlTransport& http, const std::string& token, std::int64_t cursor, const std::string& digest,
               int page_size) {
    pb::SyncRequest req;
    req.set_pull(true);
    req.set_cursor(cursor);
    if (!digest.empty()) req.set_scope_digest(digest);
    req.set_page_size(page_size);
    auto* st = req.mutable_status();  // as the sync client sends it: nothing waiting
    st->set_outbox_depth(0);
    st->set_blobs_pending(0);
    st->set_app_version("ducha-bench");
    st->set_device_time(std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count());
    const std::string body = req.SerializeAsString();
    const std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token},
                                                     {"Content-Type", "application/x-protobuf"}};
    Page p;
    const auto t0 = Clock::now();
    auto r = http.request("POST", "/v1/sync", body, headers);
    p.ms = ms_between(t0, Clock::now());
    pb::SyncResponse resp;
    if (!r) p.error = r.error().to_string();
    else if (r->status != 200) p.error = "HTTP " + std::to_string(r->status) + " " + parse_server_error(*r).code;
    else if (!resp.ParseFromString(r->body)) p.error = "unparseable SyncResponse";
    if (!p.error.empty()) return p;
    p.server_ms = server_timing_ms(*r);
    p.bytes = r->body.size();
    p.changes = resp.changes_size();
    p.cursor = resp.cursor();
    p.more = resp.more();
    p.reset = resp.reset();
    p.digest = resp.scope_digest();
    return p;
}

// A fresh device's first pull: a new connection (timed apart), then pages from cursor 0 until none is left.
struct FirstPull {
    std::string error;
    int records = 0, requests = 0;
    double connect_ms = 0;  // a new client, TCP and the TLS handshake (GET /healthz)
    double ms = 0, server_ms = 0;  // the pull's pages, on that connection
    Clock::time_point done;
};

constexpr int kDevicePageSize = 500;  // what the sync client asks for

FirstPull first_pull(const PullOptions& opt, const Device& d) {
    FirstPull f;
    const auto c0 = Clock::now();
    CurlTransport http{TransportConfig{.base_url = opt.server_url, .pin = opt.pin}};
    if (auto r = http.request("GET", "/healthz", ""); !r || r->status != 200) {
        f.error = "cannot reach the server: " + (r ? "HTTP " + std::to_string(r->status) : r.error().to_string());
        return f;
    }
    const auto t0 = Clock::now();
    f.connect_ms = ms_between(c0, t0);
    std::int64_t cursor = 0;
    std::string digest;
    for (int guard = 0; guard < 100000; ++guard) {
        Page p = pull_page(http, d.token, cursor, digest, kDevicePageSize);
        if (!p.error.empty()) {
            f.error = p.error;
            break;
        }
        f.requests++;
        f.server_ms += std::max(0.0, p.server_ms);
        if (p.reset) {  // the scope changed while pulling: start again, as the device would
            cursor = 0;
            digest.clear();
            f.records = 0;
            continue;
        }
        f.records += p.changes;
        cursor = p.cursor;
        digest = p.digest;
        if (!p.more) break;
    }
    f.done = Clock::now();
    f.ms = ms_between(t0, f.done);
    return f;
}

struct FirstPullRun {
    std::vector<double> alone_ms, alone_server_ms, together_ms, connect_ms;
    double wall_ms = 0;
    int min_records = 0, max_records = 0, requests = 0;
    std::string error;
};

// `alone` devices one after another, then all of them at once.
FirstPullRun time_first_pulls(const PullOptions& opt, const std::vector<Device*>& devices) {
    FirstPullRun run;
    const std::size_t alone = std::min<std::size_t>(static_cast<std::size_t>(opt.alone), devices.size());
    for (std::size_t i = 0; i < alone; ++i) {
        FirstPull f = first_pull(opt, *devices[i]);
        if (!f.error.empty()) {
            run.error = f.error;
            return run;
        }
        run.alone_ms.push_back(f.ms);
        run.connect_ms.push_back(f.connect_ms);
        run.alone_server_ms.push_back(f.server_ms);
    }
    std::vector<FirstPull> results(devices.size());
    std::latch go(1);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < devices.size(); ++i)
        threads.emplace_back([&, i] {
            go.wait();
            results[i] = first_pull(opt, *devices[i]);
        });
    const auto t0 = Clock::now();
    go.count_down();
    for (auto& t : threads) t.join();
    auto last = t0;
    run.min_records = results.empty() ? 0 : results.front().records;
    for (const auto& f : results) {
        if (!f.error.empty() && run.error.empty()) run.error = f.error;
        run.together_ms.push_back(f.ms);
        last = std::max(last, f.done);
        run.min_records = std::min(run.min_records, f.records);
        run.max_records = std::max(run.max_records, f.records);
        run.requests += f.requests;
    }
    run.wall_ms = ms_between(t0, last);
    return run;
}

struct FirstPullFigures {
    double alone_p50 = 0, alone_server_p50 = 0, wall_ms = 0, together_p50 = 0, together_p99 = 0;
};

// Runs `opt.runs` timings and prints each; returns the medians. False in `ok` on any error.
FirstPullFigures first_pull_phase(const PullOptions& opt, const std::vector<Device*>& devices, const std::string& label,
                                  std::ostream& out, std::ostream& err, bool& ok) {
    std::vector<double> a50, s50, wall, t50, t99;
    for (int run = 1; run <= opt.runs; ++run) {
        err << "first pull (" << label << "), run " << run << "/" << opt.runs << "...\n";
        FirstPullRun r = time_first_pulls(opt, devices);
        if (!r.error.empty()) {
            err << "ducha-bench: first pull failed: " << r.error << "\n";
            ok = false;
            return {};
        }
        a50.push_back(median(r.alone_ms));
        s50.push_back(median(r.alone_server_ms));
        wall.push_back(r.wall_ms);
        t50.push_back(percentile(r.together_ms, 50));
        t99.push_back(percentile(r.together_ms, 99));
        out << "first pull (" << label << ") run " << run << "/" << opt.runs << ": alone p50 " << fixed(a50.back(), 1)
            << " ms (server " << fixed(s50.back(), 1) << " ms; connecting before it " << fixed(median(r.connect_ms), 1)
            << " ms; " << r.alone_ms.size() << " devices one at a time); "
            << devices.size() << " at once in " << fixed(r.wall_ms, 0) << " ms, p50 " << fixed(t50.back(), 1)
            << " ms, p99 " << fixed(t99.back(), 1) << " ms; " << r.min_records << "-" << r.max_records
            << " records per device, " << r.requests << " requests" << std::endl;
    }
    return {median(a50), median(s50), median(wall), median(t50), median(t99)};
}

// ---------------------------------------------------------------- filling the store

// Pushes one prepared round of every device at once, settles the acks; false on any refusal.
bool push_round(std::vector<Device*>& devices, const IngestOptions& io, std::ostream& err) {
    std::latch ready(static_cast<std::ptrdiff_t>(devices.size())), go(1);
    std::vector<std::thread> threads;
    for (Device* d : devices) threads.emplace_back([d, &io, &ready, &go] { push_all(*d, io, ready, go); });
    ready.wait();
    go.count_down();
    for (auto& t : threads) t.join();
    Settled settled;
    std::mutex mu;
    bool ok = true;
    for (Device* d : devices) {
        settle(*d, io, settled, mu);
        if (d->failed || d->failed_requests || !d->setup_error.empty()) {
            err << "ducha-bench: device " << d->slot << ": "
                << (d->setup_error.empty() ? (d->errors.empty() ? "reports not applied" : d->errors.front()) : d->setup_error)
                << "\n";
            ok = false;
        }
    }
    return ok;
}

// Prepares (records and signs) `per_device[i]` reports on device i, then pushes them all.
bool record_and_push(std::vector<Device*>& devices, const std::vector<int>& per_device, IngestOptions io, int salt,
                     std::ostream& err) {
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < devices.size(); ++i)
        threads.emplace_back([&, i] {
            Device& d = *devices[i];
            d.reset_run();
            IngestOptions mine = io;
            mine.reports = per_device[i];
            if (mine.reports > 0) prepare_run(d, mine, salt);
        });
    for (auto& t : threads) t.join();
    for (Device* d : devices)
        if (!d->setup_error.empty()) {
            err << "ducha-bench: device " << d->slot << ": " << d->setup_error << "\n";
            return false;
        }
    return push_round(devices, io, err);
}

// Fills the store until it holds `opt.records` records: each report adds two (itself and its
// receipt); the task it is on is rewritten, not added.
bool fill_store(const PullOptions& opt, std::vector<Device*>& fillers, const IngestOptions& io, int& salt,
                std::ostream& err) {
    auto metrics = fetch_metrics(io);
    const long start = static_cast<long>(metrics["ducha_seq"]);
    long reports = std::max(0L, (opt.records - start + 1) / 2);
    err << "filling the store: " << start << " records, " << reports << " reports to push from " << fillers.size()
        << " devices in batches of " << opt.fill_batch << "...\n";
    const auto t0 = Clock::now();
    long pushed = 0;
    while (pushed < reports) {
        std::vector<int> per(fillers.size(), 0);
        long left = reports - pushed;
        for (std::size_t i = 0; i < fillers.size() && left > 0; ++i) {
            per[i] = static_cast<int>(std::min<long>(opt.fill_batch, left));
            left -= per[i];
        }
        if (!record_and_push(fillers, per, io, ++salt, err)) return false;
        for (int n : per) pushed += n;
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        err << "  " << pushed << "/" << reports << " reports pushed, " << fixed(s, 0) << " s ("
            << fixed(pushed / std::max(s, 1e-3), 0) << " reports/s with recording and signing)\n";
    }
    metrics = fetch_metrics(io);
    err << "the store's change sequence is at " << static_cast<long>(metrics["ducha_seq"]) << "\n";
    return true;
}

// ---------------------------------------------------------------- the delta pull

// A coordinator that keeps up: its connection, token, cursor and scope digest.
struct Reader {
    std::unique_ptr<CurlTransport> http;
    std::string token, digest;
    std::int64_t cursor = 0;
};

// Pulls everything after the reader's cursor (untimed); the number of records or -1 on error.
long catch_up(Reader& r, std::ostream& err) {
    long records = 0;
    for (int guard = 0; guard < 1000000; ++guard) {
        Page p = pull_page(*r.http, r.token, r.cursor, r.digest, 5000);
        if (!p.error.empty()) {
            err << "ducha-bench: catching up failed: " << p.error << "\n";
            return -1;
        }
        if (p.reset) {
            r.cursor = 0;
            r.digest.clear();
            continue;
        }
        records += p.changes;
        r.cursor = p.cursor;
        r.digest = p.digest;
        if (!p.more) return records;
    }
    return records;
}

struct DeltaRun {
    std::vector<double> ms, server_ms;
    int short_pages = 0;
};

}  // namespace

int run_pull(const PullOptions& opt, std::ostream& out, std::ostream& err) {
    auto volunteers = read_codes(opt.codes_csv, "volunteer");
    auto coordinators = read_codes(opt.codes_csv, "coordinator");
    if (!volunteers || !coordinators) {
        err << "ducha-bench: " << (!volunteers ? volunteers.error() : coordinators.error()).message() << "\n";
        return 1;
    }
    if (volunteers->size() < static_cast<std::size_t>(opt.volunteers)) {
        err << "ducha-bench: " << opt.codes_csv.string() << " has " << volunteers->size() << " volunteer codes; --volunteers "
            << opt.volunteers << " needs as many\n";
        return 1;
    }
    IngestOptions io;
    io.server_url = opt.server_url;
    io.pin = opt.pin;
    io.codes_csv = opt.codes_csv;
    io.work_dir = opt.work_dir;
    io.server_pids = opt.server_pids;
    io.batch = opt.fill_batch;
    io.verify_receipts = false;  // the fill is not what is measured; ingest checks receipts

    // Every volunteer enrolls; the first `fill_devices` with an open task sync and fill the store.
    std::vector<Device> devices(static_cast<std::size_t>(opt.volunteers));
    if (!enroll_devices(devices, io, *volunteers, err, EnrollMode{.initial_sync = true, .need_targets = false}))
        return 1;
    std::vector<Device*> fillers, fresh, all;
    for (auto& d : devices) {
        all.push_back(&d);
        if (!d.targets.empty() && fillers.size() < static_cast<std::size_t>(opt.fill_devices)) fillers.push_back(&d);
        else fresh.push_back(&d);
    }
    if (fillers.empty()) {
        err << "ducha-bench: no volunteer has an open task to report on\n";
        return 1;
    }
    // The coordinator reads the district of the first filler that has one.
    std::vector<CodeRow> coordinator_codes;
    Device* writer = nullptr;
    for (Device* f : fillers) {
        for (const auto& c : *coordinators)
            if (c.district == f->district) coordinator_codes.push_back(c);
        if (!coordinator_codes.empty()) {
            writer = f;
            break;
        }
    }
    if (!writer) {
        err << "ducha-bench: no coordinator code for the district of any reporting volunteer\n";
        return 1;
    }
    std::vector<Device> coordinator(1);
    coordinator[0].slot = opt.volunteers;
    if (!enroll_devices(coordinator, io, coordinator_codes, err, EnrollMode{.initial_sync = false, .need_targets = false}))
        return 1;

    bool ok = true;
    const auto demo = first_pull_phase(opt, all, "demo store, every volunteer", out, err, ok);
    if (!ok) return 1;
    (void)demo;

    int salt = 1000;
    if (!fill_store(opt, fillers, io, salt, err)) return 1;
    const auto metrics = fetch_metrics(io);
    const long records = static_cast<long>(metrics.count("ducha_seq") ? metrics.at("ducha_seq") : 0);

    // The volunteers who pushed the fill have thousands of reports in their scope; a new
    // volunteer has none. Their first pull is the one timed on the full store.
    const auto full = first_pull_phase(opt, fresh.empty() ? all : fresh,
                                       fresh.empty() ? "full store" : "full store, volunteers without reports", out, err, ok);
    if (!ok) return 1;

    Reader reader;
    reader.http = std::make_unique<CurlTransport>(TransportConfig{.base_url = opt.server_url, .pin = opt.pin});
    reader.token = coordinator[0].token;
    err << "the coordinator (" << coordinator[0].user_id << ", " << coordinator[0].district << ") catches up...\n";
    const auto c0 = Clock::now();
    const long caught = catch_up(reader, err);
    if (caught < 0) return 1;
    err << "caught up: " << caught << " records in " << fixed(ms_between(c0, Clock::now()) / 1000, 1) << " s\n";

    std::vector<Device*> one{writer};
    std::vector<double> e2e50, e2e99, srv50, srv99;
    for (int run = 1; run <= opt.runs; ++run) {
        DeltaRun dr;
        for (int s = 0; s < opt.samples; ++s) {
            // As many reports as changes (each brings its receipt too; a covert task's reports are
            // not the district's), so the page is full. Not timed; what is left is drained after.
            if (!record_and_push(one, {opt.changes}, io, ++salt, err)) return 1;
            Page p = pull_page(*reader.http, reader.token, reader.cursor, reader.digest, opt.changes);
            if (!p.error.empty() || p.reset) {
                err << "ducha-bench: delta pull failed: " << (p.reset ? "scope reset" : p.error) << "\n";
                return 1;
            }
            dr.ms.push_back(p.ms);
            dr.server_ms.push_back(p.server_ms);
            if (p.changes < opt.changes) dr.short_pages++;
            reader.cursor = p.cursor;
            reader.digest = p.digest;
            if (p.more && catch_up(reader, err) < 0) return 1;
        }
        e2e50.push_back(percentile(dr.ms, 50));
        e2e99.push_back(percentile(dr.ms, 99));
        srv50.push_back(percentile(dr.server_ms, 50));
        srv99.push_back(percentile(dr.server_ms, 99));
        out << "delta pull run " << run << "/" << opt.runs << ": " << opt.samples << " pulls of " << opt.changes
            << " changes from " << records << " records: server p50 " << fixed(srv50.back(), 2) << " ms, p99 "
            << fixed(srv99.back(), 2) << " ms; end to end p50 " << fixed(e2e50.back(), 2) << " ms, p99 "
            << fixed(e2e99.back(), 2) << " ms";
        if (dr.short_pages) out << " (" << dr.short_pages << " pulls had fewer changes)";
        out << std::endl;
    }
    const std::size_t first_n = fresh.empty() ? all.size() : fresh.size();
    out << "pull: delta " << opt.changes << " changes p50 " << fixed(median(srv50), 2) << " ms server, "
        << fixed(median(e2e50), 2) << " ms end to end (p99 " << fixed(median(srv99), 2) << " / " << fixed(median(e2e99), 2)
        << " ms); first pull p50 " << fixed(full.alone_p50, 1) << " ms alone, " << first_n << " at once in "
        << fixed(full.wall_ms, 0) << " ms (p50 " << fixed(full.together_p50, 1) << " ms, p99 "
        << fixed(full.together_p99, 1) << " ms)" << std::endl;
    return 0;
}

}  // namespace ducha::bench
