// Checklist versions through the `ducha` CLI and a real server on 127.0.0.1 (demo data, real TLS):
// an admin publishes version 2 from a file; every device receives it; a task planned on version 1
// is still answered on version 1, a task planned after on version 2, and both reports are
// received; the reviewer sees what changed. A modified client that changes a published version,
// skips a number, publishes a broken one or publishes as a coordinator is refused by the server.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "server/service/server_app.h"
#include "server/storage/audit_log.h"
#include "server/storage/record_table.h"
#include "shared/domain/checklist.h"
#include "shared/domain/checklist_template_check.h"
#include "shared/domain/collections.h"
#include "shared/sync/device_profile.h"
#include "support/cli_steps.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// An admin, a coordinator and one of their volunteers (CLI profiles, enrolled and synced), and an
// institution of the volunteer's district.
struct ChecklistWorld {
    TestServer srv;
    TempDir tmp;
    DemoAccount vol, coord;
    fs::path admin = tmp / "admin", cprof = tmp / "coordinator", vprof = tmp / "volunteer";
    std::string institution_id;

    ChecklistWorld() {
        vol = srv.account("volunteer");
        coord = srv.account("coordinator", 0, vol.district);
        must(admin, {"enroll", "--server", srv.url(), "--code", srv.account("admin").code, "--pin", srv.pin()});
        must(cprof, {"enroll", "--server", srv.url(), "--code", coord.code, "--pin", srv.pin()});
        must(vprof, {"enroll", "--server", srv.url(), "--code", vol.code, "--pin", srv.pin()});
        for (const auto& p : {admin, cprof, vprof}) must(p, {"sync"});
        const std::string district = cli_json(vprof, {"status", "--json"}).at(0)["district_id"];
        institution_id = srv.registry_institution(district);
        REQUIRE_FALSE(institution_id.empty());
    }

    std::optional<pb::Record> server_record(std::string_view collection, const std::string& id) {
        auto db = test::server_db(srv.data_dir());
        REQUIRE(db);
        auto r = server::RecordTable{*db}.get(collection, id);
        REQUIRE(r.has_value());
        return *r;
    }
    template <typename M>
    M server_msg(std::string_view collection, const std::string& id) {
        auto r = server_record(collection, id);
        REQUIRE(r.has_value());
        M m;
        REQUIRE(m.ParseFromString(r->payload()));
        return m;
    }

    std::string plan_task() {
        auto id = trim(must(cprof, {"task", "add", "--institution", institution_id, "--assignee", vol.user_id,
                                    "--kind", "spot_check"}).out);
        must(cprof, {"sync"});
        return id;
    }

    // Version 2 from version 1's file: item X5 added to X1's step, T3 made critical.
    fs::path version_two_file() {
        json v1 = json::parse(must(admin, {"checklist", "show", "--json"}).out);
        std::string x_step;
        for (auto& item : v1["items"]) {
            if (item["code"] == "X1") x_step = item["step"];
            if (item["code"] == "T3") item["severity"] = "critical";
        }
        REQUIRE_FALSE(x_step.empty());
        v1["items"].push_back({{"code", "X5"}, {"step", x_step}, {"text_zh", "是否公示收费标准"},
                               {"text_en", "fees on public display"}, {"severity", "minor"},
                               {"photo_on_fail", false}, {"applies", "all"}});
        auto path = tmp / "checklist-v2.json";
        write_file(path, v1.dump(2));
        return path;
    }

    std::vector<server::AuditEntry> refusals(const std::string& record_id) {
        auto db = test::server_db(srv.data_dir());
        REQUIRE(db);
        server::AuditQuery q;
        q.collection = std::string(domain::kChecklistTemplate);
        q.record_id = record_id;
        q.outcome = std::string(server::kRefused);
        q.limit = 100;
        auto rows = server::query_audit(*db, q);
        REQUIRE(rows.has_value());
        return *rows;
    }
};


}  // namespace

TEST_CASE("checklist versions: version 2 reaches every device, a task planned on version 1 finishes on it, new tasks use 2",
          "[checklist][versions]") {
    ChecklistWorld w;
    const std::string v1_id = domain::checklist_version_id(1);
    const std::string old_task = w.plan_task();
    must(w.vprof, {"sync"});
    CHECK(w.server_msg<pb::Task>(domain::kTask, old_task).template_id() == v1_id);

    // The admin publishes version 2; the device names every change before it queues anything.
    auto published = must(w.admin, {"checklist", "publish", w.version_two_file().string(), "--note", "收费公示 / fee display"});
    CHECK(contains(published.out, "item X5 added: fees on public display"));
    CHECK(contains(published.out, "item T3 changed: severity major → critical"));
    CHECK(contains(published.out, "checklist.v2"));
    CHECK(contains(published.out, "checklist version 2 (8 steps, 22 items) queued"));
    must(w.admin, {"sync"});
    auto v2 = w.server_msg<pb::ChecklistTemplate>(domain::kChecklistTemplate, "checklist.v2");
    CHECK(v2.template_version() == 2);
    CHECK(v2.supersedes() == v1_id);
    CHECK(v2.published_by() == w.srv.account("admin").user_id);
    CHECK(v2.published_at() > 0);
    CHECK(v2.note() == "收费公示 / fee display");

    // Every device receives it.
    for (const auto& p : {w.cprof, w.vprof}) {
        must(p, {"sync"});
        auto versions = cli_json(p, {"checklist", "list", "--json"});
        REQUIRE(versions.size() == 2);
        CHECK(versions[1]["id"] == "checklist.v2");
        CHECK(versions[1]["items"] == 22);
    }
    auto diff = must(w.vprof, {"checklist", "diff"});
    CHECK(contains(diff.out, "item X5 added"));

    // A task planned now uses version 2; the one planned before keeps version 1.
    const std::string new_task = w.plan_task();
    CHECK(w.server_msg<pb::Task>(domain::kTask, new_task).template_id() == "checklist.v2");
    must(w.vprof, {"sync"});

    // The old task is answered on version 1's items (no X5) and received as version 1.
    const auto answers_v1 = write_answers(w.tmp.path);
    const std::string r1 = trim(must(w.vprof, {"inspect", "--task", old_task, "--answers", answers_v1.string(), "--gps", "41.1,122.9"}).out);
    // Version 2's task needs X5 too: refused on the device without it, nothing queued.
    auto missing = run(w.vprof, {"inspect", "--task", new_task, "--answers", answers_v1.string(), "--gps", "41.1,122.9"});
    CHECK(missing.rc == 1);
    CHECK(contains(missing.err, "X5"));
    const auto answers_v2 = write_answers(w.tmp.path, {{"X5", "pass"}});
    const std::string r2 = trim(must(w.vprof, {"inspect", "--task", new_task, "--answers", answers_v2.string(), "--gps", "41.1,122.9"}).out);
    must(w.vprof, {"sync"});
    CHECK(cli_json(w.vprof, {"outbox", "--json"}).empty());
    auto rep1 = w.server_msg<pb::Report>(domain::kReport, r1);
    auto rep2 = w.server_msg<pb::Report>(domain::kReport, r2);
    CHECK(rep1.template_id() == v1_id);
    CHECK(rep1.template_version() == 1);
    CHECK(rep1.answers_size() == 21);
    CHECK(rep2.template_id() == "checklist.v2");
    CHECK(rep2.template_version() == 2);
    CHECK(rep2.answers_size() == 22);
    CHECK(w.server_msg<pb::Task>(domain::kTask, old_task).status() == "submitted");
    CHECK(w.server_msg<pb::Task>(domain::kTask, new_task).status() == "submitted");

    // Publishing the newest version's own file again is refused on the device: nothing queued.
    write_file(w.tmp / "same.json", must(w.admin, {"checklist", "show", "--json"}).out);
    auto unchanged = run(w.admin, {"checklist", "publish", (w.tmp / "same.json").string()});
    CHECK(unchanged.rc == 1);
    CHECK(contains(unchanged.err, "nothing published"));
    CHECK(cli_json(w.admin, {"outbox", "--json"}).empty());
}

TEST_CASE("checklist versions: a bad file is refused on the device with every problem named, and a misspelt flag is usage",
          "[checklist][versions]") {
    ChecklistWorld w;
    json v1 = json::parse(must(w.admin, {"checklist", "show", "--json"}).out);
    v1["items"][0]["severity"] = "fatal";
    v1["items"][1]["code"] = v1["items"][2]["code"];
    v1["items"][3]["step"] = "S99";
    write_file(w.tmp / "bad.json", v1.dump());
    auto bad = run(w.admin, {"checklist", "publish", (w.tmp / "bad.json").string()});
    CHECK(bad.rc == 1);
    CHECK(contains(bad.err, "severity 'fatal' is not critical, major or minor"));
    CHECK(contains(bad.err, "appears twice"));
    CHECK(contains(bad.err, "step 'S99', which the checklist does not have"));

    write_file(w.tmp / "unknown.json", R"({"name": "x", "stepz": []})");
    auto unknown = run(w.admin, {"checklist", "publish", (w.tmp / "unknown.json").string()});
    CHECK(unknown.rc == 1);
    CHECK(contains(unknown.err, "is not checklist JSON"));
    CHECK(cli_json(w.admin, {"outbox", "--json"}).empty());

    auto misspelt = run(w.admin, {"checklist", "show", "--verison", "1"});
    CHECK(misspelt.rc == 2);
    CHECK(contains(misspelt.err, "checklist publish FILE.json"));
    auto no_such = run(w.admin, {"checklist", "show", "--version", "7"});
    CHECK(no_such.rc == 1);
    CHECK(contains(no_such.err, "there is no checklist version 7"));
}

TEST_CASE("checklist versions: the server refuses changing a published version, skipping a number, a broken version and a coordinator",
          "[checklist][versions][attack]") {
    ChecklistWorld w;
    const std::string v1_id = domain::checklist_version_id(1);
    const pb::Record v1_before = *w.server_record(domain::kChecklistTemplate, v1_id);

    // The admin's modified client rewrites version 1 in place (drafts on it would change under people).
    pb::ChecklistTemplate rewritten = domain::default_checklist();
    rewritten.mutable_items(0)->set_severity("minor");
    queue_raw(w.admin, domain::kChecklistTemplate, v1_id, v1_before.version(), rewritten);
    // Version 3 after version 1 (skipping 2), and a "version 2" with a broken item.
    pb::ChecklistTemplate skip = domain::default_checklist();
    skip.set_template_version(3);
    skip.set_supersedes(v1_id);
    queue_raw(w.admin, domain::kChecklistTemplate, "checklist.v3", 0, skip);
    pb::ChecklistTemplate broken = domain::default_checklist();
    broken.set_template_version(2);
    broken.set_supersedes(v1_id);
    broken.mutable_items(1)->set_step("S99");
    queue_raw(w.admin, domain::kChecklistTemplate, "checklist.v2", 0, broken);
    (void)run(w.admin, {"sync"});

    CHECK(w.server_record(domain::kChecklistTemplate, v1_id)->SerializeAsString() == v1_before.SerializeAsString());
    CHECK_FALSE(w.server_record(domain::kChecklistTemplate, "checklist.v3").has_value());
    CHECK_FALSE(w.server_record(domain::kChecklistTemplate, "checklist.v2").has_value());
    auto r1 = w.refusals(v1_id);
    REQUIRE(r1.size() == 1);
    CHECK(contains(r1[0].reason, "cannot be changed or deleted"));
    auto r3 = w.refusals("checklist.v3");
    REQUIRE(r3.size() == 1);
    CHECK(contains(r3[0].reason, "must be version 2"));
    auto r2 = w.refusals("checklist.v2");
    REQUIRE(r2.size() == 1);
    CHECK(contains(r2[0].reason, "S99"));
    CHECK(cli_json(w.admin, {"outbox", "--json"}).size() == 3);

    // A coordinator: refused on the device, and by the server when queued raw.
    auto honest = run(w.cprof, {"checklist", "publish", w.version_two_file().string()});
    CHECK(honest.rc == 1);
    pb::ChecklistTemplate good = domain::default_checklist();
    good.set_template_version(2);
    good.set_supersedes(v1_id);
    good.mutable_items(0)->set_text_en("changed words");
    queue_raw(w.cprof, domain::kChecklistTemplate, "checklist.v2", 0, good);
    (void)run(w.cprof, {"sync"});
    CHECK_FALSE(w.server_record(domain::kChecklistTemplate, "checklist.v2").has_value());
    auto rc = w.refusals("checklist.v2");
    REQUIRE(rc.size() == 2);
    CHECK(rc[0].actor == w.coord.user_id);
    CHECK(rc[0].code == "forbidden");
}
