// Integration tests of the sync path against a real server on 127.0.0.1: devices are `ducha` CLI
// profiles (the same core as the app), the server is in-process (TestServer) or the real binary
// (ServerProcess) where a crash is part of the test. Each test checks an invariant of
// docs/ARCHITECTURE.md against the server's database, not only against what the client says.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "server/service/server_app.h"
#include "server/storage/record_table.h"
#include "shared/common/bytes.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"
#include "shared/store/database.h"
#include "shared/store/statement.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/sync_client.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using nlohmann::json;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using namespace ducha::test;  // the CLI steps of support/cli_steps.h

namespace {

// ------------------------------------------------------------------------------------ helpers

void enroll(const fs::path& profile, const std::string& url, const std::string& pin, const std::string& code) {
    must(profile, {"enroll", "--server", url, "--code", code, "--pin", pin, "--name", "itest-device"});
}


// The number after `label` in the sync summary ("pushed 1, duplicates 2, ...").
int summary_number(const std::string& out, const std::string& label) {
    auto p = out.find(label + " ");
    if (p == std::string::npos) return -1;
    return std::stoi(out.substr(p + label.size() + 1));
}

// Live and deleted rows of one collection in the server database (read directly, not via the API).
struct Row {
    std::string id;
    std::int64_t version = 0;
    std::string payload;
    bool deleted = false;
};

std::vector<Row> server_rows(const fs::path& data_dir, std::string_view collection) {
    auto db = test::server_db(data_dir);
    REQUIRE(db);
    store::Statement st{*db, "SELECT id, version, payload, deleted FROM record WHERE collection=?1 ORDER BY id"};
    st.bind(1, collection);
    std::vector<Row> out;
    for (;;) {
        auto row = st.step();
        REQUIRE(row.has_value());
        if (!*row) break;
        out.push_back({st.col_text(0), st.col_int(1), st.col_blob(2), st.col_int(3) != 0});
    }
    return out;
}

std::optional<Row> server_row(const fs::path& data_dir, std::string_view collection, const std::string& id) {
    for (auto& r : server_rows(data_dir, collection))
        if (r.id == id) return r;
    return std::nullopt;
}

template <typename M>
M parse_as(const std::string& payload) {
    M m;
    REQUIRE(m.ParseFromString(payload));
    return m;
}

std::optional<pb::Record> device_record(const fs::path& profile, std::string_view collection, const std::string& id) {
    auto p = sync::DeviceProfile::open(profile);
    REQUIRE(p.has_value());
    auto r = p->store().get(collection, id);
    REQUIRE(r.has_value());
    return *r;
}

std::vector<pb::Record> device_records(const fs::path& profile, std::string_view collection) {
    auto p = sync::DeviceProfile::open(profile);
    REQUIRE(p.has_value());
    auto r = p->store().list(collection);
    REQUIRE(r.has_value());
    return *r;
}

sync::CurlTransport transport(const std::string& url, const std::string& pin) {
    return sync::CurlTransport{sync::TransportConfig{.base_url = url, .pin = pin}};
}

pb::SyncResponse post_sync(sync::HttpTransport& http, const std::string& token, const pb::SyncRequest& req) {
    auto r = http.request("POST", "/v1/sync", req.SerializeAsString(),
                          {{"Authorization", "Bearer " + token}, {"Content-Type", "application/x-protobuf"}});
    REQUIRE(r.has_value());
    INFO("HTTP " << r->status << ": " << r->body);
    REQUIRE(r->status == 200);
    pb::SyncResponse resp;
    REQUIRE(resp.ParseFromString(r->body));
    return resp;
}

// The open, non-covert tasks of a device (falls back to any open task).
std::vector<std::string> open_task_ids(const fs::path& profile, bool prefer_overt = true) {
    auto tasks = cli_json(profile, {"tasks", "--json"});
    std::vector<std::string> overt, all;
    for (const auto& t : tasks) {
        if (t["status"] != "open") continue;
        all.push_back(t["id"]);
        if (!t["covert"].get<bool>()) overt.push_back(t["id"]);
    }
    if (prefer_overt && !overt.empty()) {
        for (const auto& id : all)
            if (std::find(overt.begin(), overt.end(), id) == overt.end()) overt.push_back(id);
        return overt;
    }
    return all;
}

std::string digest_of(const fs::path& profile) { return trim(must(profile, {"digest"}).out); }

}  // namespace

// ------------------------------------------------------------------------------------ 1

TEST_CASE("volunteer full path: enroll, pull tasks, inspect offline with a photo, push, receipt, verify",
          "[sync]") {
    test::TestServer srv;
    test::TempDir tmp;
    const auto prof = tmp / "volunteer";
    const auto& vol = srv.account("volunteer");
    enroll(prof, srv.url(), srv.pin(), vol.code);
    auto first = must(prof, {"sync"});
    CHECK(contains(first.out, "sync complete"));

    auto tasks = cli_json(prof, {"tasks", "--json"});
    REQUIRE_FALSE(tasks.empty());
    for (const auto& t : tasks) {
        INFO(t.dump());
        REQUIRE(t.contains("id"));
        CHECK(t["id"].get<std::string>().size() >= 32);
        CHECK_FALSE(t["institution_id"].get<std::string>().empty());
        CHECK((t["status"] == "open" || t["status"] == "in_progress"));
        auto as = t["assignees"].get<std::vector<std::string>>();
        CHECK(std::find(as.begin(), as.end(), vol.user_id) != as.end());
    }
    const std::string task_id = open_task_ids(prof).at(0);

    const std::string photo_bytes = crypto::random_bytes(200 * 1024);
    const auto photo = tmp / "photo.jpg";
    write_file(photo, photo_bytes);
    const auto answers =
        write_answers(tmp.path, {{"T3", {{"result", "fail"}, {"note", "classes ran until 21:40 / 上课到21:40"}}}});
    auto ins = must(prof, {"inspect", "--task", task_id, "--answers", answers.string(), "--photo", photo.string(),
                           "--gps", "41.1100,122.9900"});
    const std::string report_id = trim(ins.out);
    REQUIRE(report_id.size() == 36);

    // Offline: everything waits in the outbox (the report and its evidence record).
    auto outbox = cli_json(prof, {"outbox", "--json"});
    REQUIRE(outbox.size() >= 2);
    bool report_queued = false;
    for (const auto& o : outbox) {
        CHECK(o["state"] == "pending");
        if (o["collection"] == "report" && o["id"] == report_id) report_queued = true;
    }
    CHECK(report_queued);
    CHECK(srv.count("report") == 0);
    auto queued = cli_json(prof, {"reports", "--json"});
    REQUIRE(queued.size() == 1);
    CHECK(queued[0]["status"] == "queued");
    CHECK(queued[0]["receipt"].is_null());
    CHECK(queued[0]["photos_pending"] == 1);

    auto s = must(prof, {"sync"});
    CHECK(contains(s.out, "sync complete"));
    CHECK(summary_number(s.out, "photos uploaded") == 1);

    auto reports = cli_json(prof, {"reports", "--json"});
    REQUIRE(reports.size() == 1);
    CHECK(reports[0]["id"] == report_id);
    CHECK(reports[0]["status"] == "received");
    CHECK(reports[0]["photos_pending"] == 0);
    REQUIRE_FALSE(reports[0]["receipt"].is_null());
    CHECK(reports[0]["receipt"]["seq"].get<std::int64_t>() > 0);
    CHECK(cli_json(prof, {"outbox", "--json"}).empty());

    auto v = run(prof, {"verify"});
    INFO(v.out << v.err);
    CHECK(v.rc == 0);
    CHECK(contains(v.out, "all valid"));

    // The server holds exactly what the device signed.
    CHECK(srv.count("report") == 1);
    CHECK(srv.count("evidence") == 1);
    CHECK(srv.count("receipt") == 1);
    auto srow = server_row(srv.data_dir(), "report", report_id);
    REQUIRE(srow);
    auto sr = parse_as<pb::Report>(srow->payload);
    CHECK(sr.task_id() == task_id);
    CHECK(sr.user_id() == vol.user_id);
    bool t3_failed = false;
    for (const auto& a : sr.answers())
        if (a.code() == "T3") t3_failed = a.result() == "fail" && !a.note().empty() && a.photo_sha256_size() == 1;
    CHECK(t3_failed);
    const std::string hex = hex_encode(crypto::sha256(photo_bytes));
    REQUIRE(sr.blobs_size() == 1);
    CHECK(hex_encode(sr.blobs(0).sha256()) == hex);
    const auto blob_on_server = srv.data_dir() / "blobs" / hex.substr(0, 2) / hex;
    REQUIRE(fs::exists(blob_on_server));
    CHECK(read_file(blob_on_server) == photo_bytes);

    // The task moved to submitted on the server, and the device holds the server's version.
    auto stask = server_row(srv.data_dir(), "task", task_id);
    REQUIRE(stask);
    auto st = parse_as<pb::Task>(stask->payload);
    CHECK(st.status() == "submitted");
    CHECK(st.report_id() == report_id);
    auto all = cli_json(prof, {"tasks", "--json", "--all"});
    bool found = false;
    for (const auto& t : all) {
        if (t["id"] != task_id) continue;
        found = true;
        CHECK(t["status"] == "submitted");
        CHECK(t["version"].get<std::int64_t>() == stask->version);
    }
    CHECK(found);
    auto dtask = device_record(prof, "task", task_id);
    REQUIRE(dtask);
    CHECK(dtask->payload() == stask->payload);
    // The task is no longer in the open list.
    for (const auto& t : cli_json(prof, {"tasks", "--json"})) CHECK(t["id"] != task_id);
}

// ------------------------------------------------------------------------------------ 2

TEST_CASE("three devices of one coordinator converge after offline edits synced in random order",
          "[sync][convergence]") {
    test::TestServer srv;
    test::TempDir tmp;
    const auto& coord = srv.account("coordinator");
    std::vector<fs::path> devs{tmp / "c1", tmp / "c2", tmp / "c3"};
    enroll(devs[0], srv.url(), srv.pin(), coord.code);
    for (std::size_t i = 1; i < devs.size(); ++i) {
        // Extra codes straight into the data directory while the server runs.
        auto code = server::issue_enrollment_code(srv.data_dir(), coord.user_id, 3600, test::suite_database_of(srv.data_dir()));
        REQUIRE(code.has_value());
        enroll(devs[i], srv.url(), srv.pin(), *code);
    }
    for (const auto& d : devs) must(d, {"sync"});

    auto insts = cli_json(devs[0], {"institutions", "--json"});
    REQUIRE(insts.size() >= 6);
    const std::vector<std::string> shared_insts{insts[0]["id"], insts[1]["id"]};
    const std::vector<std::string> private_insts{insts[2]["id"], insts[3]["id"], insts[4]["id"]};
    auto task_list = cli_json(devs[0], {"tasks", "--json"});
    std::vector<std::string> task_ids;
    for (const auto& t : task_list)
        if (t["status"] == "open" && task_ids.size() < 2) task_ids.push_back(t["id"]);
    REQUIRE(task_ids.size() == 2);

    const char* const fields[] = {"name", "address", "contact_phone"};
    std::mt19937 rng(20240917u);
    const int rounds = 4;
    int edits = 0, status_changes = 0;
    for (int round = 0; round < rounds; ++round) {
        for (std::size_t d = 0; d < devs.size(); ++d) {
            const int ops = 1 + static_cast<int>(rng() % 3);
            for (int k = 0; k < ops; ++k) {
                const std::string value = "r" + std::to_string(round) + "-d" + std::to_string(d) + "-k" + std::to_string(k);
                switch (rng() % 3) {
                    case 0: {
                        const auto& inst = shared_insts[rng() % shared_insts.size()];
                        must(devs[d], {"edit", "institution", inst, std::string(fields[rng() % 3]) + "=" + value});
                        ++edits;
                        break;
                    }
                    case 1: {
                        must(devs[d], {"edit", "institution", private_insts[d], "name=" + value, "address=" + value + "-addr"});
                        ++edits;
                        break;
                    }
                    default: {
                        const auto& tid = task_ids[rng() % task_ids.size()];
                        auto rec = device_record(devs[d], "task", tid);
                        REQUIRE(rec);
                        auto t = parse_as<pb::Task>(rec->payload());
                        if (t.status() != "open" && t.status() != "in_progress") break;
                        must(devs[d], {"task-status", "--task", tid, "--to", t.status() == "open" ? "in_progress" : "open"});
                        ++status_changes;
                        break;
                    }
                }
            }
        }
        std::vector<std::size_t> order{0, 1, 2};
        std::shuffle(order.begin(), order.end(), rng);
        for (auto d : order) {
            // Some devices stay offline for a round (except the last one).
            if (round + 1 < rounds && rng() % 4 == 0) continue;
            must(devs[d], {"sync"});
        }
    }
    CHECK(edits > 0);
    CHECK(status_changes > 0);
    for (const auto& d : devs) must(d, {"sync"});

    const std::string d0 = digest_of(devs[0]);
    CHECK(d0.size() == 64);
    CHECK(digest_of(devs[1]) == d0);
    CHECK(digest_of(devs[2]) == d0);

    // ...and the replicas hold the server's state, not merely the same one.
    for (const auto& d : devs) {
        std::vector<std::string> ids = shared_insts;
        ids.insert(ids.end(), private_insts.begin(), private_insts.end());
        for (const auto& id : ids) {
            auto srow = server_row(srv.data_dir(), "institution", id);
            auto drow = device_record(d, "institution", id);
            REQUIRE(srow);
            REQUIRE(drow);
            CHECK(drow->version() == srow->version);
            CHECK(drow->payload() == srow->payload);
        }
        for (const auto& id : task_ids) {
            auto srow = server_row(srv.data_dir(), "task", id);
            auto drow = device_record(d, "task", id);
            REQUIRE(srow);
            REQUIRE(drow);
            CHECK(drow->version() == srow->version);
            CHECK(drow->payload() == srow->payload);
        }
        // Nothing waits: set-aside conflicts are allowed, pending changes are not.
        for (const auto& o : cli_json(d, {"outbox", "--json"})) {
            INFO(o.dump());
            CHECK(o["state"] == "set_aside");
            CHECK(o["collection"] == "task");
        }
    }
}

TEST_CASE("institution fields are last-writer-wins per field on the hybrid logical clock", "[sync][convergence][lww]") {
    test::TestServer srv;
    test::TempDir tmp;
    const auto& coord = srv.account("coordinator");
    const auto a = tmp / "a", b = tmp / "b";
    enroll(a, srv.url(), srv.pin(), coord.code);
    auto code = server::issue_enrollment_code(srv.data_dir(), coord.user_id, 3600, test::suite_database_of(srv.data_dir()));
    REQUIRE(code.has_value());
    enroll(b, srv.url(), srv.pin(), *code);
    must(a, {"sync"});
    must(b, {"sync"});
    auto insts = cli_json(a, {"institutions", "--json"});
    REQUIRE(insts.size() >= 2);
    const std::string x = insts[0]["id"];
    const auto before = parse_as<pb::Institution>(server_row(srv.data_dir(), "institution", x)->payload);

    // Different fields of the same institution, both offline from the same version: both survive.
    must(a, {"edit", "institution", x, "name=名称-A"});
    must(b, {"edit", "institution", x, "address=地址-B"});
    // The same field: B writes first, A later; A's later write wins although B arrives last.
    must(b, {"edit", "institution", x, "contact_phone=0412-0000000"});
    std::this_thread::sleep_for(5ms);
    must(a, {"edit", "institution", x, "contact_phone=0412-1111111"});

    must(a, {"sync"});
    must(b, {"sync"});
    must(a, {"sync"});

    auto srow = server_row(srv.data_dir(), "institution", x);
    REQUIRE(srow);
    auto s = parse_as<pb::Institution>(srow->payload);
    CHECK(s.name() == "名称-A");
    CHECK(s.address() == "地址-B");
    CHECK(s.contact_phone() == "0412-1111111");
    // Untouched fields keep their values.
    CHECK(s.district_id() == before.district_id());
    CHECK(s.zone_id() == before.zone_id());
    CHECK(s.licensed() == before.licensed());
    CHECK(s.location().lat() == before.location().lat());
    for (const auto& dev : {a, b}) {
        auto d = device_record(dev, "institution", x);
        REQUIRE(d);
        CHECK(d->payload() == srow->payload);
        CHECK(d->version() == srow->version);
    }
    CHECK(digest_of(a) == digest_of(b));

    // The losing value is kept for coordinators.
    auto db = test::server_db(srv.data_dir());
    REQUIRE(db);
    store::Statement st{*db, "SELECT value FROM field_history WHERE collection='institution' AND id=?1 AND field='contact_phone'"};
    st.bind(1, x);
    bool loser_kept = false;
    for (;;) {
        auto row = st.step();
        REQUIRE(row.has_value());
        if (!*row) break;
        pb::Institution old;
        if (old.ParseFromString(st.col_blob(0)) && old.contact_phone() == "0412-0000000") loser_kept = true;
    }
    CHECK(loser_kept);
}

// ------------------------------------------------------------------------------------ 3

TEST_CASE("a push delivered twice is applied once and the replay gets the original ack", "[sync][exactly-once]") {
    test::TestServer srv;
    test::TempDir tmp;
    const auto prof = tmp / "volunteer";
    enroll(prof, srv.url(), srv.pin(), srv.account("volunteer").code);
    must(prof, {"sync"});
    const auto task_id = open_task_ids(prof).at(0);
    must(prof, {"inspect", "--task", task_id, "--answers", write_answers(tmp.path).string()});

    pb::SyncRequest req;
    {
        auto p = sync::DeviceProfile::open(prof);
        REQUIRE(p.has_value());
        auto items = p->store().pending(100);
        REQUIRE(items.has_value());
        REQUIRE(items->size() == 1);  // no photo: the report alone
        *req.add_mutations() = items->front().mutation;
    }
    REQUIRE(req.mutations(0).collection() == "report");
    REQUIRE(req.mutations(0).client_seq() > 0);
    const std::string token = access_token_of(prof);
    auto http = transport(srv.url(), srv.pin());

    auto first = post_sync(http, token, req);
    REQUIRE(first.acks_size() == 1);
    const auto& a1 = first.acks(0);
    CHECK(a1.status() == pb::Ack::APPLIED);
    CHECK(a1.client_seq() == req.mutations(0).client_seq());
    CHECK(a1.seq() > 0);
    CHECK(a1.has_receipt());

    auto second = post_sync(http, token, req);
    REQUIRE(second.acks_size() == 1);
    const auto& a2 = second.acks(0);
    CHECK(a2.status() == pb::Ack::DUPLICATE);
    CHECK(a2.client_seq() == a1.client_seq());
    CHECK(a2.seq() == a1.seq());
    CHECK(a2.version() == a1.version());
    CHECK(a2.receipt().SerializeAsString() == a1.receipt().SerializeAsString());

    CHECK(srv.count("report") == 1);
    CHECK(srv.count("receipt") == 1);

    // The device never saw those acks: its own sync delivers the report a third time.
    auto s = must(prof, {"sync"});
    CHECK(summary_number(s.out, "duplicates") == 1);
    CHECK(summary_number(s.out, "pushed") == 0);
    CHECK(srv.count("report") == 1);
    CHECK(cli_json(prof, {"outbox", "--json"}).empty());
    auto reports = cli_json(prof, {"reports", "--json"});
    REQUIRE(reports.size() == 1);
    REQUIRE_FALSE(reports[0]["receipt"].is_null());
    CHECK(reports[0]["receipt"]["seq"].get<std::int64_t>() == a1.seq());
    CHECK(run(prof, {"verify"}).rc == 0);
}

// Two deliveries of the same (device, client_seq) that land in one group commit: the second sees
// the first's `applied` row inside the batch, so it is answered as a duplicate with the same ack,
// and the batch (with other devices' pushes in it) commits.
TEST_CASE("concurrent duplicate deliveries in one group commit are applied once and both answered",
          "[sync][exactly-once]") {
    test::TestServer srv;
    test::TempDir tmp;
    const auto prof = tmp / "volunteer";
    enroll(prof, srv.url(), srv.pin(), srv.account("volunteer").code);
    must(prof, {"sync"});
    must(prof, {"inspect", "--task", open_task_ids(prof).at(0), "--answers", write_answers(tmp.path).string()});
    pb::SyncRequest req;
    {
        auto p = sync::DeviceProfile::open(prof);
        REQUIRE(p.has_value());
        auto items = p->store().pending(100);
        REQUIRE(items.has_value());
        REQUIRE(items->size() == 1);
        *req.add_mutations() = items->front().mutation;
    }
    const std::string token = access_token_of(prof);

    // Hold the writer so both deliveries queue up and join the same batch.
    auto& writer = *srv.app().context().writer;
    std::promise<void> gate;
    std::shared_future<void> opened = gate.get_future().share();
    std::promise<void> held;
    writer.submit(
        [opened, &held](server::WriteBatch&) -> Status {
            held.set_value();
            opened.wait();
            return {};
        },
        [](Status) {});
    held.get_future().wait();

    struct Out {
        long status = 0;
        pb::SyncResponse resp;
        std::string body;
    };
    std::vector<Out> outs(2);
    std::vector<std::thread> threads;
    for (auto& o : outs) {
        threads.emplace_back([&, &o = o] {
            auto http = transport(srv.url(), srv.pin());
            auto r = http.request("POST", "/v1/sync", req.SerializeAsString(),
                                  {{"Authorization", "Bearer " + token}, {"Content-Type", "application/x-protobuf"}});
            if (!r) return;
            o.status = r->status;
            o.body = r->body;
            if (r->status == 200) o.resp.ParseFromString(r->body);
        });
    }
    auto deadline = std::chrono::steady_clock::now() + 10s;
    while (writer.stats().queued < 2 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
    CHECK(writer.stats().queued >= 2);
    gate.set_value();
    for (auto& t : threads) t.join();

    CHECK(srv.count("report") == 1);
    for (const auto& o : outs) {
        INFO("HTTP " << o.status << ": " << o.body);
        REQUIRE(o.status == 200);
        REQUIRE(o.resp.acks_size() == 1);
        CHECK((o.resp.acks(0).status() == pb::Ack::APPLIED || o.resp.acks(0).status() == pb::Ack::DUPLICATE));
    }
    CHECK(outs[0].resp.acks(0).seq() == outs[1].resp.acks(0).seq());
    // Whatever happened, the device's own sync finishes with exactly one report.
    must(prof, {"sync"});
    CHECK(srv.count("report") == 1);
}

// ------------------------------------------------------------------------------------ 4

TEST_CASE("server killed between commit and response: the retry is a duplicate, nothing is lost or doubled",
          "[sync][crash]") {
    test::TempDir tmp;
    const auto data = tmp / "data";
    test::init_data_dir(data, true);
    const auto accounts = test::read_codes(data);
    const test::DemoAccount* vol = nullptr;
    for (const auto& a : accounts)
        if (a.role == "volunteer") {
            vol = &a;
            break;
        }
    REQUIRE(vol);
    const auto prof = tmp / "volunteer";
    const std::uint16_t port = test::free_port();
    std::string pin;
    {
        auto sp = test::spawn_server(data, port, {"DUCHA_FAILPOINT=kill_after_commit"});
        pin = sp->pin();
        enroll(prof, sp->url(), sp->pin(), vol->code);
        must(prof, {"sync"});  // a pull carries no mutations: the failpoint stays quiet
        REQUIRE(sp->running());

        const std::string photo_bytes = crypto::random_bytes(64 * 1024);
        write_file(tmp / "p.jpg", photo_bytes);
        must(prof, {"inspect", "--task", open_task_ids(prof).at(0), "--answers", write_answers(tmp.path).string(),
                    "--photo", (tmp / "p.jpg").string()});
        auto r = run(prof, {"sync", "--retries", "1"});
        INFO(r.out << r.err);
        CHECK(r.rc != 0);
        int st = sp->wait_exit();
        CHECK(WIFSIGNALED(st));
        if (WIFSIGNALED(st)) CHECK(WTERMSIG(st) == SIGKILL);
        // The device still holds everything: it never got an ack.
        CHECK(cli_json(prof, {"outbox", "--json"}).size() == 2);
    }
    {
        // The commit happened before the kill.
        auto db = test::server_db(data);
        REQUIRE(db);
        auto n = server::RecordTable{*db}.count("report");
        REQUIRE(n.has_value());
        CHECK(*n == 1);
    }
    {
        auto sp = test::spawn_server(data, port);
        CHECK(sp->pin() == pin);
        auto s = must(prof, {"sync"});
        CHECK(contains(s.out, "sync complete"));
        CHECK(summary_number(s.out, "duplicates") >= 1);
        CHECK(summary_number(s.out, "photos uploaded") == 1);
        CHECK(cli_json(prof, {"outbox", "--json"}).empty());
        auto reports = cli_json(prof, {"reports", "--json"});
        REQUIRE(reports.size() == 1);
        CHECK_FALSE(reports[0]["receipt"].is_null());
        auto v = run(prof, {"verify"});
        INFO(v.out);
        CHECK(v.rc == 0);
    }
    auto db = test::server_db(data);
    REQUIRE(db);
    server::RecordTable table{*db};
    CHECK(*table.count("report") == 1);
    CHECK(*table.count("evidence") == 1);
    CHECK(*table.count("receipt") == 1);
}

// ------------------------------------------------------------------------------------ 5

TEST_CASE("a volunteer's replica holds exactly their scope - a coordinator sees only their district",
          "[sync][scope]") {
    test::TestServer srv;
    test::TempDir tmp;
    const auto dir = srv.data_dir();

    // Everything from the server database, decoded once.
    std::map<std::string, pb::Task> tasks;
    for (const auto& r : server_rows(dir, "task"))
        if (!r.deleted) tasks[r.id] = parse_as<pb::Task>(r.payload);
    std::map<std::string, pb::Institution> insts;
    for (const auto& r : server_rows(dir, "institution"))
        if (!r.deleted) insts[r.id] = parse_as<pb::Institution>(r.payload);
    std::map<std::string, pb::Assignment> assigns;
    for (const auto& r : server_rows(dir, "assignment"))
        if (!r.deleted) assigns[r.id] = parse_as<pb::Assignment>(r.payload);
    std::map<std::string, pb::Zone> zones;
    for (const auto& r : server_rows(dir, "zone"))
        if (!r.deleted) zones[r.id] = parse_as<pb::Zone>(r.payload);

    auto assigned = [](const pb::Task& t, const std::string& uid) {
        return std::find(t.assignees().begin(), t.assignees().end(), uid) != t.assignees().end();
    };
    struct Scope {
        std::set<std::string> zones, insts, tasks, assignments;
    };
    auto scope_of = [&](const std::string& uid) {
        Scope s;
        for (const auto& [id, a] : assigns) {
            if (a.user_id() != uid) continue;
            s.assignments.insert(id);
            if (!a.zone_id().empty()) s.zones.insert(a.zone_id());
            if (!a.institution_id().empty()) s.insts.insert(a.institution_id());
        }
        for (const auto& [id, i] : insts)
            if (s.zones.count(i.zone_id())) s.insts.insert(id);
        for (const auto& [id, t] : tasks)
            if (assigned(t, uid)) {
                s.tasks.insert(id);
                s.insts.insert(t.institution_id());
            }
        return s;
    };

    // A volunteer whose area holds a covert task of someone else: the leak this test is about.
    const test::DemoAccount* vol = nullptr;
    Scope scope;
    std::string others_covert;
    for (const auto& a : srv.accounts()) {
        if (a.role != "volunteer") continue;
        auto s = scope_of(a.user_id);
        for (const auto& [id, t] : tasks)
            if (t.covert() && !assigned(t, a.user_id) && s.insts.count(t.institution_id())) others_covert = id;
        if (!others_covert.empty()) {
            vol = &a;
            scope = s;
            break;
        }
    }
    REQUIRE(vol);
    const auto vprof = tmp / "volunteer";
    enroll(vprof, srv.url(), srv.pin(), vol->code);
    must(vprof, {"sync"});
    const std::string district = [&] {
        auto p = sync::DeviceProfile::open(vprof);
        REQUIRE(p.has_value());
        return p->identity()->district_id;
    }();
    REQUIRE_FALSE(district.empty());

    auto ids_of = [](const std::vector<pb::Record>& recs) {
        std::set<std::string> out;
        for (const auto& r : recs) out.insert(r.id());
        return out;
    };
    CHECK(ids_of(device_records(vprof, "task")) == scope.tasks);
    CHECK(ids_of(device_records(vprof, "institution")) == scope.insts);
    CHECK(ids_of(device_records(vprof, "zone")) == scope.zones);
    CHECK(ids_of(device_records(vprof, "assignment")) == scope.assignments);
    CHECK(ids_of(device_records(vprof, "user")) == std::set<std::string>{vol->user_id});
    CHECK_FALSE(ids_of(device_records(vprof, "task")).count(others_covert));
    for (const auto& r : device_records(vprof, "institution"))
        CHECK(parse_as<pb::Institution>(r.payload()).district_id() == district);
    for (const auto& r : device_records(vprof, "device"))
        CHECK(parse_as<pb::Device>(r.payload()).user_id() == vol->user_id);
    for (std::string_view c : {"complaint", "case", "draw", "audit_event", "report"})
        CHECK(device_records(vprof, c).empty());
    CHECK(device_records(vprof, "district").size() == 8);
    CHECK(device_records(vprof, "checklist_template").size() >= 1);
    // What the device holds is the server's record, byte for byte.
    for (const auto& r : device_records(vprof, "task")) {
        auto s = server_row(dir, "task", r.id());
        REQUIRE(s);
        CHECK(r.payload() == s->payload);
    }

    // A coordinator of district A: all of A, nothing of B.
    const auto& ca = srv.account("coordinator");
    const auto cprof = tmp / "coordinator";
    enroll(cprof, srv.url(), srv.pin(), ca.code);
    must(cprof, {"sync"});
    std::string cdistrict;
    {
        auto p = sync::DeviceProfile::open(cprof);
        REQUIRE(p.has_value());
        cdistrict = p->identity()->district_id;
    }
    REQUIRE_FALSE(cdistrict.empty());
    std::set<std::string> want_insts, want_tasks;
    for (const auto& [id, i] : insts)
        if (i.district_id() == cdistrict) want_insts.insert(id);
    for (const auto& [id, t] : tasks)
        if (t.district_id() == cdistrict && (!t.covert() || t.created_by() == ca.user_id)) want_tasks.insert(id);
    REQUIRE(want_insts.size() < insts.size());
    CHECK(ids_of(device_records(cprof, "institution")) == want_insts);
    CHECK(ids_of(device_records(cprof, "task")) == want_tasks);
    for (const auto& r : device_records(cprof, "institution"))
        CHECK(parse_as<pb::Institution>(r.payload()).district_id() == cdistrict);
    for (const auto& r : device_records(cprof, "zone")) CHECK(parse_as<pb::Zone>(r.payload()).district_id() == cdistrict);
    for (const auto& r : device_records(cprof, "complaint"))
        CHECK(parse_as<pb::Complaint>(r.payload()).district_id() == cdistrict);
    for (const auto& r : device_records(cprof, "user")) {
        auto u = parse_as<pb::User>(r.payload());
        CHECK((u.district_id() == cdistrict || r.id() == ca.user_id));
    }
    for (const auto& r : device_records(cprof, "task")) {
        auto t = parse_as<pb::Task>(r.payload());
        if (t.covert()) CHECK(t.created_by() == ca.user_id);
    }
    CHECK(device_records(cprof, "audit_event").empty());
    // Another district's coordinator sees none of A's institutions.
    const test::DemoAccount* cb = nullptr;
    for (const auto& a : srv.accounts())
        if (a.role == "coordinator" && a.district != ca.district) {
            cb = &a;
            break;
        }
    REQUIRE(cb);
    const auto bprof = tmp / "coordinator-b";
    enroll(bprof, srv.url(), srv.pin(), cb->code);
    must(bprof, {"sync"});
    auto b_insts = ids_of(device_records(bprof, "institution"));
    REQUIRE_FALSE(b_insts.empty());
    for (const auto& id : b_insts) CHECK_FALSE(want_insts.count(id));
}

// ------------------------------------------------------------------------------------ 6

TEST_CASE("a photo upload resumes from the server's offset - wrong bytes and wrong offsets are refused",
          "[sync][blobs]") {
    test::TestServer srv;
    test::TempDir tmp;
    const auto prof = tmp / "volunteer";
    enroll(prof, srv.url(), srv.pin(), srv.account("volunteer").code);
    must(prof, {"sync"});
    const std::size_t size = 1024 * 1024, half = size / 2, chunk = 128 * 1024;
    const std::string photo = crypto::random_bytes(size);
    write_file(tmp / "big.jpg", photo);
    must(prof, {"inspect", "--task", open_task_ids(prof).at(0), "--answers", write_answers(tmp.path).string(),
                "--photo", (tmp / "big.jpg").string()});
    const std::string hex = hex_encode(crypto::sha256(photo));
    const std::string path = "/v1/blobs/" + hex;
    const std::string token = access_token_of(prof);
    const std::map<std::string, std::string> auth{{"Authorization", "Bearer " + token}};
    auto http = transport(srv.url(), srv.pin());

    // The first half by hand, then the link "breaks".
    for (std::size_t off = 0; off < half; off += chunk) {
        auto h = auth;
        h["Content-Range"] = "bytes " + std::to_string(off) + "-" + std::to_string(off + chunk - 1) + "/" + std::to_string(size);
        auto r = http.request("PUT", path, photo.substr(off, chunk), h);
        REQUIRE(r.has_value());
        INFO(r->body);
        REQUIRE(r->status == 202);
        CHECK(r->header("upload-offset") == std::to_string(off + chunk));
    }
    auto head = http.request("HEAD", path, "", auth);
    REQUIRE(head.has_value());
    CHECK(head->status == 200);
    CHECK(head->header("upload-offset") == std::to_string(half));
    CHECK(head->header("blob-complete") == "0");
    const auto final_path = srv.data_dir() / "blobs" / hex.substr(0, 2) / hex;
    CHECK_FALSE(fs::exists(final_path));

    {
        auto p = sync::DeviceProfile::open(prof);
        REQUIRE(p.has_value());
        sync::SyncClient::Config cfg;
        cfg.blob_chunk = 64 * 1024;
        std::vector<std::int64_t> offsets;
        cfg.on_progress = [&](const sync::SyncProgress& pr) {
            if (pr.phase == "upload") offsets.push_back(pr.done);
        };
        sync::SyncClient client{*p, cfg};
        auto rep = client.sync_once();
        REQUIRE(rep.has_value());
        CHECK(rep->complete());
        CHECK(rep->blobs_uploaded == 1);
        // It continued from the middle in 64 KiB steps: 8 chunks, the first ending at half + 64 KiB.
        REQUIRE_FALSE(offsets.empty());
        CHECK(offsets.front() == static_cast<std::int64_t>(half + 64 * 1024));
        CHECK(offsets.size() == (size - half) / (64 * 1024));
        CHECK(offsets.back() == static_cast<std::int64_t>(size));
    }
    REQUIRE(fs::exists(final_path));
    CHECK(fs::file_size(final_path) == size);
    CHECK(read_file(final_path) == photo);
    // Every byte crossed the wire once.
    auto metrics = http.request("GET", "/metrics", "");
    REQUIRE(metrics.has_value());
    CHECK(contains(metrics->body, "\nducha_blob_bytes_received_total " + std::to_string(size) + "\n"));
    auto head2 = http.request("HEAD", path, "", auth);
    REQUIRE(head2.has_value());
    CHECK(head2->header("blob-complete") == "1");
    auto get = http.request("GET", path, "", auth);
    REQUIRE(get.has_value());
    CHECK(get->status == 200);
    CHECK(get->body == photo);

    {
        INFO("bytes that do not hash to the name are refused and not kept");
        const std::string claimed = crypto::random_bytes(4096);
        const std::string chex = hex_encode(crypto::sha256(claimed));
        auto r = http.request("PUT", "/v1/blobs/" + chex, crypto::random_bytes(4096), auth);
        REQUIRE(r.has_value());
        INFO(r->body);
        CHECK(r->status == 422);
        auto j = json::parse(r->body, nullptr, false);
        REQUIRE(j.is_object());
        CHECK(j["error"] == "integrity");
        CHECK(sync::reply_error(*r).code() == Errc::integrity);
        CHECK_FALSE(fs::exists(srv.data_dir() / "blobs" / chex.substr(0, 2) / chex));
        CHECK_FALSE(fs::exists(srv.data_dir() / "blobs" / "partial" / chex));
        auto h = http.request("HEAD", "/v1/blobs/" + chex, "", auth);
        REQUIRE(h.has_value());
        CHECK(h->status == 404);
        // The right bytes are then accepted.
        auto ok = http.request("PUT", "/v1/blobs/" + chex, claimed, auth);
        REQUIRE(ok.has_value());
        CHECK(ok->status == 201);
    }
    {
        INFO("a chunk at the wrong offset gets 409 and the offset to resume from");
        const std::string data = crypto::random_bytes(1000);
        const std::string dhex = hex_encode(crypto::sha256(data));
        auto h = auth;
        h["Content-Range"] = "bytes 0-99/1000";
        auto r1 = http.request("PUT", "/v1/blobs/" + dhex, data.substr(0, 100), h);
        REQUIRE(r1.has_value());
        CHECK(r1->status == 202);
        h["Content-Range"] = "bytes 500-599/1000";
        auto r2 = http.request("PUT", "/v1/blobs/" + dhex, data.substr(500, 100), h);
        REQUIRE(r2.has_value());
        INFO(r2->body);
        CHECK(r2->status == 409);
        CHECK(r2->header("upload-offset") == "100");
        auto j = json::parse(r2->body, nullptr, false);
        REQUIRE(j.is_object());
        CHECK(j["error"] == "offset_mismatch");
        CHECK(j["message"].get<std::string>().find("100") == std::string::npos);  // the offset is not in the words
        // A device reads the code and the offset as typed values, and knows to resume from there.
        auto e = sync::reply_error(*r2);
        CHECK(e.code() == Errc::offset_mismatch);
        CHECK(e.action() == wire::Action::resume_upload);
        REQUIRE(e.upload_offset.has_value());
        CHECK(*e.upload_offset == 100);
        // Resuming from there finishes the file.
        h["Content-Range"] = "bytes 100-999/1000";
        auto r3 = http.request("PUT", "/v1/blobs/" + dhex, data.substr(100), h);
        REQUIRE(r3.has_value());
        CHECK(r3->status == 201);
        CHECK(read_file(srv.data_dir() / "blobs" / dhex.substr(0, 2) / dhex) == data);
    }
}

// ------------------------------------------------------------------------------------ 7

TEST_CASE("verify detects a changed report, a changed photo and a broken chain", "[sync][verify]") {
    test::TestServer srv;
    test::TempDir tmp;
    const auto prof = tmp / "volunteer";
    enroll(prof, srv.url(), srv.pin(), srv.account("volunteer").code);
    must(prof, {"sync"});
    auto tasks = open_task_ids(prof);
    REQUIRE(tasks.size() >= 2);
    const std::string photo = crypto::random_bytes(32 * 1024);
    write_file(tmp / "p.jpg", photo);
    const std::string r1 = trim(must(prof, {"inspect", "--task", tasks[0], "--answers", write_answers(tmp.path).string(),
                                            "--photo", (tmp / "p.jpg").string()})
                                    .out);
    const std::string r2 =
        trim(must(prof, {"inspect", "--task", tasks[1], "--answers", write_answers(tmp.path).string()}).out);
    must(prof, {"sync"});
    {
        auto v = run(prof, {"verify"});
        INFO(v.out);
        REQUIRE(v.rc == 0);
        CHECK(contains(v.out, "checked 2 reports, 2 receipts, 1 photos"));
    }
    const auto db_path = prof / "device.db";
    // Through the profile's own key: report payloads are sealed at rest, and this tamperer writes
    // the database as the app would (a damaged ciphertext is a different failure).
    auto read_payload = [&](const std::string& id) {
        auto p = sync::DeviceProfile::open(prof);
        REQUIRE(p.has_value());
        auto rec = p->store().get("report", id);
        REQUIRE(rec.has_value());
        REQUIRE(rec->has_value());
        return (*rec)->payload();
    };
    auto write_payload = [&](const std::string& id, const std::string& payload) {
        auto p = sync::DeviceProfile::open(prof);
        REQUIRE(p.has_value());
        auto rec = p->store().get("report", id);
        REQUIRE(rec.has_value());
        REQUIRE(rec->has_value());
        pb::Record changed = **rec;
        changed.set_payload(payload);
        REQUIRE(p->store().apply_remote(changed).has_value());
    };
    SECTION("a report changed after signing") {
        const std::string original = read_payload(r1);
        auto r = parse_as<pb::Report>(original);
        REQUIRE(r.answers_size() > 0);
        r.mutable_answers(0)->set_note("changed afterwards / 事后修改");
        write_payload(r1, r.SerializeAsString());
        auto v = run(prof, {"verify"});
        INFO(v.out);
        CHECK(v.rc == 3);
        CHECK(contains(v.out, "FAIL signature " + r1));
        CHECK_FALSE(contains(v.out, "FAIL signature " + r2));
        // Put back, all is valid again: the failure was the change, nothing else.
        write_payload(r1, original);
        CHECK(run(prof, {"verify"}).rc == 0);
    }
    SECTION("an evidence file changed on disk") {
        const std::string hex = hex_encode(crypto::sha256(photo));
        const auto enc = prof / "blobs" / (hex + ".enc");
        REQUIRE(fs::exists(enc));
        std::string bytes = read_file(enc);
        REQUIRE(bytes.size() > 40);
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
        write_file(enc, bytes);
        auto v = run(prof, {"verify"});
        INFO(v.out);
        CHECK(v.rc == 3);
        CHECK(contains(v.out, "FAIL evidence " + r1));
    }
    SECTION("the previous report of the chain is removed") {
        auto a = parse_as<pb::Report>(read_payload(r1));
        auto b = parse_as<pb::Report>(read_payload(r2));
        REQUIRE(a.chain_index() == 1);
        REQUIRE(b.chain_index() == 2);
        {
            auto db = store::Database::open(db_path);
            REQUIRE(db.has_value());
            store::Statement st{*db, "DELETE FROM record WHERE collection='report' AND id=?1"};
            st.bind(1, r1);
            REQUIRE(st.run().has_value());
            REQUIRE(db->changes() == 1);
        }
        auto v = run(prof, {"verify"});
        INFO(v.out);
        CHECK(v.rc == 3);
        CHECK(contains(v.out, "FAIL chain " + r2));
    }
    SECTION("the previous-hash link is replaced") {
        auto b = parse_as<pb::Report>(read_payload(r2));
        b.set_prev_hash(std::string(32, '\x42'));
        write_payload(r2, b.SerializeAsString());
        auto v = run(prof, {"verify"});
        INFO(v.out);
        CHECK(v.rc == 3);
        CHECK(contains(v.out, "FAIL chain " + r2));
        CHECK(contains(v.out, "FAIL signature " + r2));
    }
}

// ------------------------------------------------------------------------------------ device status

TEST_CASE("a coordinator sees each device's waiting changes and last contact", "[sync][status]") {
    test::TestServer srv;
    test::TempDir tmp;
    const auto& vol = srv.account("volunteer");
    const auto& coord = srv.account("coordinator", 0, vol.district);
    const auto vprof = tmp / "volunteer", cprof = tmp / "coordinator";
    enroll(vprof, srv.url(), srv.pin(), vol.code);
    enroll(cprof, srv.url(), srv.pin(), coord.code);
    must(vprof, {"sync"});
    auto vstatus = cli_json(vprof, {"status", "--json"});
    REQUIRE(vstatus.size() == 1);
    CHECK(vstatus[0]["last_contact"].is_number_integer());
    CHECK(vstatus[0]["last_complete_sync"].is_number_integer());
    CHECK(vstatus[0]["last_error"] == "");
    const std::string device_id = vstatus[0]["id"];

    auto device_row = [&]() -> json {
        must(cprof, {"sync"});
        for (const auto& d : cli_json(cprof, {"devices", "--json"}))
            if (d["id"] == device_id) return d;
        return nullptr;
    };
    auto before = device_row();
    REQUIRE(before.is_object());
    CHECK(before["user_id"] == vol.user_id);
    CHECK(before["user_name"] == vol.name);
    CHECK(before["outbox_depth"] == 0);
    CHECK(before["last_contact"].is_number_integer());

    // Two reports recorded offline, then a push that the server answers: nothing waits any more.
    auto ids = open_task_ids(vprof);
    REQUIRE(ids.size() >= 2);
    for (int i = 0; i < 2; ++i)
        must(vprof, {"inspect", "--task", ids.at(static_cast<std::size_t>(i)), "--answers", write_answers(tmp.path).string()});
    CHECK(cli_json(vprof, {"status", "--json"})[0]["outbox_pending"] == 2);
    must(vprof, {"sync"});
    auto after = device_row();
    REQUIRE(after.is_object());
    CHECK(after["outbox_depth"] == 0);
    CHECK(after["photos_pending"] == 0);

    // A stopped server: the device keeps its last contact and says why the sync stopped.
    const auto contact_before = cli_json(vprof, {"status", "--json"})[0]["last_contact"];
    srv.stop();
    auto r = run(vprof, {"sync", "--retries", "1"});
    CHECK(r.rc != 0);
    auto offline = cli_json(vprof, {"status", "--json"});
    CHECK_FALSE(offline[0]["last_error"].get<std::string>().empty());
    CHECK(offline[0]["last_contact"] == contact_before);
}
