#include "server/bench/app_load.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <regex>
#include <sstream>

#include "server/bench/stats.h"
#include "server/process/server_process.h"
#include "shared/common/clock.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/store/statement.h"
#include "shared/store/transaction.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/inspection_recorder.h"
#include "shared/sync/sync_client.h"

namespace ducha::bench {

using process::file_tail;
using process::run_program;
using process::ServerProcess;

namespace fs = std::filesystem;

namespace {

constexpr const char* kItems[] = {"L1", "L2", "L3", "L4", "T1", "T2", "T3", "T4", "T5", "T6", "P1",
                                  "P2", "F1", "F2", "F3", "F4", "A1", "X1", "X2", "X3", "X4"};
constexpr std::int64_t kDayMs = 86'400'000;
constexpr int kBatch = 500;  // records and reports written per transaction while filling

std::string first_volunteer_code(const fs::path& csv) {
    std::ifstream in(csv);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
        if (f.size() >= 5 && f[1] == "volunteer") return f[4];
    }
    return {};
}

// How the replica's rows are made up. A report received earlier is three rows (its task, now
// done; the report; the server's receipt); a report still waiting is two (its task, shown
// submitted; the report); an open task and an institution one each.
struct Mix {
    int institutions = 0, past_reports = 0, open_tasks = 0, queued_reports = 0;
};

Result<Mix> mix_for(int records, int outbox, std::int64_t synced) {
    Mix m;
    m.queued_reports = outbox;
    m.open_tasks = std::clamp(records / 20, 1, 200);
    const std::int64_t rest = records - synced - 2LL * outbox - m.open_tasks;
    if (rest < 0)
        return fail(Errc::invalid_argument, Msg::verbatim,
                    "--records " + std::to_string(records) + " is too few for --outbox " + std::to_string(outbox) +
                        " (each waiting report is two rows: it and its task; the synced profile has " +
                        std::to_string(synced) + ")");
    m.past_reports = static_cast<int>(rest * 7 / 30);  // about 70 % of the rest: reports and their tasks, receipts
    m.institutions = static_cast<int>(rest - 3LL * m.past_reports);
    return m;
}

Result<std::int64_t> record_rows(sync::LocalStore& s) {
    store::Statement st{s.db(), "SELECT COUNT(*) FROM record"};
    auto row = st.step();
    if (!row) return fail(row.error());
    return st.col_int(0);
}

// Runs `each(i)` for i in [0, n), kBatch to a transaction (one commit per batch, as a pull
// applies a page of records).
Status in_batches(store::Database& db, int n, const std::function<Status(int)>& each) {
    for (int i = 0; i < n;) {
        store::Transaction tx{db};
        if (!tx.begun()) return tx.begun();
        for (int end = std::min(n, i + kBatch); i < end; ++i)
            if (auto s = each(i); !s) return s;
        if (auto s = tx.commit(); !s) return s;
    }
    return {};
}

// Fills the synced profile the way the device store fills: records as a pull applies them
// (LocalStore::apply_remote), reports recorded, signed and queued by the InspectionRecorder as
// `ducha inspect` does, and those already received acknowledged as a sync acknowledges them
// (LocalStore::acked, which keeps the receipt).
class ProfileFiller {
public:
    explicit ProfileFiller(sync::DeviceProfile& p) : m_p(p), m_store(p.store()) {}

    Status fill(const Mix& mix, std::ostream& out) {
        auto id = m_p.identity();
        if (!id) return fail(id.error());
        m_me = id->user_id;
        if (auto s = find_seeds(); !s) return s;
        const std::int64_t now = unix_ms_now();
        auto t0 = std::chrono::steady_clock::now();
        // Institutions of my zones, as the registry sends them.
        if (auto s = in_batches(m_store.db(), mix.institutions, [&](int i) { return add_institution(i, now); }); !s) return s;
        // Tasks: the ones I reported on long ago, the ones I reported on offline, the open ones.
        std::vector<std::string> past, queued;
        const int tasks = mix.past_reports + mix.queued_reports + mix.open_tasks;
        if (auto s = in_batches(m_store.db(), tasks, [&](int i) {
                auto tid = add_task(i, now, i >= mix.past_reports + mix.queued_reports);
                if (!tid) return Status{fail(tid.error())};
                (i < mix.past_reports ? past : queued).push_back(*tid);
                return Status{};
            });
            !s)
            return s;
        queued.resize(static_cast<std::size_t>(mix.queued_reports));  // the rest stay open
        // Reports received long ago: recorded, then acknowledged with a receipt; the task done.
        if (auto s = in_batches(m_store.db(), mix.past_reports, [&](int i) {
                return report_received(past[static_cast<std::size_t>(i)], now - (60 + i % 300) * kDayMs);
            });
            !s)
            return s;
        // Reports recorded offline and waiting to be sent.
        if (auto s = in_batches(m_store.db(), mix.queued_reports, [&](int i) {
                auto rid = record_report(queued[static_cast<std::size_t>(i)], now - (i % 7) * kDayMs);
                return rid ? Status{} : Status{fail(rid.error())};
            });
            !s)
            return s;
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
        out << "filled in " << ms << " ms: " << mix.institutions << " institutions, " << tasks << " tasks ("
            << mix.open_tasks << " open), " << mix.past_reports << " reports received with receipts, "
            << mix.queued_reports << " signed reports waiting" << std::endl;
        return {};
    }

private:
    // A task of mine and an institution, as the first sync brought them: the new ones are copies.
    Status find_seeds() {
        auto tasks = m_store.list(domain::kTask);
        if (!tasks) return fail(tasks.error());
        for (const auto& r : *tasks) {
            pb::Task t;
            if (!t.ParseFromString(r.payload())) continue;
            if (std::find(t.assignees().begin(), t.assignees().end(), m_me) == t.assignees().end()) continue;
            if (t.covert()) continue;  // a covert visit takes no site signature; keep the copies plain
            m_task = t;
            if (auto i = m_store.get(domain::kInstitution, t.institution_id()); i && *i) {
                m_inst.ParseFromString((*i)->payload());
                m_institution_ids.push_back(t.institution_id());
                return {};
            }
        }
        return fail(Errc::not_found, Msg::verbatim, "the synced profile has no open task of its volunteer with its institution");
    }

    Status add_institution(int i, std::int64_t now) {
        pb::Institution inst = m_inst;
        inst.set_name("课外培训机构 " + std::to_string(i + 1));
        inst.set_address("铁东区 " + std::to_string(i % 97 + 1) + " 路 " + std::to_string(i + 1) + " 号");
        inst.set_licence_no("LN" + std::to_string(100000 + i));
        if (inst.has_location()) {
            inst.mutable_location()->set_lat(inst.location().lat() + (i % 100) * 1e-4);
            inst.mutable_location()->set_lon(inst.location().lon() + (i / 100 % 100) * 1e-4);
        }
        pb::Record r;
        r.set_collection(std::string(domain::kInstitution));
        r.set_id(crypto::new_uuid());
        r.set_version(1);
        r.set_payload(inst.SerializeAsString());
        r.set_seq(++m_seq);
        r.set_updated_at(now - kDayMs * 400);
        m_institution_ids.push_back(r.id());
        return m_store.apply_remote(r);
    }

    Result<std::string> add_task(int i, std::int64_t now, bool open) {
        pb::Task t = m_task;
        t.set_institution_id(m_institution_ids[static_cast<std::size_t>(i) % m_institution_ids.size()]);
        t.set_status("open");
        t.set_report_id("");
        t.set_priority(1 + i % 5);
        t.set_title("");
        // Open ones: due from two days ago (overdue) to two weeks ahead.
        const std::int64_t end_s = (now + (open ? (i % 16 - 2) * kDayMs : -(i % 300) * kDayMs)) / 1000;
        t.set_window_start(end_s - 7 * 86400);
        t.set_window_end(end_s);
        pb::Record r;
        r.set_collection(std::string(domain::kTask));
        r.set_id(crypto::new_uuid());
        r.set_version(1);
        r.set_payload(t.SerializeAsString());
        r.set_seq(++m_seq);
        r.set_updated_at(now - kDayMs * 30);
        if (auto s = m_store.apply_remote(r); !s) return fail(s.error());
        return r.id();
    }

    Result<std::string> record_report(const std::string& task_id, std::int64_t device_time_ms) {
        sync::InspectionInput in;
        in.task_id = task_id;
        for (const char* code : kItems) in.answers.push_back({code, "pass", "", 0});
        if (m_inst.has_location()) {
            in.gps = m_inst.location();
            in.gps_accuracy_m = 8;
            in.gps_fix_age_ms = 1200;
        }
        in.notes = "例行检查：证照公示齐全，课时与收费符合规定，未见违规。";
        in.device_time_ms = device_time_ms;
        return sync::InspectionRecorder(m_p).record(in);
    }

    Status report_received(const std::string& task_id, std::int64_t device_time_ms) {
        auto rid = record_report(task_id, device_time_ms);
        if (!rid) return fail(rid.error());
        auto waiting = m_store.pending(1);
        if (!waiting) return fail(waiting.error());
        if (waiting->empty()) return fail(Errc::internal, Msg::verbatim, "the recorded report is not in the outbox");
        const auto seq = waiting->front().client_seq;
        pb::Ack ack;
        ack.set_client_seq(seq);
        ack.set_status(pb::Ack::APPLIED);
        ack.set_seq(++m_seq);
        ack.set_version(1);
        pb::Receipt& rc = *ack.mutable_receipt();
        rc.set_report_id(*rid);
        rc.set_seq(ack.seq());
        rc.set_server_time(device_time_ms + 3600'000);
        rc.set_batch_id(crypto::new_uuid());
        rc.set_leaf_count(1);
        if (auto s = m_store.acked(seq, ack); !s) return s;
        // The server's next pull: the task is done.
        auto cur = m_store.get(domain::kTask, task_id);
        if (!cur || !*cur) return fail(Errc::internal, Msg::verbatim, "the reported task is gone");
        pb::Task t;
        t.ParseFromString((*cur)->payload());
        t.set_status("done");
        t.set_report_id(*rid);
        pb::Record r = **cur;
        r.set_version(r.version() + 1);
        r.set_payload(t.SerializeAsString());
        r.set_seq(++m_seq);
        r.set_updated_at(device_time_ms + 3600'000);
        return m_store.apply_remote(r);
    }

    sync::DeviceProfile& m_p;
    sync::LocalStore& m_store;
    std::string m_me;
    pb::Task m_task;
    pb::Institution m_inst;
    std::vector<std::string> m_institution_ids;
    std::int64_t m_seq = 1'000'000;  // the server's seq of what it sends (above the demo's)
};

// Enrolls the first demo volunteer into `profile` and runs its first sync; false when it failed (said on err).
bool enroll_and_sync(const AppLoadOptions& o, const fs::path& profile, std::ostream& out, std::ostream& err) {
    const fs::path data = o.work / "server";
    auto init = run_program({o.server_bin, "init", "--data", data.string(), "--demo"}, o.work / "init.log");
    if (!init || *init != 0) {
        err << "ducha-bench: ducha-server init failed\n" << file_tail(o.work / "init.log");
        return false;
    }
    ServerProcess server;
    process::ServerLaunch launch;
    launch.bin = o.server_bin;
    launch.data_dir = data;
    launch.log = o.work / "server.log";
    if (auto s = server.start(launch); !s) {
        err << "ducha-bench: cannot start ducha-server: " << s.error().message() << "\n";
        return false;
    }
    auto p = sync::DeviceProfile::open(profile);
    if (!p) {
        err << "ducha-bench: " << p.error().message() << "\n";
        return false;
    }
    auto id = p->enroll(server.url(), first_volunteer_code(data / "enrollment-codes.csv"), server.pin(), "bench");
    if (!id) {
        err << "ducha-bench: enroll: " << id.error().message() << "\n";
        return false;
    }
    auto r = sync::SyncClient(*p).sync(3);
    if (!r || !r->complete()) {
        err << "ducha-bench: the volunteer's first sync did not complete\n";
        return false;
    }
    out << "profile: " << id->user_name << ", " << r->pulled << " records from the first sync; the server is stopped" << std::endl;
    return true;
}

}  // namespace

int run_app_load(const AppLoadOptions& o, std::ostream& out, std::ostream& err) {
    const fs::path profile = o.work / "profile";
    if (!enroll_and_sync(o, profile, out, err)) return 1;
    {
        auto p = sync::DeviceProfile::open(profile);
        if (!p) {
            err << "ducha-bench: " << p.error().message() << "\n";
            return 1;
        }
        auto synced = record_rows(p->store());
        if (!synced) {
            err << "ducha-bench: " << synced.error().message() << "\n";
            return 1;
        }
        auto mix = mix_for(o.records, o.outbox, *synced);
        if (!mix) {
            err << "ducha-bench: " << mix.error().message() << "\n";
            return 2;
        }
        if (auto s = ProfileFiller(*p).fill(*mix, out); !s) {
            err << "ducha-bench: filling the profile failed: " << s.error().message() << "\n";
            return 1;
        }
        auto rows = record_rows(p->store());
        auto waiting = p->store().pending_count();
        // What the app opens: one file, its log checkpointed, as after the app's last close.
        (void)p->store().db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        std::error_code ec;
        out << "device store: " << (rows ? *rows : -1) << " records, " << (waiting ? *waiting : -1) << " waiting, "
            << fs::file_size(profile / "device.db", ec) / 1024 / 1024 << " MiB" << std::endl;
    }

    std::vector<double> tasks_ms, banner_ms, first_ms;
    int rows = -1, pending = -1;
    const std::regex frame(R"(first_frame_ms=(\d+) interactive_ms=(\d+))");
    const std::regex load(R"(load_task_list_ms=(-?[\d.]+) load_banner_ms=(-?[\d.]+) pending=(\d+) photos=(\d+) set_aside=(\d+) rows=(-?\d+))");
    ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    for (int i = 1; i <= o.runs; ++i) {
        const fs::path log = o.work / ("app-" + std::to_string(i) + ".log");
        auto rc = run_program({o.app_bin, "--profile", profile.string(), "--measure-startup"}, log);
        std::ifstream in(log);
        std::string text((std::istreambuf_iterator<char>(in)), {});
        std::smatch f, l;
        if (!rc || *rc != 0 || !std::regex_search(text, f, frame) || !std::regex_search(text, l, load)) {
            err << "ducha-bench: ducha-app run " << i << " did not report its load\n" << file_tail(log);
            return 1;
        }
        const double t = std::stod(l[1]), b = std::stod(l[2]);
        rows = std::stoi(l[6]);
        pending = std::stoi(l[3]);
        if (t < 0 || b < 0 || pending != o.outbox) {
            err << "ducha-bench: run " << i << ": the task list or the banner was not ready, or the banner counts "
                << pending << " waiting changes instead of " << o.outbox << "\n";
            return 1;
        }
        tasks_ms.push_back(t);
        banner_ms.push_back(b);
        first_ms.push_back(std::stod(f[1]));
        out << "run " << i << ": task list " << fixed(t, 1) << " ms, banner " << fixed(b, 1)
            << " ms after start of load; first frame " << f[1] << " ms from main()" << std::endl;
    }
    out << "app-load: task list p50 " << fixed(median(tasks_ms), 1) << " ms, banner p50 " << fixed(median(banner_ms), 1)
        << " ms (max " << fixed(percentile(tasks_ms, 100), 1) << " and " << fixed(percentile(banner_ms, 100), 1) << "; "
        << o.records << " records, " << pending << " waiting, " << rows << " tasks listed; first frame p50 "
        << fixed(median(first_ms), 0) << " ms from main())" << std::endl;
    return 0;
}

}  // namespace ducha::bench
