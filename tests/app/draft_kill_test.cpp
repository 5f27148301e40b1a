// A phone can die at any moment (battery, the system killing the app): an inspection in progress
// must come back whole. The filling-in runs in a child process killed with SIGKILL, no shutdown.
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QProcess>

#include "app/draft_child.h"
#include "mobile/app/app_session.h"
#include "mobile/app/inspection_session.h"
#include "shared/domain/collections.h"
#include "support/cli_steps.h"
#include "support/test_server.h"

using namespace ducha;

TEST_CASE("An inspection survives SIGKILL of the app mid-way", "[app][draft][kill]") {
    test::TestServer server;
    test::TempDir tmp;
    const auto dir = tmp / "phone";
    const auto& acc = server.account("volunteer");
    test::must(dir, {"enroll", "--server", server.url(), "--code", acc.code, "--pin", server.pin()});
    test::must(dir, {"sync"});
    server.stop();  // the rest happens offline

    // An open, non-covert task of this volunteer.
    std::string task_id;
    {
        auto profile = sync::DeviceProfile::open(dir);
        REQUIRE(profile);
        auto tasks = profile->store().list(domain::kTask);
        REQUIRE(tasks);
        for (const auto& r : *tasks) {
            pb::Task t;
            if (t.ParseFromString(r.payload()) && !t.covert() && t.status() == "open" &&
                std::find(t.assignees().begin(), t.assignees().end(), acc.user_id) != t.assignees().end()) {
                task_id = r.id();
                break;
            }
        }
    }
    REQUIRE(!task_id.empty());

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {test::kDraftChildFlag, QString::fromStdString(dir.string()), QString::fromStdString(task_id)});
    REQUIRE(child.waitForStarted(10000));
    REQUIRE(child.waitForReadyRead(20000));
    REQUIRE(child.readAllStandardOutput().contains("filled"));
    child.kill();  // SIGKILL: no destructor, no flush, no goodbye
    REQUIRE(child.waitForFinished(10000));
    CHECK(child.exitStatus() == QProcess::CrashExit);

    app::AppSession session(QString::fromStdString(dir.string()));
    CHECK(session.openInspection() == QString::fromStdString("task:" + task_id));  // reopens on it
    app::InspectionSession inspection(&session);
    inspection.setTaskId(QString::fromStdString(task_id));
    REQUIRE(inspection.ready());
    CHECK(inspection.lastError().isEmpty());
    CHECK(inspection.currentStep() == 2);
    CHECK(inspection.answer("L1") == "fail");
    CHECK(inspection.itemNote("L1") == QString::fromUtf8(test::kDraftChildNote));
    for (const char* code : {"L2", "L3", "L4"}) CHECK(inspection.answer(code) == "pass");
    CHECK(inspection.notes() == "before the kill");
    CHECK(inspection.answeredCount() == 4);
}
