#include "server/bench/bench_devices.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <thread>

#include "server/bench/stats.h"
#include "shared/common/wire_error.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"
#include "shared/sync/ack_reason.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/inspection_recorder.h"
#include "shared/sync/sync_client.h"

namespace ducha::bench {

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

}  // namespace

Result<std::vector<CodeRow>> read_codes(const fs::path& csv, std::string_view role) {
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
        if (r.role == role && !r.code.empty()) rows.push_back(std::move(r));
    }
    return rows;
}


namespace {

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

}  // namespace

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

// Takes codes from the shared list until one gives an enrolled device with a task to report on.
void enroll_device(Device& d, const IngestOptions& opt, const std::vector<CodeRow>& codes, Enrollment& en,
                   const EnrollMode& mode) {
    for (;;) {
        std::size_t k = en.next++;
        if (k >= codes.size()) {
            d.setup_error = "out of enrollment codes";
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
        d.user_id = row.user_id;
        d.district = row.district;
        // Initial sync (pulls the volunteer's tasks, institutions and checklist).
        SyncClient client(*d.profile);
        bool complete = !mode.initial_sync;
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
        if (d.targets.empty() && mode.need_targets) {
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


// Enrolls every device and pulls its tasks, one thread per device (not timed). False: a device
// could not start, said on `err`.
bool enroll_devices(std::vector<Device>& devices, const IngestOptions& opt, const std::vector<CodeRow>& codes,
                    std::ostream& err, const EnrollMode& mode) {
    err << "enrolling " << devices.size() << " devices and pulling their tasks...\n";
    for (std::size_t i = 0; i < devices.size(); ++i) devices[i].slot = static_cast<int>(i);
    Enrollment en;
    auto e0 = Clock::now();
    for_each_device(devices, [&](Device& d) { enroll_device(d, opt, codes, en, mode); });
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
    err << "enrolled " << devices.size() << " devices in " << fixed(enroll_s, 1) << " s (enrollment + initial sync, "
        << tasks << " open tasks; " << en.refused << " codes refused, " << en.without_tasks
        << " volunteers skipped for having no open task)\n";
    return true;
}
}  // namespace ducha::bench
