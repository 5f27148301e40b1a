#pragma once
// The simulated devices the benchmarks drive: enrollment with demo codes, signed reports recorded
// offline and pushed in batches over HTTPS, their acks settled and receipts checked. Shared by
// `ingest` (which times the push) and `pull` (which uses the push to fill a store).
#include <atomic>
#include <filesystem>
#include <iosfwd>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "ducha.pb.h"
#include "server/bench/ingest.h"
#include "shared/common/result.h"
#include "shared/sync/device_profile.h"

namespace ducha::bench {

// One row of a server's enrollment-codes.csv.
struct CodeRow {
    std::string user_id, role, name, district, code;
};

// The rows of `role` (volunteer, coordinator, ...) that carry a code.
Result<std::vector<CodeRow>> read_codes(const std::filesystem::path& csv, std::string_view role);

// A task a device reports on, with its institution's location (for a plausible GPS fix).
struct Target {
    std::string task_id;
    std::optional<pb::GeoPoint> location;
    std::size_t base = 0;  // serialized report size without notes, once one report has been made
};

struct Device {
    using Clock = std::chrono::steady_clock;
    int slot = 0;
    std::filesystem::path dir;
    std::unique_ptr<sync::DeviceProfile> profile;
    sync::Identity id;
    std::string user_id, district;  // from the code it enrolled with
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

// Runs fn(device) on one thread per device and waits for all.
template <typename Fn>
void for_each_device(std::vector<Device>& devices, Fn fn) {
    std::vector<std::thread> threads;
    threads.reserve(devices.size());
    for (auto& d : devices) threads.emplace_back([&d, &fn] { fn(d); });
    for (auto& t : threads) t.join();
}

// The codes shared by devices enrolling at once: each takes the next unused one.
struct Enrollment {
    std::mutex mu;
    std::atomic<std::size_t> next{0};
    int refused = 0, without_tasks = 0;
    std::vector<std::string> refusals;
};

// How a device enrolls: `initial_sync` pulls its scope through the sync client (and finds its
// tasks); `need_targets` skips volunteers with no open task (ingest needs something to report on).
struct EnrollMode {
    bool initial_sync = true;
    bool need_targets = true;
};

// The open tasks assigned to `user_id` in a device's store, with checklist and institution at hand.
std::vector<Target> usable_targets(sync::LocalStore& store, const std::string& user_id);

// Takes codes from the shared list until one gives an enrolled device (with a task to report on,
// when the mode needs one). Failure goes to d.setup_error.
void enroll_device(Device& d, const IngestOptions& opt, const std::vector<CodeRow>& codes, Enrollment& en,
                   const EnrollMode& mode = {});

// Enrolls every device, one thread per device (not timed). False: a device could not start,
// said on `err`.
bool enroll_devices(std::vector<Device>& devices, const IngestOptions& opt, const std::vector<CodeRow>& codes,
                    std::ostream& err, const EnrollMode& mode = {});

// Records, signs and queues opt.reports reports (offline, like a phone), then serializes the push
// requests of opt.batch reports each into d.bodies, so the timed part only sends bytes.
void prepare_run(Device& d, const IngestOptions& opt, int run);

// The instance a device talks to: one each in turn, as a least-connections balancer would.
const std::string& instance_of(const Device& d, const IngestOptions& opt);

// Sends d.bodies in order on one kept-alive connection once `go` opens, timing each request.
void push_all(Device& d, const IngestOptions& opt, std::latch& ready, std::latch& go);

struct Settled {
    int verified = 0, bad_receipts = 0;
    std::set<std::string> batches;
    std::string first_bad;
};

// Marks the acknowledged reports in the outbox (as the sync client does) and checks each receipt.
void settle(Device& d, const IngestOptions& opt, Settled& s, std::mutex& mu);

// The counters of every instance, summed.
std::map<std::string, double> fetch_metrics(const IngestOptions& opt);

}  // namespace ducha::bench
