#include "server/bench/ingest.h"

#include "shared/common/wire_error.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <random>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "ducha.pb.h"
#include "server/process/server_process.h"
#include "server/bench/stats.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/ack_reason.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/inspection_recorder.h"
#include "shared/sync/sync_client.h"

namespace ducha::bench {

using process::process_cpu_seconds;
using process::self_cpu_seconds;

namespace fs = std::filesystem;
using namespace ducha::sync;
using Clock = std::chrono::steady_clock;

namespace {

// Template v1's 21 items (shared/CHECKLIST.md).
constexpr const char* kItems[] = {"L1", "L2", "L3", "L4", "T1", "T2", "T3", "T4", "T5", "T6", "P1",
                                  "P2", "F1", "F2", "F3", "F4", "A1", "X1", "X2", "X3", "X4"};

// What an inspector writes in the notes of an uneventful visit; repeated and cut to the length
// that brings the report to its target size.
constexpr const char* kNotes =
    "现场检查情况：机构营业执照、办学许可证在显著位置公示，与登记信息一致；收费项目与标准已公示，"
    "抽查两名家长的缴费凭证，均未超过三个月预收上限，资金进入监管账户。教学区消防通道畅通，灭火器在有效期内，"
    "疏散示意图张贴齐全。抽查在岗教师三名，教师资格证均在有效期内，未发现中小学在职教师兼职。课程表与实际授课一致，"
    "未发现学科类培训内容或超前超标教学，未在法定节假日、休息日组织培训。已向负责人宣讲“双减”政策要求。 ";

struct CodeRow {
    std::string user_id, role, name, district, code;
};

std::vector<std::string> split_csv_line(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cur += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cur += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.push_back(std::move(cur));
            cur.clear();
        } else if (c != '\r') {
            cur += c;
        }
    }
    out.push_back(std::move(cur));
    return out;
}

Result<std::vector<CodeRow>> read_volunteer_codes(const fs::path& csv) {
    std::ifstream f(csv);
    if (!f) return fail(Errc::not_found, Msg::cannot_read_enrollment_codes, csv.string());
    std::string line;
    if (!std::getline(f, line)) return fail(Errc::malformed, Msg::file_empty_named, csv.string());
    auto header = split_csv_line(line);
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
    for (const char* need : {"user_id", "role", "code"})
        if (!col.count(need))
            return fail(Errc::malformed, Msg::no_column_want_user_id, csv.string(), need);
    auto at = [&](const std::vector<std::string>& v, const char* name) {
        auto it = col.find(name);
        return it != col.end() && it->second < v.size() ? v[it->second] : std::string{};
    };
    std::vector<CodeRow> rows;
    while (std::getline(f, line)) {
        if (line.empty()) continue;
        auto v = split_csv_line(line);
        CodeRow r{at(v, "user_id"), at(v, "role"), at(v, "name"), at(v, "district"), at(v, "code")};
        if (r.role == "volunteer" && !r.code.empty()) rows.push_back(std::move(r));
    }
    return rows;
}

// A task a device reports on, with its institution's location (for a plausible GPS fix).
struct Target {
    std::string task_id;
    std::optional<pb::GeoPoint> location;
    std::size_t base = 0;  // serialized report size without notes, once one report has been made
};

struct RunResult {
    double seconds = 0, throughput = 0, p50 = 0, p99 = 0;
    int applied = 0, failed = 0, requests = 0, failed_requests = 0;
};

struct Device {
    int slot = 0;
    fs::path dir;
    std::unique_ptr<DeviceProfile> profile;
    Identity id;
    std::string token;
    std::vector<Target> targets;
    std::mt19937_64 rng{0};

    // One run's state.
    std::vector<std::string> bodies;
    std::vector<int> body_items;
    std::map<std::uint64_t, std::pair<std::string, std::string>> sent;  // client_seq -> (report id, payload)
    std::vector<std::size_t> report_sizes;
    std::vector<pb::Ack> acks;
    std::vector<double> latency_ms;
    Clock::time_point finished;
    int applied = 0, failed = 0, failed_requests = 0;
    std::vector<std::string> errors;
    std::string setup_error;

    void reset_run() {
        bodies.clear();
        body_items.clear();
        sent.clear();
        report_sizes.clear();
        acks.clear();
        latency_ms.clear();
        applied = failed = failed_requests = 0;
        errors.clear();
        setup_error.clear();
    }
};

// The size of a report without its notes, learnt from the last report made by any device: the
// first guess for a task nobody has reported on yet (later reports on a task use its own figure).
std::atomic<std::size_t> g_base_guess{600};

std::string notes_of(std::size_t bytes, std::uint64_t salt) {
    std::string head = "#" + std::to_string(salt) + " ";
    std::string s = head;
    while (s.size() < bytes) s += kNotes;
    if (s.size() > bytes) {
        std::size_t cut = bytes;
        // Cut on a UTF-8 character boundary, then fill the last bytes with spaces.
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        s.resize(cut);
        s.append(bytes - cut, ' ');
    }
    return s;
}

// Runs fn(device) on one thread per device and waits for all.
template <typename Fn>
void for_each_device(std::vector<Device>& devices, Fn fn) {
    std::vector<std::thread> threads;
    threads.reserve(devices.size());
    for (auto& d : devices) threads.emplace_back([&d, &fn] { fn(d); });
    for (auto& t : threads) t.join();
}

// ---------------------------------------------------------------- set-up (not timed)

std::vector<Target> usable_targets(LocalStore& store, const std::string& user_id) {
    std::vector<Target> out;
    auto tasks = store.list(domain::kTask);
    if (!tasks) return out;
    for (const auto& rec : *tasks) {
        pb::Task t;
        if (!t.ParseFromString(rec.payload())) continue;
        if (t.status() != "open" && t.status() != "in_progress" && t.status() != "submitted") continue;
        if (std::find(t.assignees().begin(), t.assignees().end(), user_id) == t.assignees().end()) continue;
        auto tpl = store.get(domain::kChecklistTemplate, t.template_id());
        if (!tpl || !*tpl) continue;
        auto inst = store.get(domain::kInstitution, t.institution_id());
        if (!inst || !*inst) continue;
        Target target{rec.id(), std::nullopt, 0};
        pb::Institution i;
        if (i.ParseFromString((*inst)->payload()) && i.has_location()) target.location = i.location();
        out.push_back(std::move(target));
    }
    return out;
}

struct Enrollment {
    std::mutex mu;
    std::atomic<std::size_t> next{0};
    int refused = 0, without_tasks = 0;
    std::vector<std::string> refusals;
};

// Takes codes from the shared list until one gives an enrolled device with a task to report on.
void enroll_device(Device& d, const IngestOptions& opt, const std::vector<CodeRow>& codes, Enrollment& en) {
    for (;;) {
        std::size_t k = en.next++;
        if (k >= codes.size()) {
            d.setup_error = "out of volunteer enrollment codes";
            return;
        }
        const CodeRow& row = codes[k];
        d.dir = opt.work_dir / ("device-" + std::to_string(k));
        std::error_code ec;
        fs::remove_all(d.dir, ec);
        fs::create_directories(d.dir, ec);
        auto p = DeviceProfile::open(d.dir);
        if (!p) {
            d.setup_error = "cannot open a device profile: " + p.error().message();
            return;
        }
        d.profile = std::make_unique<DeviceProfile>(std::move(*p));
        auto id = d.profile->enroll(opt.server_url, row.code, opt.pin, "ducha-bench " + std::to_string(d.slot));
        if (!id) {
            // A used, expired or refused code (the server says stop, not retry): take the next one.
            if (wire::action_for(id.error().code) == wire::Action::stop) {
                std::lock_guard lk(en.mu);
                en.refused++;
                if (en.refusals.size() < 3) en.refusals.push_back(row.user_id + ": " + id.error().message());
                d.profile.reset();
                continue;
            }
            d.setup_error = "enrollment failed: " + id.error().to_string();
            return;
        }
        d.id = *id;
        // Initial sync (pulls the volunteer's tasks, institutions and checklist).
        SyncClient client(*d.profile);
        bool complete = false;
        for (int pass = 0; pass < 50 && !complete; ++pass) {
            auto rep = client.sync_once();
            if (!rep) {
                d.setup_error = "initial sync failed: " + rep.error().to_string();
                return;
            }
            complete = rep->complete();
        }
        if (!complete) {
            d.setup_error = "initial sync did not complete";
            return;
        }
        d.targets = usable_targets(d.profile->store(), d.id.user_id);
        if (d.targets.empty()) {
            std::lock_guard lk(en.mu);
            en.without_tasks++;
            d.profile.reset();
            continue;  // nothing to inspect: try another volunteer
        }
        auto token = d.profile->access_token();
        if (!token || token->empty()) {
            d.setup_error = "no access token after enrollment";
            return;
        }
        d.token = *token;
        d.rng.seed(std::hash<std::string>{}(d.id.device_id));
        return;
    }
}

// Records, signs and queues `count` reports (offline, like a phone), then serializes the push
// requests so the timed part only sends bytes.
void prepare_run(Device& d, const IngestOptions& opt, int run) {
    InspectionRecorder recorder(*d.profile);
    auto& store = d.profile->store();
    std::uniform_real_distribution<double> jitter(-0.0003, 0.0003);  // about ±30 m
    std::uniform_real_distribution<double> accuracy(4.0, 15.0);
    for (int i = 0; i < opt.reports; ++i) {
        Target& t = d.targets[static_cast<std::size_t>(i) % d.targets.size()];
        InspectionInput in;
        in.task_id = t.task_id;
        for (const char* code : kItems) in.answers.push_back({code, "pass", "", 0});
        if (t.location) {
            pb::GeoPoint g;
            g.set_lat(t.location->lat() + jitter(d.rng));
            g.set_lon(t.location->lon() + jitter(d.rng));
            in.gps = g;
            in.gps_accuracy_m = accuracy(d.rng);
            in.gps_fix_age_ms = static_cast<std::int64_t>(d.rng() % 5000);
        }
        std::size_t base = t.base ? t.base : g_base_guess.load();  // first report on a task: an estimate
        std::size_t notes_len = opt.report_bytes > base ? opt.report_bytes - base : 0;
        in.notes = notes_of(notes_len, (static_cast<std::uint64_t>(run) << 32) | static_cast<std::uint64_t>(i));
        auto rid = recorder.record(in);
        if (!rid) {
            d.setup_error = "recording a report failed: " + rid.error().to_string();
            return;
        }
        auto rec = store.get(domain::kReport, *rid);
        if (rec && *rec) {
            std::size_t size = (*rec)->payload().size();
            t.base = size > in.notes.size() ? size - in.notes.size() : 1;
            g_base_guess = t.base;
        }
    }
    auto items = store.pending(1 << 30);
    if (!items) {
        d.setup_error = "cannot read the outbox: " + items.error().message();
        return;
    }
    auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch()).count();
    for (std::size_t start = 0; start < items->size(); start += static_cast<std::size_t>(opt.batch)) {
        std::size_t end = std::min(items->size(), start + static_cast<std::size_t>(opt.batch));
        pb::SyncRequest req;
        for (std::size_t i = start; i < end; ++i) {
            const auto& m = (*items)[i].mutation;
            *req.add_mutations() = m;
            d.sent[m.client_seq()] = {m.id(), m.payload()};
            if (m.collection() == domain::kReport) d.report_sizes.push_back(m.payload().size());
        }
        auto* st = req.mutable_status();
        st->set_outbox_depth(static_cast<std::int64_t>(items->size() - start));
        st->set_blobs_pending(0);
        st->set_app_version("ducha-bench");
        st->set_device_time(now_ms);
        req.set_pull(false);
        d.bodies.push_back(req.SerializeAsString());
        d.body_items.push_back(static_cast<int>(end - start));
    }
}

// ---------------------------------------------------------------- the timed part

// The instance a device talks to: one each in turn, as a least-connections balancer would.
const std::string& instance_of(const Device& d, const IngestOptions& opt) {
    if (opt.instance_urls.empty()) return opt.server_url;
    return opt.instance_urls[static_cast<std::size_t>(d.slot) % opt.instance_urls.size()];
}

void push_all(Device& d, const IngestOptions& opt, std::latch& ready, std::latch& go) {
    CurlTransport http{TransportConfig{.base_url = instance_of(d, opt), .pin = opt.pin}};
    // Connect (TCP + TLS handshake) before the clock starts: a device keeps its connection.
    auto warm = http.request("GET", "/healthz", "");
    if (!warm || warm->status != 200) d.setup_error = "cannot reach the server: " + (warm ? "HTTP " + std::to_string(warm->status) : warm.error().message());
    ready.count_down();
    go.wait();
    const std::map<std::string, std::string> headers{{"Authorization", "Bearer " + d.token},
                                                     {"Content-Type", "application/x-protobuf"}};
    for (std::size_t b = 0; b < d.bodies.size() && d.setup_error.empty(); ++b) {
        int n = d.body_items[b];
        auto t0 = Clock::now();
        auto r = http.request("POST", "/v1/sync", d.bodies[b], headers);
        auto t1 = Clock::now();
        d.latency_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        std::string error;
        pb::SyncResponse resp;
        if (!r) error = r.error().to_string();
        else if (r->status != 200) error = "HTTP " + std::to_string(r->status) + " " + parse_server_error(*r).code + ": " + parse_server_error(*r).message;
        else if (!resp.ParseFromString(r->body)) error = "unparseable SyncResponse";
        else if (resp.acks_size() != n) error = std::to_string(resp.acks_size()) + " acks for " + std::to_string(n) + " changes";
        if (!error.empty()) {
            d.failed_requests++;
            d.failed += n;
            if (d.errors.size() < 3) d.errors.push_back(error);
            continue;
        }
        for (auto& ack : *resp.mutable_acks()) {
            if (ack.status() == pb::Ack::APPLIED) {
                d.applied++;
            } else {
                d.failed++;
                if (d.errors.size() < 3)
                    d.errors.push_back("ack " + pb::Ack::Status_Name(ack.status()) + " " + ack.code() + ": " + ack.message());
            }
            d.acks.push_back(std::move(ack));
        }
    }
    d.finished = Clock::now();
}

// ---------------------------------------------------------------- after the clock (not timed)

struct Settled {
    int verified = 0, bad_receipts = 0;
    std::set<std::string> batches;
    std::string first_bad;
};

// Marks the acknowledged reports in the outbox (as the sync client does) and checks each receipt.
void settle(Device& d, const IngestOptions& opt, Settled& s, std::mutex& mu) {
    auto& store = d.profile->store();
    int verified = 0, bad = 0;
    std::set<std::string> batches;
    std::string first_bad;
    for (const auto& ack : d.acks) {
        if (ack.status() == pb::Ack::APPLIED || ack.status() == pb::Ack::DUPLICATE)
            (void)store.acked(ack.client_seq(), ack);  // the bench counts acks, not the local store
        else
            (void)store.set_aside(ack.client_seq(), ack.code(), sync::ack_reason(ack));  // as above
        if (ack.status() != pb::Ack::APPLIED || !opt.verify_receipts) continue;
        auto it = d.sent.find(ack.client_seq());
        pb::Report r;
        Status ok = fail(Errc::integrity, Msg::no_receipt);
        if (it != d.sent.end() && ack.has_receipt() && r.ParseFromString(it->second.second))
            ok = domain::verify_receipt(it->second.first, r, ack.receipt(), d.id.server_public_key);
        if (ok) {
            verified++;
            batches.insert(ack.receipt().batch_id());
        } else {
            bad++;
            if (first_bad.empty()) first_bad = ok.error().message();
        }
    }
    std::lock_guard lk(mu);
    s.verified += verified;
    s.bad_receipts += bad;
    s.batches.insert(batches.begin(), batches.end());
    if (s.first_bad.empty()) s.first_bad = first_bad;
}

// The counters of every instance, summed.
std::map<std::string, double> fetch_metrics(const IngestOptions& opt) {
    std::map<std::string, double> out;
    std::vector<std::string> urls = opt.instance_urls;
    if (urls.empty()) urls.push_back(opt.server_url);
    for (const auto& url : urls) {
        CurlTransport http{TransportConfig{.base_url = url, .pin = opt.pin}};
        auto r = http.request("GET", "/metrics", "");
        if (!r || r->status != 200) continue;
        std::istringstream in(r->body);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            auto sp = line.rfind(' ');
            if (sp == std::string::npos) continue;
            try {
                out[line.substr(0, sp)] += std::stod(line.substr(sp + 1));
            } catch (const std::exception&) {
            }
        }
    }
    return out;
}

// ---------------------------------------------------------------- the phases of one benchmark

// Enrolls every device and pulls its tasks, one thread per device (not timed). False: a device
// could not start, said on `err`.
bool enroll_devices(std::vector<Device>& devices, const IngestOptions& opt, const std::vector<CodeRow>& codes,
                    std::ostream& err) {
    err << "enrolling " << opt.devices << " devices and pulling their tasks...\n";
    for (std::size_t i = 0; i < devices.size(); ++i) devices[i].slot = static_cast<int>(i);
    Enrollment en;
    auto e0 = Clock::now();
    for_each_device(devices, [&](Device& d) { enroll_device(d, opt, codes, en); });
    double enroll_s = std::chrono::duration<double>(Clock::now() - e0).count();
    for (const auto& d : devices) {
        if (!d.setup_error.empty()) {
            err << "ducha-bench: device " << d.slot << ": " << d.setup_error << "\n";
            if (en.refused) err << "  (" << en.refused << " codes were refused, e.g. " << en.refusals.front() << ")\n";
            return false;
        }
    }
    std::size_t tasks = 0;
    for (const auto& d : devices) tasks += d.targets.size();
    err << "enrolled " << opt.devices << " devices in " << fixed(enroll_s, 1) << " s (enrollment + initial sync, "
        << tasks << " open tasks; " << en.refused << " codes refused, " << en.without_tasks
        << " volunteers skipped for having no open task)\n";
    return true;
}

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
    auto codes = read_volunteer_codes(opt.codes_csv);
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
