// Bad input against a real server on 127.0.0.1: every refusal is a clear 4xx with a JSON body
// {"error": ..., "message": ...}, refused changes are set aside without blocking the ones behind
// them, and the server keeps serving (GET /healthz answers 200 after each).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "shared/common/clock.h"
#include "server/service/server_app.h"
#include "server/storage/record_table.h"
#include "shared/common/bytes.h"
#include "shared/common/wire_error.h"
#include "shared/crypto/random.h"
#include "shared/store/database.h"
#include "shared/store/statement.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/inspection_recorder.h"
#include "shared/sync/sync_client.h"
#include "support/cli_steps.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using nlohmann::json;
namespace fs = std::filesystem;
using namespace ducha::test;  // the CLI steps of support/cli_steps.h

namespace {

sync::CurlTransport transport(const test::TestServer& srv, std::string pin = "") {
    return sync::CurlTransport{sync::TransportConfig{.base_url = srv.url(), .pin = pin.empty() ? srv.pin() : pin}};
}

std::map<std::string, std::string> bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}, {"Content-Type", "application/x-protobuf"}};
}

// A refusal: this status, a JSON body naming the error, and a message for people.
void check_json_error(const Result<sync::HttpReply>& r, long status, const std::string& code) {
    REQUIRE(r.has_value());
    INFO("HTTP " << r->status << " " << r->header("content-type") << ": " << r->body);
    CHECK(r->status == status);
    CHECK(contains(r->header("content-type"), "application/json"));
    auto j = json::parse(r->body, nullptr, false);
    REQUIRE(j.is_object());
    REQUIRE(j.contains("error"));
    REQUIRE(j.contains("message"));
    CHECK(j["error"] == code);
    CHECK(j["message"].is_string());
    CHECK_FALSE(j["message"].get<std::string>().empty());
    // A device reads the same code back as a typed value, and the words carry no code.
    auto e = sync::reply_error(*r);
    if (auto known = wire::code_named(code)) {
        CHECK(e.code() == *known);
        CHECK(wire::entry(*known).http_status == status);
    }
    CHECK(e.error.message() == j["message"].get<std::string>());
    CHECK_FALSE(e.error.message().starts_with(code));
}

void check_healthy(const test::TestServer& srv) {
    auto http = transport(srv);
    auto r = http.request("GET", "/healthz", "");
    REQUIRE(r.has_value());
    INFO(r->body);
    CHECK(r->status == 200);
    auto j = json::parse(r->body, nullptr, false);
    REQUIRE(j.is_object());
    CHECK(j["status"] == "ok");
}

// An enrolled, synced volunteer device.
struct Device {
    fs::path dir;
    std::string user_id;
    std::string token() const {
        auto p = sync::DeviceProfile::open(dir);
        REQUIRE(p.has_value());
        auto t = p->access_token();
        REQUIRE(t.has_value());
        return *t;
    }
    std::vector<std::string> open_tasks() const {
        std::vector<std::string> out;
        for (const auto& t : cli_json(dir, {"tasks", "--json"}))
            if (t["status"] == "open" && !t["covert"].get<bool>()) out.push_back(t["id"]);
        for (const auto& t : cli_json(dir, {"tasks", "--json"}))
            if (t["status"] == "open" && t["covert"].get<bool>()) out.push_back(t["id"]);
        return out;
    }
};

Device volunteer(const test::TestServer& srv, const test::TempDir& tmp, int n = 0) {
    const auto& acc = srv.account("volunteer", n);
    Device d{tmp / ("volunteer-" + std::to_string(n)), acc.user_id};
    must(d.dir, {"enroll", "--server", srv.url(), "--code", acc.code, "--pin", srv.pin()});
    must(d.dir, {"sync"});
    return d;
}

pb::SyncResponse post_sync(const test::TestServer& srv, const std::string& token, const pb::SyncRequest& req) {
    auto http = transport(srv);
    auto r = http.request("POST", "/v1/sync", req.SerializeAsString(), bearer(token));
    REQUIRE(r.has_value());
    INFO("HTTP " << r->status << ": " << r->body);
    REQUIRE(r->status == 200);
    pb::SyncResponse resp;
    REQUIRE(resp.ParseFromString(r->body));
    return resp;
}

struct Row {
    std::int64_t version = 0;
    std::string payload;
};

std::optional<Row> server_row(const fs::path& data_dir, std::string_view collection, const std::string& id) {
    auto db = test::server_db(data_dir);
    REQUIRE(db);
    auto r = server::RecordTable{*db}.get(collection, id);
    REQUIRE(r.has_value());
    if (!*r) return std::nullopt;
    return Row{(*r)->version(), (*r)->payload()};
}

void server_exec(const fs::path& data_dir, const std::string& sql) {
    auto db = test::server_db(data_dir);
    REQUIRE(db);
    REQUIRE(db->exec(sql).has_value());
}

// Client sequence numbers far above anything the device's own outbox will use.
std::uint64_t g_hand_seq = 1'000'000;

}  // namespace

// ------------------------------------------------------------------------------------ 1

TEST_CASE("malformed bodies and unknown endpoints get 4xx JSON errors", "[robustness]") {
    test::TestServer srv;
    test::TempDir tmp;
    auto dev = volunteer(srv, tmp);
    auto http = transport(srv);
    const auto auth = bearer(dev.token());

    // A length-delimited field that claims more bytes than follow.
    check_json_error(http.request("POST", "/v1/sync", std::string("\x0a\x05" "ab", 4), auth), 400, "malformed");
    check_healthy(srv);
    check_json_error(http.request("POST", "/v1/sync", std::string("\xff\xff\xff\xff\xff\xff", 6), auth), 400, "malformed");
    check_healthy(srv);
    check_json_error(http.request("POST", "/v1/enroll", std::string("\x0a\x7f", 2)), 400, "malformed");
    check_healthy(srv);
    check_json_error(http.request("POST", "/v1/token/refresh", std::string("\x0a\x7f", 2)), 400, "malformed");
    check_healthy(srv);
    check_json_error(http.request("GET", "/v1/sync", "", auth), 405, "method_not_allowed");
    check_healthy(srv);
    check_json_error(http.request("GET", "/v1/nothing-here", "", auth), 404, "not_found");
    check_healthy(srv);
    check_json_error(http.request("PUT", "/v1/blobs/not-a-hash", "x", auth), 400, "invalid_argument");
    check_healthy(srv);
    auto h = auth;
    h["Content-Range"] = "bytes 0-99/10";
    check_json_error(http.request("PUT", "/v1/blobs/" + std::string(64, 'a'), std::string(5, 'x'), h), 400,
                     "invalid_argument");
    check_healthy(srv);
    // The device's own sync still works on the same server.
    must(dev.dir, {"sync"});
}

// ------------------------------------------------------------------------------------ 2

TEST_CASE("an oversized body gets 413 and the server keeps serving", "[robustness]") {
    test::TestServer srv;
    test::TempDir tmp;
    auto dev = volunteer(srv, tmp);
    auto http = transport(srv);
    const std::string big(16 * 1024 * 1024 + 1, 'x');
    check_json_error(http.request("POST", "/v1/sync", big, bearer(dev.token())), 413, "too_large");
    check_healthy(srv);
    check_json_error(http.request("POST", "/v1/enroll", big), 413, "too_large");
    check_healthy(srv);

    // Too many changes in one request: refused as a whole, nothing applied.
    pb::SyncRequest req;
    for (int i = 0; i < 2001; ++i) {
        auto* m = req.add_mutations();
        m->set_client_seq(g_hand_seq++);
        m->set_collection("bogus");
        m->set_id(crypto::new_uuid());
    }
    check_json_error(http.request("POST", "/v1/sync", req.SerializeAsString(), bearer(dev.token())), 413, "too_large");
    check_healthy(srv);
    must(dev.dir, {"sync"});
}

// ------------------------------------------------------------------------------------ 3

TEST_CASE("missing, unknown and expired tokens get 401 - the client refreshes an expired one", "[robustness][auth]") {
    test::TestServer srv;
    test::TempDir tmp;
    auto dev = volunteer(srv, tmp);
    auto http = transport(srv);
    pb::SyncRequest pull;
    pull.set_pull(true);
    const std::string body = pull.SerializeAsString();

    check_json_error(http.request("POST", "/v1/sync", body, {{"Content-Type", "application/x-protobuf"}}), 401,
                     "unauthorized");
    check_healthy(srv);
    check_json_error(http.request("POST", "/v1/sync", body, bearer("not-a-real-token")), 401, "unauthorized");
    check_healthy(srv);
    {
        // HEAD: the same refusal, without a body (HTTP sends none for HEAD).
        auto head = http.request("HEAD", "/v1/blobs/" + std::string(64, 'a'), "", bearer("nope"));
        REQUIRE(head.has_value());
        CHECK(head->status == 401);
        CHECK(head->body.empty());
        check_json_error(http.request("GET", "/v1/blobs/" + std::string(64, 'a'), "", bearer("nope")), 401,
                         "unauthorized");
    }
    check_healthy(srv);

    const std::string old_token = dev.token();
    auto status_of = [&](const std::string& token) {
        auto r = http.request("POST", "/v1/sync", body, bearer(token));
        REQUIRE(r.has_value());
        return r->status;
    };
    CHECK(status_of(old_token) == 200);
    server_exec(srv.data_dir(), "UPDATE token SET expires_at=0 WHERE kind='access'");
    check_json_error(http.request("POST", "/v1/sync", body, bearer(old_token)), 401, "token_expired");
    {
        // An answer to HEAD has no body: the code travels as Ducha-Error too.
        auto head = http.request("HEAD", "/v1/blobs/" + std::string(64, 'a'), "", bearer(old_token));
        REQUIRE(head.has_value());
        CHECK(head->status == 401);
        CHECK(head->body.empty());
        CHECK(head->header("ducha-error") == "token_expired");
        CHECK(sync::reply_error(*head).code() == Errc::token_expired);
    }
    check_healthy(srv);

    // The CLI refreshes with its refresh token and carries on.
    auto s = must(dev.dir, {"sync"});
    CHECK(contains(s.out, "sync complete"));
    const std::string new_token = dev.token();
    CHECK(new_token != old_token);
    CHECK(status_of(new_token) == 200);
    // Refreshing rotated the tokens: the old one stays dead.
    CHECK(status_of(old_token) == 401);
    check_healthy(srv);

    // A pass that starts with an upload's HEAD (nothing to push) refreshes an expired token too.
    server_exec(srv.data_dir(), "UPDATE token SET expires_at=0 WHERE kind='access'");
    {
        auto prof = sync::DeviceProfile::open(dev.dir);
        REQUIRE(prof.has_value());
        auto t = transport(srv);
        auto head = sync::authorized_request(*prof, t, "HEAD", "/v1/blobs/" + std::string(64, 'a'), "");
        REQUIRE(head.has_value());
        CHECK(head->status == 404);
    }
    CHECK(dev.token() != new_token);
    CHECK(status_of(dev.token()) == 200);
}

TEST_CASE("a revoked device gets 403 device_revoked and the client stops at once with the words", "[robustness][auth]") {
    test::TestServer srv;
    test::TempDir tmp;
    auto dev = volunteer(srv, tmp);
    auto prof = sync::DeviceProfile::open(dev.dir);
    REQUIRE(prof.has_value());
    auto id = prof->identity();
    REQUIRE(id.has_value());
    auto row = server_row(srv.data_dir(), "device", id->device_id);
    REQUIRE(row.has_value());
    pb::Device d;
    REQUIRE(d.ParseFromString(row->payload));
    d.set_revoked(true);
    {
        auto db = test::server_db(srv.data_dir());
        store::Statement st{*db, "UPDATE record SET payload=?1 WHERE collection='device' AND id=?2"};
        st.bind_blob(1, d.SerializeAsString()).bind(2, id->device_id);
        REQUIRE(st.run().has_value());
    }

    pb::SyncRequest pull;
    pull.set_pull(true);
    check_json_error(transport(srv).request("POST", "/v1/sync", pull.SerializeAsString(), bearer(dev.token())), 403,
                     "device_revoked");
    // The client reads the code as a typed value and stops: no backoff, no second pass.
    int sleeps = 0;
    sync::SyncClient::Config cfg;
    cfg.sleep = [&sleeps](std::chrono::milliseconds) { sleeps++; };
    sync::SyncClient client{*prof, cfg};
    auto r = client.sync(5);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::device_revoked);
    CHECK(wire::action_for(r.error().code) == wire::Action::stop);
    CHECK(sleeps == 0);
    CHECK(contains(r.error().message(), "revoked"));
    CHECK_FALSE(contains(r.error().message(), "device_revoked"));
    check_healthy(srv);
}

// ------------------------------------------------------------------------------------ 4

TEST_CASE("expired, used and unknown enrollment codes are refused", "[robustness][auth]") {
    test::TestServer srv;
    test::TempDir tmp;

    SECTION("expired") {
        const auto& acc = srv.account("volunteer", 0);
        server_exec(srv.data_dir(), "UPDATE enrollment_code SET expires_at=0 WHERE user_id='" + acc.user_id + "'");
        auto r = run(tmp / "p", {"enroll", "--server", srv.url(), "--code", acc.code, "--pin", srv.pin()});
        INFO(r.out << r.err);
        CHECK(r.rc != 0);
        CHECK(contains(r.err, "expired"));
        CHECK_FALSE(contains(r.err, "code_expired"));  // the code travels beside the words, not in them
        // Over the wire: 401 with a code the app can act on.
        pb::EnrollRequest req;
        req.set_code(acc.code);
        req.set_public_key(crypto::random_bytes(32));
        check_json_error(transport(srv).request("POST", "/v1/enroll", req.SerializeAsString()), 401, "code_expired");
        check_healthy(srv);
    }
    SECTION("used") {
        const auto& acc = srv.account("volunteer", 1);
        must(tmp / "first", {"enroll", "--server", srv.url(), "--code", acc.code, "--pin", srv.pin()});
        auto r = run(tmp / "second", {"enroll", "--server", srv.url(), "--code", acc.code, "--pin", srv.pin()});
        INFO(r.out << r.err);
        CHECK(r.rc != 0);
        CHECK(contains(r.err, "used"));
        check_healthy(srv);
        // The first device is unaffected.
        must(tmp / "first", {"sync"});
    }
    SECTION("unknown or malformed") {
        pb::EnrollRequest req;
        req.set_code("ZZZZ-ZZZZ-ZZZZ");
        req.set_public_key(crypto::random_bytes(32));
        check_json_error(transport(srv).request("POST", "/v1/enroll", req.SerializeAsString()), 401, "unauthorized");
        check_healthy(srv);
        req.set_public_key("short");
        check_json_error(transport(srv).request("POST", "/v1/enroll", req.SerializeAsString()), 400, "invalid_argument");
        check_healthy(srv);
        auto r = run(tmp / "p", {"enroll", "--server", srv.url(), "--code", "ABCD-EFGH-JKMN", "--pin", srv.pin()});
        CHECK(r.rc != 0);
        CHECK_FALSE(r.err.empty());
        check_healthy(srv);
    }
}

// ------------------------------------------------------------------------------------ 5

TEST_CASE("a report changed after signing is rejected and set aside without blocking what follows",
          "[robustness][signature]") {
    test::TestServer srv;
    test::TempDir tmp;
    auto dev = volunteer(srv, tmp);
    auto tasks = dev.open_tasks();
    REQUIRE(tasks.size() >= 2);
    const std::string report_id = trim(must(dev.dir, {"inspect", "--task", tasks[0], "--answers", write_answers(tmp.path).string()}).out);
    std::uint64_t report_seq = 0;
    std::string tampered;
    {
        auto p = sync::DeviceProfile::open(dev.dir);
        REQUIRE(p.has_value());
        auto items = p->store().pending(10);
        REQUIRE(items.has_value());
        REQUIRE(items->size() == 1);
        REQUIRE(items->front().mutation.id() == report_id);
        report_seq = items->front().client_seq;
        pb::Report r;
        REQUIRE(r.ParseFromString(items->front().mutation.payload()));
        r.set_notes("changed after signing / 签名后修改");
        tampered = r.SerializeAsString();
    }

    // By hand: refused for good, with the reason.
    pb::SyncRequest req;
    auto* m = req.add_mutations();
    m->set_client_seq(g_hand_seq++);
    m->set_collection("report");
    m->set_id(report_id);
    m->set_payload(tampered);
    auto resp = post_sync(srv, dev.token(), req);
    REQUIRE(resp.acks_size() == 1);
    CHECK(resp.acks(0).status() == pb::Ack::REJECTED);
    CHECK(resp.acks(0).code() == "bad_signature");
    // The reason as the catalogue's row (a device puts it into its user's language) and in both
    // languages (for a device that does not know the row).
    CHECK(resp.acks(0).message_id() == "report_signature_invalid");
    CHECK(resp.acks(0).message_args().empty());
    CHECK(resp.acks(0).message() == render_bilingual(Msg::report_signature_invalid, {}));
    CHECK(srv.count("report") == 0);
    check_healthy(srv);

    // Through the client: the bad report heads the outbox, a good change queues behind it.
    {
        auto db = store::Database::open(dev.dir / "device.db");
        REQUIRE(db.has_value());
        store::Statement st{*db, "UPDATE outbox SET payload=?2 WHERE client_seq=?1"};
        st.bind(1, report_seq).bind_blob(2, tampered);
        REQUIRE(st.run().has_value());
        REQUIRE(db->changes() == 1);
    }
    must(dev.dir, {"task-status", "--task", tasks[1], "--to", "in_progress"});
    auto s = must(dev.dir, {"sync"});
    CHECK(contains(s.out, "set aside 1"));
    CHECK(contains(s.out, "sync complete"));

    auto t = server_row(srv.data_dir(), "task", tasks[1]);
    REQUIRE(t);
    pb::Task task;
    REQUIRE(task.ParseFromString(t->payload));
    CHECK(task.status() == "in_progress");
    CHECK(srv.count("report") == 0);

    auto outbox = cli_json(dev.dir, {"outbox", "--json"});
    REQUIRE(outbox.size() == 1);
    CHECK(outbox[0]["id"] == report_id);
    CHECK(outbox[0]["state"] == "set_aside");
    CHECK(outbox[0]["error_code"] == "bad_signature");
    CHECK(outbox[0]["error"] == render_bilingual(Msg::report_signature_invalid, {}));
    {
        auto p = sync::DeviceProfile::open(dev.dir);
        REQUIRE(p.has_value());
        auto items = p->store().outbox(true);
        REQUIRE(items.has_value());
        REQUIRE(items->size() == 1);
        CHECK(items->front().refusal().what == Msg::report_signature_invalid);
        CHECK(items->front().refusal().text(Lang::en) ==
              "the report's signature is invalid: changed after signing or not signed by this device");
    }
    // A later sync does not send it again and is complete.
    auto s2 = must(dev.dir, {"sync"});
    CHECK(contains(s2.out, "pushed 0, duplicates 0, set aside 0"));
    check_healthy(srv);
}

// ------------------------------------------------------------------------------------ 6

TEST_CASE("a volunteer cannot touch another volunteer's task, create tasks or write unknown collections",
          "[robustness][policy]") {
    test::TestServer srv;
    test::TempDir tmp;
    auto dev = volunteer(srv, tmp);

    // Another volunteer's task, read straight from the server database.
    std::string other_id;
    std::int64_t other_version = 0;
    pb::Task other;
    std::string own_inst;
    {
        auto db = test::server_db(srv.data_dir());
        REQUIRE(db);
        store::Statement st{*db, "SELECT id, version, payload FROM record WHERE collection='task' AND deleted=0"};
        for (;;) {
            auto row = st.step();
            REQUIRE(row.has_value());
            if (!*row) break;
            pb::Task t;
            REQUIRE(t.ParseFromString(st.col_blob(2)));
            bool mine = std::find(t.assignees().begin(), t.assignees().end(), dev.user_id) != t.assignees().end();
            if (mine && own_inst.empty()) own_inst = t.institution_id();
            if (!mine && other_id.empty() && t.status() == "open") {
                other_id = st.col_text(0);
                other_version = st.col_int(1);
                other = t;
            }
        }
    }
    REQUIRE_FALSE(other_id.empty());
    REQUIRE_FALSE(own_inst.empty());
    const auto before = server_row(srv.data_dir(), "task", other_id);

    pb::SyncRequest req;
    {
        pb::Task t = other;
        t.set_status("in_progress");
        auto* m = req.add_mutations();
        m->set_client_seq(g_hand_seq++);
        m->set_collection("task");
        m->set_id(other_id);
        m->set_base_version(other_version);
        m->set_payload(t.SerializeAsString());
    }
    const std::string new_task_id = crypto::new_uuid();
    {
        pb::Task t;
        t.set_institution_id(own_inst);
        t.set_kind("routine");
        t.add_assignees(dev.user_id);
        t.set_status("open");
        auto* m = req.add_mutations();
        m->set_client_seq(g_hand_seq++);
        m->set_collection("task");
        m->set_id(new_task_id);
        m->set_payload(t.SerializeAsString());
    }
    {
        auto* m = req.add_mutations();
        m->set_client_seq(g_hand_seq++);
        m->set_collection("bogus");
        m->set_id(crypto::new_uuid());
        m->set_payload("x");
    }
    {
        auto cur = server_row(srv.data_dir(), "institution", own_inst);
        REQUIRE(cur);
        pb::Institution i;
        REQUIRE(i.ParseFromString(cur->payload));
        i.set_name("改名 / renamed by a volunteer");
        auto* m = req.add_mutations();
        m->set_client_seq(g_hand_seq++);
        m->set_collection("institution");
        m->set_id(own_inst);
        m->set_base_version(cur->version);
        m->set_payload(i.SerializeAsString());
        m->set_hlc(static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                  std::chrono::system_clock::now().time_since_epoch())
                                                  .count()));
        m->add_changed_fields("name");
    }
    auto resp = post_sync(srv, dev.token(), req);
    REQUIRE(resp.acks_size() == 4);
    for (int i = 0; i < 4; ++i) {
        INFO("ack " << i << ": " << resp.acks(i).code() << " " << resp.acks(i).message());
        CHECK(resp.acks(i).status() == pb::Ack::REJECTED);
        CHECK(resp.acks(i).client_seq() == req.mutations(i).client_seq());
        CHECK_FALSE(resp.acks(i).message().empty());
    }
    CHECK(resp.acks(0).code() == "forbidden");
    CHECK(resp.acks(1).code() == "forbidden");
    CHECK(resp.acks(2).code() == "unknown_collection");
    CHECK(resp.acks(3).code() == "forbidden");
    // Each reason travels as a catalogue row with its arguments, and as words for older devices.
    CHECK(resp.acks(2).message_id() == "unknown_collection");
    CHECK(std::vector<std::string>(resp.acks(2).message_args().begin(), resp.acks(2).message_args().end()) ==
          std::vector<std::string>{"bogus"});
    CHECK(resp.acks(2).message() == render_bilingual(Msg::unknown_collection, {"bogus"}));
    for (int i : {0, 1, 3}) {
        auto row = msg_named(resp.acks(i).message_id());
        REQUIRE(row.has_value());
        CHECK(*row != Msg::verbatim);
        CHECK(resp.acks(i).message() ==
              render_bilingual(*row, {resp.acks(i).message_args().begin(), resp.acks(i).message_args().end()}));
    }
    // Nothing changed on the server.
    auto after = server_row(srv.data_dir(), "task", other_id);
    REQUIRE(after);
    CHECK(after->version == before->version);
    CHECK(after->payload == before->payload);
    CHECK_FALSE(server_row(srv.data_dir(), "task", new_task_id));
    auto inst = server_row(srv.data_dir(), "institution", own_inst);
    pb::Institution i;
    REQUIRE(i.ParseFromString(inst->payload));
    CHECK(i.name() != "改名 / renamed by a volunteer");
    check_healthy(srv);
    // The device's own sync is unaffected by what was refused.
    must(dev.dir, {"sync"});

    // A signed report that names another volunteer's task: the evidence is kept, the task is not
    // moved (only an assignee's report submits a task).
    std::string report_id;
    {
        auto p = sync::DeviceProfile::open(dev.dir);
        REQUIRE(p.has_value());
        pb::Record rec;
        rec.set_collection("task");
        rec.set_id(other_id);
        rec.set_version(before->version);
        rec.set_payload(before->payload);
        REQUIRE(p->store().apply_remote(rec));  // as if the device had seen it, and its site
        auto site = server_row(srv.data_dir(), "institution", other.institution_id());
        REQUIRE(site);
        rec.set_collection("institution");
        rec.set_id(other.institution_id());
        rec.set_version(site->version);
        rec.set_payload(site->payload);
        REQUIRE(p->store().apply_remote(rec));
        sync::InspectionInput in;
        in.task_id = other_id;
        for (const auto& c : kItems) in.answers.push_back({c, "pass", "", 0});
        auto rid = sync::InspectionRecorder(*p).record(in);
        INFO((rid ? "" : rid.error().message()));
        REQUIRE(rid.has_value());
        report_id = *rid;
    }
    must(dev.dir, {"sync"});
    CHECK(server_row(srv.data_dir(), "report", report_id).has_value());
    auto still = server_row(srv.data_dir(), "task", other_id);
    REQUIRE(still);
    CHECK(still->version == before->version);
    CHECK(still->payload == before->payload);
}

// A change the server refuses for good is set aside on the device, and the optimistic local copy
// is replaced by the server's record that comes with the rejection, so the replica shows what the
// server holds and digests converge.
TEST_CASE("a refused change does not stay in the device's replica", "[robustness][policy]") {
    test::TestServer srv;
    test::TempDir tmp;
    auto dev = volunteer(srv, tmp);
    auto insts = cli_json(dev.dir, {"institutions", "--json"});
    REQUIRE_FALSE(insts.empty());
    const std::string id = insts[0]["id"];
    // The app and the CLI refuse it on the device, in the server's words...
    auto refused_here = run(dev.dir, {"edit", "institution", id, "name=志愿者改名"});
    CHECK(refused_here.rc == 1);
    CHECK(contains(refused_here.err, "not allowed"));
    // ...so a modified client queues it straight into the outbox.
    {
        auto prof = sync::DeviceProfile::open(dev.dir);
        REQUIRE(prof.has_value());
        auto cur = prof->store().get("institution", id);
        REQUIRE(cur.has_value());
        REQUIRE(cur->has_value());
        pb::Institution renamed;
        REQUIRE(renamed.ParseFromString((*cur)->payload()));
        renamed.set_name("志愿者改名");
        pb::Mutation m;
        m.set_collection("institution");
        m.set_id(id);
        m.set_base_version((*cur)->version());
        m.set_payload(renamed.SerializeAsString());
        m.set_hlc(static_cast<std::uint64_t>(unix_ms_now()));
        m.add_changed_fields("name");
        REQUIRE(prof->store().enqueue(m).has_value());
    }
    auto s = must(dev.dir, {"sync"});
    CHECK(contains(s.out, "set aside 1"));
    auto outbox = cli_json(dev.dir, {"outbox", "--json"});
    REQUIRE(outbox.size() == 1);
    CHECK(outbox[0]["state"] == "set_aside");
    CHECK(outbox[0]["error_code"] == "forbidden");
    auto srow = server_row(srv.data_dir(), "institution", id);
    REQUIRE(srow);
    pb::Institution si;
    REQUIRE(si.ParseFromString(srow->payload));
    CHECK(si.name() != "志愿者改名");
    must(dev.dir, {"sync"});
    auto p = sync::DeviceProfile::open(dev.dir);
    REQUIRE(p.has_value());
    auto local = p->store().get("institution", id);
    REQUIRE(local.has_value());
    REQUIRE(local->has_value());
    CHECK((*local)->payload() == srow->payload);
    CHECK((*local)->version() == srow->version);
}

// ------------------------------------------------------------------------------------ 7

TEST_CASE("a wrong server key pin stops the client before anything is sent", "[robustness][tls]") {
    test::TestServer srv;
    test::TempDir tmp;
    const std::string wrong_pin = "sha256//" + base64_encode(crypto::random_bytes(32));
    REQUIRE(wrong_pin != srv.pin());

    auto http = transport(srv, wrong_pin);
    auto r = http.request("GET", "/healthz", "");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::integrity);
    CHECK(contains(r.error().message(), "pinned key"));
    check_healthy(srv);

    const auto& acc = srv.account("volunteer");
    auto e = run(tmp / "p", {"enroll", "--server", srv.url(), "--code", acc.code, "--pin", wrong_pin});
    INFO(e.out << e.err);
    CHECK(e.rc != 0);
    CHECK(contains(e.err, "does not match the pinned key"));
    check_healthy(srv);
    // Nothing reached the server: the code is still unused and works with the right pin.
    must(tmp / "p2", {"enroll", "--server", srv.url(), "--code", acc.code, "--pin", srv.pin()});
    must(tmp / "p2", {"sync"});
}
