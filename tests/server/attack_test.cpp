// Attacks by a modified client against a real server on 127.0.0.1 (demo data, real TLS). Every
// actor is a `ducha` CLI profile; the attacker skips the device's own rule check and sends forged
// changes straight to POST /v1/sync with its own token (or queues them raw in its outbox), signs
// forged reports with its own device key, and reads evidence files over HTTP. Each attack must be
// refused (a REJECTED ack with a reason, or a 404), change nothing (the stored records byte for
// byte, the public results feed, coverage), and be in the server's audit log with who tried it;
// the honest version of each action still goes through.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "server/service/server_app.h"
#include "server/storage/audit_log.h"
#include "server/storage/record_table.h"
#include "shared/common/bytes.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"
#include "shared/store/statement.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/curl_transport.h"
#include "support/cli_steps.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kHome = "铁东区";  // the district most attacks happen in

// Client sequence numbers far above anything a device's own outbox uses.
std::uint64_t g_forged_seq = 7'000'000;

// ------------------------------------------------------------------ people

struct Person {
    DemoAccount acc;
    fs::path dir;
    std::string device_id;
    const std::string& user_id() const { return acc.user_id; }
};

struct World {
    TestServer srv;
    TempDir tmp;

    // Enrolls the account as a CLI profile and syncs it.
    Person enroll(const DemoAccount& a, const std::string& name) {
        Person p{a, tmp / name, ""};
        must(p.dir, {"enroll", "--server", srv.url(), "--code", a.code, "--pin", srv.pin(), "--name", name});
        must(p.dir, {"sync"});
        auto prof = sync::DeviceProfile::open(p.dir);
        REQUIRE(prof.has_value());
        auto id = prof->identity();
        REQUIRE(id.has_value());
        p.device_id = id->device_id;
        return p;
    }
    Person enroll(const std::string& role, int n, const std::string& district, const std::string& name) {
        return enroll(srv.account(role, n, district), name);
    }
    // A coordinator, volunteer, ... of any district but this one.
    const DemoAccount& elsewhere(const std::string& role, const std::string& not_district) const {
        for (const auto& a : srv.accounts())
            if (a.role == role && !a.district.empty() && a.district != not_district) return a;
        throw std::logic_error("no demo " + role + " outside " + not_district);
    }
    std::string district_id_of(const Person& p) {
        auto st = cli_json(p.dir, {"status", "--json"});
        return st.at(0)["district_id"];
    }
    sync::CurlTransport http() const { return sync::CurlTransport{sync::TransportConfig{.base_url = srv.url(), .pin = srv.pin()}}; }
};

std::string token_of(const Person& p) {
    auto prof = sync::DeviceProfile::open(p.dir);
    REQUIRE(prof.has_value());
    auto t = prof->access_token();
    REQUIRE(t.has_value());
    return *t;
}

// ------------------------------------------------------------------ the modified client

pb::Mutation change(std::string_view collection, const std::string& id, std::int64_t base_version,
                    const google::protobuf::Message& msg) {
    pb::Mutation m;
    m.set_collection(std::string(collection));
    m.set_id(id);
    m.set_base_version(base_version);
    m.set_payload(msg.SerializeAsString());
    return m;
}

// Sends these changes as `who` in one POST /v1/sync (push only) and returns the acks, in order.
std::vector<pb::Ack> push(const World& w, const Person& who, std::vector<pb::Mutation> ms) {
    pb::SyncRequest req;
    for (auto& m : ms) {
        m.set_client_seq(g_forged_seq++);
        *req.add_mutations() = m;
    }
    auto r = w.http().request("POST", "/v1/sync", req.SerializeAsString(),
                              {{"Authorization", "Bearer " + token_of(who)}, {"Content-Type", "application/x-protobuf"}});
    REQUIRE(r.has_value());
    INFO("HTTP " << r->status << ": " << r->body);
    REQUIRE(r->status == 200);
    pb::SyncResponse resp;
    REQUIRE(resp.ParseFromString(r->body));
    REQUIRE(resp.acks_size() == req.mutations_size());
    std::vector<pb::Ack> acks(resp.acks().begin(), resp.acks().end());
    for (std::size_t i = 0; i < acks.size(); ++i) CHECK(acks[i].client_seq() == req.mutations(static_cast<int>(i)).client_seq());
    return acks;
}
pb::Ack push(const World& w, const Person& who, pb::Mutation m) { return push(w, who, std::vector<pb::Mutation>{std::move(m)}).at(0); }

std::string describe(const pb::Ack& a) {
    static const char* names[] = {"APPLIED", "DUPLICATE", "REJECTED", "CONFLICT"};
    return std::string(names[a.status()]) + " " + a.code() + ": " + a.message() + (a.has_current() ? " (with current)" : "");
}

// Refused for good, with a reason (the reply may carry the record back only to whoever may read it).
void check_refused(const pb::Ack& a, std::string_view code = {}, std::string_view words = {}) {
    INFO(describe(a));
    CHECK(a.status() == pb::Ack::REJECTED);
    if (!code.empty()) CHECK(a.code() == code);
    CHECK_FALSE(a.message().empty());
    if (!words.empty()) CHECK(contains(a.message(), std::string(words)));
}

// The same, and the reply carries nothing: for a caller who may not see the record.
void check_refused_blind(const pb::Ack& a, std::string_view code = {}, std::string_view words = {}) {
    check_refused(a, code, words);
    INFO(describe(a));
    CHECK(a.status() != pb::Ack::CONFLICT);
    CHECK_FALSE(a.has_current());
}

void check_applied(const pb::Ack& a) {
    INFO(describe(a));
    CHECK(a.status() == pb::Ack::APPLIED);
}

// ------------------------------------------------------------------ reports

// Signs `r` as report `id` with the profile's own device key, chained after the device's previous
// report as its store records it (meta "chain_index", "chain_head"), and moves that chain head on
// the way the inspection recorder does.
void sign_chained(const fs::path& profile, const std::string& id, pb::Report& r) {
    auto p = sync::DeviceProfile::open(profile);
    REQUIRE(p.has_value());
    auto idx = p->store().meta("chain_index");
    auto head = p->store().meta("chain_head");
    REQUIRE(idx.has_value());
    REQUIRE(head.has_value());
    r.set_chain_index((*idx ? std::stoull(**idx) : 0) + 1);
    r.set_prev_hash(*head ? **head : domain::zero_hash());
    auto key = p->device_key();
    REQUIRE(key.has_value());
    domain::sign_report(id, r, *key);
    REQUIRE(p->store().set_meta("chain_index", std::to_string(r.chain_index())).has_value());
    REQUIRE(p->store().set_meta("chain_head", domain::report_hash(id, r)).has_value());
}

// Signs `r` with the profile's device key as it stands (chain fields as the caller set them).
void sign_as_is(const fs::path& profile, const std::string& id, pb::Report& r) {
    auto p = sync::DeviceProfile::open(profile);
    REQUIRE(p.has_value());
    auto key = p->device_key();
    REQUIRE(key.has_value());
    domain::sign_report(id, r, *key);
}

// Every answer passes: a clean visit.
void all_pass(pb::Report& r) {
    for (auto& a : *r.mutable_answers()) {
        if (a.result() == "fail") a.set_result("pass");
        a.clear_note();
        a.clear_photo_sha256();
    }
    r.clear_blobs();
    r.set_flagged(false);
}

// ------------------------------------------------------------------ the server's side

std::optional<pb::Record> stored(const TestServer& srv, std::string_view collection, const std::string& id) {
    auto db = test::server_db(srv.data_dir());
    REQUIRE(db);
    auto r = server::RecordTable{*db}.get(collection, id);
    REQUIRE(r.has_value());
    return *r;
}

template <typename M>
M stored_as(const TestServer& srv, std::string_view collection, const std::string& id) {
    auto r = stored(srv, collection, id);
    REQUIRE(r.has_value());
    REQUIRE_FALSE(r->deleted());
    M m;
    REQUIRE(m.ParseFromString(r->payload()));
    return m;
}

// The whole stored row (payload, version, seq, time, deleted) as bytes: "unchanged" means equal.
std::string row_bytes(const TestServer& srv, std::string_view collection, const std::string& id) {
    auto r = stored(srv, collection, id);
    return r ? r->SerializeAsString() : std::string();
}

// Live records of a collection.
std::vector<pb::Record> stored_all(const TestServer& srv, std::string_view collection) {
    auto db = test::server_db(srv.data_dir());
    REQUIRE(db);
    store::Statement st{*db, "SELECT id, payload, version FROM record WHERE collection=?1 AND deleted=0 ORDER BY seq"};
    st.bind(1, collection);
    std::vector<pb::Record> out;
    for (;;) {
        auto row = st.step();
        REQUIRE(row.has_value());
        if (!*row) break;
        pb::Record r;
        r.set_collection(std::string(collection));
        r.set_id(st.col_text(0));
        r.set_payload(st.col_blob(1));
        r.set_version(st.col_int(2));
        out.push_back(std::move(r));
    }
    return out;
}

// Tasks on the server by status.
std::map<std::string, int> task_statuses(const TestServer& srv) {
    std::map<std::string, int> out;
    for (const auto& r : stored_all(srv, domain::kTask)) {
        pb::Task t;
        REQUIRE(t.ParseFromString(r.payload()));
        out[t.status()]++;
    }
    return out;
}

// The audit log's entries for one record (and outcome), newest first.
std::vector<server::AuditEntry> audit_of(const TestServer& srv, std::string_view collection, const std::string& id,
                                         std::string_view outcome) {
    auto db = test::server_db(srv.data_dir());
    REQUIRE(db);
    server::AuditQuery q;
    q.collection = std::string(collection);
    q.record_id = id;
    q.outcome = std::string(outcome);
    q.limit = 1000;
    auto rows = server::query_audit(*db, q);
    REQUIRE(rows.has_value());
    return *rows;
}

// The attempt is on record: `n` refusals of this record, each naming who tried, with a reason.
void check_refusal_logged(const TestServer& srv, const Person& who, std::string_view collection, const std::string& id,
                          std::size_t n, std::string_view code = {}, std::string_view action = "write") {
    auto rows = audit_of(srv, collection, id, server::kRefused);
    INFO("refusals of " << collection << " " << id);
    CHECK(rows.size() == n);
    for (const auto& e : rows) {
        INFO(e.actor << " " << e.action << " " << e.code << ": " << e.reason);
        CHECK(e.actor == who.user_id());
        CHECK(e.device == who.device_id);
        CHECK(e.role == who.acc.role);
        CHECK(e.action == action);
        CHECK_FALSE(e.code.empty());
        CHECK_FALSE(e.reason.empty());
        if (!code.empty()) CHECK(e.code == code);
    }
}

// The honest write is on record as accepted, and nothing of this person's was refused on this record.
void check_accepted_logged(const TestServer& srv, const Person& who, std::string_view collection, const std::string& id) {
    auto rows = audit_of(srv, collection, id, server::kAccepted);
    bool found = std::any_of(rows.begin(), rows.end(), [&](const server::AuditEntry& e) { return e.actor == who.user_id(); });
    INFO(who.acc.role << " " << who.user_id() << " writing " << collection << " " << id);
    CHECK(found);
    for (const auto& e : audit_of(srv, collection, id, server::kRefused)) CHECK(e.actor != who.user_id());
}

// The public results feed of a district, as JSON (its results; the generation time aside).
json public_results(const World& w, const std::string& district_id) {
    auto r = w.http().request("GET", "/v1/public/results?limit=1000&district=" + district_id, "");
    REQUIRE(r.has_value());
    INFO("HTTP " << r->status << ": " << r->body);
    REQUIRE(r->status == 200);
    auto j = json::parse(r->body, nullptr, false);
    REQUIRE(j.is_object());
    REQUIRE(j["total"].get<int>() <= 1000);
    return j["results"];
}

const json* public_row(const json& results, std::int64_t id) {
    for (const auto& r : results)
        if (r["id"] == id) return &r;
    return nullptr;
}

bool has_problem(const json& row, const std::string& code) {
    for (const auto& p : row["problems"])
        if (p["code"] == code) return true;
    return false;
}

// ------------------------------------------------------------------ desk steps

// Registry institutions of the coordinator's district nobody inspected yet.
std::vector<std::string> uncovered(const Person& coordinator) {
    auto r = must(coordinator.dir, {"coverage", "--json"});
    auto cov = json::parse(r.out);
    std::vector<std::string> out;
    for (const auto& u : cov["uncovered"]) out.push_back(u["id"]);
    return out;
}

json coverage(const Person& coordinator) {
    must(coordinator.dir, {"sync"});
    auto r = must(coordinator.dir, {"coverage", "--json"});
    return json::parse(r.out);
}

std::string add_task(const Person& coordinator, const std::string& institution, const Person& assignee, bool covert = false) {
    std::vector<std::string> args{"task", "add", "--institution", institution, "--assignee", assignee.user_id()};
    if (covert) args.push_back("--covert");
    auto id = trim(must(coordinator.dir, args).out);
    must(coordinator.dir, {"sync"});
    return id;
}

// The volunteer inspects the task and syncs; `fail_l1` fails the critical permit item (with its photo).
std::string inspect(World& w, const Person& v, const std::string& task, bool fail_l1, const std::string& photo = "") {
    must(v.dir, {"sync"});
    json over = json::object();
    std::vector<std::string> args{"inspect", "--task", task};
    if (fail_l1) {
        over["L1"] = {{"result", "fail"}, {"note", "未见办学许可证 / no permit on display"}};
        auto file = w.tmp / ("l1-" + crypto::random_token(4) + ".jpg");
        write_file(file, crypto::random_bytes(2048));
        args.insert(args.end(), {"--photo", "L1=" + file.string()});
    }
    if (!photo.empty()) {
        auto file = w.tmp / ("visit-" + crypto::random_token(4) + ".jpg");
        write_file(file, photo);
        args.insert(args.end(), {"--photo", file.string()});
    }
    args.insert(args.end(), {"--answers", write_answers(w.tmp.path, over).string(), "--gps", "41.1,122.9"});
    auto id = trim(must(v.dir, args).out);
    must(v.dir, {"sync"});
    REQUIRE(stored(w.srv, domain::kReport, id).has_value());
    return id;
}

// Does the profile's replica hold this record (live)?
bool holds(const Person& p, std::string_view collection, const std::string& id) {
    auto prof = sync::DeviceProfile::open(p.dir);
    REQUIRE(prof.has_value());
    auto r = prof->store().get(collection, id);
    REQUIRE(r.has_value());
    return r->has_value() && !(*r)->deleted();
}

// A covert visit: a 铁东区 coordinator's covert task for a volunteer of the district, inspected with
// one photo that reached the server.
struct CovertVisit {
    World w;
    Person creator, volunteer, outsider, supervisor;
    std::string task, report, photo, hex;

    CovertVisit() {
        creator = w.enroll("coordinator", 0, kHome, "creator");
        volunteer = w.enroll("volunteer", 0, kHome, "volunteer");
        outsider = w.enroll(w.elsewhere("volunteer", kHome), "outsider");
        supervisor = w.enroll("supervisor", 0, "", "supervisor");
        task = add_task(creator, uncovered(creator).at(0), volunteer, true);
        REQUIRE(stored_as<pb::Task>(w.srv, domain::kTask, task).covert());
        photo = crypto::random_bytes(24 * 1024);
        hex = hex_encode(crypto::sha256(photo));
        report = inspect(w, volunteer, task, false, photo);
        REQUIRE(stored_as<pb::Report>(w.srv, domain::kReport, report).covert());
        REQUIRE(read_file(w.srv.data_dir() / "blobs" / hex.substr(0, 2) / hex) == photo);
    }

    sync::HttpReply blob(const Person& who, const std::string& method, const std::string& sha) const {
        auto r = w.http().request(method, "/v1/blobs/" + sha, "", {{"Authorization", "Bearer " + token_of(who)}});
        REQUIRE(r.has_value());
        return *r;
    }

    // Evidence records on the server that point at this report.
    std::vector<std::string> evidence_of(const std::string& report_id) const {
        std::vector<std::string> out;
        for (const auto& r : stored_all(w.srv, domain::kEvidence)) {
            pb::Evidence e;
            REQUIRE(e.ParseFromString(r.payload()));
            if (e.report_id() == report_id) out.push_back(r.id());
        }
        return out;
    }
};

}  // namespace

// ------------------------------------------------------------------------------------ 1

TEST_CASE("attack: a coordinator's forged amendment of a volunteer's report that found a violation is refused",
          "[attack][amend]") {
    World w;
    Person coord = w.enroll("coordinator", 0, kHome, "coordinator");
    Person vol = w.enroll("volunteer", 0, kHome, "volunteer");
    const std::string district = w.district_id_of(coord);
    const std::string task = add_task(coord, uncovered(coord).at(0), vol);
    const std::string original = inspect(w, vol, task, true);
    const auto original_report = stored_as<pb::Report>(w.srv, domain::kReport, original);
    const auto original_receipt = stored_as<pb::Receipt>(w.srv, domain::kReceipt, original);

    // The violation is public: the report's receipt number, its failed L1.
    const json before = public_results(w, district);
    const json* row = public_row(before, original_receipt.seq());
    REQUIRE(row != nullptr);
    CHECK((*row)["result"] == "problems_found");
    CHECK(has_problem(*row, "L1"));
    const std::string report_row = row_bytes(w.srv, domain::kReport, original);
    const std::string task_row = row_bytes(w.srv, domain::kTask, task);
    const auto reports_before = w.srv.count("report");

    // (i) The coordinator "amends" it as themself: all clear, signed with their own device key.
    pb::Report own = original_report;
    all_pass(own);
    own.set_amends(original);
    own.set_user_id(coord.user_id());
    own.set_device_id(coord.device_id);
    own.set_notes("复核无问题 / rechecked, no problem");
    const std::string own_id = crypto::new_uuid();
    sign_chained(coord.dir, own_id, own);
    // (ii) ...and in the volunteer's name (their user and device), still signed by the coordinator.
    pb::Report posing = own;
    posing.set_user_id(vol.user_id());
    posing.set_device_id(vol.device_id);
    const std::string posing_id = crypto::new_uuid();
    sign_chained(coord.dir, posing_id, posing);
    auto acks = push(w, coord, {change(domain::kReport, own_id, 0, own), change(domain::kReport, posing_id, 0, posing)});
    check_refused_blind(acks[0], "forbidden", "only the author of a report may amend it");
    check_refused_blind(acks[1]);
    CHECK_FALSE(acks[1].code().empty());

    // Nothing changed: no amendment stored, the report, its task and the public feed as they were.
    CHECK_FALSE(stored(w.srv, domain::kReport, own_id).has_value());
    CHECK_FALSE(stored(w.srv, domain::kReport, posing_id).has_value());
    CHECK(w.srv.count("report") == reports_before);
    CHECK(row_bytes(w.srv, domain::kReport, original) == report_row);
    CHECK(row_bytes(w.srv, domain::kTask, task) == task_row);
    const json after = public_results(w, district);
    CHECK(after == before);
    row = public_row(after, original_receipt.seq());
    REQUIRE(row != nullptr);
    CHECK(has_problem(*row, "L1"));
    check_refusal_logged(w.srv, coord, domain::kReport, own_id, 1, "forbidden");
    check_refusal_logged(w.srv, coord, domain::kReport, posing_id, 1);

    // Honest: the volunteer amends their own report within 7 days (same task and institution,
    // the next link of their chain): accepted, and the feed publishes the amendment's result (the
    // original, if still listed, names its amendment).
    pb::Report amendment = original_report;
    amendment.set_amends(original);
    amendment.set_notes("更正：补充现场情况 / correction: more on what was found");
    amendment.set_device_time(original_report.device_time() + 60'000);
    const std::string amendment_id = crypto::new_uuid();
    sign_chained(vol.dir, amendment_id, amendment);
    REQUIRE(amendment.chain_index() == original_report.chain_index() + 1);
    auto ok = push(w, vol, change(domain::kReport, amendment_id, 0, amendment));
    check_applied(ok);
    CHECK(ok.has_receipt());
    CHECK(stored_as<pb::Report>(w.srv, domain::kReport, amendment_id).amends() == original);
    check_accepted_logged(w.srv, vol, domain::kReport, amendment_id);
    const json amended = public_results(w, district);
    row = public_row(amended, ok.seq());
    REQUIRE(row != nullptr);
    CHECK(has_problem(*row, "L1"));
    if (const json* first = public_row(amended, original_receipt.seq())) {
        REQUIRE(first->contains("amended_by"));
        CHECK((*first)["amended_by"] == ok.seq());
    }
    // (iii) Another volunteer of the district files an all-clear report of their own on the task
    // (no amendment): kept as evidence, but the public result stays the assigned inspector's.
    Person other = w.enroll("volunteer", 1, kHome, "volunteer-2");
    pb::Report stray = original_report;
    all_pass(stray);
    stray.set_user_id(other.user_id());
    stray.set_device_id(other.device_id);
    stray.set_notes("我看没问题 / looks fine to me");
    const std::string stray_id = crypto::new_uuid();
    sign_chained(other.dir, stray_id, stray);
    check_applied(push(w, other, change(domain::kReport, stray_id, 0, stray)));
    CHECK(public_results(w, district) == amended);
    CHECK(row_bytes(w.srv, domain::kTask, task) != "");
    CHECK(stored_as<pb::Task>(w.srv, domain::kTask, task).report_id() == amendment_id);
    // The coordinator's own device is not stuck: its honest writes still go through.
    must(coord.dir, {"sync"});
}

// ------------------------------------------------------------------------------------ 2

TEST_CASE("attack: coordinators who did not make a covert task cannot move it, and no reply carries it",
          "[attack][covert][task]") {
    World w;
    Person creator = w.enroll("coordinator", 0, kHome, "creator");
    Person colleague = w.enroll("coordinator", 1, kHome, "colleague");
    Person stranger = w.enroll(w.elsewhere("coordinator", kHome), "stranger");
    Person vol = w.enroll("volunteer", 0, kHome, "volunteer");
    const std::string task = add_task(creator, uncovered(creator).at(0), vol, true);
    const auto t = stored_as<pb::Task>(w.srv, domain::kTask, task);
    REQUIRE(t.covert());
    REQUIRE(t.created_by() == creator.user_id());
    const std::int64_t version = stored(w.srv, domain::kTask, task)->version();
    const std::string before = row_bytes(w.srv, domain::kTask, task);

    // Another district's coordinator takes it: into their district, onto one of their sites, nobody assigned.
    pb::Task taken = t;
    taken.set_district_id(w.district_id_of(stranger));
    taken.set_institution_id(uncovered(stranger).at(0));
    taken.clear_assignees();
    auto wrong = push(w, stranger, change(domain::kTask, task, version + 7, taken));
    // Refused, not a conflict: a conflict reply would carry the stored task.
    check_refused_blind(wrong, "forbidden", "outside your district");
    check_refused_blind(push(w, stranger, change(domain::kTask, task, version, taken)), "forbidden");

    // A coordinator of the same district who did not make it.
    pb::Task stripped = t;
    stripped.clear_assignees();
    stripped.set_status("cancelled");
    auto wrong2 = push(w, colleague, change(domain::kTask, task, version + 7, stripped));
    check_refused_blind(wrong2, "forbidden", "covert");
    check_refused_blind(push(w, colleague, change(domain::kTask, task, version, stripped)), "forbidden", "covert");
    pb::Mutation removal = change(domain::kTask, task, version, t);
    removal.set_deleted(true);
    check_refused_blind(push(w, colleague, removal), "forbidden");

    CHECK(row_bytes(w.srv, domain::kTask, task) == before);
    auto refusals = audit_of(w.srv, domain::kTask, task, server::kRefused);
    CHECK(refusals.size() == 5);
    std::map<std::string, int> by_actor;
    std::map<std::string, std::string> deletes;  // actor -> reason
    for (const auto& e : refusals) {
        by_actor[e.actor]++;
        if (e.action == "delete") deletes[e.actor] = e.reason;
        else CHECK(e.action == "write");
        CHECK(e.device == (e.actor == colleague.user_id() ? colleague.device_id : stranger.device_id));
        CHECK(e.collection == "task");
        CHECK(e.code == "forbidden");
        CHECK_FALSE(e.reason.empty());
    }
    CHECK(by_actor[stranger.user_id()] == 2);
    CHECK(by_actor[colleague.user_id()] == 3);
    CHECK(deletes.size() == 1);
    CHECK(deletes.count(colleague.user_id()) == 1);
    // Neither holds it after a sync.
    must(stranger.dir, {"sync"});
    must(colleague.dir, {"sync"});
    CHECK_FALSE(holds(stranger, domain::kTask, task));
    CHECK_FALSE(holds(colleague, domain::kTask, task));

    // Honest: its creator changes it.
    pb::Task urgent = t;
    urgent.set_priority(1);
    check_applied(push(w, creator, change(domain::kTask, task, version, urgent)));
    CHECK(stored_as<pb::Task>(w.srv, domain::kTask, task).priority() == 1);
    check_accepted_logged(w.srv, creator, domain::kTask, task);
}

// ------------------------------------------------------------------------------------ 3

TEST_CASE("attack: a volunteer of another district reads a covert report's photo: 404 as for no file, on record",
          "[attack][covert][blobs]") {
    CovertVisit v;
    const std::string unknown = hex_encode(crypto::sha256(crypto::random_bytes(64)));
    for (const std::string method : {"GET", "HEAD"}) {
        INFO(method);
        auto got = v.blob(v.outsider, method, v.hex);
        auto missing = v.blob(v.outsider, method, unknown);
        CHECK(got.status == 404);
        CHECK(missing.status == 404);
        CHECK(got.body == missing.body);
        auto strip = [](std::map<std::string, std::string> h) {
            h.erase("date");
            return h;
        };
        CHECK(strip(got.headers) == strip(missing.headers));
        CHECK(got.body.find(v.photo.substr(0, 16)) == std::string::npos);
        CHECK(got.header("upload-offset").empty());
        CHECK(got.header("blob-complete").empty());
    }
    // Nothing changed: the file is as uploaded.
    CHECK(read_file(v.w.srv.data_dir() / "blobs" / v.hex.substr(0, 2) / v.hex) == v.photo);
    // On record: the outsider's refused read and look-up of this file.
    for (const std::string action : {"blob.read", "blob.head"}) {
        auto rows = audit_of(v.w.srv, "blob", v.hex, server::kRefused);
        int n = 0;
        for (const auto& e : rows) {
            if (e.action != action) continue;
            ++n;
            CHECK(e.actor == v.outsider.user_id());
            CHECK(e.device == v.outsider.device_id);
            CHECK_FALSE(e.reason.empty());
        }
        INFO(action);
        CHECK(n == 1);
    }
    // Honest: the inspector, the coordinator who made the task and a supervisor read it.
    for (const Person* p : {&v.volunteer, &v.creator, &v.supervisor}) {
        INFO(p->acc.role);
        auto got = v.blob(*p, "GET", v.hex);
        CHECK(got.status == 200);
        CHECK(got.body == v.photo);
    }
}

// ------------------------------------------------------------------------------------ 4

TEST_CASE("attack: a volunteer skips review, cancels another's task, submits without a report: refused, coverage unmoved",
          "[attack][task]") {
    World w;
    Person coord = w.enroll("coordinator", 0, kHome, "coordinator");
    Person vol = w.enroll("volunteer", 0, kHome, "volunteer");
    Person other = w.enroll("volunteer", 1, kHome, "other");
    const auto sites = uncovered(coord);
    REQUIRE(sites.size() >= 3);
    const std::string mine_done = add_task(coord, sites[0], vol);
    const std::string mine_open = add_task(coord, sites[1], vol);
    const std::string theirs = add_task(coord, sites[2], other);
    const std::string report = inspect(w, vol, mine_done, false);
    REQUIRE(stored_as<pb::Task>(w.srv, domain::kTask, mine_done).status() == "submitted");

    const json cov_before = coverage(coord);
    const auto statuses_before = task_statuses(w.srv);
    std::map<std::string, std::string> rows;
    for (const auto& id : {mine_done, mine_open, theirs}) rows[id] = row_bytes(w.srv, domain::kTask, id);
    auto version = [&](const std::string& id) { return stored(w.srv, domain::kTask, id)->version(); };

    pb::Task done = stored_as<pb::Task>(w.srv, domain::kTask, mine_done);
    done.set_status("done");
    pb::Task cancelled = stored_as<pb::Task>(w.srv, domain::kTask, theirs);
    cancelled.set_status("cancelled");
    pb::Task bare = stored_as<pb::Task>(w.srv, domain::kTask, mine_open);
    bare.set_status("submitted");
    pb::Task borrowed = bare;  // with the volunteer's own report of another task
    borrowed.set_report_id(report);
    pb::Task finished = stored_as<pb::Task>(w.srv, domain::kTask, mine_open);
    finished.set_status("done");
    auto acks = push(w, vol, {change(domain::kTask, mine_done, version(mine_done), done),
                              change(domain::kTask, theirs, version(theirs), cancelled),
                              change(domain::kTask, mine_open, version(mine_open), bare),
                              change(domain::kTask, mine_open, version(mine_open), borrowed),
                              change(domain::kTask, mine_open, version(mine_open), finished)});
    check_refused(acks[0], "forbidden", "submitted to done");
    check_refused_blind(acks[1], "forbidden", "not an assignee");
    check_refused(acks[2], "forbidden", "own report");
    check_refused(acks[3], "forbidden");
    check_refused(acks[4]);

    for (const auto& [id, bytes] : rows) {
        INFO(id);
        CHECK(row_bytes(w.srv, domain::kTask, id) == bytes);
    }
    CHECK(task_statuses(w.srv) == statuses_before);
    const json cov_after = coverage(coord);
    CHECK(cov_after["inspected"] == cov_before["inspected"]);
    CHECK(cov_after["uncovered"] == cov_before["uncovered"]);
    CHECK(cov_after["rows"] == cov_before["rows"]);
    for (const auto& site : {sites[1], sites[2]}) {
        bool still = false;
        for (const auto& u : cov_after["uncovered"]) still |= u["id"] == site;
        CHECK(still);
    }
    check_refusal_logged(w.srv, vol, domain::kTask, mine_done, 1, "forbidden");
    check_refusal_logged(w.srv, vol, domain::kTask, theirs, 1, "forbidden");
    check_refusal_logged(w.srv, vol, domain::kTask, mine_open, 3);

    // Honest: the volunteer starts their open task, the coordinator reviews the submitted one.
    must(vol.dir, {"task-status", "--task", mine_open, "--to", "in_progress"});
    must(vol.dir, {"sync"});
    CHECK(cli_json(vol.dir, {"outbox", "--json"}).empty());
    CHECK(stored_as<pb::Task>(w.srv, domain::kTask, mine_open).status() == "in_progress");
    check_applied(push(w, coord, change(domain::kTask, mine_done, version(mine_done), done)));
    CHECK(stored_as<pb::Task>(w.srv, domain::kTask, mine_done).status() == "done");
    check_accepted_logged(w.srv, coord, domain::kTask, mine_done);
    // Reviewing a task that has its report counts no site twice.
    CHECK(coverage(coord)["inspected"] == cov_before["inspected"]);
}

// ------------------------------------------------------------------------------------ 5

TEST_CASE("attack: a coordinator demotes and switches off a fellow coordinator: refused, though an admin may",
          "[attack][user]") {
    World w;
    Person c1 = w.enroll("coordinator", 0, kHome, "c1");
    Person c2 = w.enroll("coordinator", 1, kHome, "c2");
    Person admin = w.enroll("admin", 0, "", "admin");
    const auto fellow = stored_as<pb::User>(w.srv, domain::kUser, c2.user_id());
    REQUIRE(fellow.role() == "coordinator");
    REQUIRE(fellow.active());
    const std::int64_t version = stored(w.srv, domain::kUser, c2.user_id())->version();
    const std::string before = row_bytes(w.srv, domain::kUser, c2.user_id());

    pb::User demoted = fellow;
    demoted.set_role("volunteer");
    demoted.set_active(false);
    pb::User off = fellow;
    off.set_active(false);
    pb::User just_role = fellow;
    just_role.set_role("volunteer");
    auto acks = push(w, c1, {change(domain::kUser, c2.user_id(), version, demoted), change(domain::kUser, c2.user_id(), version, off),
                             change(domain::kUser, c2.user_id(), version, just_role)});
    for (const auto& a : acks) check_refused(a, "forbidden");
    CHECK(row_bytes(w.srv, domain::kUser, c2.user_id()) == before);
    check_refusal_logged(w.srv, c1, domain::kUser, c2.user_id(), 3, "forbidden");
    // The fellow coordinator still works.
    must(c2.dir, {"sync"});

    // Honest: the coordinator switches off a volunteer of their own district...
    const DemoAccount& vol = w.srv.account("volunteer", 2, kHome);
    pb::User vol_off = stored_as<pb::User>(w.srv, domain::kUser, vol.user_id);
    vol_off.set_active(false);
    check_applied(push(w, c1, change(domain::kUser, vol.user_id, stored(w.srv, domain::kUser, vol.user_id)->version(), vol_off)));
    CHECK_FALSE(stored_as<pb::User>(w.srv, domain::kUser, vol.user_id).active());
    // ...and an admin demotes and switches off the coordinator.
    check_applied(push(w, admin, change(domain::kUser, c2.user_id(), version, demoted)));
    const auto now = stored_as<pb::User>(w.srv, domain::kUser, c2.user_id());
    CHECK(now.role() == "volunteer");
    CHECK_FALSE(now.active());
    check_accepted_logged(w.srv, admin, domain::kUser, c2.user_id());
    CHECK(audit_of(w.srv, domain::kUser, c2.user_id(), server::kRefused).size() == 3);
}

// ------------------------------------------------------------------------------------ 6

TEST_CASE("attack: a case is closed by pointing its re-inspection at an unrelated passing task or report: refused",
          "[attack][case]") {
    World w;
    Person coord = w.enroll("coordinator", 0, kHome, "coordinator");
    Person sup = w.enroll("supervisor", 0, "", "supervisor");
    Person vol = w.enroll("volunteer", 0, kHome, "volunteer");
    const std::string district = w.district_id_of(coord);
    const auto sites = uncovered(coord);
    REQUIRE(sites.size() >= 2);
    const std::string pass_task = add_task(coord, sites[0], vol);
    const std::string fail_task = add_task(coord, sites[1], vol);
    const std::string passing = inspect(w, vol, pass_task, false);
    const std::string failing = inspect(w, vol, fail_task, true);

    must(sup.dir, {"sync"});
    const std::string case_id = trim(must(sup.dir, {"review", "decide", failing, "--tier", "较轻", "--days", "10", "--order",
                                                    "停止无证办学"}).out);
    must(sup.dir, {"sync"});
    const auto c = stored_as<pb::Case>(w.srv, domain::kCase, case_id);
    REQUIRE(c.status() == "rectification");
    const std::string reinspection = c.reinspection_task_id();
    REQUIRE_FALSE(reinspection.empty());
    const std::int64_t case_version = stored(w.srv, domain::kCase, case_id)->version();
    const std::int64_t task_version = stored(w.srv, domain::kTask, reinspection)->version();
    std::map<std::pair<std::string, std::string>, std::string> rows;
    for (const auto& [coll, id] : std::vector<std::pair<std::string, std::string>>{
             {"case", case_id}, {"task", reinspection}, {"task", pass_task}, {"report", passing}, {"report", failing}})
        rows[{coll, id}] = row_bytes(w.srv, coll, id);
    const auto failing_seq = stored_as<pb::Receipt>(w.srv, domain::kReceipt, failing).seq();
    const json feed_before = public_results(w, district);
    {
        const json* row = public_row(feed_before, failing_seq);
        REQUIRE(row != nullptr);
        CHECK((*row)["decision"]["status"] == "rectification");
    }

    // The supervisor points the case at the unrelated passing task (and its report) and closes it.
    pb::Case pointed = c;
    pointed.set_reinspection_task_id(pass_task);
    pointed.set_status("closed");
    pb::Case pointed_report = pointed;
    pointed_report.set_closed_by_report_id(passing);
    pointed_report.set_last_reinspection_report_id(passing);
    pb::Case repointed = c;  // only the pointer, to close it later
    repointed.set_reinspection_task_id(pass_task);
    auto sacks = push(w, sup, {change(domain::kCase, case_id, case_version, pointed),
                               change(domain::kCase, case_id, case_version, pointed_report),
                               change(domain::kCase, case_id, case_version, repointed)});
    for (const auto& a : sacks) {
        INFO(describe(a));
        CHECK(a.status() == pb::Ack::REJECTED);
        CHECK(a.code() == "forbidden");
        CHECK_FALSE(a.message().empty());
    }
    // The coordinator points the real re-inspection task at the unrelated passing report.
    pb::Task rt = stored_as<pb::Task>(w.srv, domain::kTask, reinspection);
    pb::Task with_report = rt;
    with_report.set_report_id(passing);
    pb::Task submitted = with_report;
    submitted.set_status("submitted");
    auto cacks = push(w, coord, {change(domain::kTask, reinspection, task_version, with_report),
                                 change(domain::kTask, reinspection, task_version, submitted)});
    for (const auto& a : cacks) {
        INFO(describe(a));
        CHECK(a.status() == pb::Ack::REJECTED);
        CHECK(a.code() == "forbidden");
        CHECK_FALSE(a.message().empty());
    }
    // And a plain close after all that is still refused (不解决不销号).
    pb::Case closing = c;
    closing.set_status("closed");
    check_refused(push(w, sup, change(domain::kCase, case_id, case_version, closing)));

    for (const auto& [key, bytes] : rows) {
        INFO(key.first << " " << key.second);
        CHECK(row_bytes(w.srv, key.first, key.second) == bytes);
    }
    CHECK(stored_as<pb::Case>(w.srv, domain::kCase, case_id).status() == "rectification");
    const json feed_after = public_results(w, district);
    CHECK(feed_after == feed_before);
    check_refusal_logged(w.srv, sup, domain::kCase, case_id, 4);
    check_refusal_logged(w.srv, coord, domain::kTask, reinspection, 2, "forbidden");

    // Honest: the inspector's passing re-inspection of the real task closes it.
    const std::string recheck = inspect(w, vol, reinspection, false);
    const auto closed = stored_as<pb::Case>(w.srv, domain::kCase, case_id);
    CHECK(closed.status() == "closed");
    CHECK(closed.closed_by_report_id() == recheck);
    check_accepted_logged(w.srv, vol, domain::kReport, recheck);
}

// ------------------------------------------------------------------------------------ 7

TEST_CASE("attack: a volunteer of another district attaches evidence to someone else's covert report: refused",
          "[attack][covert][evidence]") {
    CovertVisit v;
    const auto report = stored_as<pb::Report>(v.w.srv, domain::kReport, v.report);
    REQUIRE(report.blobs_size() >= 1);
    const auto honest = v.evidence_of(v.report);
    REQUIRE(honest.size() == static_cast<std::size_t>(report.blobs_size()));
    const auto evidence_count = v.w.srv.count("evidence");

    // The report's own file, and a file of the attacker's.
    pb::Evidence same;
    same.set_report_id(v.report);
    *same.mutable_blob() = report.blobs(0);
    same.set_captured_at(report.device_time());
    pb::Evidence planted = same;
    const std::string bytes = crypto::random_bytes(4096);
    planted.mutable_blob()->set_sha256(crypto::sha256(bytes));
    planted.mutable_blob()->set_size(static_cast<std::int64_t>(bytes.size()));
    const std::string e1 = crypto::new_uuid(), e2 = crypto::new_uuid();
    auto acks = push(v.w, v.outsider, {change(domain::kEvidence, e1, 0, same), change(domain::kEvidence, e2, 0, planted)});
    check_refused_blind(acks[0], "forbidden", "evidence comes only from the device that wrote its report");
    check_refused_blind(acks[1], "forbidden");

    CHECK_FALSE(stored(v.w.srv, domain::kEvidence, e1).has_value());
    CHECK_FALSE(stored(v.w.srv, domain::kEvidence, e2).has_value());
    CHECK(v.evidence_of(v.report) == honest);
    CHECK(v.w.srv.count("evidence") == evidence_count);
    check_refusal_logged(v.w.srv, v.outsider, domain::kEvidence, e1, 1, "forbidden");
    check_refusal_logged(v.w.srv, v.outsider, domain::kEvidence, e2, 1, "forbidden");
    // The attempt did not bring the report's file into the attacker's scope.
    CHECK(v.blob(v.outsider, "GET", v.hex).status == 404);
    must(v.outsider.dir, {"sync"});
    CHECK_FALSE(holds(v.outsider, domain::kReport, v.report));

    // Honest: the inspector's own evidence of the report was taken.
    for (const auto& id : honest) check_accepted_logged(v.w.srv, v.volunteer, domain::kEvidence, id);
}

// ------------------------------------------------------------------------------------ 8

TEST_CASE("attack: a covert draw reaches only its creator and supervisors, and another coordinator cannot touch it",
          "[attack][covert][draw]") {
    World w;
    Person creator = w.enroll("coordinator", 0, kHome, "creator");
    Person colleague = w.enroll("coordinator", 1, kHome, "colleague");
    Person sup = w.enroll("supervisor", 0, "", "supervisor");
    must(creator.dir, {"draw", "run", "--covert", "--k", "2", "--title", "暗访抽检"});
    auto draws = cli_json(creator.dir, {"draw", "list", "--json"});
    REQUIRE(draws.size() == 1);
    const std::string draw_id = draws[0]["id"];
    const auto draw = stored_as<pb::Draw>(w.srv, domain::kDraw, draw_id);
    REQUIRE(draw.covert());
    REQUIRE(draw.status() == "drawn");
    REQUIRE(draw.task_ids_size() >= 1);
    const std::string before = row_bytes(w.srv, domain::kDraw, draw_id);

    must(colleague.dir, {"sync"});
    must(sup.dir, {"sync"});
    CHECK(holds(creator, domain::kDraw, draw_id));
    CHECK(holds(sup, domain::kDraw, draw_id));
    CHECK_FALSE(holds(colleague, domain::kDraw, draw_id));
    CHECK(cli_json(colleague.dir, {"draw", "list", "--json"}).empty());
    for (const auto& t : draw.task_ids()) {
        INFO("drawn task " << t);
        CHECK(stored_as<pb::Task>(w.srv, domain::kTask, t).covert());
        CHECK(holds(sup, domain::kTask, t));
        CHECK_FALSE(holds(colleague, domain::kTask, t));
    }
    // A drawn inspector holds their own task, not the draw that names everyone else.
    const std::string inspector = draw.pairs(0).substr(draw.pairs(0).find(':') + 1);
    const DemoAccount* acc = nullptr;
    for (const auto& a : w.srv.accounts())
        if (a.user_id == inspector) acc = &a;
    REQUIRE(acc != nullptr);
    Person drawn = w.enroll(*acc, "drawn");
    CHECK_FALSE(holds(drawn, domain::kDraw, draw_id));

    // The colleague, who knows its id, re-titles it (wrong and right version): refused, nothing carried back.
    pb::Draw retitled = draw;
    retitled.set_title("改了 / changed");
    const std::int64_t version = stored(w.srv, domain::kDraw, draw_id)->version();
    auto acks = push(w, colleague, {change(domain::kDraw, draw_id, version + 3, retitled), change(domain::kDraw, draw_id, version, retitled)});
    for (const auto& a : acks) check_refused_blind(a, "forbidden", "covert");
    CHECK(row_bytes(w.srv, domain::kDraw, draw_id) == before);
    check_refusal_logged(w.srv, colleague, domain::kDraw, draw_id, 2, "forbidden");
    // Honest: the creator verifies it from their own replica.
    CHECK(contains(must(creator.dir, {"draw", "verify", draw_id}).out, "verified"));
}

// ------------------------------------------------------------------------------------ 9

TEST_CASE("attack: a report that forks the device's chain is refused, set aside, and blocks nothing behind it",
          "[attack][chain]") {
    World w;
    Person coord = w.enroll("coordinator", 0, kHome, "coordinator");
    Person vol = w.enroll("volunteer", 0, kHome, "volunteer");
    const auto sites = uncovered(coord);
    REQUIRE(sites.size() >= 4);
    const std::string t1 = add_task(coord, sites[0], vol);
    const std::string t2 = add_task(coord, sites[1], vol);
    const std::string t3 = add_task(coord, sites[2], vol);
    const std::string t4 = add_task(coord, sites[3], vol);
    const std::string first = inspect(w, vol, t1, false);
    const auto r1 = stored_as<pb::Report>(w.srv, domain::kReport, first);
    REQUIRE(r1.chain_index() == 1);

    // The next position, signed with the device's own key, but not linked to the previous report.
    pb::Report forked = r1;
    forked.set_chain_index(2);
    forked.set_prev_hash(crypto::random_bytes(32));
    forked.set_device_time(r1.device_time() + 1000);
    const std::string forked_id = crypto::new_uuid();
    sign_as_is(vol.dir, forked_id, forked);
    {
        auto p = sync::DeviceProfile::open(vol.dir);
        REQUIRE(p.has_value());
        REQUIRE(p->store().enqueue(change(domain::kReport, forked_id, 0, forked)).has_value());
    }
    // Queued behind it: an honest report (the real next link) and a task move.
    const std::string write_args = write_answers(w.tmp.path).string();
    const std::string second = trim(must(vol.dir, {"inspect", "--task", t2, "--answers", write_args}).out);
    must(vol.dir, {"task-status", "--task", t3, "--to", "in_progress"});
    const auto reports_before = w.srv.count("report");
    auto s = must(vol.dir, {"sync"});
    CHECK(contains(s.out, "set aside 1"));

    CHECK_FALSE(stored(w.srv, domain::kReport, forked_id).has_value());
    CHECK(w.srv.count("report") == reports_before + 1);
    const auto r2 = stored_as<pb::Report>(w.srv, domain::kReport, second);
    CHECK(r2.chain_index() == 2);
    CHECK(r2.prev_hash() == domain::report_hash(first, r1));
    CHECK(stored(w.srv, domain::kReceipt, second).has_value());
    CHECK(stored_as<pb::Task>(w.srv, domain::kTask, t2).status() == "submitted");
    CHECK(stored_as<pb::Task>(w.srv, domain::kTask, t3).status() == "in_progress");
    auto outbox = cli_json(vol.dir, {"outbox", "--json"});
    REQUIRE(outbox.size() == 1);
    CHECK(outbox[0]["id"] == forked_id);
    CHECK(outbox[0]["state"] == "set_aside");
    CHECK(outbox[0]["error_code"] == "chain_fork");
    CHECK_FALSE(outbox[0]["error"].get<std::string>().empty());
    check_refusal_logged(w.srv, vol, domain::kReport, forked_id, 1, "chain_fork");
    check_accepted_logged(w.srv, vol, domain::kReport, second);

    // A position already taken (a second report 1, linked to nothing), straight to the server.
    pb::Report again = r1;
    again.set_device_time(r1.device_time() + 2000);
    const std::string again_id = crypto::new_uuid();
    sign_as_is(vol.dir, again_id, again);
    check_refused_blind(push(w, vol, change(domain::kReport, again_id, 0, again)), "chain_fork");
    CHECK_FALSE(stored(w.srv, domain::kReport, again_id).has_value());
    check_refusal_logged(w.srv, vol, domain::kReport, again_id, 1, "chain_fork");
    CHECK(stored_as<pb::Task>(w.srv, domain::kTask, t1).report_id() == first);

    // The device's chain goes on: its next honest report is accepted.
    const std::string third = inspect(w, vol, t4, false);
    CHECK(stored_as<pb::Report>(w.srv, domain::kReport, third).chain_index() == 3);
    CHECK(cli_json(vol.dir, {"outbox", "--json"}).size() == 1);  // only the forgery, set aside
}
