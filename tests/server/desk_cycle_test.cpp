// Coordinator and supervisor work on a real server on 127.0.0.1 (demo data, real TLS): every
// actor is a `ducha` CLI profile on the same core as the app. The whole cycle of a violation
// (draw → inspection → case → re-inspection until it passes), the draw's commitment checks, the
// registry import, the complaint ledger, coverage, and the scope of each role. Each step is
// checked on the server's database or on the replica of the person who must see it.
#include <catch2/catch.hpp>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "server/storage/record_table.h"
#include "server/service/server_app.h"
#include "shared/common/bytes.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/domain/random_draw.h"
#include "shared/store/statement.h"
#include "shared/sync/device_profile.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/desk_staff.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json out_json(const fs::path& profile, const std::vector<std::string>& args) {
    auto r = must(profile, args);
    auto j = json::parse(r.out, nullptr, false);
    INFO(describe(args, r));
    REQUIRE(!j.is_discarded());
    return j;
}


// The reason the server gave for refusing the change of record `id`, or "" if none was refused.
std::string refusal(const fs::path& profile, const std::string& id) {
    for (const auto& o : out_json(profile, {"outbox", "--json"}))
        if (o["id"] == id && o["state"] == "set_aside") return o["error"].get<std::string>();
    return "";
}

struct Desk : DeskStaff {

    fs::path volunteer(const std::string& user_id) {
        for (const auto& a : srv.accounts())
            if (a.user_id == user_id) {
                fs::path p = tmp / ("vol-" + user_id);
                if (!fs::exists(p / "device.db")) must(p, {"enroll", "--server", srv.url(), "--code", a.code, "--pin", srv.pin()});
                must(p, {"sync"});
                return p;
            }
        FAIL("no demo account " << user_id);
        return {};
    }

    // An inspection of `task` by the volunteer profile; `fail_l1` fails the critical permit item.
    std::string inspect(const fs::path& vprof, const std::string& task, bool fail_l1) {
        json over = json::object();
        std::vector<std::string> args{"inspect", "--task", task};
        if (fail_l1) {
            over["L1"] = {{"result", "fail"}, {"note", "未见办学许可证 / no permit on display"}};
            auto photo = tmp / ("l1-" + crypto::random_token(4) + ".jpg");
            write_file(photo, crypto::random_bytes(2048));
            args.insert(args.end(), {"--photo", "L1=" + photo.string()});
        }
        args.insert(args.end(), {"--answers", write_answers(tmp.path, over).string(), "--gps", "41.1,122.9"});
        auto id = trim(must(vprof, args).out);
        must(vprof, {"sync"});
        return id;
    }
};

json find_task(const json& tasks, const std::string& key, const std::string& value) {
    for (const auto& t : tasks)
        if (t.contains(key) && t[key] == value) return t;
    return nullptr;
}

}  // namespace

TEST_CASE("the whole cycle: draw, failed inspection, case, failed re-inspection keeps it open, a passing one closes it",
          "[desk][cycle]") {
    Desk d;
    // 1. The coordinator draws three sites of the district, online: commit, sync, reveal, sync.
    must(d.cprof, {"draw", "run", "--k", "3", "--title", "周末抽检"});
    auto draws = out_json(d.cprof, {"draw", "list", "--json"});
    REQUIRE(draws.size() == 1);
    const std::string draw_id = draws[0]["id"];
    CHECK(draws[0]["status"] == "drawn");
    REQUIRE(draws[0]["pairs"].size() == 3);
    REQUIRE(draws[0]["task_ids"].size() == 3);
    auto verify = must(d.cprof, {"draw", "verify", draw_id});
    CHECK(contains(verify.out, "verified"));
    // The server holds the same record and made the tasks from it.
    auto stored = server_get<pb::Draw>(d.srv.data_dir(), domain::kDraw, draw_id);
    REQUIRE(stored);
    CHECK(domain::verify_draw(*stored).has_value());
    CHECK(stored->seed_hash() == domain::draw_seed_hash(stored->seed()));

    // 2. The first drawn inspector gets the task on their phone and fails the critical item L1.
    const std::string inst = draws[0]["pairs"][0]["institution_id"];
    const std::string inspector = draws[0]["pairs"][0]["inspectors"][0];
    fs::path vprof = d.volunteer(inspector);
    auto tasks = cli_json(vprof, {"tasks", "--json"});
    json drawn = find_task(tasks, "institution_id", inst);
    REQUIRE(drawn != nullptr);
    auto drawn_task = server_get<pb::Task>(d.srv.data_dir(), domain::kTask, drawn["id"]);
    REQUIRE(drawn_task);
    CHECK(drawn_task->draw_id() == draw_id);
    const std::string report1 = d.inspect(vprof, drawn["id"], true);

    // 3. The supervisor finds it in the review queue and opens a case: tier 较轻, 10 days.
    must(d.sprof, {"sync"});
    auto queue = cli_json(d.sprof, {"review", "--json"});
    REQUIRE(find_task(queue, "report_id", report1) != nullptr);
    auto shown = out_json(d.sprof, {"review", "show", report1, "--json"});
    CHECK(shown["signature_ok"] == true);
    CHECK(shown["receipt_ok"] == true);
    auto bad = run(d.sprof, {"review", "decide", report1, "--tier", "有点重", "--days", "10", "--order", "x"});
    CHECK(bad.rc == 1);
    CHECK(contains(bad.err, "discretion tier"));
    const std::string case_id = trim(must(d.sprof, {"review", "decide", report1, "--tier", "较轻", "--days", "10", "--order",
                                                   "停止无证办学，30日内取得许可"}).out);
    must(d.sprof, {"sync"});
    auto c = server_get<pb::Case>(d.srv.data_dir(), domain::kCase, case_id);
    REQUIRE(c);
    CHECK(c->status() == "rectification");
    CHECK(c->tier() == "较轻");
    CHECK(c->decided_by() == d.sup.user_id);
    CHECK(c->deadline() > std::time(nullptr) + 9 * 24 * 3600);
    REQUIRE_FALSE(c->reinspection_task_id().empty());
    CHECK(find_task(cli_json(d.sprof, {"review", "--json"}), "report_id", report1) == nullptr);  // decided: off the queue

    // 4. The re-inspection task appears for the inspector, after the deadline; the case too.
    must(vprof, {"sync"});
    {
        auto vp = sync::DeviceProfile::open(vprof);
        REQUIRE(vp.has_value());
        auto vc = vp->store().get(domain::kCase, case_id);
        REQUIRE(vc.has_value());
        CHECK(vc->has_value());
    }
    json re1 = find_task(cli_json(vprof, {"tasks", "--json"}), "id", c->reinspection_task_id());
    REQUIRE(re1 != nullptr);
    CHECK(re1["kind"] == "reinspection");
    auto re1_task = server_get<pb::Task>(d.srv.data_dir(), domain::kTask, c->reinspection_task_id());
    CHECK(re1_task->window_start() == c->deadline());
    CHECK(re1_task->case_id() == case_id);

    // 5. Closing by hand before a passing re-inspection is refused by the server (不解决不销号).
    must(d.sprof, {"case", "close", case_id});
    must(d.sprof, {"sync"});
    CHECK(contains(refusal(d.sprof, case_id), "re-inspection"));
    auto after_close = server_get<pb::Case>(d.srv.data_dir(), domain::kCase, case_id);
    CHECK(after_close->status() != "closed");

    // 6. A failed re-inspection keeps the case open, one tier up, with a new re-inspection task.
    const std::string report2 = d.inspect(vprof, c->reinspection_task_id(), true);
    c = server_get<pb::Case>(d.srv.data_dir(), domain::kCase, case_id);
    CHECK(c->status() == "rectification");
    CHECK(c->escalations() == 1);
    CHECK(c->tier() == "一般");
    CHECK(c->last_reinspection_report_id() == report2);
    REQUIRE(c->reinspection_task_id() != re1["id"].get<std::string>());

    // 7. A passing re-inspection closes it.
    must(vprof, {"sync"});
    REQUIRE(find_task(cli_json(vprof, {"tasks", "--json"}), "id", c->reinspection_task_id()) != nullptr);
    const std::string report3 = d.inspect(vprof, c->reinspection_task_id(), false);
    c = server_get<pb::Case>(d.srv.data_dir(), domain::kCase, case_id);
    CHECK(c->status() == "closed");
    CHECK(c->closed_by_report_id() == report3);
    must(d.sprof, {"sync"});
    auto cases = cli_json(d.sprof, {"case", "list", "--json"});
    json mine = find_task(cases, "id", case_id);
    REQUIRE(mine != nullptr);
    CHECK(mine["status"] == "closed");

    // The exports carry the case and the report.
    auto csv = d.tmp / "cases.csv";
    must(d.sprof, {"export", "cases", "--out", csv.string()});
    CHECK(contains(read_file(csv), case_id));
    CHECK(contains(read_file(csv), "一般"));
    // The printable record of the first inspection: its failed item, its checks, its photo's hash.
    auto pdf = d.tmp / "record.pdf";
    must(d.sprof, {"export", "record", report1, "--out", pdf.string()});
    CHECK(read_file(pdf).substr(0, 5) == "%PDF-");
    std::string text;
    if (FILE* f = popen(("pdftotext -layout '" + pdf.string() + "' - 2>/dev/null").c_str(), "r")) {
        char buf[4096];
        while (std::size_t n = fread(buf, 1, sizeof buf, f)) text.append(buf, n);
        pclose(f);
    }
    CHECK(contains(text, "L1"));
    CHECK(contains(text, "不合格"));
    CHECK(contains(text, "device signature valid"));
    CHECK(contains(text, "server receipt valid"));
    auto reports_xlsx = d.tmp / "reports.xlsx";
    must(d.sprof, {"export", "reports", "--out", reports_xlsx.string()});
    CHECK(read_file(reports_xlsx).substr(0, 2) == "PK");
}

TEST_CASE("a draw's reveal is refused when it changes the pool, the pairs or the seed, a commitment must not carry the seed",
          "[desk][draw]") {
    Desk d;
    const std::string id = trim(must(d.cprof, {"draw", "commit", "--k", "2"}).out);
    // Revealing before the commitment reached the server is refused on the device.
    auto early = run(d.cprof, {"draw", "reveal", id});
    CHECK(early.rc == 1);
    CHECK(contains(early.err, "sync first"));
    must(d.cprof, {"sync"});
    auto committed = server_get<pb::Draw>(d.srv.data_dir(), domain::kDraw, id);
    REQUIRE(committed);
    CHECK(committed->status() == "committed");
    CHECK(committed->seed().empty());
    CHECK(committed->seed_hash().size() == 32);

    auto p = sync::DeviceProfile::open(d.cprof);
    REQUIRE(p.has_value());
    auto rec = p->store().get(domain::kDraw, id);
    REQUIRE(rec.has_value());
    REQUIRE(rec->has_value());
    auto seed = p->store().meta("draw_seed:" + id);
    REQUIRE(seed.has_value());
    REQUIRE(seed->has_value());
    pb::Draw honest = *committed;
    honest.set_seed(*hex_decode(**seed));
    honest.set_commit_seq((*rec)->seq());
    auto pairs = domain::run_draw(domain::draw_input(honest));
    REQUIRE(pairs.has_value());
    for (const auto& s : domain::pair_strings(*pairs)) honest.add_pairs(s);
    honest.set_status("drawn");

    SECTION("other pairs than the seed gives") {
        pb::Draw forged = honest;
        std::string first = forged.pairs(0);
        forged.set_pairs(0, forged.pairs(1));
        forged.set_pairs(1, first);
        queue_raw(d.cprof, domain::kDraw, id, (*rec)->version(), forged);
        must(d.cprof, {"sync"});
        CHECK(contains(refusal(d.cprof, id), "does not match: the record has"));
    }
    SECTION("a pool changed after the commitment") {
        pb::Draw forged = honest;
        forged.set_weights(0, forged.weights(0) + 100);
        queue_raw(d.cprof, domain::kDraw, id, (*rec)->version(), forged);
        must(d.cprof, {"sync"});
        CHECK(contains(refusal(d.cprof, id), "may not change the pool"));
    }
    // A forgery that is consistent in itself: its pairs are what its own seed and seq give.
    auto with_own_pairs = [](pb::Draw d) {
        d.clear_pairs();
        auto pairs = domain::run_draw(domain::draw_input(d));
        REQUIRE(pairs.has_value());
        for (const auto& s : domain::pair_strings(*pairs)) d.add_pairs(s);
        return d;
    };
    SECTION("a seed that does not match the committed hash") {
        pb::Draw forged = honest;
        forged.set_seed(crypto::random_bytes(32));
        forged = with_own_pairs(forged);
        queue_raw(d.cprof, domain::kDraw, id, (*rec)->version(), forged);
        must(d.cprof, {"sync"});
        CHECK(contains(refusal(d.cprof, id), "seed"));
    }
    SECTION("a commit seq other than the one the server gave") {
        pb::Draw forged = honest;
        forged.set_commit_seq(honest.commit_seq() + 1);
        forged = with_own_pairs(forged);
        queue_raw(d.cprof, domain::kDraw, id, (*rec)->version(), forged);
        must(d.cprof, {"sync"});
        CHECK(contains(refusal(d.cprof, id), "commit seq"));
    }
    SECTION("a new draw that carries its seed from the start") {
        pb::Draw open = honest;
        open.set_status("committed");
        std::string other_id = crypto::new_uuid();
        queue_raw(d.cprof, domain::kDraw, other_id, 0, open);
        must(d.cprof, {"sync"});
        CHECK(contains(refusal(d.cprof, other_id), "must not carry the seed"));
        CHECK_FALSE(server_get<pb::Draw>(d.srv.data_dir(), domain::kDraw, other_id));
    }
    // None of the forgeries made a task.
    auto after = server_get<pb::Draw>(d.srv.data_dir(), domain::kDraw, id);
    CHECK(after->status() == "committed");
    CHECK(after->task_ids_size() == 0);
}

TEST_CASE("registry: a CSV with one bad row imports nothing and names the line, a good one imports every row",
          "[desk][registry]") {
    Desk d;
    auto before = d.srv.count("institution");
    auto bad = d.tmp / "bad.csv";
    write_file(bad, "\xEF\xBB\xBF名称,地址,有证,学科类,类别\n"
                    "新星课堂,铁东区胜利路1号,是,是,学科类\n"
                    "\"蓝天\"\"艺术\"\"\",铁东区胜利路2号,也许,否,艺术类\n"
                    ",铁东区胜利路3号,否,否,体育类\n");
    auto r = run(d.cprof, {"registry", "import", bad.string()});
    CHECK(r.rc == 1);
    CHECK(contains(r.err, "line 3"));
    CHECK(contains(r.err, "must be yes or no"));
    CHECK(contains(r.err, "line 4"));
    CHECK(contains(r.err, "name is required"));
    CHECK(contains(r.err, "nothing imported"));
    CHECK(cli_json(d.cprof, {"outbox", "--json"}).empty());

    auto good = d.tmp / "good.csv";
    write_file(good, "name,address,licensed,academic,category,key_target\r\n"
                     "新星课堂,铁东区胜利路1号,yes,yes,学科类,no\r\n"
                     "\"蓝天\"\"艺术\"\"\",铁东区胜利路2号,no,no,艺术类,yes\r\n");
    CHECK(contains(must(d.cprof, {"registry", "import", good.string()}).out, "imported 2"));
    must(d.cprof, {"sync"});
    CHECK(d.srv.count("institution") == before + 2);
    // The same file again: duplicates, nothing imported.
    auto again = run(d.cprof, {"registry", "import", good.string()});
    CHECK(again.rc == 1);
    CHECK(contains(again.err, "duplicates"));

    // A field-reported site is taken into the registry, and an edit marks a site licensed.
    auto list = cli_json(d.cprof, {"registry", "list", "--search", "蓝天", "--json"});
    REQUIRE(list.size() == 1);
    must(d.cprof, {"registry", "set", list[0]["id"], "licensed=yes", "key_target=no"});
    must(d.cprof, {"sync"});
    auto inst = server_get<pb::Institution>(d.srv.data_dir(), domain::kInstitution, list[0]["id"]);
    CHECK(inst->licensed());
    CHECK_FALSE(inst->key_target());
    CHECK(inst->name() == "蓝天\"艺术\"");
}

TEST_CASE("zones: a coordinator makes a zone, assigns, moves a volunteer and sees unassigned institutions", "[desk][zones]") {
    Desk d;
    auto unassigned = cli_json(d.cprof, {"zone", "unassigned", "--json"});
    const std::string zone = trim(must(d.cprof, {"zone", "add", "--name", "新建片区", "--communities", "幸福里,和平苑"}).out);
    auto zones = cli_json(d.cprof, {"zone", "list", "--json"});
    REQUIRE(find_task(zones, "id", zone) != nullptr);
    // A volunteer of the district, bound to the new zone and then moved back.
    std::string vol;
    for (const auto& a : d.srv.accounts())
        if (a.role == "volunteer" && a.district == "铁东区") vol = a.user_id;
    REQUIRE(!vol.empty());
    must(d.cprof, {"zone", "assign", "--user", vol, "--zone", zone});
    auto dup = run(d.cprof, {"zone", "assign", "--user", vol, "--zone", zone});
    CHECK(dup.rc == 1);
    CHECK(contains(dup.err, "already exists"));
    must(d.cprof, {"sync"});
    auto mine = cli_json(d.cprof, {"zone", "assignments", "--user", vol, "--json"});
    REQUIRE(find_task(mine, "zone_id", zone) != nullptr);
    std::string other_zone;  // a zone of the district the volunteer is not bound to yet
    for (const auto& z : zones)
        if (z["id"] != zone && find_task(mine, "zone_id", z["id"]) == nullptr) other_zone = z["id"];
    REQUIRE(!other_zone.empty());
    must(d.cprof, {"zone", "move", "--user", vol, "--from", zone, "--to", other_zone});
    must(d.cprof, {"sync"});
    mine = cli_json(d.cprof, {"zone", "assignments", "--user", vol, "--json"});
    CHECK(find_task(mine, "zone_id", zone) == nullptr);
    CHECK(find_task(mine, "zone_id", other_zone) != nullptr);
    // A volunteer of another district cannot be bound here.
    std::string stranger;
    for (const auto& a : d.srv.accounts())
        if (a.role == "volunteer" && a.district != "铁东区") stranger = a.user_id;
    auto far = run(d.cprof, {"zone", "assign", "--user", stranger, "--zone", zone});
    CHECK(far.rc == 1);
    // Unassigned institutions: binding one removes it from the list.
    if (!unassigned.empty()) {
        const std::string inst = unassigned[0]["id"];
        must(d.cprof, {"zone", "assign", "--user", vol, "--institution", inst});
        CHECK(find_task(cli_json(d.cprof, {"zone", "unassigned", "--json"}), "id", inst) == nullptr);
    }
}

TEST_CASE("complaints: intake, triage into a task, resolve, close, no close without a resolution, overdue first",
          "[desk][complaints]") {
    Desk d;
    auto insts = cli_json(d.sprof, {"registry", "list", "--district", d.district, "--json"});
    REQUIRE(!insts.empty());
    const std::string inst = insts[0]["id"];
    const std::string id = trim(must(d.sprof, {"complaint", "add", "--text", "周末在小区内补课", "--source", "12345",
                                              "--institution", inst, "--reference", "GD-2026-001"}).out);
    const std::string late = trim(must(d.sprof, {"complaint", "add", "--text", "夜间授课", "--address", "铁东区某小区3栋",
                                                "--district", d.district, "--received", "2019-12-20", "--due", "2020-01-01"}).out);
    auto ledger = cli_json(d.sprof, {"complaint", "list", "--json"});
    REQUIRE(ledger.size() >= 2);
    CHECK(ledger[0]["id"] == late);
    CHECK(ledger[0]["overdue"] == true);

    std::string vol;
    for (const auto& a : d.srv.accounts())
        if (a.role == "volunteer" && a.district == "铁东区") vol = a.user_id;
    const std::string task = trim(must(d.sprof, {"complaint", "triage", id, "--assignee", vol, "--note", "优先核查"}).out);
    auto noinst = run(d.sprof, {"complaint", "triage", late, "--assignee", vol});
    CHECK(noinst.rc == 1);
    CHECK(contains(noinst.err, "link the complaint"));
    must(d.sprof, {"complaint", "start", id});
    auto empty = run(d.sprof, {"complaint", "resolve", id, "--resolution", "  "});
    CHECK(empty.rc == 1);
    CHECK(contains(empty.err, "resolution"));
    auto early = run(d.sprof, {"complaint", "close", id});
    CHECK(early.rc == 1);
    must(d.sprof, {"sync"});
    auto c = server_get<pb::Complaint>(d.srv.data_dir(), domain::kComplaint, id);
    CHECK(c->status() == "in_progress");
    CHECK(c->task_id() == task);
    auto t = server_get<pb::Task>(d.srv.data_dir(), domain::kTask, task);
    CHECK(t->kind() == "complaint");
    CHECK(t->complaint_id() == id);

    // A modified client that resolves without a resolution is refused by the server too.
    pb::Complaint forged = *c;
    forged.set_status("resolved");
    auto ver = find_task(cli_json(d.sprof, {"complaint", "list", "--json"}), "id", id)["version"].get<std::int64_t>();
    queue_raw(d.sprof, domain::kComplaint, id, ver, forged);
    must(d.sprof, {"sync"});
    CHECK(contains(refusal(d.sprof, id), "resolution"));

    must(d.sprof, {"complaint", "resolve", id, "--resolution", "已责令停止，复查无违规"});
    must(d.sprof, {"complaint", "close", id});
    must(d.sprof, {"sync"});
    c = server_get<pb::Complaint>(d.srv.data_dir(), domain::kComplaint, id);
    CHECK(c->status() == "closed");
    CHECK(c->resolution() == "已责令停止，复查无违规");
    CHECK(c->resolved_by() == d.sup.user_id);
}

TEST_CASE("coverage counts inspected institutions per district and zone, and a campaign's missed key targets",
          "[desk][coverage]") {
    Desk d;
    auto cov = out_json(d.cprof, {"coverage", "--json"});
    const int total = cov["total"];
    const int inspected = cov["inspected"];
    CHECK(total > 0);
    CHECK(cov["rows"][0]["level"] == "district");
    CHECK(cov["rows"][0]["total"] == total);
    CHECK(cov["uncovered"].size() == static_cast<std::size_t>(total - inspected));

    // An inspection of an uncovered institution moves it to inspected.
    const std::string inst = cov["uncovered"][0]["id"];
    std::string vol;
    for (const auto& a : d.srv.accounts())
        if (a.role == "volunteer" && a.district == "铁东区") vol = a.user_id;
    const std::string task = trim(must(d.cprof, {"task", "add", "--institution", inst, "--assignee", vol}).out);
    must(d.cprof, {"sync"});
    fs::path vprof = d.volunteer(vol);
    d.inspect(vprof, task, false);
    must(d.cprof, {"sync"});
    auto after = out_json(d.cprof, {"coverage", "--json"});
    CHECK(after["inspected"] == inspected + 1);
    bool still = false;
    for (const auto& u : after["uncovered"]) still |= u["id"] == inst;
    CHECK_FALSE(still);
    json act = nullptr;
    for (const auto& v : after["volunteers"])
        if (v["user_id"] == vol) act = v;
    REQUIRE(act != nullptr);
    CHECK(act["visits"].get<int>() >= 1);

    // A winter campaign over key targets: none visited yet in its period (it starts tomorrow).
    auto tomorrow = china_date(std::time(nullptr) + 24 * 3600);
    auto end = china_date(std::time(nullptr) + 40 * 24 * 3600);
    const std::string camp = trim(must(d.cprof, {"campaign", "add", "--name", "寒假专项", "--from", tomorrow, "--to", end,
                                                "--visits", "2", "--key-targets-only"}).out);
    auto cc = out_json(d.cprof, {"coverage", "--campaign", camp, "--json"});
    CHECK(cc["campaign"]["met"] == 0);
    CHECK(cc["campaign"]["targets"].get<int>() > 0);
    CHECK(cc["campaign"]["missed_key_targets"].size() == cc["campaign"]["targets"].get<std::size_t>());
    auto csv = d.tmp / "coverage.csv";
    must(d.cprof, {"export", "coverage", "--out", csv.string()});
    CHECK(contains(read_file(csv), "铁东区"));
}

TEST_CASE("scope: a coordinator cannot change another district, a volunteer reaches no coordinator or supervisor action",
          "[desk][scope]") {
    Desk d;
    // What the coordinator's replica holds is all of their own district.
    auto p = sync::DeviceProfile::open(d.cprof);
    REQUIRE(p.has_value());
    for (auto coll : {domain::kInstitution, domain::kZone, domain::kComplaint, domain::kTask, domain::kAssignment}) {
        auto recs = p->store().list(coll);
        REQUIRE(recs.has_value());
        for (const auto& r : *recs) {
            std::string district;
            if (coll == domain::kInstitution) { pb::Institution m; m.ParseFromString(r.payload()); district = m.district_id(); }
            if (coll == domain::kZone) { pb::Zone m; m.ParseFromString(r.payload()); district = m.district_id(); }
            if (coll == domain::kComplaint) { pb::Complaint m; m.ParseFromString(r.payload()); district = m.district_id(); }
            if (coll == domain::kTask) { pb::Task m; m.ParseFromString(r.payload()); district = m.district_id(); }
            if (coll == domain::kAssignment) { pb::Assignment m; m.ParseFromString(r.payload()); district = m.district_id(); }
            INFO(coll << " " << r.id());
            CHECK(district == d.district);
        }
    }
    // Another district's institution, changed by a modified client: refused, unchanged.
    std::string far_id;
    pb::Institution far;
    {
        auto db = test::server_db(d.srv.data_dir());
        REQUIRE(db);
        store::Statement st{*db, "SELECT id, payload FROM record WHERE collection='institution' AND deleted=0"};
        while (far_id.empty()) {
            auto row = st.step();
            REQUIRE(row.has_value());
            REQUIRE(*row);
            pb::Institution i;
            i.ParseFromString(st.col_blob(1));
            if (i.district_id() != d.district) {
                far_id = st.col_text(0);
                far = i;
            }
        }
    }
    pb::Institution renamed = far;
    renamed.set_name("被篡改 / tampered");
    queue_raw(d.cprof, domain::kInstitution, far_id, 1, renamed);
    pb::Campaign camp;
    camp.set_district_id(far.district_id());
    camp.set_name("越权专项");
    camp.set_start(1);
    camp.set_end(2);
    camp.set_visits_required(1);
    const std::string camp_id = crypto::new_uuid();
    queue_raw(d.cprof, domain::kCampaign, camp_id, 0, camp);
    must(d.cprof, {"sync"});
    CHECK(contains(refusal(d.cprof, far_id), "outside your district"));
    CHECK(contains(refusal(d.cprof, camp_id), "outside your district"));
    CHECK(server_get<pb::Institution>(d.srv.data_dir(), domain::kInstitution, far_id)->name() == far.name());
    CHECK_FALSE(server_get<pb::Campaign>(d.srv.data_dir(), domain::kCampaign, camp_id));
    // The desk refuses it before anything is queued.
    auto local = run(d.cprof, {"zone", "add", "--name", "越权", "--district", far.district_id()});
    CHECK(local.rc == 1);
    CHECK(contains(local.err, "outside your district"));

    // A volunteer: every coordinator and supervisor command is refused on the device...
    std::string vol;
    for (const auto& a : d.srv.accounts())
        if (a.role == "volunteer" && a.district == "铁东区") vol = a.user_id;
    fs::path vprof = d.volunteer(vol);
    auto inst = cli_json(vprof, {"institutions", "--json"}).at(0)["id"].get<std::string>();
    for (const std::vector<std::string>& cmd : std::vector<std::vector<std::string>>{
             {"draw", "commit", "--k", "1"},
             {"zone", "add", "--name", "x"},
             {"registry", "add", "--name", "x", "--address", "y", "--licensed", "no"},
             {"task", "add", "--institution", inst, "--assignee", vol},
             {"campaign", "add", "--name", "x", "--from", "2026-01-01", "--to", "2026-01-02"},
             {"complaint", "add", "--text", "x", "--institution", inst},
             {"review", "decide", "nope", "--no-violation"}}) {
        auto r = run(vprof, cmd);
        INFO(describe(cmd, r));
        CHECK(r.rc == 1);
        CHECK((contains(r.err, "not allowed") || contains(r.err, "no such")));
    }
    // ...and every one pushed by a modified client is refused by the server.
    std::vector<std::pair<std::string_view, std::unique_ptr<google::protobuf::Message>>> forged;
    auto cs = std::make_unique<pb::Case>();
    cs->set_district_id(d.district);
    cs->set_status("open");
    forged.emplace_back(domain::kCase, std::move(cs));
    auto cm = std::make_unique<pb::Complaint>();
    cm->set_district_id(d.district);
    cm->set_status("open");
    cm->set_text("x");
    forged.emplace_back(domain::kComplaint, std::move(cm));
    auto dr = std::make_unique<pb::Draw>();
    dr->set_district_id(d.district);
    dr->set_status("committed");
    forged.emplace_back(domain::kDraw, std::move(dr));
    auto cp = std::make_unique<pb::Campaign>();
    cp->set_district_id(d.district);
    forged.emplace_back(domain::kCampaign, std::move(cp));
    auto zn = std::make_unique<pb::Zone>();
    zn->set_district_id(d.district);
    forged.emplace_back(domain::kZone, std::move(zn));
    auto as = std::make_unique<pb::Assignment>();
    as->set_district_id(d.district);
    as->set_user_id(vol);
    as->set_institution_id(inst);
    forged.emplace_back(domain::kAssignment, std::move(as));
    auto tk = std::make_unique<pb::Task>();
    tk->set_district_id(d.district);
    tk->set_status("open");
    tk->add_assignees(vol);
    tk->set_institution_id(inst);
    forged.emplace_back(domain::kTask, std::move(tk));
    std::vector<std::string> ids;
    for (const auto& [coll, msg] : forged) {
        ids.push_back(crypto::new_uuid());
        queue_raw(vprof, coll, ids.back(), 0, *msg);
    }
    must(vprof, {"sync"});
    for (std::size_t i = 0; i < forged.size(); ++i) {
        INFO(forged[i].first);
        CHECK(contains(refusal(vprof, ids[i]), "not allowed"));
    }
    auto db = test::server_db(d.srv.data_dir());
    REQUIRE(db);
    for (const auto& id : ids) {
        store::Statement st{*db, "SELECT COUNT(*) FROM record WHERE id=?1"};
        st.bind(1, id);
        REQUIRE(st.step().has_value());
        CHECK(st.col_int(0) == 0);
    }
}
