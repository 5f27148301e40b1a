#include "server/bench/photo_devices.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <ostream>
#include <thread>

#include "server/bench/stats.h"
#include "shared/common/wire_error.h"
#include "shared/domain/collections.h"
#include "shared/sync/sync_client.h"

namespace ducha::bench {

namespace fs = std::filesystem;
using namespace ducha::sync;

namespace {

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

// A volunteer's one-time enrollment code, from the demo's enrollment-codes.csv.
struct VolunteerCode {
    std::string user_id, code;
};

// Rows with role volunteer of a user_id,role,name,district,code file.
Result<std::vector<VolunteerCode>> read_volunteer_codes(const fs::path& csv) {
    std::ifstream f(csv);
    if (!f) return fail(Errc::not_found, Msg::cannot_read_enrollment_codes, csv.string());
    std::string line;
    if (!std::getline(f, line)) return fail(Errc::malformed, Msg::file_empty_named, csv.string());
    auto header = split_csv_line(line);
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
    for (const char* need : {"user_id", "role", "code"})
        if (!col.count(need)) return fail(Errc::malformed, Msg::no_column_want_user_id, csv.string(), need);
    auto at = [&](const std::vector<std::string>& v, const char* name) {
        auto it = col.find(name);
        return it != col.end() && it->second < v.size() ? v[it->second] : std::string{};
    };
    std::vector<VolunteerCode> rows;
    while (std::getline(f, line)) {
        if (line.empty()) continue;
        auto v = split_csv_line(line);
        if (at(v, "role") == "volunteer" && !at(v, "code").empty()) rows.push_back({at(v, "user_id"), at(v, "code")});
    }
    return rows;
}

std::vector<PhotoTarget> open_tasks_of(LocalStore& store, const std::string& user_id) {
    std::vector<PhotoTarget> out;
    auto tasks = store.list(domain::kTask);
    if (!tasks) return out;
    for (const auto& rec : *tasks) {
        pb::Task t;
        if (!t.ParseFromString(rec.payload())) continue;
        if (t.status() != "open" && t.status() != "in_progress" && t.status() != "submitted") continue;
        if (std::find(t.assignees().begin(), t.assignees().end(), user_id) == t.assignees().end()) continue;
        auto tpl = store.get(domain::kChecklistTemplate, t.template_id());
        auto inst = store.get(domain::kInstitution, t.institution_id());
        if (!tpl || !*tpl || !inst || !*inst) continue;
        PhotoTarget target{rec.id(), std::nullopt};
        pb::Institution i;
        if (i.ParseFromString((*inst)->payload()) && i.has_location()) target.location = i.location();
        out.push_back(std::move(target));
    }
    return out;
}

struct CodeQueue {
    std::mutex mu;
    std::atomic<std::size_t> next{0};
    int refused = 0, without_tasks = 0;
    std::string first_refusal;
};

// Takes codes from the shared list until one gives an enrolled device with a task to report on.
void enroll_one(PhotoDevice& d, const PhotoDeviceSetup& setup, const std::vector<VolunteerCode>& codes, CodeQueue& q) {
    for (;;) {
        std::size_t k = q.next++;
        if (k >= codes.size()) {
            d.setup_error = "out of volunteer enrollment codes";
            return;
        }
        d.dir = setup.work_dir / ("device-" + std::to_string(k));
        std::error_code ec;
        fs::remove_all(d.dir, ec);
        fs::create_directories(d.dir, ec);
        auto p = DeviceProfile::open(d.dir);
        if (!p) {
            d.setup_error = "cannot open a device profile: " + p.error().message();
            return;
        }
        d.profile = std::make_unique<DeviceProfile>(std::move(*p));
        auto id = d.profile->enroll(setup.server_url, codes[k].code, setup.pin, "ducha-bench " + std::to_string(d.slot));
        if (!id) {
            if (wire::action_for(id.error().code) == wire::Action::stop) {  // used or expired: the next code
                std::lock_guard lk(q.mu);
                if (q.refused++ == 0) q.first_refusal = codes[k].user_id + ": " + id.error().message();
                d.profile.reset();
                continue;
            }
            d.setup_error = "enrollment failed: " + id.error().to_string();
            return;
        }
        d.id = *id;
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
        d.targets = open_tasks_of(d.profile->store(), d.id.user_id);
        if (d.targets.empty()) {
            std::lock_guard lk(q.mu);
            q.without_tasks++;
            d.profile.reset();
            continue;
        }
        return;
    }
}

}  // namespace

bool enroll_photo_devices(std::vector<PhotoDevice>& devices, const PhotoDeviceSetup& setup, std::ostream& err) {
    auto codes = read_volunteer_codes(setup.codes_csv);
    if (!codes) {
        err << "ducha-bench: " << codes.error().message() << "\n";
        return false;
    }
    if (codes->size() < devices.size()) {
        err << "ducha-bench: " << setup.codes_csv.string() << " has " << codes->size() << " volunteer codes; "
            << devices.size() << " devices need at least as many\n";
        return false;
    }
    err << "enrolling " << devices.size() << " devices and pulling their tasks...\n";
    CodeQueue q;
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < devices.size(); ++i) {
        devices[i].slot = static_cast<int>(i);
        threads.emplace_back([&, i] { enroll_one(devices[i], setup, *codes, q); });
    }
    for (auto& t : threads) t.join();
    for (const auto& d : devices) {
        if (d.setup_error.empty()) continue;
        err << "ducha-bench: device " << d.slot << ": " << d.setup_error << "\n";
        if (q.refused) err << "  (" << q.refused << " codes were refused, e.g. " << q.first_refusal << ")\n";
        return false;
    }
    err << "enrolled " << devices.size() << " devices in "
        << fixed(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 1) << " s ("
        << q.refused << " codes refused, " << q.without_tasks << " volunteers skipped for having no open task)\n";
    return true;
}

}  // namespace ducha::bench
