// The coordinator's and the supervisor's screens in the real app, offscreen, at 1280x800 against a
// real server with the demo data: each role sees its own sections in the side rail and none of
// the volunteer's; the coordinator imports a CSV with a bad row, runs a random draw (commit, sync,
// reveal, sync, verify) and records a complaint; the supervisor reviews a flagged report, decides
// a violation and tries to close the case. With DUCHA_SCREENSHOT_DIR set, every screen is saved
// there as desk-*.png.
#include <catch2/catch.hpp>

#include <QAbstractItemModel>
#include <QImage>
#include <QQuickWindow>
#include <QUrl>

#include <filesystem>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/app_driver.h"
#include "app/desk_sync_steps.h"
#include "app/qml_warnings.h"
#include "mobile/app/app_session.h"
#include "mobile/app/desk_audit_model.h"
#include "mobile/app/desk_complaints.h"
#include "mobile/app/desk_draws.h"
#include "mobile/app/desk_registry.h"
#include "mobile/app/sync_controller.h"
#include "mobile/shell/app_engine.h"
#include "support/cli_steps.h"
#include "support/test_server.h"

using namespace ducha;
using ducha::test::AppDriver;
namespace fs = std::filesystem;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

int modelRows(QObject* model) {
    auto* m = qobject_cast<QAbstractItemModel*>(model);
    REQUIRE(m);
    return m->rowCount();
}
QVariant modelCell(QObject* model, int row, const char* role) {
    auto* m = qobject_cast<QAbstractItemModel*>(model);
    REQUIRE(m);
    const auto names = m->roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        if (it.value() == role) return m->data(m->index(row, 0), it.key());
    FAIL("no role " << role);
    return {};
}

int rowOf(QObject* model, const char* role, const QVariant& value) {
    for (int r = 0; r < modelRows(model); ++r)
        if (modelCell(model, r, role) == value) return r;
    return -1;
}

// Waits for a desk list's latest read: its rows come from the desk reader's thread.
void waitRead(QObject* model) {
    auto* list = qobject_cast<app::DeskListModel*>(model);
    REQUIRE(list);
    REQUIRE(test::waitLoaded(*list));
}

fs::path enrolled(test::TestServer& server, const test::TempDir& tmp, const test::DemoAccount& acc) {
    const fs::path dir = tmp / ("app-" + acc.role);
    test::must(dir, {"enroll", "--server", server.url(), "--code", acc.code, "--pin", server.pin(), "--name", "desk-e2e"});
    test::must(dir, {"sync"});
    return dir;
}

// Opens a desk section by its key, through the rail's model (what a click on the rail does).
void openSection(AppDriver& d, const char* key) {
    QVariant index;
    REQUIRE(QMetaObject::invokeMethod(d.must("homePage"), "sectionIndex", Q_RETURN_ARG(QVariant, index), Q_ARG(QVariant, QString(key))));
    INFO("section " << key);
    REQUIRE(index.toInt() >= 0);
    d.set("tabs", "currentIndex", index.toInt());
    d.pump(150);
}

QStringList railTitles(AppDriver& d) { return d.prop("homePage", "sections").toStringList(); }

void waitSynced(AppDriver& d, app::SyncController& sync) {
    const bool done = d.waitFor([&] { return !sync.running() && sync.pendingChanges() == 0; }, 60000);
    INFO("sync state " << sync.state().toStdString() << ": " << sync.lastError().toStdString());
    REQUIRE(done);
}

void syncAndWait(AppDriver& d, app::SyncController& sync) {
    REQUIRE(d.waitFor([&] { return !sync.running(); }, 60000));
    sync.syncNow();
    waitSynced(d, sync);
}

QVariant call(QObject* o, const char* method, const QVariant& a = {}) {
    QVariant r;
    if (a.isValid())
        REQUIRE(QMetaObject::invokeMethod(o, method, Q_RETURN_ARG(QVariant, r), Q_ARG(QVariant, a)));
    else
        REQUIRE(QMetaObject::invokeMethod(o, method, Q_RETURN_ARG(QVariant, r)));
    return r;
}

}  // namespace

TEST_CASE("The coordinator's and supervisor's screens in the real app at 1280x800", "[app][desk-e2e]") {
    test::TestServer server;
    test::TempDir tmp;
    qputenv("DUCHA_SYNC_INTERVAL_S", "3600");  // only the passes this test asks for

    // A volunteer of 铁东区 fails a critical item, with a photo, so the supervisor has work.
    const auto& vol = server.account("volunteer", 0, "铁东区");
    const fs::path vprof = test::synced_volunteer(server, tmp.path, vol);
    const std::string task = test::first_open_task(vprof);
    const fs::path photo = tmp / "l1.jpg";
    {
        QImage img(640, 480, QImage::Format_RGB32);
        img.fill(QColor(170, 60, 50));
        REQUIRE(img.save(q(photo.string()), "JPG"));
    }
    const nlohmann::json over = {{"L1", {{"result", "fail"}, {"note", "未见办学许可证 / no permit on display"}}},
                                 {"T3", {{"result", "fail"}, {"note", "21:10 仍在上课 / classes at 21:10"}}}};
    const std::string reportId = test::trim(test::must(vprof, {"inspect", "--task", task, "--answers", test::write_answers(tmp.path, over).string(),
                                                               "--photo", "L1=" + photo.string(), "--photo", "T3=" + photo.string(),
                                                               "--gps", "41.1,122.9"}).out);
    test::must(vprof, {"sync"});

    // ---------------------------------------------------------------- coordinator
    {
        const fs::path dir = enrolled(server, tmp, server.account("coordinator", 0, "铁东区"));
        auto engine = std::make_unique<app::AppEngine>(q(dir.string()));
        test::QmlWarnings warnings(engine->engine());  // every screen opens without a QML warning
        REQUIRE(engine->load());
        QQuickWindow* win = engine->window();
        REQUIRE(win);
        AppDriver d(win);
        auto& sync = engine->sync();
        // A desk role opens in the wide layout, with the side rail and no bottom tabs.
        REQUIRE(d.waitFor([&] { return win->width() == 1280 && win->height() == 800; }));
        REQUIRE(d.waitFor([&] { return d.find("deskStack") != nullptr; }));
        CHECK_FALSE(d.prop("tabs", "visible").toBool());
        CHECK(d.prop("rail", "visible").toBool());
        const QStringList rail = railTitles(d);
        CHECK(rail.size() == 10);  // registry, zones, tasks, draw, people, complaints, coverage, exports, devices, me
        {
            QVariant audit;  // the audit log is for admins and supervisors
            REQUIRE(QMetaObject::invokeMethod(d.must("homePage"), "sectionIndex", Q_RETURN_ARG(QVariant, audit), Q_ARG(QVariant, QString("audit"))));
            CHECK(audit.toInt() == -1);
        }
        CHECK(d.find("todayPage") == nullptr);
        CHECK(d.find("deskReviewPage") == nullptr);
        waitSynced(d, sync);

        // Registry: the district's institutions; one chosen; a CSV with a bad row imports nothing.
        openSection(d, "registry");
        QObject* insts = d.must("deskInstitutionModel");
        REQUIRE(d.waitFor([&] { return insts->property("count").toInt() > 0; }));
        const int total = insts->property("total").toInt();
        {
            // Choosing an entry reads its history on the desk reader's thread; the page shows it when it lands.
            auto* registry = qobject_cast<app::DeskRegistry*>(d.must("deskRegistry"));
            REQUIRE(registry);
            QSignalSpy historyRead(registry, &app::DeskRegistry::historyRead);
            d.set("deskRegistryPage", "selectedId", modelCell(insts, 0, "institutionId"));
            REQUIRE((historyRead.count() > 0 || historyRead.wait(60000)));
            CHECK(registry->history().value("ok").toBool());
            CHECK_FALSE(d.prop("historyBusy", "visible").toBool());
        }
        d.screenshot("desk-coordinator-registry");
        const fs::path bad = tmp / "registry.csv";
        test::write_file(bad, "名称,地址,有证,学科类\n启明学科辅导,铁东区园林路8号,否,是\n,铁东区园林路9号,否,否\n");
        QVariantMap imported = call(d.must("deskRegistryPage"), "importCsv", QUrl::fromLocalFile(q(bad.string())).toString()).toMap();
        CHECK_FALSE(imported.value("ok").toBool());
        CHECK(insts->property("total").toInt() == total);
        CHECK(imported.value("errors").toList().size() == 1);
        CHECK(d.prop("registryNotice", "visible").toBool());
        CHECK_FALSE(d.prop("registryNoticeText", "text").toString().isEmpty());
        d.screenshot("desk-coordinator-registry-import-errors");

        // Zones (3包): one volunteer chosen.
        openSection(d, "zones");
        QObject* vols = d.must("deskVolunteerModel");
        REQUIRE(d.waitFor([&] { return vols->property("count").toInt() > 0; }));
        d.set("deskZonesPage", "selectedUser", modelCell(vols, 0, "userId"));
        d.screenshot("desk-coordinator-zones");

        // Tasks & campaigns.
        openSection(d, "tasks");
        REQUIRE(d.waitFor([&] { return d.find("deskTaskModel") != nullptr; }));
        waitRead(d.must("deskTaskModel"));
        d.screenshot("desk-coordinator-tasks");

        // Random draw: commit, sync, reveal, sync, verify.
        openSection(d, "draw");
        QObject* drawPage = d.must("deskDrawPage");
        QVariantMap committed = call(drawPage, "commit").toMap();
        INFO(committed.value("message").toString().toStdString());
        REQUIRE(committed.value("ok").toBool());
        d.screenshot("desk-coordinator-draw-committed");
        waitSynced(d, sync);
        REQUIRE(d.waitFor([&] {
            if (!d.prop("revealButton", "enabled").toBool() && !sync.running()) sync.syncNow();
            return d.prop("revealButton", "enabled").toBool();
        }, 60000));
        d.tap("revealButton");
        REQUIRE(d.waitFor([&] { return d.prop("verifyButton", "visible").toBool(); }));
        waitSynced(d, sync);
        REQUIRE(d.waitFor([&] {
            if (drawPage->property("draw").toMap().value("taskCount").toInt() == 0 && !sync.running()) sync.syncNow();
            return drawPage->property("draw").toMap().value("taskCount").toInt() > 0;
        }, 60000));
        // The draw is re-run on the desk reader's thread; the page shows the answer when it lands.
        auto* drawDesk = qobject_cast<app::DeskDraws*>(d.must("deskDraws"));
        REQUIRE(drawDesk);
        QSignalSpy verified(drawDesk, &app::DeskDraws::verified);
        d.tap("verifyButton");
        REQUIRE((verified.count() > 0 || verified.wait(60000)));
        CHECK(drawPage->property("verifyResult").toMap().value("ok").toBool());
        d.screenshot("desk-coordinator-draw");

        // Complaints: one recorded, chosen.
        openSection(d, "complaints");
        auto* complaints = qobject_cast<app::DeskComplaints*>(d.must("deskComplaints"));
        REQUIRE(complaints);
        QVariantMap c = complaints->intake({{"source", "12345"}, {"text", "家长反映该机构周末仍在开展学科类培训"}, {"reference", "GD-2025-0318"},
                                            {"institutionId", modelCell(insts, 0, "institutionId")}});
        REQUIRE(c.value("ok").toBool());
        waitRead(d.must("deskComplaintModel"));
        d.set("deskComplaintsPage", "selectedId", c.value("id"));
        d.screenshot("desk-coordinator-complaints");

        // Coverage and exports.
        openSection(d, "coverage");
        QObject* coverage = d.must("deskCoverageModel");
        REQUIRE(d.waitFor([&] { return coverage->property("count").toInt() > 0; }));
        CHECK(coverage->property("error").toString().isEmpty());
        d.screenshot("desk-coordinator-coverage");
        openSection(d, "exports");
        d.screenshot("desk-coordinator-exports");
        // Devices: the district's phones, this one among them; revoking is for admins only.
        openSection(d, "devices");
        QObject* devices = d.must("deskDeviceModel");
        REQUIRE(d.waitFor([&] { return devices->property("count").toInt() > 0; }));
        CHECK(devices->property("error").toString().isEmpty());
        CHECK_FALSE(d.prop("deskDevicesPage", "admin").toBool());
        d.screenshot("desk-coordinator-devices");
        // People: the district's people; a role change is for admins only.
        openSection(d, "people");
        QObject* people = d.must("deskPeopleModel");
        REQUIRE(d.waitFor([&] { return people->property("count").toInt() > 0; }));
        CHECK(people->property("error").toString().isEmpty());
        CHECK_FALSE(d.prop("deskPeoplePage", "admin").toBool());
        d.screenshot("desk-coordinator-people");
        // A file with a row outside the coordinator's reach imports nothing, and the notice names its line.
        const int people_total = people->property("total").toInt();
        const fs::path staff = tmp / "people.csv";
        test::write_file(staff, "姓名,电话,角色\n新人甲,13800000201,volunteer\n新人乙,13800000202,admin\n");
        QVariantMap refused = call(d.must("deskPeoplePage"), "importCsv", QUrl::fromLocalFile(q(staff.string())).toString()).toMap();
        CHECK_FALSE(refused.value("ok").toBool());
        CHECK(refused.value("errors").toList().size() == 1);
        CHECK(people->property("total").toInt() == people_total);
        CHECK(d.prop("peopleNotice", "visible").toBool());
        CHECK(d.prop("peopleNotice", "details").toStringList().join("").contains(QStringLiteral("第 3 行")));
        d.screenshot("desk-coordinator-people-import-errors");
        waitSynced(d, sync);
        CHECK(sync.setAside() == 0);
        INFO("QML warnings: " << warnings.text());
        CHECK(warnings.seen().isEmpty());
    }

    // ---------------------------------------------------------------- supervisor
    {
        const fs::path dir = enrolled(server, tmp, server.account("supervisor"));
        auto engine = std::make_unique<app::AppEngine>(q(dir.string()));
        test::QmlWarnings warnings(engine->engine());  // every screen opens without a QML warning
        REQUIRE(engine->load());
        QQuickWindow* win = engine->window();
        AppDriver d(win);
        auto& sync = engine->sync();
        REQUIRE(d.waitFor([&] { return win->width() == 1280 && d.find("deskStack") != nullptr; }));
        const QStringList rail = railTitles(d);
        CHECK(rail.size() == 8);  // review, cases, complaints, coverage, exports, devices, audit, me
        CHECK(d.find("deskRegistryPage") == nullptr);
        waitSynced(d, sync);

        // Review: the flagged report in full, then a violation decided.
        openSection(d, "review");
        QObject* queue = d.must("deskReviewModel");
        REQUIRE(d.waitFor([&] { return queue->property("count").toInt() > 0; }));
        d.set("deskReviewPage", "selectedId", q(reportId));
        QObject* detail = d.must("deskReportDetail");
        REQUIRE(d.waitFor([&] { return detail->property("ready").toBool(); }));
        d.screenshot("desk-supervisor-review");
        d.set("violationRadio", "checked", true);
        d.set("orderText", "text", QStringLiteral("立即停止无证办学，取得办学许可证后方可招生"));
        d.tap("decideButton");
        REQUIRE(d.waitFor([&] { return d.prop("reviewNotice", "ok").toBool() && d.prop("reviewNotice", "visible").toBool(); }));
        d.screenshot("desk-supervisor-review-decided");
        waitSynced(d, sync);

        // Cases: the new case with its deadline and re-inspection; close is refused by the server.
        openSection(d, "cases");
        QObject* cases = d.must("deskCaseModel");
        const QVariant report = q(reportId);
        REQUIRE(d.waitFor([&] {
            const int r = rowOf(cases, "reportId", report);
            if (r < 0 || modelCell(cases, r, "reinspectionTaskId").toString().isEmpty()) {
                if (!sync.running()) sync.syncNow();
                return false;
            }
            return true;
        }, 60000));
        const QString caseId = modelCell(cases, rowOf(cases, "reportId", report), "caseId").toString();
        CHECK(modelCell(cases, rowOf(cases, "reportId", report), "status").toString() == "rectification");
        REQUIRE(d.waitFor([&] { return !sync.running(); }, 60000));
        d.tap("closeCase_" + caseId);
        REQUIRE(d.waitFor([&] {
            const QString refusal = modelCell(cases, rowOf(cases, "caseId", caseId), "refusal").toString();
            if (!sync.running() && refusal.isEmpty()) sync.syncNow();
            return !refusal.isEmpty();
        }, 60000));
        CHECK(d.find("caseRefusal_" + caseId) != nullptr);
        d.screenshot("desk-supervisor-cases");

        openSection(d, "complaints");
        REQUIRE(d.waitFor([&] { return d.find("deskComplaintModel") != nullptr; }));
        waitRead(d.must("deskComplaintModel"));
        d.screenshot("desk-supervisor-complaints");
        openSection(d, "coverage");
        QObject* coverage = d.must("deskCoverageModel");
        REQUIRE(d.waitFor([&] { return coverage->property("count").toInt() > 0; }));
        d.screenshot("desk-supervisor-coverage");
        openSection(d, "exports");
        d.screenshot("desk-supervisor-exports");
        // The audit log, read from the server: a supervisor sees the refused entries, the refused
        // close among them.
        openSection(d, "audit");
        auto* audit = qobject_cast<app::DeskAuditModel*>(d.must("deskAuditModel"));
        REQUIRE(audit);
        if (audit->loading()) {
            QSignalSpy read(audit, &app::DeskAuditModel::reloaded);
            REQUIRE(read.wait(60000));
        }
        CHECK(audit->error().isEmpty());
        REQUIRE(audit->count() > 0);
        for (int i = 0; i < audit->count(); ++i) CHECK(audit->get(i).value("outcome").toString() != "accepted");
        d.screenshot("desk-supervisor-audit");

        // The same screens in English.
        engine->session().setLanguage("en");
        openSection(d, "review");
        waitRead(queue);
        d.set("deskReviewPage", "selectedId", q(reportId));
        d.screenshot("desk-supervisor-review-english");
        engine->session().setLanguage("zh");
        syncAndWait(d, sync);
        INFO("QML warnings: " << warnings.text());
        CHECK(warnings.seen().isEmpty());
    }
    qunsetenv("DUCHA_SYNC_INTERVAL_S");
}
