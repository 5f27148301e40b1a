// The coordinator's and supervisor's facades and list models (what the desk screens bind to),
// against a real in-process ducha-server with the demo data on 127.0.0.1 and real device
// profiles: a coordinator of 铁东区 and a city-wide supervisor, enrolled and synced by the `ducha`
// CLI, then opened by AppSession; volunteers are CLI profiles. Every change goes through the
// app's outbox and the SyncController, and is checked again after the server has answered.
//
// Each test case builds what the app's composition root builds, on its stack: the session, the
// SyncController over it, then the models and facades given that session, so the models die first.
#include <catch2/catch.hpp>

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <future>
#include <limits>
#include <mutex>
#include <tuple>
#include <utility>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "mobile/app/app_session.h"
#include "mobile/app/desk_campaign_model.h"
#include "mobile/app/desk_case_model.h"
#include "mobile/app/desk_complaint_model.h"
#include "mobile/app/desk_complaints.h"
#include "mobile/app/desk_coverage_model.h"
#include "mobile/app/desk_draw_model.h"
#include "mobile/app/desk_draws.h"
#include "mobile/app/desk_exports.h"
#include "mobile/app/desk_institution_model.h"
#include "mobile/app/desk_planner.h"
#include "mobile/app/desk_reader.h"
#include "mobile/app/desk_registry.h"
#include "mobile/app/desk_report_detail.h"
#include "mobile/app/desk_report_model.h"
#include "mobile/app/desk_review_model.h"
#include "mobile/app/desk_task_model.h"
#include "mobile/app/desk_volunteer_model.h"
#include "mobile/app/desk_zone_model.h"
#include "mobile/app/desk_zones.h"
#include "mobile/app/sync_controller.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/inspection_recorder.h"
#include "support/cli_steps.h"
#include "support/test_server.h"
#include "app/desk_sync_steps.h"

using namespace ducha;
using namespace ducha::app;
using test::q;
using test::syncAll;
using test::loaded;
using test::waitLoaded;
using test::waitUntil;
using test::answerOf;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {


QString fileUrl(const fs::path& p) { return QUrl::fromLocalFile(q(p.string())).toString(); }

// A profile enrolled with this demo account and synced once, by the CLI.
fs::path deskDevice(test::TestServer& server, const test::TempDir& tmp, const test::DemoAccount& acc) {
    const fs::path dir = tmp / ("desk-" + acc.role + "-" + acc.user_id.substr(0, 8));
    test::must(dir, {"enroll", "--server", server.url(), "--code", acc.code, "--pin", server.pin(), "--name", "desk-test"});
    test::must(dir, {"sync"});
    return dir;
}



// Waits for the pass an action started to end, so that the next change of the same record is
// queued from the version the server acknowledged (two compare-and-set changes of one record
// queued around an acknowledgement conflict: see the report of this change).
void settle(SyncController& sync) { REQUIRE(waitUntil([&] { return !sync.running(); })); }

QVariantMap rowWhere(const DeskListModel& m, const char* key, const QVariant& value) {
    for (const auto& r : m.rows())
        if (r.value(key) == value) return r;
    return {};
}

std::string describe(const QVariantMap& r) {
    std::string s = "ok=" + std::string(r.value("ok").toBool() ? "true" : "false") + " message=" + r.value("message").toString().toStdString();
    for (const auto& e : r.value("errors").toList())
        s += "\n  line " + std::to_string(e.toMap().value("line").toInt()) + ": " + e.toMap().value("message").toString().toStdString();
    return s;
}

}  // namespace

TEST_CASE("Desk registry: create, edit, toggle, CSV import all or nothing, history, a field-reported site taken in", "[app][desk]") {
    test::TestServer server;
    test::TempDir tmp;
    const auto& acc = server.account("coordinator", 0, "铁东区");
    const fs::path dir = deskDevice(server, tmp, acc);
    AppSession app(q(dir.string()));
    SyncController sync(&app);
    REQUIRE(app.enrolled());
    REQUIRE(app.role() == "coordinator");
    DeskInstitutionModel insts(&app);
    DeskRegistry registry(&app);
    DeskZoneModel zones(&app);
    REQUIRE(loaded(insts).error().isEmpty());
    const int before = loaded(insts).total();
    REQUIRE(before > 0);
    REQUIRE(loaded(zones).count() > 0);
    const std::int64_t serverBefore = server.count(std::string(domain::kInstitution));

    // Create: refused without a name (the core's message comes back), accepted with one.
    auto bad = registry.create({{"name", ""}, {"address", "铁东区园林路1号"}});
    CHECK_FALSE(bad.value("ok").toBool());
    CHECK_FALSE(bad.value("message").toString().isEmpty());
    const QString zoneId = loaded(zones).get(0).value("zoneId").toString();
    auto made = registry.create({{"name", "启航学科辅导中心"}, {"address", "铁东区园林路18号"}, {"licensed", false},
                                 {"academic", true}, {"category", "学科类"}, {"zoneId", zoneId}, {"lat", "41.11"}, {"lon", "122.99"}});
    INFO(describe(made));
    REQUIRE(made.value("ok").toBool());
    const QString id = made.value("id").toString();
    auto row = loaded(insts).byId(id);
    REQUIRE_FALSE(row.isEmpty());
    CHECK(row.value("academic").toBool());
    CHECK_FALSE(row.value("licensed").toBool());
    CHECK(row.value("zoneId").toString() == zoneId);
    CHECK(loaded(insts).total() == before + 1);
    // Search and filters.
    insts.setSearch("启航学科");
    CHECK(loaded(insts).count() == 1);
    insts.setSearch("");
    insts.setFilter("unlicensed");
    CHECK(rowWhere(loaded(insts), "institutionId", id).size() > 0);
    insts.setFilter("licensed");
    CHECK(rowWhere(loaded(insts), "institutionId", id).isEmpty());
    insts.setFilter("all");

    // Toggle licensed; edit a field.
    CHECK(registry.setFlag(id, "licensed", true).value("ok").toBool());
    CHECK(loaded(insts).byId(id).value("licensed").toBool());
    auto edited = registry.update(id, {{"licenceNo", "教民2102030000123号"}, {"name", "启航学科辅导中心"}});
    INFO(describe(edited));
    CHECK(edited.value("ok").toBool());
    CHECK(loaded(insts).byId(id).value("licenceNo").toString() == QStringLiteral("教民2102030000123号"));
    CHECK_FALSE(registry.setFlag(id, "colour", true).value("ok").toBool());

    // CSV: one bad row (no name) and nothing is imported; the row's line and reason come back.
    const fs::path badCsv = tmp / "bad.csv";
    test::write_file(badCsv, "name,address,licensed,academic\n"
                             "星光艺术培训,铁东区胜利路5号,是,否\n"
                             ",铁东区胜利路7号,否,是\n");
    auto imp = registry.importCsv(fileUrl(badCsv));
    INFO(describe(imp));
    CHECK_FALSE(imp.value("ok").toBool());
    CHECK(imp.value("imported").toInt() == 0);
    const auto errors = imp.value("errors").toList();
    REQUIRE(errors.size() >= 1);
    CHECK(errors.at(0).toMap().value("line").toInt() == 3);
    CHECK_FALSE(errors.at(0).toMap().value("message").toString().isEmpty());
    CHECK(loaded(insts).total() == before + 1);
    insts.setSearch("星光艺术培训");
    CHECK(loaded(insts).count() == 0);
    insts.setSearch("");

    // A missing file names the file.
    auto missing = registry.importCsv(fileUrl(tmp / "no-such.csv"));
    CHECK_FALSE(missing.value("ok").toBool());
    CHECK(missing.value("message").toString().contains("no-such.csv"));

    // A good file: every row.
    const fs::path goodCsv = tmp / "good.csv";
    test::write_file(goodCsv, "\xEF\xBB\xBF名称,地址,有证,学科类,重点对象\r\n"
                              "星光艺术培训,铁东区胜利路5号,是,否,否\r\n"
                              "明德托管,铁东区胜利路9号,否,否,是\r\n");
    auto good = registry.importCsv(fileUrl(goodCsv));
    INFO(describe(good));
    REQUIRE(good.value("ok").toBool());
    CHECK(good.value("imported").toInt() == 2);
    CHECK(loaded(insts).total() == before + 3);
    insts.setFilter("key_target");
    insts.setSearch("明德托管");
    CHECK(loaded(insts).count() == 1);
    insts.setSearch("");
    insts.setFilter("all");

    // Everything reaches the server; nothing is refused.
    REQUIRE(syncAll(sync));
    CHECK(sync.setAside() == 0);
    CHECK(server.count(std::string(domain::kInstitution)) == serverBefore + 3);
    CHECK(loaded(insts).byId(id).value("licensed").toBool());

    auto history = answerOf(registry, &DeskRegistry::historyRead, [&] { registry.readHistory(id); });
    history = registry.history();
    INFO(describe(history));
    CHECK(history.value("ok").toBool());
    CHECK(history.value("entries").toList().isEmpty());  // new: no tasks, reports or complaints yet

    // A site a volunteer of the district reported in the field is taken into the registry.
    const auto& vol = server.account("volunteer", 0, "铁东区");
    const fs::path vprof = tmp / "vol-field";
    test::must(vprof, {"enroll", "--server", server.url(), "--code", vol.code, "--pin", server.pin()});
    test::must(vprof, {"sync"});
    {
        // The app's way of reporting a site found in the field (InspectionRecorder), on the
        // volunteer's profile: one new site, and one that duplicates the entry made above.
        auto p = sync::DeviceProfile::open(vprof);
        REQUIRE(p.has_value());
        auto tpl = sync::newest_checklist(p->store());
        REQUIRE(tpl.has_value());
        for (const auto& [name, address] : {std::pair<std::string, std::string>{"无名托管班", "铁东区光明街3号"},
                                            std::pair<std::string, std::string>{"启航辅导（无牌）", "铁东区园林路18号"}}) {
            sync::InspectionInput in;
            in.unlisted_site = sync::UnlistedSite{name, address, "光明里", "托管", {}, false};
            for (const auto& item : tpl->checklist.items()) in.answers.push_back({item.code(), "pass", {}, 0});
            auto reported = sync::InspectionRecorder(*p).record(in);
            INFO((reported ? std::string() : reported.error().message()));
            REQUIRE(reported.has_value());
        }
    }
    test::must(vprof, {"sync"});
    REQUIRE(syncAll(sync));
    insts.setFilter("field_reported");
    const QString field = rowWhere(loaded(insts), "name", QStringLiteral("无名托管班")).value("institutionId").toString();
    REQUIRE_FALSE(field.isEmpty());
    auto taken = registry.takeIn(field, zoneId);
    INFO(describe(taken));
    CHECK(taken.value("ok").toBool());
    CHECK_FALSE(loaded(insts).byId(field).value("fieldReported").toBool());
    // The duplicate is merged into the entry: it leaves the list, its report joins the entry's history.
    const QString dup = rowWhere(loaded(insts), "name", QStringLiteral("启航辅导（无牌）")).value("institutionId").toString();
    REQUIRE_FALSE(dup.isEmpty());
    CHECK_FALSE(registry.mergeInto(dup, {}).value("ok").toBool());
    auto merged = registry.mergeInto(dup, id);
    INFO(describe(merged));
    CHECK(merged.value("ok").toBool());
    CHECK(loaded(insts).byId(dup).isEmpty());
    REQUIRE(syncAll(sync));
    CHECK(sync.setAside() == 0);
    CHECK_FALSE(loaded(insts).byId(field).value("fieldReported").toBool());
    (void)answerOf(registry, &DeskRegistry::historyRead, [&] { registry.readHistory(id); });
    auto merged_history = registry.history();
    INFO(describe(merged_history));
    CHECK(merged_history.value("ok").toBool());
    CHECK_FALSE(merged_history.value("entries").toList().isEmpty());
}

TEST_CASE("Desk 3包 and planning: zones, assignments, moves, routine/joint/covert tasks, campaigns", "[app][desk]") {
    test::TestServer server;
    test::TempDir tmp;
    const auto& acc = server.account("coordinator", 0, "铁东区");
    const fs::path dir = deskDevice(server, tmp, acc);
    AppSession app(q(dir.string()));
    SyncController sync(&app);
    DeskZoneModel zones(&app);
    DeskVolunteerModel vols(&app);
    DeskInstitutionModel unassigned(&app);
    unassigned.setFilter("unassigned");
    DeskZones planner3(&app);
    DeskRegistry registry(&app);
    DeskPlanner planner(&app);
    DeskTaskModel tasks(&app);
    DeskCampaignModel campaigns(&app);
    REQUIRE(loaded(zones).count() > 1);
    REQUIRE(loaded(vols).count() >= 2);
    CHECK(loaded(vols).error().isEmpty());

    // A new zone, and a volunteer bound to it.
    auto z = planner3.createZone("园林片区", "园林小区\n胜利花园、光明里");
    INFO(describe(z));
    REQUIRE(z.value("ok").toBool());
    const QString zoneId = z.value("id").toString();
    auto zrow = loaded(zones).byId(zoneId);
    REQUIRE_FALSE(zrow.isEmpty());
    CHECK(zrow.value("communities").toStringList() == QStringList({"园林小区", "胜利花园", "光明里"}));
    CHECK_FALSE(planner3.createZone("", "x").value("ok").toBool());

    const QString volA = loaded(vols).get(0).value("userId").toString();
    const QString volB = loaded(vols).get(1).value("userId").toString();
    auto asg = planner3.assignZone(volA, zoneId);
    INFO(describe(asg));
    REQUIRE(asg.value("ok").toBool());
    CHECK(loaded(vols).byId(volA).value("zoneIds").toStringList().contains(zoneId));
    CHECK_FALSE(planner3.assignZone(volA, zoneId).value("ok").toBool());  // already bound

    // Move volunteer A from the new zone to another zone of the district.
    QString other;
    for (const auto& r : loaded(zones).rows())
        if (r.value("zoneId").toString() != zoneId && !loaded(vols).byId(volA).value("zoneIds").toStringList().contains(r.value("zoneId").toString()))
            other = r.value("zoneId").toString();
    REQUIRE_FALSE(other.isEmpty());
    auto moved = planner3.moveVolunteer(volA, zoneId, other);
    INFO(describe(moved));
    REQUIRE(moved.value("ok").toBool());
    CHECK(loaded(vols).byId(volA).value("zoneIds").toStringList().contains(other));
    CHECK_FALSE(loaded(vols).byId(volA).value("zoneIds").toStringList().contains(zoneId));

    // Two new institutions without a zone: nobody covers them until bound in bulk.
    auto i1 = registry.create({{"name", "未覆盖机构甲"}, {"address", "铁东区东山街1号"}, {"licensed", true}});
    auto i2 = registry.create({{"name", "未覆盖机构乙"}, {"address", "铁东区东山街2号"}, {"licensed", true}});
    REQUIRE(i1.value("ok").toBool());
    REQUIRE(i2.value("ok").toBool());
    const QString id1 = i1.value("id").toString(), id2 = i2.value("id").toString();
    CHECK_FALSE(rowWhere(loaded(unassigned), "institutionId", id1).isEmpty());
    CHECK_FALSE(rowWhere(loaded(unassigned), "institutionId", id2).isEmpty());
    auto bulk = planner3.bulkAssign(volB, {id1, id2});
    INFO(describe(bulk));
    REQUIRE(bulk.value("ok").toBool());
    CHECK(bulk.value("count").toInt() == 2);
    CHECK(rowWhere(loaded(unassigned), "institutionId", id1).isEmpty());
    CHECK(loaded(vols).byId(volB).value("institutionIds").toStringList().contains(id2));
    // Undo one binding: the institution is uncovered again.
    const auto volBRow = loaded(vols).byId(volB);
    const int at = static_cast<int>(volBRow.value("institutionIds").toStringList().indexOf(id2));
    REQUIRE(at >= 0);
    CHECK(planner3.unassign(volBRow.value("institutionAssignmentIds").toStringList().at(at)).value("ok").toBool());
    CHECK_FALSE(rowWhere(loaded(unassigned), "institutionId", id2).isEmpty());

    // Tasks: routine for one volunteer; joint refused with one, accepted with two; covert.
    auto routine = planner.createTask({{"institutionId", id1}, {"kind", "routine"}, {"assignees", QStringList{volB}}, {"priority", 2}});
    INFO(describe(routine));
    REQUIRE(routine.value("ok").toBool());
    auto trow = loaded(tasks).byId(routine.value("id").toString());
    REQUIRE_FALSE(trow.isEmpty());
    CHECK(trow.value("kind").toString() == "routine");
    CHECK(trow.value("priority").toInt() == 2);
    CHECK(trow.value("assignees").toStringList() == QStringList{volB});
    auto lonely = planner.createTask({{"institutionId", id1}, {"kind", "joint"}, {"assignees", QStringList{volB}}});
    CHECK_FALSE(lonely.value("ok").toBool());
    CHECK_FALSE(lonely.value("message").toString().isEmpty());
    auto joint = planner.createTask({{"institutionId", id1}, {"kind", "joint"}, {"assignees", QStringList{volA, volB}}});
    INFO(describe(joint));
    REQUIRE(joint.value("ok").toBool());
    CHECK(loaded(tasks).byId(joint.value("id").toString()).value("assigneeNames").toStringList().size() == 2);
    auto covert = planner.createTask({{"institutionId", id2}, {"kind", "routine"}, {"assignees", QStringList{volA}}, {"covert", true}});
    REQUIRE(covert.value("ok").toBool());
    CHECK(loaded(tasks).byId(covert.value("id").toString()).value("covert").toBool());
    CHECK_FALSE(planner.createTask({{"institutionId", id2}, {"assignees", QStringList{}}}).value("ok").toBool());

    // A campaign over the next two weeks, key targets only.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto camp = planner.createCampaign({{"name", "寒假专项检查"}, {"start", now}, {"end", now + 14LL * 86400000},
                                        {"visitsRequired", 2}, {"keyTargetsOnly", true}});
    INFO(describe(camp));
    REQUIRE(camp.value("ok").toBool());
    auto crow = loaded(campaigns).byId(camp.value("id").toString());
    REQUIRE_FALSE(crow.isEmpty());
    CHECK(crow.value("running").toBool());
    CHECK(crow.value("visitsRequired").toInt() == 2);
    CHECK(crow.value("keyTargetsOnly").toBool());
    CHECK_FALSE(planner.createCampaign({{"name", "倒置"}, {"start", now}, {"end", now - 86400000}}).value("ok").toBool());

    // The server takes every change.
    REQUIRE(syncAll(sync));
    CHECK(sync.setAside() == 0);
    CHECK(loaded(vols).byId(volA).value("zoneIds").toStringList().contains(other));
    CHECK_FALSE(loaded(tasks).byId(joint.value("id").toString()).isEmpty());

    // Coverage follows the campaign.
    DeskCoverageModel coverage(&app);
    CHECK(loaded(coverage).error().isEmpty());
    CHECK(loaded(coverage).count() > 0);
    CHECK(loaded(coverage).institutions() > 0);
    coverage.setQuery(0, 0, camp.value("id").toString());
    CHECK(loaded(coverage).error().isEmpty());
    CHECK(loaded(coverage).campaign().value("name").toString() == QStringLiteral("寒假专项检查"));
    CHECK(loaded(coverage).rows().front().value("level").toString() == "district");
    DeskExports exports(&app);
    const fs::path csv = tmp / "coverage.csv";
    auto e = answerOf(exports, &DeskExports::exported,
                      [&] { exports.exportTable("coverage", "csv", fileUrl(csv), {{"campaignId", camp.value("id")}}); });
    INFO(describe(e));
    REQUIRE(e.value("ok").toBool());
    CHECK(e.value("rows").toInt() > 0);
    CHECK(test::read_file(csv).size() > 10);
}

TEST_CASE("Desk random draw: commit, sync, reveal, sync, the drawn tasks appear and the draw verifies", "[app][desk]") {
    test::TestServer server;
    test::TempDir tmp;
    const auto& acc = server.account("coordinator", 0, "铁东区");
    const fs::path dir = deskDevice(server, tmp, acc);
    AppSession app(q(dir.string()));
    SyncController sync(&app);
    DeskDraws draws(&app);
    DeskDrawModel list(&app);
    DeskTaskModel drawn(&app);
    drawn.setStatus("all");
    CHECK(loaded(list).count() == 0);
    CHECK(loaded(list).error().isEmpty());

    auto refused = draws.commit({{"k", 0}});
    CHECK_FALSE(refused.value("ok").toBool());
    CHECK_FALSE(refused.value("message").toString().isEmpty());

    auto c = draws.commit({{"k", 3}, {"inspectorsPerSite", 1}, {"title", "周末双随机"}, {"weightKeyTargets", true},
                           {"excludeOwnZone", true}, {"excludeRecentDays", 90}});
    INFO(describe(c));
    REQUIRE(c.value("ok").toBool());
    const QString id = c.value("id").toString();
    CHECK(c.value("seedHash").toString().size() == 64);
    // Reveal before the server has the commitment: refused, with the reason. Asked at once, before
    // the event loop runs: the commit's sync pass (on its worker) must not have been answered yet.
    auto early = draws.reveal(id);
    CHECK_FALSE(early.value("ok").toBool());
    CHECK_FALSE(early.value("message").toString().isEmpty());
    auto row = loaded(list).byId(id);
    REQUIRE_FALSE(row.isEmpty());
    CHECK(row.value("status").toString() == "committed");
    CHECK(row.value("seedHash").toString() == c.value("seedHash").toString());
    CHECK(row.value("seed").toString().isEmpty());  // secret until revealed

    REQUIRE(syncAll(sync));
    REQUIRE(waitUntil([&] { return loaded(list).byId(id).value("canReveal").toBool(); }));
    auto r = draws.reveal(id);
    INFO(describe(r));
    REQUIRE(r.value("ok").toBool());
    CHECK(r.value("pairs").toInt() == 3);
    row = loaded(list).byId(id);
    CHECK(row.value("status").toString() == "drawn");
    CHECK(row.value("seed").toString().size() == 64);
    CHECK(row.value("pairCount").toInt() == 3);
    CHECK(row.value("poolSize").toInt() >= 3);

    // After the sync the server's tasks for the pairs are on this device.
    REQUIRE(syncAll(sync));
    CHECK(sync.setAside() == 0);
    drawn.setDrawId(id);
    REQUIRE(waitUntil([&] {
        if (loaded(drawn).count() < 3) (void)syncAll(sync);
        return loaded(drawn).count() == 3;
    }));
    CHECK(loaded(list).byId(id).value("taskCount").toInt() == 3);
    for (const auto& t : loaded(drawn).rows()) {
        CHECK(t.value("kind").toString() == "spot_check");
        CHECK(t.value("assignees").toStringList().size() == 1);
    }
    auto v = answerOf(draws, &DeskDraws::verified, [&] { draws.verify(id); });
    INFO(describe(v));
    CHECK(v.value("ok").toBool());
    CHECK_FALSE(v.value("message").toString().isEmpty());
}

TEST_CASE("Desk review: a flagged report, a violation decided, the case and its re-inspection, close refused, exports", "[app][desk]") {
    test::TestServer server;
    test::TempDir tmp;
    // A volunteer fails a critical item (L1, with a photo) on an open task and syncs.
    const auto& vol = server.account("volunteer", 0, "铁东区");
    const fs::path vprof = test::synced_volunteer(server, tmp.path, vol);
    const std::string task = test::first_open_task(vprof);
    const fs::path photo = tmp / "l1.jpg";
    test::write_file(photo, crypto::random_bytes(2048));
    const json over = {{"L1", {{"result", "fail"}, {"note", "未见办学许可证 / no permit on display"}}}};
    const std::string reportId = test::trim(test::must(vprof, {"inspect", "--task", task, "--answers", test::write_answers(tmp.path, over).string(),
                                                               "--photo", "L1=" + photo.string(), "--gps", "41.1,122.9"}).out);
    test::must(vprof, {"sync"});

    const auto& sup = server.account("supervisor");
    const fs::path dir = deskDevice(server, tmp, sup);
    AppSession app(q(dir.string()));
    SyncController sync(&app);
    REQUIRE(app.role() == "supervisor");
    DeskReviewModel queue(&app);
    DeskCaseModel cases(&app);
    DeskReportDetail detail(&app);
    DeskTaskModel tasks(&app);
    tasks.setStatus("all");
    CHECK(loaded(queue).error().isEmpty());

    // The volunteer's task is submitted: finished for every list (the inspector owes nothing more),
    // never overdue, out of the open list, and picked out by the "submitted" filter (waiting for
    // review). The rows come in the core's order: overdue first, then priority, then due time.
    {
        auto sub = rowWhere(loaded(tasks), "taskId", q(task));
        REQUIRE_FALSE(sub.isEmpty());
        CHECK(sub.value("status").toString() == "submitted");
        CHECK(sub.value("finished").toBool());
        CHECK_FALSE(sub.value("overdue").toBool());
        const auto key = [](const QVariantMap& r) {
            const qint64 due = r.value("windowEnd").toLongLong();
            return std::make_tuple(!r.value("overdue").toBool(), r.value("priority").toInt(),
                                   due > 0 ? due : std::numeric_limits<qint64>::max(), r.value("taskId").toString());
        };
        for (std::size_t i = 1; i < loaded(tasks).rows().size(); ++i) CHECK_FALSE(key(loaded(tasks).rows()[i]) < key(loaded(tasks).rows()[i - 1]));
        tasks.setStatus("open");
        CHECK(rowWhere(loaded(tasks), "taskId", q(task)).isEmpty());
        for (const auto& r : loaded(tasks).rows()) CHECK_FALSE(r.value("finished").toBool());
        tasks.setStatus("submitted");
        CHECK_FALSE(rowWhere(loaded(tasks), "taskId", q(task)).isEmpty());
        for (const auto& r : loaded(tasks).rows()) CHECK(r.value("status").toString() == "submitted");
        tasks.setStatus("all");
    }
    auto item = rowWhere(loaded(queue), "reportId", q(reportId));
    REQUIRE_FALSE(item.isEmpty());
    CHECK(item.value("flagged").toBool());
    CHECK(item.value("failedCritical").toInt() >= 1);
    CHECK_FALSE(item.value("decided").toBool());
    // Newest first.
    for (std::size_t i = 1; i < loaded(queue).rows().size(); ++i)
        CHECK(loaded(queue).rows()[i - 1].value("time").toLongLong() >= loaded(queue).rows()[i].value("time").toLongLong());

    // The report in full: the failed item with the checklist's words, its note and photo; the
    // signature and receipt checked here.
    (void)answerOf(detail, &DeskReportDetail::loaded, [&] { detail.setReportId(q(reportId)); });
    INFO(detail.error().toStdString());
    REQUIRE(detail.ready());
    CHECK(detail.report().value("signatureOk").toBool());
    CHECK(detail.report().value("hasReceipt").toBool());
    CHECK(detail.report().value("receiptOk").toBool());
    CHECK(detail.tiers() == QStringList({"从轻", "较轻", "一般", "较重", "严重"}));
    QVariantMap l1;
    for (const auto& a : detail.answers())
        if (a.toMap().value("code") == "L1") l1 = a.toMap();
    REQUIRE_FALSE(l1.isEmpty());
    CHECK(l1.value("result").toString() == "fail");
    CHECK_FALSE(l1.value("text").toString().isEmpty());
    CHECK(l1.value("note").toString().contains("no permit"));
    CHECK(l1.value("photos").toList().size() == 1);

    // Decide: a tier is required for a violation; then 一般, 10 days, with an order.
    auto noTier = detail.decide({{"violation", true}, {"tier", ""}, {"rectificationDays", 10}, {"order", "x"}});
    CHECK_FALSE(noTier.value("ok").toBool());
    CHECK(noTier.value("message").toString().contains(QStringLiteral(u"裁量等级")));  // the app speaks the user's language (zh)
    auto decided = detail.decide({{"violation", true}, {"tier", "一般"}, {"rectificationDays", 10},
                                  {"order", "停止无证办学，取得许可后方可招生"}, {"note", "首次发现"}});
    INFO(describe(decided));
    REQUIRE(decided.value("ok").toBool());
    const QString caseId = decided.value("caseId").toString();
    CHECK_FALSE(detail.decide({{"violation", false}}).value("ok").toBool());  // decided once

    // After the sync: the case in rectification with its deadline and the re-inspection task.
    REQUIRE(syncAll(sync));
    CHECK(sync.setAside() == 0);
    REQUIRE(waitUntil([&] {
        if (loaded(cases).byId(caseId).value("reinspectionTaskId").toString().isEmpty()) (void)syncAll(sync);
        return !loaded(cases).byId(caseId).value("reinspectionTaskId").toString().isEmpty();
    }));
    auto c = loaded(cases).byId(caseId);
    CHECK(c.value("status").toString() == "rectification");
    CHECK(c.value("tier").toString() == QStringLiteral("一般"));
    CHECK(c.value("deadline").toLongLong() > QDateTime::currentMSecsSinceEpoch() + 9LL * 86400000);
    CHECK(c.value("order").toString().contains(QStringLiteral("停止无证办学")));
    const QString reTask = c.value("reinspectionTaskId").toString();
    auto t = loaded(tasks).byId(reTask);
    REQUIRE_FALSE(t.isEmpty());
    CHECK(t.value("kind").toString() == "reinspection");
    CHECK(c.value("reinspectionStatusLabel").toString().size() > 0);
    // Off the queue once decided; back with includeDecided.
    CHECK(rowWhere(loaded(queue), "reportId", q(reportId)).isEmpty());
    queue.setIncludeDecided(true);
    CHECK(rowWhere(loaded(queue), "reportId", q(reportId)).value("caseId").toString() == caseId);
    cases.setStatusFilter("rectification");
    CHECK_FALSE(rowWhere(loaded(cases), "caseId", caseId).isEmpty());
    cases.setStatusFilter("closed");
    CHECK(rowWhere(loaded(cases), "caseId", caseId).isEmpty());
    cases.setStatusFilter("");

    // Close without a passing re-inspection: queued, refused by the server, and the refusal shows.
    auto close = cases.close(caseId);
    INFO(describe(close));
    if (close.value("ok").toBool()) {
        REQUIRE(waitUntil([&] { return !sync.running(); }));
        (void)syncAll(sync);
        REQUIRE(waitUntil([&] { return !loaded(cases).byId(caseId).value("refusal").toString().isEmpty(); }));
        CHECK(loaded(cases).byId(caseId).value("refusal").toString().contains(QStringLiteral("不解决不销号")));
        // The server sent the catalogue's row: it shows in the user's language only.
        CHECK_FALSE(loaded(cases).byId(caseId).value("refusal").toString().contains(QStringLiteral(" / ")));
        CHECK(loaded(cases).byId(caseId).value("status").toString() != "closed");
    } else {
        CHECK_FALSE(close.value("message").toString().isEmpty());  // refused here already
    }

    // Exports: the case table as CSV and XLSX, and the report's PDF record.
    DeskExports exports(&app);
    const fs::path csv = tmp / "cases.csv", xlsx = tmp / "cases.xlsx", pdf = tmp / "record.pdf";
    auto exported = [&](const std::function<void()>& ask) { return answerOf(exports, &DeskExports::exported, ask); };
    auto e1 = exported([&] { exports.exportTable("cases", "csv", fileUrl(csv)); });
    INFO(describe(e1));
    REQUIRE(e1.value("ok").toBool());
    CHECK(e1.value("rows").toInt() >= 1);
    const std::string csvText = test::read_file(csv);
    CHECK(csvText.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csvText.find("一般") != std::string::npos);
    auto e2 = exported([&] { exports.exportTable("cases", "xlsx", fileUrl(xlsx)); });
    REQUIRE(e2.value("ok").toBool());
    CHECK(test::read_file(xlsx).rfind("PK", 0) == 0);
    CHECK_FALSE(exported([&] { exports.exportTable("nonsense", "csv", fileUrl(tmp / "x.csv")); }).value("ok").toBool());
    auto e3 = exported([&] { exports.exportReportPdf(q(reportId), fileUrl(pdf)); });
    INFO(describe(e3));
    if (e3.value("ok").toBool())
        CHECK(test::read_file(pdf).rfind("%PDF", 0) == 0);
    else
        CHECK_FALSE(e3.value("message").toString().isEmpty());  // e.g. no CJK font on this machine: said so
    DeskReportModel reports(&app);
    CHECK_FALSE(rowWhere(loaded(reports), "reportId", q(reportId)).isEmpty());
}

TEST_CASE("Desk complaints: intake, triage into a task, start, resolve, close, and close without a resolution refused", "[app][desk]") {
    test::TestServer server;
    test::TempDir tmp;
    const auto& acc = server.account("coordinator", 0, "铁东区");
    const fs::path dir = deskDevice(server, tmp, acc);
    AppSession app(q(dir.string()));
    SyncController sync(&app);
    DeskComplaintModel ledger(&app);
    DeskComplaints desk(&app);
    DeskInstitutionModel insts(&app);
    DeskVolunteerModel vols(&app);
    DeskTaskModel tasks(&app);
    CHECK(loaded(ledger).error().isEmpty());
    CHECK(ledger.sources().size() == 5);
    REQUIRE(loaded(insts).count() > 0);
    REQUIRE(loaded(vols).count() > 0);
    const QString inst = loaded(insts).get(0).value("institutionId").toString();
    const QString vol = loaded(vols).get(0).value("userId").toString();

    CHECK_FALSE(desk.intake({{"text", "  "}}).value("ok").toBool());
    auto in = desk.intake({{"source", "12345"}, {"text", "晚上九点后仍在上课"}, {"reference", "GD-2025-0001"}, {"address", "铁东区胜利路"}});
    INFO(describe(in));
    REQUIRE(in.value("ok").toBool());
    settle(sync);
    const QString id = in.value("id").toString();
    auto row = loaded(ledger).byId(id);
    REQUIRE_FALSE(row.isEmpty());
    CHECK(row.value("status").toString() == "open");
    CHECK(row.value("dueAt").toLongLong() > row.value("receivedAt").toLongLong());
    CHECK_FALSE(row.value("overdue").toBool());

    // Close at once: refused, with the reason.
    auto early = desk.close(id);
    CHECK_FALSE(early.value("ok").toBool());
    CHECK_FALSE(early.value("message").toString().isEmpty());

    // Triage needs an institution: link one, then make the follow-up task.
    CHECK_FALSE(desk.triage(id, {{"assignees", QStringList{vol}}}).value("ok").toBool());
    auto linked = desk.link(id, inst, {});
    INFO(describe(linked));
    REQUIRE(linked.value("ok").toBool());
    settle(sync);
    CHECK(loaded(ledger).byId(id).value("institutionId").toString() == inst);
    auto tri = desk.triage(id, {{"assignees", QStringList{vol}}, {"priority", 1}, {"note", "优先核查"}});
    INFO(describe(tri));
    REQUIRE(tri.value("ok").toBool());
    settle(sync);
    const QString taskId = tri.value("taskId").toString();
    CHECK(loaded(ledger).byId(id).value("status").toString() == "triaged");
    CHECK(loaded(ledger).byId(id).value("taskId").toString() == taskId);
    auto trow = loaded(tasks).byId(taskId);
    REQUIRE_FALSE(trow.isEmpty());
    CHECK(trow.value("kind").toString() == "complaint");
    CHECK(trow.value("complaintId").toString() == id);

    // Start; closing without a resolution is refused with the message; resolving needs one.
    REQUIRE(desk.start(id).value("ok").toBool());
    settle(sync);
    CHECK(loaded(ledger).byId(id).value("status").toString() == "in_progress");
    auto noRes = desk.close(id);
    INFO(describe(noRes));
    CHECK_FALSE(noRes.value("ok").toBool());
    CHECK(noRes.value("message").toString().contains("closed"));
    CHECK_FALSE(desk.resolve(id, "   ").value("ok").toBool());
    auto res = desk.resolve(id, "已责令停止晚间授课，复查合格");
    INFO(describe(res));
    REQUIRE(res.value("ok").toBool());
    settle(sync);
    CHECK(loaded(ledger).byId(id).value("resolution").toString().contains(QStringLiteral("复查合格")));
    // Reopen (the check found it unresolved) and resolve again, then close.
    REQUIRE(desk.reopen(id).value("ok").toBool());
    settle(sync);
    CHECK(loaded(ledger).byId(id).value("status").toString() == "in_progress");
    REQUIRE(desk.resolve(id, "已整改到位").value("ok").toBool());
    settle(sync);
    auto closed = desk.close(id);
    INFO(describe(closed));
    REQUIRE(closed.value("ok").toBool());
    CHECK(loaded(ledger).byId(id).isEmpty());  // closed ones are hidden by default
    ledger.setIncludeClosed(true);
    CHECK(loaded(ledger).byId(id).value("status").toString() == "closed");

    // A CSV with one bad row imports nothing; a good one imports every row.
    const fs::path bad = tmp / "complaints-bad.csv";
    test::write_file(bad, "内容,来源,工单号,地址\n家长反映周末补课,12345,GD-1,铁东区胜利路3号\n,12345,GD-2,铁东区胜利路4号\n");
    auto ib = desk.importCsv(fileUrl(bad));
    INFO(describe(ib));
    CHECK_FALSE(ib.value("ok").toBool());
    REQUIRE_FALSE(ib.value("errors").toList().isEmpty());
    CHECK(ib.value("errors").toList().at(0).toMap().value("line").toInt() == 3);
    const fs::path good = tmp / "complaints-good.csv";
    test::write_file(good, "内容,来源,工单号,地址\n家长反映周末补课,12345,GD-1,铁东区胜利路3号\n收费过高,phone,GD-3,铁东区园林路5号\n");
    auto ig = desk.importCsv(fileUrl(good));
    INFO(describe(ig));
    REQUIRE(ig.value("ok").toBool());
    CHECK(ig.value("imported").toInt() == 2);

    // The server agrees with every step.
    REQUIRE(syncAll(sync));
    CHECK(sync.setAside() == 0);
    CHECK(loaded(ledger).byId(id).value("status").toString() == "closed");
    CHECK(loaded(ledger).byId(id).value("refusal").toString().isEmpty());
}

TEST_CASE("Desk lists are read on the desk reader's thread, never on the GUI thread", "[app][desk]") {
    test::TestServer server;
    test::TempDir tmp;
    const auto& acc = server.account("coordinator", 0, "铁东区");
    AppSession app(q(deskDevice(server, tmp, acc).string()));
    REQUIRE(app.enrolled());
    std::mutex seenLock;
    std::vector<std::thread::id> readers;  // the thread of every read, in order
    app.deskReader()->setJobHook([&] {
        std::lock_guard lock(seenLock);
        readers.push_back(std::this_thread::get_id());
    });

    DeskInstitutionModel insts(&app);
    // Nothing was read on the way here: the rows come later, from the reader.
    CHECK(insts.loading());
    CHECK(insts.total() == 0);
    QSignalSpy reloaded(&insts, &DeskListModel::reloaded);
    REQUIRE(reloaded.wait(test::kDeskNetMs));
    CHECK_FALSE(insts.loading());
    CHECK(insts.error().isEmpty());
    CHECK(insts.total() > 0);

    // A list destroyed while its read is on the way is simply not answered.
    { DeskCaseModel gone(&app); }
    DeskZoneModel zones(&app);
    REQUIRE(waitLoaded(zones));
    CHECK(zones.count() > 0);
    // A list whose session is taken away while it reads is empty at once, and stays so: the
    // answer to the read it had asked for is not applied.
    zones.reload();
    zones.setSession(nullptr);
    CHECK_FALSE(zones.loading());
    CHECK(zones.count() == 0);
    DeskZoneModel later(&app);  // answered after the one zones had asked for (reads run in order)
    REQUIRE(waitLoaded(later));
    CHECK(later.count() > 0);
    CHECK(zones.count() == 0);

    std::lock_guard lock(seenLock);
    REQUIRE(readers.size() >= 2);  // and the destroyed list's, if it began before it was called off
    for (const auto& reader : readers) {
        CHECK(reader != std::this_thread::get_id());
        CHECK(reader == readers.front());  // one reader thread for the session
    }
}

TEST_CASE("Desk lists drop a stale read: only the latest reload's rows are applied, and reloaded fires for it", "[app][desk]") {
    test::TestServer server;
    test::TempDir tmp;
    const auto& acc = server.account("coordinator", 0, "铁东区");
    AppSession app(q(deskDevice(server, tmp, acc).string()));
    DeskInstitutionModel insts(&app);
    DeskZoneModel zones(&app);
    DeskRegistry registry(&app);
    REQUIRE(waitLoaded(insts));
    REQUIRE(waitLoaded(zones));
    const int before = insts.total();
    REQUIRE(before > 0);

    // The first read of the institutions runs to its end before the change below; the zones' read
    // queued behind it says when (one reader thread, reads in order). Its answer is then waiting
    // for the GUI thread, which has not looked at its events since.
    std::promise<void> firstReadDone;
    std::atomic<int> reads{0};
    app.deskReader()->setJobHook([&] {
        if (++reads == 2) firstReadDone.set_value();
    });
    QSignalSpy reloaded(&insts, &DeskListModel::reloaded);
    insts.reload();
    zones.reload();
    REQUIRE(firstReadDone.get_future().wait_for(std::chrono::seconds(60)) == std::future_status::ready);

    // A change on the GUI thread, while that answer waits: every list reads again.
    auto made = registry.create({{"name", "后来的机构"}, {"address", "铁东区园林路30号"}, {"licensed", true}});
    INFO(describe(made));
    REQUIRE(made.value("ok").toBool());
    CHECK(insts.loading());
    CHECK(insts.total() == before);  // still the rows of the read before

    // The first answer is dropped; the list shows the second read's rows and says so once.
    REQUIRE(reloaded.wait(test::kDeskNetMs));
    CHECK(reloaded.count() == 1);
    CHECK(reads >= 3);
    CHECK_FALSE(insts.loading());
    CHECK(insts.total() == before + 1);
    CHECK_FALSE(insts.byId(made.value("id").toString()).isEmpty());
}

namespace {

// Holds the session's desk reader at the start of each read while closed, and records the thread
// every read ran on. Declared before the session, so it outlives the reader that calls it.
class ReaderGate {
public:
    void install(DeskReader& reader) {
        reader.setJobHook([this] {
            std::unique_lock lock(m_mutex);
            m_threads.push_back(std::this_thread::get_id());
            m_wake.wait(lock, [this] { return m_open; });
        });
    }
    void close() {
        std::lock_guard lock(m_mutex);
        m_open = false;
        m_threads.clear();
    }
    void open() {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_wake.notify_all();
    }
    // Whether reads ran since close(), every one on a thread other than the caller's.
    bool ranOffThisThread() {
        std::lock_guard lock(m_mutex);
        return !m_threads.empty() && std::none_of(m_threads.begin(), m_threads.end(),
                                                  [](std::thread::id t) { return t == std::this_thread::get_id(); });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_open = true;
    std::vector<std::thread::id> m_threads;
};

// Asks a facade for work with the reader held: the call returns with the facade busy and no
// answer, none comes while the reader is held, and the answer comes once it is let go, made on
// the reader's thread. Returns the answer's first argument (or an empty map).
template <typename Facade, typename Signal>
QVariantMap answeredOffThread(ReaderGate& gate, Facade& facade, Signal signal, const std::function<void()>& ask,
                              const std::function<bool()>& busy) {
    gate.close();
    struct Reopen {
        ReaderGate& gate;
        ~Reopen() { gate.open(); }  // also when a check throws: the reader must not stay held
    } reopen{gate};
    QSignalSpy answered(&facade, signal);
    ask();
    CHECK(busy());
    CHECK(answered.count() == 0);  // not answered during the call
    QTest::qWait(100);             // the GUI thread's events run: still nothing while the reader is held
    CHECK(answered.count() == 0);
    gate.open();
    REQUIRE(answered.wait(test::kDeskNetMs));
    CHECK_FALSE(busy());
    CHECK(gate.ranOffThisThread());
    const QList<QVariant> args = answered.takeFirst();
    return args.isEmpty() ? QVariantMap() : args.front().toMap();
}

}  // namespace

TEST_CASE("Desk facades read off the GUI thread: exports, a registry history, a draw's re-run, a report in full", "[app][desk]") {
    test::TestServer server;
    test::TempDir tmp;
    // A volunteer of the district files a report, so the coordinator's device holds one to open.
    const auto& vol = server.account("volunteer", 0, "铁东区");
    const fs::path vprof = test::synced_volunteer(server, tmp.path, vol);
    const std::string task = test::first_open_task(vprof);
    const std::string reportId = test::trim(test::must(vprof, {"inspect", "--task", task, "--answers",
                                                               test::write_answers(tmp.path, json::object()).string()}).out);
    test::must(vprof, {"sync"});

    ReaderGate gate;
    const auto& acc = server.account("coordinator", 0, "铁东区");
    AppSession app(q(deskDevice(server, tmp, acc).string()));
    REQUIRE(app.enrolled());
    gate.install(*app.deskReader());
    DeskInstitutionModel insts(&app);
    REQUIRE(loaded(insts).total() > 0);
    const QString instId = insts.get(0).value("institutionId").toString();

    {  // exports: the file is written on the reader's thread
        DeskExports exports(&app);
        const fs::path csv = tmp / "cases.csv";
        auto e = answeredOffThread(gate, exports, &DeskExports::exported,
                                   [&] { exports.exportTable("complaints", "csv", fileUrl(csv)); }, [&] { return exports.busy(); });
        INFO(describe(e));
        CHECK(e.value("ok").toBool());
        CHECK(e.value("kind").toString() == "complaints");
        CHECK(test::read_file(csv).rfind("\xEF\xBB\xBF", 0) == 0);
        // A file not chosen is refused, also after the call returns.
        auto none = answerOf(exports, &DeskExports::exported, [&] { exports.exportTable("cases", "csv", ""); });
        CHECK_FALSE(none.value("ok").toBool());
    }
    {  // a registry entry's history
        DeskRegistry registry(&app);
        (void)answeredOffThread(gate, registry, &DeskRegistry::historyRead, [&] { registry.readHistory(instId); },
                                [&] { return registry.historyLoading(); });
        INFO(describe(registry.history()));
        CHECK(registry.history().value("ok").toBool());
        CHECK(registry.history().value("id").toString() == instId);
    }
    {  // a draw's re-run (an unknown draw: the reader says so)
        DeskDraws draws(&app);
        auto v = answeredOffThread(gate, draws, &DeskDraws::verified, [&] { draws.verify("no-such-draw"); },
                                   [&] { return draws.verifying(); });
        CHECK_FALSE(v.value("ok").toBool());
        CHECK_FALSE(v.value("message").toString().isEmpty());
        CHECK(v.value("id").toString() == "no-such-draw");
    }
    {  // a report in full
        DeskReportDetail detail(&app);
        (void)answeredOffThread(gate, detail, &DeskReportDetail::loaded, [&] { detail.setReportId(q(reportId)); },
                                [&] { return detail.loading(); });
        INFO(detail.error().toStdString());
        CHECK(detail.ready());
        CHECK(detail.report().value("reportId").toString() == q(reportId));
        CHECK(detail.report().value("signatureOk").toBool());
        CHECK_FALSE(detail.answers().isEmpty());
    }
}
