// Risk that follows the facts, through the wire (a real server on 127.0.0.1 with the demo data,
// every actor a `ducha` CLI profile): an institution's complaint_count and past_violations are
// recounted by the server from the complaint ledger and the cases decided as violations, reach
// devices through the change feed, weigh the next report (repeat offender), cannot be forged by
// a device, and never make a coordinator's concurrent edit of another field conflict or get lost.
#include <catch2/catch.hpp>

#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "shared/crypto/random.h"
#include "shared/domain/checklist.h"
#include "shared/domain/collections.h"
#include "shared/sync/device_profile.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/desk_staff.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct RiskDesk : DeskStaff {

    pb::Institution stored(const std::string& id) {
        auto i = server_get<pb::Institution>(srv.data_dir(), domain::kInstitution, id);
        REQUIRE(i);
        return *i;
    }

    // An institution of the coordinator's district whose risk counts are what the demo gave it.
    std::string institution(int n = 0) {
        auto insts = cli_json(cprof, {"registry", "list", "--district", district, "--json"});
        REQUIRE(static_cast<int>(insts.size()) > n);
        return insts[static_cast<std::size_t>(n)]["id"];
    }

    fs::path volunteer(int n = 0) {
        const DemoAccount& a = srv.account("volunteer", n, "铁东区");
        fs::path p = tmp / ("vol-" + a.user_id);
        if (!fs::exists(p / "device.db")) must(p, {"enroll", "--server", srv.url(), "--code", a.code, "--pin", srv.pin()});
        must(p, {"sync"});
        return p;
    }
};

template <typename M>
std::optional<M> replica_get(const fs::path& profile, std::string_view collection, const std::string& id) {
    auto p = sync::DeviceProfile::open(profile);
    REQUIRE(p.has_value());
    auto got = p->store().get(collection, id);
    REQUIRE(got.has_value());
    if (!got->has_value()) return std::nullopt;
    M m;
    REQUIRE(m.ParseFromString((*got)->payload()));
    return m;
}

std::int64_t replica_version(const fs::path& profile, std::string_view collection, const std::string& id) {
    auto p = sync::DeviceProfile::open(profile);
    REQUIRE(p.has_value());
    auto got = p->store().get(collection, id);
    REQUIRE(got.has_value());
    REQUIRE(got->has_value());
    return (*got)->version();
}


// The reason the server gave for refusing the change of record `id`, or "" if none was refused.
std::string refusal(const fs::path& profile, const std::string& id) {
    for (const auto& o : cli_json(profile, {"outbox", "--json"}))
        if (o["id"] == id && o["state"] == "set_aside") return o["error"].get<std::string>();
    return "";
}

// The first major (not critical) item of the checklist: failing it alone flags a report only
// when the institution is a repeat offender.
std::string major_item() {
    const pb::ChecklistTemplate tpl = domain::default_checklist();
    for (const auto& item : tpl.items())
        if (item.severity() == "major") return item.code();
    FAIL("the checklist has no major item");
    return {};
}

std::string inspect(RiskDesk& d, const fs::path& vprof, const std::string& task, const std::string& failed_item) {
    json over = json::object();
    over[failed_item] = {{"result", "fail"}, {"note", "现场发现问题 / found on site"}};
    auto photo = d.tmp / ("fail-" + crypto::random_token(4) + ".jpg");
    write_file(photo, crypto::random_bytes(2048));
    auto id = trim(must(vprof, {"inspect", "--task", task, "--answers", write_answers(d.tmp.path, over).string(), "--gps",
                                "41.1,122.9", "--photo", failed_item + "=" + photo.string()})
                       .out);
    must(vprof, {"sync"});
    return id;
}

}  // namespace

TEST_CASE("a complaint in the ledger raises its institution's complaint count, devices pull it, relinking recounts both",
          "[server][risk]") {
    RiskDesk d;
    const std::string a = d.institution(0), b = d.institution(1);
    const pb::Institution a0 = d.stored(a), b0 = d.stored(b);
    const std::int64_t a_version = replica_version(d.sprof, domain::kInstitution, a);
    // `init --demo` wrote each institution once, with the count of the complaints it holds.
    CHECK(a_version == 1);
    std::map<std::string, int> ledger;
    for (const auto& c : cli_json(d.cprof, {"complaint", "list", "--all", "--json"})) ++ledger[c["institution_id"]];
    int with_complaints = 0;
    for (const auto& i : cli_json(d.cprof, {"registry", "list", "--district", d.district, "--json"})) {
        CHECK(i["complaints"] == ledger[i["id"]]);
        with_complaints += ledger[i["id"]] > 0 ? 1 : 0;
    }
    CHECK(with_complaints > 0);

    const std::string complaint =
        trim(must(d.cprof, {"complaint", "add", "--text", "周末在小区内补课", "--source", "12345", "--institution", a}).out);
    must(d.cprof, {"sync"});
    CHECK(d.stored(a).complaint_count() == a0.complaint_count() + 1);
    CHECK(d.stored(a).past_violations() == a0.past_violations());

    // Another device pulls the recounted institution as a new version through its change feed.
    must(d.sprof, {"sync"});
    auto seen = replica_get<pb::Institution>(d.sprof, domain::kInstitution, a);
    REQUIRE(seen);
    CHECK(seen->complaint_count() == a0.complaint_count() + 1);
    CHECK(replica_version(d.sprof, domain::kInstitution, a) > a_version);
    auto listed = cli_json(d.sprof, {"registry", "list", "--district", d.district, "--json"});
    bool found = false;
    for (const auto& i : listed)
        if (i["id"] == a) {
            found = true;
            CHECK(i["complaints"] == a0.complaint_count() + 1);
        }
    CHECK(found);

    // The complaint named the wrong site: linking it to another moves the count.
    must(d.cprof, {"complaint", "link", complaint, "--institution", b});
    must(d.cprof, {"sync"});
    CHECK(d.stored(a).complaint_count() == a0.complaint_count());
    CHECK(d.stored(b).complaint_count() == b0.complaint_count() + 1);

    // Resolving and closing it changes nothing: a complaint counts whatever its status.
    must(d.cprof, {"complaint", "resolve", complaint, "--resolution", "已责令停止"});
    must(d.cprof, {"complaint", "close", complaint});
    must(d.cprof, {"sync"});
    CHECK(d.stored(b).complaint_count() == b0.complaint_count() + 1);
    CHECK(refusal(d.cprof, complaint).empty());
}

TEST_CASE("a case decided as a violation raises past_violations and the next report there is judged a repeat offender",
          "[server][risk]") {
    RiskDesk d;
    // A site without past violations, so its first report with one failed major item is not flagged.
    std::string inst;
    for (const auto& i : cli_json(d.cprof, {"registry", "list", "--district", d.district, "--json"}))
        if (d.stored(i["id"]).past_violations() == 0 && !i["field_reported"].get<bool>()) {
            inst = i["id"];
            break;
        }
    REQUIRE_FALSE(inst.empty());
    const std::string item = major_item();
    fs::path vprof = d.volunteer();
    const std::string vol = identity_of(vprof).user_id;

    const std::string task1 = trim(must(d.cprof, {"task", "add", "--institution", inst, "--assignee", vol}).out);
    must(d.cprof, {"sync"});
    must(vprof, {"sync"});
    const std::string first = inspect(d, vprof, task1, item);
    auto r1 = server_get<pb::Report>(d.srv.data_dir(), domain::kReport, first);
    REQUIRE(r1);
    CHECK_FALSE(r1->flagged());  // one failed major item, first offence: not flagged

    // A report flagged on the critical item: decided as no violation, it counts nothing.
    const std::string task2 = trim(must(d.cprof, {"task", "add", "--institution", inst, "--assignee", vol}).out);
    must(d.cprof, {"sync"});
    must(vprof, {"sync"});
    const std::string cleared = inspect(d, vprof, task2, "L1");
    must(d.sprof, {"sync"});
    must(d.sprof, {"review", "decide", cleared, "--no-violation", "--note", "许可证已补办"});
    must(d.sprof, {"sync"});
    CHECK(d.stored(inst).past_violations() == 0);

    // Another one, decided as a violation (open → rectification): it counts.
    const std::string task2b = trim(must(d.cprof, {"task", "add", "--institution", inst, "--assignee", vol}).out);
    must(d.cprof, {"sync"});
    must(vprof, {"sync"});
    const std::string flagged_report = inspect(d, vprof, task2b, "L1");
    must(d.sprof, {"sync"});
    const std::string case_id = trim(must(d.sprof, {"review", "decide", flagged_report, "--tier", "较轻", "--days", "10",
                                                   "--order", "停止无证办学"})
                                         .out);
    must(d.sprof, {"sync"});
    auto c = server_get<pb::Case>(d.srv.data_dir(), domain::kCase, case_id);
    REQUIRE(c);
    CHECK(c->status() == "rectification");
    CHECK(d.stored(inst).past_violations() == 1);

    // The inspector's phone pulls it, and the next report with the same single failed major item
    // is flagged: a repeat offender is judged more strictly (domain::is_flagged).
    must(vprof, {"sync"});
    auto seen = replica_get<pb::Institution>(vprof, domain::kInstitution, inst);
    REQUIRE(seen);
    CHECK(seen->past_violations() == 1);
    const std::string task3 = trim(must(d.cprof, {"task", "add", "--institution", inst, "--assignee", vol}).out);
    must(d.cprof, {"sync"});
    must(vprof, {"sync"});
    const std::string second = inspect(d, vprof, task3, item);
    auto r2 = server_get<pb::Report>(d.srv.data_dir(), domain::kReport, second);
    REQUIRE(r2);
    CHECK(r2->flagged());
}

TEST_CASE("a device cannot forge the risk counts: creating or changing them is refused by the device and the server",
          "[server][risk]") {
    RiskDesk d;
    const std::string inst = d.institution(0);
    const pb::Institution before = d.stored(inst);

    // The honest client refuses at once, nothing queued.
    auto local = run(d.cprof, {"registry", "set", inst, "complaint_count=9"});
    CHECK(local.rc != 0);
    CHECK(contains(local.err, "complaint_count"));

    // A modified client pushes anyway: an update naming the field, and a new institution carrying counts.
    pb::Institution forged = before;
    forged.set_past_violations(before.past_violations() + 5);
    queue_raw(d.cprof, domain::kInstitution, inst, replica_version(d.cprof, domain::kInstitution, inst), forged,
             {"past_violations"});
    pb::Institution fresh;
    fresh.set_district_id(before.district_id());
    fresh.set_name("伪造风险机构");
    fresh.set_address("铁东区某路1号");
    fresh.set_complaint_count(4);
    const std::string fresh_id = crypto::new_uuid();
    queue_raw(d.cprof, domain::kInstitution, fresh_id, 0, fresh);
    must(d.cprof, {"sync"});

    CHECK(contains(refusal(d.cprof, inst), "past_violations"));
    CHECK(contains(refusal(d.cprof, fresh_id), "complaint_count"));
    CHECK(d.stored(inst).SerializeAsString() == before.SerializeAsString());
    CHECK_FALSE(server_payload(d.srv.data_dir(), domain::kInstitution, fresh_id));
}

TEST_CASE("a coordinator's offline edit of the phone after the server recounted the institution merges without loss",
          "[server][risk]") {
    RiskDesk d;
    const std::string inst = d.institution(0);
    const pb::Institution before = d.stored(inst);

    // The coordinator edits the phone offline (queued, not yet synced)...
    must(d.cprof, {"registry", "set", inst, "contact_phone=0412-5550199"});
    // ...while the supervisor logs a complaint about the same site, which the server counts.
    must(d.sprof, {"complaint", "add", "--text", "夜间授课", "--source", "phone", "--institution", inst});
    must(d.sprof, {"sync"});
    CHECK(d.stored(inst).complaint_count() == before.complaint_count() + 1);

    // The coordinator comes back online: both changes stand, nothing is set aside.
    must(d.cprof, {"sync"});
    const pb::Institution after = d.stored(inst);
    CHECK(after.contact_phone() == "0412-5550199");
    CHECK(after.complaint_count() == before.complaint_count() + 1);
    CHECK(after.name() == before.name());
    CHECK(refusal(d.cprof, inst).empty());
    auto mine = replica_get<pb::Institution>(d.cprof, domain::kInstitution, inst);
    REQUIRE(mine);
    CHECK(mine->SerializeAsString() == after.SerializeAsString());

    // And the other way round: the phone edit lands first, the recount keeps it.
    must(d.cprof, {"registry", "set", inst, "contact_phone=0412-5550200"});
    must(d.cprof, {"sync"});
    must(d.sprof, {"complaint", "add", "--text", "无证办学", "--source", "letter", "--institution", inst});
    must(d.sprof, {"sync"});
    const pb::Institution last = d.stored(inst);
    CHECK(last.contact_phone() == "0412-5550200");
    CHECK(last.complaint_count() == before.complaint_count() + 2);
}
