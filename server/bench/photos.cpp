#include "server/bench/photos.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <latch>
#include <map>
#include <mutex>
#include <ostream>
#include <random>
#include <sstream>
#include <thread>

#include "ducha.pb.h"
#include "server/bench/bench_devices.h"
#include "server/bench/stats.h"
#include "server/process/server_process.h"
#include "shared/common/bytes.h"
#include "shared/crypto/sha256.h"
#include "shared/sync/ack_reason.h"
#include "shared/sync/blob_uploader.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/inspection_recorder.h"
#include "shared/sync/sync_client.h"

namespace ducha::bench {

using namespace ducha::sync;
using Clock = std::chrono::steady_clock;

namespace {

// Template v1's 21 items (shared/CHECKLIST.md), all passed: the photos back the visit as a whole.
constexpr const char* kItems[] = {"L1", "L2", "L3", "L4", "T1", "T2", "T3", "T4", "T5", "T6", "P1",
                                  "P2", "F1", "F2", "F3", "F4", "A1", "X1", "X2", "X3", "X4"};

struct Photo {
    std::string hex, data;
};

// One device's run.
struct DeviceRun {
    std::vector<Photo> photos;
    std::vector<double> latency_ms;  // per photo: from its first request to the server's 201
    std::uint64_t bytes = 0;
    int uploaded = 0, failed = 0, verified = 0;
    Clock::time_point finished;
    std::vector<std::string> errors;
    std::string setup_error;
};

// Random bytes behind a JPEG's first marker: no two photos alike, none compressible.
std::string random_photo(std::mt19937_64& rng, std::size_t bytes) {
    std::string s(bytes, '\0');
    std::size_t i = 0;
    for (; i + 8 <= bytes; i += 8) {
        std::uint64_t v = rng();
        std::memcpy(s.data() + i, &v, 8);
    }
    for (; i < bytes; ++i) s[i] = static_cast<char>(rng());
    const unsigned char soi[] = {0xFF, 0xD8, 0xFF, 0xE0};
    std::memcpy(s.data(), soi, std::min<std::size_t>(bytes, sizeof soi));
    return s;
}

// POST /v1/sync with the device's token; the SyncResponse, or the reason there is none.
Result<pb::SyncResponse> post_sync(Device& d, HttpTransport& http, const pb::SyncRequest& req) {
    auto r = authorized_request(*d.profile, http, "POST", "/v1/sync", req.SerializeAsString(),
                                {{"Content-Type", "application/x-protobuf"}});
    if (!r) return fail(r.error());
    if (r->status != 200) return fail(reply_error(*r).error);
    pb::SyncResponse resp;
    if (!resp.ParseFromString(r->body)) return fail(Errc::malformed, Msg::server_reply_cannot_parsed);
    return resp;
}

// Before the clock: records reports with this run's photos (signed, queued, the photos kept
// encrypted, as `ducha inspect --photo` does), pushes the reports so the server knows the photos
// belong to the device's scope, and reads each photo back for the upload.
void prepare_run(Device& d, DeviceRun& run, const PhotosOptions& opt, int run_no) {
    std::mt19937_64 rng(std::random_device{}() ^ (static_cast<std::uint64_t>(d.slot) << 32) ^
                        static_cast<std::uint64_t>(run_no));
    InspectionRecorder recorder(*d.profile);
    const int per_report = std::max(1, opt.photos_per_report);
    for (int first = 0, r = 0; first < opt.photos; first += per_report, ++r) {
        const Target& t = d.targets[static_cast<std::size_t>(r) % d.targets.size()];
        InspectionInput in;
        in.task_id = t.task_id;
        for (const char* code : kItems) in.answers.push_back({code, "pass", "", 0});
        if (t.location) {
            in.gps = *t.location;
            in.gps_accuracy_m = 8;
            in.gps_fix_age_ms = 1000;
        }
        in.notes = "ducha-bench photos, run " + std::to_string(run_no);
        for (int i = first; i < std::min(opt.photos, first + per_report); ++i)
            in.photos.push_back(PhotoInput{"", random_photo(rng, opt.photo_bytes)});
        if (auto id = recorder.record(in); !id) {
            run.setup_error = "recording a report failed: " + id.error().to_string();
            return;
        }
    }
    auto& store = d.profile->store();
    CurlTransport http{TransportConfig{.base_url = opt.server_url, .pin = opt.pin}};
    for (;;) {
        auto items = store.pending(200);
        if (!items) {
            run.setup_error = "cannot read the outbox: " + items.error().message();
            return;
        }
        if (items->empty()) break;
        pb::SyncRequest req;
        for (const auto& it : *items) *req.add_mutations() = it.mutation;
        req.mutable_status()->set_app_version("ducha-bench");
        req.set_pull(false);
        auto resp = post_sync(d, http, req);
        if (!resp) {
            run.setup_error = "pushing the reports failed: " + resp.error().to_string();
            return;
        }
        for (const auto& ack : resp->acks()) {
            if (ack.status() == pb::Ack::APPLIED || ack.status() == pb::Ack::DUPLICATE) {
                (void)store.acked(ack.client_seq(), ack);  // a failure shows as the outbox not emptying
                continue;
            }
            run.setup_error = "a report was not applied: " + ack.code() + ": " + ack.message();
            return;
        }
    }
    auto blobs = store.blobs(true);
    if (!blobs) {
        run.setup_error = "cannot read the upload list: " + blobs.error().message();
        return;
    }
    for (const auto& b : *blobs) {
        auto data = d.profile->read_blob(b.sha256_hex);
        if (!data) {
            run.setup_error = "cannot read a photo back: " + data.error().message();
            return;
        }
        run.photos.push_back(Photo{b.sha256_hex, std::move(*data)});
    }
}

// The timed part: every photo, one after another on the device's one connection, with the sync
// client's upload (sync::BlobUploader), each acknowledged only when stored durably.
void upload_all(Device& d, DeviceRun& run, const PhotosOptions& opt, std::latch& ready, std::latch& go) {
    CurlTransport http{TransportConfig{.base_url = opt.server_url, .pin = opt.pin}};
    auto warm = http.request("GET", "/healthz", "");  // connect (TCP + TLS) before the clock
    if (!warm || warm->status != 200) run.setup_error = "cannot reach the server";
    auto token = d.profile->access_token();
    if (!token || token->empty()) run.setup_error = "no access token";
    const std::string bearer = "Bearer " + token.value_or("");
    BlobUploader uploader{[&](const std::string& method, const std::string& path, const std::string& body,
                              std::map<std::string, std::string> headers) {
                              headers["Authorization"] = bearer;
                              return http.request(method, path, body, headers);
                          },
                          opt.chunk};
    ready.count_down();
    go.wait();
    for (const auto& p : run.photos) {
        if (!run.setup_error.empty()) break;
        auto t0 = Clock::now();
        auto s = uploader.upload(p.hex, p.data, false);
        run.latency_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (!s) {
            run.failed++;
            if (run.errors.size() < 3) run.errors.push_back(s.error().to_string());
            continue;
        }
        run.uploaded++;
        run.bytes += p.data.size();
    }
    run.finished = Clock::now();
}

// After the clock: the device records each photo as sent (as the sync client does), and the
// server is asked whether it holds each one whole; the first photo of each device is read back
// and its hash compared.
void settle(Device& d, DeviceRun& run, const PhotosOptions& opt) {
    CurlTransport http{TransportConfig{.base_url = opt.server_url, .pin = opt.pin}};
    auto& store = d.profile->store();
    bool read_back = false;
    for (const auto& p : run.photos) {
        (void)store.blob_progress(p.hex, static_cast<std::int64_t>(p.data.size()), true);  // checked below
        auto head = authorized_request(*d.profile, http, "HEAD", "/v1/blobs/" + p.hex, "");
        bool whole = head && head->status == 200 && head->header("blob-complete") == "1" &&
                     head->header("upload-offset") == std::to_string(p.data.size());
        if (whole && !read_back) {
            auto got = authorized_request(*d.profile, http, "GET", "/v1/blobs/" + p.hex, "");
            whole = got && got->status == 200 && hex_encode(crypto::sha256(got->body)) == p.hex;
            read_back = true;
        }
        if (whole) {
            run.verified++;
        } else if (run.errors.size() < 3) {
            run.errors.push_back("photo " + p.hex.substr(0, 12) + " is not stored whole on the server");
        }
    }
}

std::map<std::string, double> fetch_metrics(const PhotosOptions& opt) {
    std::map<std::string, double> out;
    CurlTransport http{TransportConfig{.base_url = opt.server_url, .pin = opt.pin}};
    auto r = http.request("GET", "/metrics", "");
    if (!r || r->status != 200) return out;
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
    return out;
}

double server_cpu_seconds(const PhotosOptions& opt) {
    double sum = 0;
    for (pid_t pid : opt.server_pids) sum += process::process_cpu_seconds(pid);
    return sum;
}

template <typename Fn>
void on_every_device(std::vector<Device>& devices, std::vector<DeviceRun>& runs, Fn fn) {
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < devices.size(); ++i) threads.emplace_back([&, i] { fn(devices[i], runs[i]); });
    for (auto& t : threads) t.join();
}

struct RunFigures {
    double mb_per_s = 0, p50 = 0, p99 = 0;
};

}  // namespace

int run_photos(const PhotosOptions& opt, std::ostream& out, std::ostream& err) {
    // The devices enroll as ingest's do (bench_devices): one demo volunteer each, tasks pulled.
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
    IngestOptions setup;
    setup.server_url = opt.server_url;
    setup.pin = opt.pin;
    setup.codes_csv = opt.codes_csv;
    setup.work_dir = opt.work_dir;
    std::vector<Device> devices(static_cast<std::size_t>(opt.devices));
    if (!enroll_devices(devices, setup, *codes, err)) return 1;
    std::vector<RunFigures> figures;
    bool clean = true;
    for (int run_no = 1; run_no <= opt.runs; ++run_no) {
        err << "run " << run_no << "/" << opt.runs << ": recording " << opt.devices * opt.photos
            << " photos in signed reports and pushing the reports...\n";
        std::vector<DeviceRun> runs(devices.size());
        on_every_device(devices, runs, [&](Device& d, DeviceRun& r) { prepare_run(d, r, opt, run_no); });
        for (std::size_t i = 0; i < runs.size(); ++i) {
            if (runs[i].setup_error.empty()) continue;
            err << "ducha-bench: device " << i << ": " << runs[i].setup_error << "\n";
            return 1;
        }
        err << "run " << run_no << "/" << opt.runs << ": uploading...\n";
        auto before = fetch_metrics(opt);
        std::latch ready(static_cast<std::ptrdiff_t>(devices.size())), go(1);
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < devices.size(); ++i)
            threads.emplace_back([&, i] { upload_all(devices[i], runs[i], opt, ready, go); });
        ready.wait();
        const double cpu0 = server_cpu_seconds(opt), self0 = process::self_cpu_seconds();
        const auto t0 = Clock::now();
        go.count_down();
        for (auto& t : threads) t.join();
        const double server_cpu = server_cpu_seconds(opt) - cpu0, self_cpu = process::self_cpu_seconds() - self0;
        auto after = fetch_metrics(opt);
        on_every_device(devices, runs, [&](Device& d, DeviceRun& r) { settle(d, r, opt); });

        auto last = t0;
        std::vector<double> lat;
        std::uint64_t bytes = 0;
        int uploaded = 0, failed = 0, verified = 0, total = 0;
        std::vector<std::string> errors;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const auto& r = runs[i];
            last = std::max(last, r.finished);
            lat.insert(lat.end(), r.latency_ms.begin(), r.latency_ms.end());
            bytes += r.bytes;
            uploaded += r.uploaded;
            failed += r.failed;
            verified += r.verified;
            total += static_cast<int>(r.photos.size());
            if (!r.setup_error.empty()) errors.push_back("device " + std::to_string(i) + ": " + r.setup_error);
            for (const auto& e : r.errors)
                if (errors.size() < 5) errors.push_back("device " + std::to_string(i) + ": " + e);
        }
        const double seconds = std::chrono::duration<double>(last - t0).count();
        RunFigures f{seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0, percentile(lat, 50), percentile(lat, 99)};
        figures.push_back(f);
        for (const auto& e : errors) err << "  error: " << e << "\n";
        if (failed || verified != total || !errors.empty()) clean = false;

        out << "run " << run_no << "/" << opt.runs << ": " << uploaded << " photos, " << fixed(static_cast<double>(bytes) / 1e6, 1)
            << " MB in " << fixed(seconds, 3) << " s = " << fixed(f.mb_per_s, 1) << " MB/s ("
            << fixed(seconds > 0 ? uploaded / seconds : 0, 0) << " photos/s), p50 " << fixed(f.p50, 1) << " ms, p99 "
            << fixed(f.p99, 1) << " ms; " << failed << " failed; stored whole " << verified << "/" << total << "\n";
        auto delta = [&](const std::string& name) {
            auto a = after.find(name), b = before.find(name);
            return a != after.end() && b != before.end() ? a->second - b->second : -1.0;
        };
        out << "  server: " << fixed(delta("ducha_blobs_completed_total"), 0) << " files completed, "
            << fixed(delta("ducha_blob_bytes_received_total") / 1e6, 1) << " MB received";
        if (!opt.server_pids.empty())
            out << "; cpu " << fixed(server_cpu, 2) << " s = " << fixed(seconds > 0 ? server_cpu / seconds : 0, 2)
                << " cores, " << fixed(uploaded ? server_cpu * 1e6 / uploaded : 0, 0) << " us/photo";
        out << "; bench cpu " << fixed(self_cpu, 2) << " s" << std::endl;
    }
    std::vector<double> tp, p50, p99;
    for (const auto& f : figures) {
        tp.push_back(f.mb_per_s);
        p50.push_back(f.p50);
        p99.push_back(f.p99);
    }
    out << "photos: " << fixed(median(tp), 1) << " MB/s, p50 " << fixed(median(p50), 1) << " ms, p99 "
        << fixed(median(p99), 1) << " ms" << std::endl;
    return clean ? 0 : 1;
}

}  // namespace ducha::bench
