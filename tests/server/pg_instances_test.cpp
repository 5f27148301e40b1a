// Several `ducha-server serve` instances on one PostgreSQL database and one data directory (the
// key, the TLS pair, the evidence files): they start together and serve the same certificate, and
// the change feed they share neither skips nor repeats a change while their writers interleave
// (docs/SYNC.md, "PostgreSQL: a gap-free change feed"; docs/OPERATIONS.md, "Several instances").
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/pg/pg_connection.h"
#include "server/process/server_process.h"
#include "server/service/mutation_applier.h"
#include "server/service/server_app.h"
#include "server/storage/data_dir_lock.h"
#include "server/storage/feed_sequencer.h"
#include "server/storage/record_table.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"
#include "shared/store/statement.h"
#include "shared/support/temp_dir.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/device_profile.h"
#include "support/cli_steps.h"
#include "support/test_server.h"
#include "support/throwaway_haproxy.h"
#include "support/throwaway_postgres.h"

using namespace ducha;
using namespace ducha::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// The instances' time stands still: a device's status (its last contact) is written again only
// after a minute, and such a write would be a change of its own in the feed the test counts.
std::unique_ptr<server::ServerApp> start_instance(const fs::path& dir, const std::string& url, const Clock& clock) {
    server::ServeOptions o;
    o.clock = &clock;
    o.data_dir = dir;
    o.database_url = url;
    o.listen = "127.0.0.1:0";
    o.worker_threads = 2;
    auto app = server::ServerApp::start(o);
    if (!app) FAIL("instance did not start: " << app.error().message());
    return std::move(*app);
}

pb::Institution school_in(const std::string& district_id, const std::string& name) {
    pb::Institution i;
    i.set_district_id(district_id);
    i.set_name(name);
    i.set_address("实例路 1 号");
    i.set_licensed(true);
    i.set_category("学科类");
    return i;
}

// One enrolled device speaking the wire itself, so several can push and pull at once from threads.
struct WireDevice {
    std::string name, token;
    std::int64_t cursor = 0;
    std::string digest;
    std::uint64_t client_seq = 1'000'000;  // far past anything the device's own outbox used
    std::map<std::string, int> received;     // record id -> times it came in a pull
    std::vector<std::int64_t> seqs;          // every change's seq, in the order pulled

    static sync::CurlTransport transport_to(const server::ServerApp& app) {
        sync::TransportConfig tc;
        tc.base_url = app.url();
        tc.pin = app.pin();
        return sync::CurlTransport{tc};
    }

    pb::SyncResponse post(const server::ServerApp& app, const pb::SyncRequest& req) {
        auto http = transport_to(app);
        auto r = http.request("POST", "/v1/sync", req.SerializeAsString(),
                              {{"Authorization", "Bearer " + token}, {"Content-Type", "application/x-protobuf"}});
        pb::SyncResponse resp;
        if (!r || r->status != 200 || !resp.ParseFromString(r->body))
            throw std::runtime_error(name + ": sync failed: " + (r ? std::to_string(r->status) + " " + r->body : r.error().message()));
        return resp;
    }

    // Pushes new schools; answers each one's id and the seq its ack names.
    std::vector<std::pair<std::string, std::int64_t>> push_schools(const server::ServerApp& app,
                                                                  const std::string& district_id, int n) {
        pb::SyncRequest req;
        std::vector<std::string> ids;
        for (int i = 0; i < n; ++i) {
            auto* m = req.add_mutations();
            m->set_client_seq(client_seq++);
            m->set_collection(std::string(domain::kInstitution));
            ids.push_back(crypto::new_uuid());
            m->set_id(ids.back());
            m->set_base_version(0);
            m->set_payload(school_in(district_id, name + " 学校 " + std::to_string(client_seq)).SerializeAsString());
            m->set_hlc(static_cast<std::uint64_t>(std::time(nullptr)) * 1000);
        }
        auto resp = post(app, req);
        std::vector<std::pair<std::string, std::int64_t>> out;
        for (int i = 0; i < resp.acks_size(); ++i) {
            if (resp.acks(i).status() != pb::Ack::APPLIED)
                throw std::runtime_error(name + ": push not applied: " + resp.acks(i).message());
            out.emplace_back(ids[static_cast<std::size_t>(i)], resp.acks(i).seq());
        }
        return out;
    }

    // One pull page from `app`; false when the feed had nothing more.
    bool pull_page(const server::ServerApp& app) {
        pb::SyncRequest req;
        req.set_pull(true);
        req.set_cursor(cursor);
        req.set_scope_digest(digest);
        req.set_page_size(200);
        auto resp = post(app, req);
        if (resp.reset()) throw std::runtime_error(name + ": the scope changed under the test");
        for (const auto& rec : resp.changes()) {
            ++received[rec.id()];
            seqs.push_back(rec.seq());
        }
        cursor = resp.cursor();
        digest = resp.scope_digest();
        return resp.more();
    }

    void drain(const server::ServerApp& app) {
        while (pull_page(app)) {
        }
    }
};

WireDevice enrolled(const fs::path& profile, const server::ServerApp& app, const DemoAccount& acc) {
    must(profile, {"enroll", "--server", app.url(), "--code", acc.code, "--pin", app.pin()});
    auto p = sync::DeviceProfile::open(profile);
    REQUIRE(p.has_value());
    auto token = p->access_token();
    REQUIRE(token.has_value());
    WireDevice d;
    d.name = acc.role + "-" + acc.user_id.substr(0, 8);
    d.token = *token;
    return d;
}

// Writes one school inside `app`'s writer and keeps that transaction (and with it the feed lock)
// open until `release` is set: a slow writer on one instance. `seq` gets the school's seq.
struct HeldWrite {
    std::string id = crypto::new_uuid();
    std::promise<std::int64_t> written;  // inside the transaction, before the wait
    std::promise<Status> committed;
    std::shared_future<void> release;
};

void hold_write(server::ServerApp& app, const std::string& district_id, const std::shared_ptr<HeldWrite>& h) {
    app.context().writer->submit(
        [h, district_id](server::WriteBatch& b) -> Status {
            server::RecordTable table{b.db};
            server::MutationApplier ap{b, table};
            auto rec = ap.write(domain::kInstitution, h->id, 1, school_in(district_id, "慢事务学校").SerializeAsString(), false);
            if (!rec) return fail(rec.error());
            h->written.set_value(rec->seq());
            h->release.wait();
            return {};
        },
        [h](Status s) { h->committed.set_value(std::move(s)); });
}

// How many sessions of this database wait for a lock (a writer queued behind the feed lock).
std::int64_t sessions_waiting_for_a_lock(pg::PgConnection& pg) {
    store::Statement st{pg, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                            "AND wait_event_type = 'Lock'"};
    auto row = st.step();
    REQUIRE(row.has_value());
    REQUIRE(*row);
    return st.col_int(0);
}

}  // namespace

TEST_CASE("two instances on one PostgreSQL database and one DIR - every device gets every change once and seqs have no gaps",
          "[pg]") {
    const std::string url = fresh_database_url("instances");
    TempDir tmp;
    const fs::path dir = tmp.path / "data";
    init_data_dir(dir, true, url);
    const auto accounts = read_codes(dir);

    // Both start at once on the fresh DIR: one makes the TLS pair, the other serves the same one.
    const ManualClock clock;
    auto started_b = std::async(std::launch::async, [&] { return start_instance(dir, url, clock); });
    auto a = start_instance(dir, url, clock);
    auto b = started_b.get();
    CHECK(a->pin() == b->pin());
    CHECK(a->port() != b->port());
    // The directory is shared by the instances, never by a server of its own or a restore.
    CHECK_FALSE(server::DataDirLock::acquire(dir).has_value());
    CHECK(server::DataDirLock::acquire(dir, server::DataDirUse::shared).has_value());

    auto pg = pg::PgConnection::open(url);
    REQUIRE(pg.has_value());
    server::RecordTable table{*pg};

    // Coordinators of one district and the admin write schools there; supervisors read everything.
    std::string district_name;
    std::vector<const DemoAccount*> writers, readers;
    for (const auto& acc : accounts)
        if (acc.role == "coordinator" && (district_name.empty() || acc.district == district_name)) {
            district_name = acc.district;
            writers.push_back(&acc);
        }
    for (const auto& acc : accounts) {
        if (acc.role == "admin") writers.push_back(&acc);
        if (acc.role == "supervisor" && readers.size() < 2) readers.push_back(&acc);
    }
    REQUIRE(writers.size() == 3);
    REQUIRE(readers.size() == 2);
    auto coordinator = table.get(domain::kUser, writers.front()->user_id);
    REQUIRE(coordinator.has_value());
    REQUIRE(coordinator->has_value());
    pb::User coordinator_user;
    REQUIRE(coordinator_user.ParseFromString((**coordinator).payload()));
    const std::string district_id = coordinator_user.district_id();
    REQUIRE_FALSE(district_id.empty());

    // Enrolled through both instances in turn (their tokens are rows of the one database), then
    // each pulls what it may see so far, from either instance.
    std::vector<WireDevice> devices;
    std::vector<const DemoAccount*> everyone = writers;
    everyone.insert(everyone.end(), readers.begin(), readers.end());
    for (std::size_t i = 0; i < everyone.size(); ++i)
        devices.push_back(enrolled(tmp.path / ("device" + std::to_string(i)), i % 2 ? *b : *a, *everyone[i]));
    for (std::size_t i = 0; i < devices.size(); ++i) devices[i].drain(i % 2 ? *a : *b);
    for (auto& d : devices) {
        d.received.clear();
        d.seqs.clear();
    }
    auto base = table.max_seq();
    REQUIRE(base.has_value());

    std::mutex mu;
    std::map<std::string, std::int64_t> written;  // every school the test wrote -> its seq
    auto note = [&](const std::string& id, std::int64_t seq) {
        std::lock_guard lk(mu);
        written.emplace(id, seq);
    };

    SECTION("a slow writer on one instance holds the other's commit back, and nobody pulls past it") {
        // Instance A's writer takes a seq and keeps its transaction open.
        auto held = std::make_shared<HeldWrite>();
        std::promise<void> release;
        held->release = release.get_future().share();
        hold_write(*a, district_id, held);
        const std::int64_t held_seq = held->written.get_future().get();
        CHECK(held_seq == *base + 1);
        note(held->id, held_seq);

        // A coordinator pushes through instance B meanwhile: B's writer queues behind the feed lock.
        WireDevice& pusher = devices[0];
        auto pushed = std::async(std::launch::async, [&] { return pusher.push_schools(*b, district_id, 2); });
        const auto deadline = std::chrono::steady_clock::now() + 20s;
        while (sessions_waiting_for_a_lock(*pg) == 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(10ms);
        REQUIRE(sessions_waiting_for_a_lock(*pg) == 1);
        CHECK(pushed.wait_for(0s) == std::future_status::timeout);
        // Readers ask both instances meanwhile (a sync passes its instance's writer, so they are
        // answered once the feed lock moves on).
        auto read_a = std::async(std::launch::async, [&] { devices[3].drain(*a); });
        auto read_b = std::async(std::launch::async, [&] { devices[4].drain(*b); });

        release.set_value();
        auto committed = held->committed.get_future().get();
        REQUIRE(committed.has_value());
        for (const auto& [id, seq] : pushed.get()) {
            CHECK(seq > held_seq);  // B continued after A's seq, not beside it
            note(id, seq);
        }
        read_a.get();
        read_b.get();
    }

    SECTION("writers on both instances, slow and fast, while readers pull from both") {
        constexpr int kPushes = 12;
        std::atomic<bool> writing{true};
        std::vector<std::thread> threads;
        std::vector<std::string> failures;
        auto guarded = [&](auto body) {
            return [&, body] {
                try {
                    body();
                } catch (const std::exception& e) {
                    std::lock_guard lk(mu);
                    failures.push_back(e.what());
                }
            };
        };
        std::atomic<int> writers_left{static_cast<int>(writers.size()) + 1};
        // Fast writers: each device pushes through A, then B, then A...
        for (std::size_t w = 0; w < writers.size(); ++w) {
            threads.emplace_back(guarded([&, w] {
                for (int i = 0; i < kPushes; ++i)
                    for (const auto& [id, seq] : devices[w].push_schools((i + w) % 2 ? *b : *a, district_id, 1 + i % 3))
                        note(id, seq);
                if (--writers_left == 0) writing = false;
            }));
        }
        // Slow writers: transactions held open a while on each instance in turn.
        threads.emplace_back(guarded([&] {
            for (int i = 0; i < 6; ++i) {
                auto held = std::make_shared<HeldWrite>();
                std::promise<void> release;
                held->release = release.get_future().share();
                hold_write(i % 2 ? *b : *a, district_id, held);
                note(held->id, held->written.get_future().get());
                std::this_thread::sleep_for(30ms);
                release.set_value();
                if (auto s = held->committed.get_future().get(); !s) throw std::runtime_error(s.error().message());
            }
            if (--writers_left == 0) writing = false;
        }));
        // Readers: page after page from both instances while the writers run.
        for (std::size_t r = writers.size(); r < devices.size(); ++r) {
            threads.emplace_back(guarded([&, r] {
                for (int i = 0; writing; ++i) devices[r].pull_page(i % 2 ? *a : *b);
            }));
        }
        for (auto& t : threads) t.join();
        INFO((failures.empty() ? std::string() : failures.front()));
        REQUIRE(failures.empty());
        CHECK(written.size() == writers.size() * (kPushes * 2) + 6);  // 1+2+3 schools per three pushes
    }

    // Afterwards every device catches up, from either instance.
    for (std::size_t i = 0; i < devices.size(); ++i) devices[i].drain(i % 2 ? *b : *a);

    // The seqs the writers handed out are base+1, base+2, ... with none skipped or given twice, and
    // the sequencer row stands at the last.
    std::vector<std::int64_t> seqs;
    for (const auto& [id, seq] : written) seqs.push_back(seq);
    std::sort(seqs.begin(), seqs.end());
    REQUIRE_FALSE(seqs.empty());
    for (std::size_t i = 0; i < seqs.size(); ++i) CHECK(seqs[i] == *base + 1 + static_cast<std::int64_t>(i));
    auto last = table.max_seq();
    auto handed_out = server::FeedSequencer{*pg}.last_seq();
    REQUIRE(last.has_value());
    REQUIRE(handed_out.has_value());
    CHECK(*last == seqs.back());
    CHECK(*handed_out == seqs.back());

    // Every device got every school exactly once, in seq order, and nothing else changed.
    for (const auto& d : devices) {
        INFO(d.name);
        CHECK(d.cursor == seqs.back());
        CHECK(std::is_sorted(d.seqs.begin(), d.seqs.end()));
        CHECK(std::adjacent_find(d.seqs.begin(), d.seqs.end()) == d.seqs.end());
        CHECK(d.received.size() == written.size());
        for (const auto& [id, seq] : written) {
            INFO(id << " at seq " << seq);
            auto it = d.received.find(id);
            CHECK((it != d.received.end() && it->second == 1));
        }
    }
    b.reset();
    a.reset();
}

TEST_CASE("an upload begun on one instance continues on another - the same chunk is never appended twice - a phone revoked through one is refused by the other",
          "[pg]") {
    const std::string url = fresh_database_url("instances_upload");
    TempDir tmp;
    const fs::path dir = tmp.path / "data";
    init_data_dir(dir, true, url);
    const ManualClock clock;
    auto a = start_instance(dir, url, clock);
    auto b = start_instance(dir, url, clock);
    const std::vector<DemoAccount> accounts = read_codes(dir);
    const DemoAccount* volunteer = nullptr;
    for (const auto& acc : accounts)
        if (acc.role == "volunteer" && !volunteer) volunteer = &acc;
    REQUIRE(volunteer != nullptr);
    const WireDevice device = enrolled(tmp.path / "volunteer", *a, *volunteer);

    constexpr std::size_t kChunk = 64 * 1024, kChunks = 6;
    const std::string photo = crypto::random_bytes(kChunk * kChunks);
    const std::string hex = hex_encode(crypto::sha256(photo));
    auto put = [&](const server::ServerApp& app, std::size_t chunk) {
        const std::size_t from = chunk * kChunk;
        auto http = WireDevice::transport_to(app);
        auto r = http.request("PUT", "/v1/blobs/" + hex, photo.substr(from, kChunk),
                              {{"Authorization", "Bearer " + device.token},
                               {"Content-Type", "application/octet-stream"},
                               {"Content-Range", "bytes " + std::to_string(from) + "-" + std::to_string(from + kChunk - 1) +
                                                     "/" + std::to_string(photo.size())}});
        REQUIRE(r.has_value());
        return std::make_pair(r->status, r->header("upload-offset"));
    };
    auto offset_on = [&](const server::ServerApp& app) {
        auto http = WireDevice::transport_to(app);
        auto r = http.request("HEAD", "/v1/blobs/" + hex, "", {{"Authorization", "Bearer " + device.token}});
        REQUIRE(r.has_value());
        REQUIRE(r->status == 200);
        CHECK(r->header("blob-complete") == "0");
        return r->header("upload-offset");
    };

    // Begun on A; B reads where it stands from the shared partial file and refuses the wrong offset.
    CHECK(put(*a, 0).first == 202);
    CHECK(offset_on(*b) == std::to_string(kChunk));
    auto wrong = put(*b, 0);
    CHECK(wrong.first == 409);
    CHECK(wrong.second == std::to_string(kChunk));
    // The same chunk sent to both at once (a retry that reached the other instance): one appends it,
    // the other answers where the upload now stands.
    for (std::size_t chunk = 1; chunk + 1 < kChunks; ++chunk) {
        auto on_b = std::async(std::launch::async, [&] { return put(*b, chunk); });
        auto on_a = put(*a, chunk);
        auto other = on_b.get();
        INFO("chunk " << chunk << ": A " << on_a.first << ", B " << other.first);
        CHECK(std::min(on_a.first, other.first) == 202);
        CHECK(std::max(on_a.first, other.first) == 409);
        CHECK(offset_on(chunk % 2 ? *a : *b) == std::to_string((chunk + 1) * kChunk));
    }
    // Finished on B: the stored file is the photo, byte for byte.
    CHECK(put(*b, kChunks - 1).first == 201);
    CHECK(hex_encode(crypto::sha256(read_file(dir / "blobs" / hex.substr(0, 2) / hex))) == hex);

    // The admin, whose phone talks to A, revokes the volunteer's phone: B refuses it at once.
    const DemoAccount* admin = nullptr;
    for (const auto& acc : accounts)
        if (acc.role == "admin") admin = &acc;
    REQUIRE(admin != nullptr);
    const fs::path admin_profile = tmp.path / "admin";
    must(admin_profile, {"enroll", "--server", a->url(), "--code", admin->code, "--pin", a->pin()});
    must(admin_profile, {"sync"});
    auto volunteer_profile = sync::DeviceProfile::open(tmp.path / "volunteer");
    REQUIRE(volunteer_profile.has_value());
    auto phone = volunteer_profile->identity();
    REQUIRE(phone.has_value());
    must(admin_profile, {"admin", "device", "revoke", phone->device_id});
    must(admin_profile, {"sync"});
    auto http = WireDevice::transport_to(*b);
    pb::SyncRequest pull;
    pull.set_pull(true);
    auto refused = http.request("POST", "/v1/sync", pull.SerializeAsString(),
                                {{"Authorization", "Bearer " + device.token}, {"Content-Type", "application/x-protobuf"}});
    REQUIRE(refused.has_value());
    CHECK(refused->status == 401);
    CHECK(contains(refused->body, "revoked"));
}

namespace {

// `ducha-server serve --database URL` as a child process on a port of its own.
std::unique_ptr<process::ServerProcess> serve_process(const fs::path& dir, const std::string& url, const std::string& name) {
    auto sp = std::make_unique<process::ServerProcess>();
    process::ServerLaunch launch;
    launch.bin = DUCHA_SERVER_BIN;
    launch.data_dir = dir;
    launch.log = dir.parent_path() / (name + ".log");
    launch.extra_args = {"--database", url};
    launch.ready_timeout = std::chrono::seconds(60);
    if (auto s = sp->start(launch); !s) throw std::runtime_error(name + " did not start: " + s.error().message());
    return sp;
}

std::string host_port(const std::string& url) { return url.substr(url.find("://") + 3); }

// A counter of an instance's /metrics, asked of the instance itself (not through the proxy).
std::int64_t metric_of(const process::ServerProcess& instance, const std::string& name) {
    sync::TransportConfig tc;
    tc.base_url = instance.url();
    tc.pin = instance.pin();
    sync::CurlTransport http{tc};
    auto r = http.request("GET", "/metrics", "");
    INFO((r ? std::string() : r.error().message()));
    REQUIRE(r.has_value());
    REQUIRE(r->status == 200);
    const auto at = r->body.find("\n" + name + " ");
    REQUIRE(at != std::string::npos);
    return std::stoll(r->body.substr(at + name.size() + 2));
}

}  // namespace

TEST_CASE("deploy/haproxy/ducha.cfg in front of two ducha-server processes - a device enrolls and inspects through it",
          "[pg]") {
    const std::string url = fresh_database_url("instances_haproxy");
    TempDir tmp;
    const fs::path dir = tmp.path / "data";
    init_data_dir(dir, true, url);
    // Two real processes on the one directory: one certificate, one pin. (Started from this
    // thread: a child is told to stop when the thread that started it ends.)
    auto one = serve_process(dir, url, "instance1");
    auto two = serve_process(dir, url, "instance2");
    REQUIRE(one->pin() == two->pin());
    ThrowawayHaproxy proxy{tmp.path / "haproxy", fs::path(DUCHA_SOURCE_DIR) / "deploy" / "haproxy" / "ducha.cfg",
                           {host_port(one->url()), host_port(two->url())}};

    // The volunteer only ever knows the proxy's address and the deployment's pin.
    const std::vector<DemoAccount> accounts = read_codes(dir);
    const DemoAccount* volunteer = nullptr;
    for (const auto& acc : accounts)
        if (acc.role == "volunteer" && !volunteer) volunteer = &acc;
    REQUIRE(volunteer != nullptr);
    const fs::path profile = tmp.path / "volunteer";
    must(profile, {"enroll", "--server", proxy.url(), "--code", volunteer->code, "--pin", one->pin()});
    must(profile, {"sync"});
    const std::string task = first_open_task(profile);
    must(profile, {"inspect", "--task", task, "--answers", write_answers(tmp.path).string(), "--gps", "41.1,122.9"});
    for (int i = 0; i < 4; ++i) must(profile, {"sync"});
    CHECK(cli_json(profile, {"outbox", "--json"}).empty());
    auto again = must(profile, {"sync"});
    CHECK(contains(again.out, "pushed 0,"));

    // leastconn shared the syncs out (each sync is a connection of its own, and the proxy's
    // health checks over TLS found both instances ready).
    INFO("haproxy: " << process::file_tail(proxy.log(), 3000));
    CHECK(metric_of(*one, "ducha_sync_requests_total") > 0);
    CHECK(metric_of(*two, "ducha_sync_requests_total") > 0);
    CHECK(contains(read_file(tmp.path / "instance1.log"), "/readyz"));

    // The report and its receipt are in the one database.
    auto pg = pg::PgConnection::open(url);
    REQUIRE(pg.has_value());
    int reports = 0, with_receipt = 0;
    auto scan = server::RecordTable{*pg}.for_each_report([&](const pb::Record&, const std::optional<std::string>& receipt) {
        ++reports;
        if (receipt) ++with_receipt;
        return true;
    });
    REQUIRE(scan.has_value());
    CHECK(reports == 1);
    CHECK(with_receipt == 1);

    // One instance stops: the device still syncs through the proxy, on the other.
    CHECK(two->stop() == 0);
    must(profile, {"sync"});
    must(profile, {"sync"});
}
