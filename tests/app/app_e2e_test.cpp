// The volunteer's whole day through the real app, offscreen: enroll from a QR image, sync, open a
// task, answer every step, attach a photo, sign, submit with the server down, bring it back, sync,
// and check on the server that the signed report and its photo and signature arrived intact.
// With DUCHA_SCREENSHOT_DIR set it also saves a PNG of every main screen there.
#include <catch2/catch.hpp>

#include <QAbstractItemModel>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>
#include <fstream>

#include "app/app_driver.h"
#include "app/qml_warnings.h"
#include "mobile/app/app_session.h"
#include "mobile/app/inspection_session.h"
#include "mobile/app/sync_controller.h"
#include "mobile/shell/app_engine.h"
#include "mobile/support/qr_code.h"
#include "server/backup/backup_archive.h"
#include "server/service/server_app.h"
#include "server/storage/record_table.h"
#include "server/storage/server_schema.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"
#include "shared/sync/enroll_link.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/test_server.h"

using namespace ducha;
using ducha::test::AppDriver;

namespace {

// The server as a restartable process-local service on one fixed port, so "the network comes
// back" is the same address with the same key.
struct Server {
    test::TempDir dir;
    std::uint16_t port = test::free_port();
    std::unique_ptr<server::ServerApp> app;
    void start() {
        server::ServeOptions o;
        o.data_dir = dir.path;
        o.listen = "127.0.0.1:" + std::to_string(port);
        auto a = server::ServerApp::start(o);
        REQUIRE(a);
        app = std::move(*a);
    }
    void stop() { app.reset(); }
    // `init --demo` on its directory; the demo accounts with their codes.
    std::vector<test::DemoAccount> init_demo() {
        test::init_data_dir(dir.path, true);
        return test::read_codes(dir.path);
    }
    std::optional<pb::Record> record(std::string_view collection, const std::string& id) {
        auto db = server::open_server_db(dir.path);
        REQUIRE(db);
        auto r = server::RecordTable{*db}.get(collection, id);
        REQUIRE(r);
        return *r;
    }
};

const test::DemoAccount* first_volunteer(const std::vector<test::DemoAccount>& accounts) {
    for (const auto& a : accounts)
        if (a.role == "volunteer") return &a;
    FAIL("no demo volunteer");
    return nullptr;
}

// A model's value by role name, as QML reads it.
QVariant cell(QObject* model, int row, const char* role) {
    auto* m = qobject_cast<QAbstractItemModel*>(model);
    REQUIRE(m);
    const auto names = m->roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        if (it.value() == role) return m->data(m->index(row, 0), it.key());
    FAIL("no role " << role);
    return {};
}
int rows(QObject* model) { return qobject_cast<QAbstractItemModel*>(model)->rowCount(); }

}  // namespace

TEST_CASE("A volunteer's day in the real app, offscreen, against a real server", "[app][e2e]") {
    Server server;
    const auto accounts = server.init_demo();
    const test::DemoAccount* volunteer = first_volunteer(accounts);
    server.start();

    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    // The volunteer's coordinator has put a photo on the volunteer's badge from their desk.
    {
        const test::DemoAccount* coordinator = nullptr;
        for (const auto& a : accounts)
            if (a.role == "coordinator" && a.district == volunteer->district) coordinator = &a;
        REQUIRE(coordinator);
        QImage face(480, 640, QImage::Format_RGB32);
        face.fill(QColor(0xE3, 0xEC, 0xF4));
        QPainter paint(&face);
        paint.setRenderHint(QPainter::Antialiasing);
        paint.setPen(Qt::NoPen);
        paint.setBrush(QColor(0x37, 0x47, 0x4F));
        paint.drawEllipse(QRectF(60, 420, 360, 360));  // shoulders
        paint.setBrush(QColor(0xF1, 0xC2, 0x9B));
        paint.drawEllipse(QRectF(150, 150, 180, 220));  // face
        paint.setBrush(QColor(0x26, 0x23, 0x1F));
        paint.drawChord(QRectF(140, 120, 200, 170), 0, 180 * 16);  // hair
        paint.end();
        const QString photo = tmp.filePath("face.jpg");
        REQUIRE(face.save(photo, "JPEG", 85));
        const std::filesystem::path desk = tmp.filePath("coordinator-desk").toStdString();
        test::must(desk, {"enroll", "--server", server.app->url(), "--code", coordinator->code, "--pin", server.app->pin()});
        test::must(desk, {"sync"});
        test::must(desk, {"user", "badge-photo", volunteer->user_id, photo.toStdString()});
        test::must(desk, {"sync"});
    }
    // The phone's GPS: a fix at Anshan's city centre (so the site may be far: a warning, not a block).
    const QString nmea = tmp.filePath("fix.nmea");
    { std::ofstream(nmea.toStdString()) << test::nmea_log_at(41.1086, 122.9946); }
    qputenv("DUCHA_NMEA_FILE", nmea.toUtf8());
    qputenv("DUCHA_SYNC_INTERVAL_S", "3600");  // only the passes this test asks for

    const QString profile = tmp.filePath("phone");
    std::string report_id;
    {
        auto engine = std::make_unique<app::AppEngine>(profile);
        // Every QML warning of the run is a failure (a binding loop, a required property unset).
        auto warnings = std::make_unique<test::QmlWarnings>(engine->engine());
        REQUIRE(engine->load());
        QQuickWindow* win = engine->window();
        REQUIRE(win);
        REQUIRE(win->width() == 390);  // the phone layout is the default window
        REQUIRE(win->height() == 844);
        AppDriver d(win);
        auto* App = &engine->session();
        auto* Sync = &engine->sync();

        // --- Enroll: open a photo of the enrollment QR, see the server, confirm.
        REQUIRE(d.waitFor([&] { return d.find("enrollPage") != nullptr; }));
        d.screenshot("01-enroll");
        const std::string link = sync::make_enroll_link({server.app->url(), volunteer->code, server.app->pin()});
        const QString qr = tmp.filePath("enroll-qr.png");
        REQUIRE(app::QrCode::render(QString::fromStdString(link), 600).save(qr));
        QVariant ok;
        REQUIRE(QMetaObject::invokeMethod(d.must("enrollPage"), "useImage", Q_RETURN_ARG(QVariant, ok),
                                          Q_ARG(QVariant, QUrl::fromLocalFile(qr).toString())));
        REQUIRE(ok.toBool());
        CHECK(d.prop("codeField", "text").toString().toStdString() == volunteer->code);
        CHECK(d.prop("confirmServer", "text").toString().toStdString() == server.app->url());
        d.screenshot("02-enroll-confirm");
        d.tap("enrollButton");
        REQUIRE(d.waitFor([&] { return App->enrolled(); }, 20000));
        CHECK(App->userName().toStdString() == volunteer->name);
        CHECK(d.prop("enrolledAs", "text").toString().contains(App->userName()));
        d.screenshot("03-enrolled");
        d.tap("enrollStartButton");

        // --- First sync: tasks arrive.
        REQUIRE(d.waitFor([&] { return d.find("taskModel") != nullptr; }));
        const bool synced = d.waitFor([&] { return !Sync->running() && Sync->lastCompleteSync() > 0; }, 30000);
        INFO("sync state " << Sync->state().toStdString() << ": " << Sync->lastError().toStdString());
        REQUIRE(synced);
        QObject* tasks = d.must("taskModel");
        REQUIRE(d.waitFor([&] { return tasks->property("count").toInt() > 0; }));
        CHECK(Sync->state() == "idle");
        CHECK(d.prop("syncBannerText", "text").toString().size() > 0);
        d.screenshot("04-today");
        d.screenshot("20-sync-banner-up-to-date");

        // --- My zones, one institution.
        d.set("tabs", "currentIndex", 1);
        QObject* insts = d.must("institutionModel");
        REQUIRE(d.waitFor([&] { return insts->property("count").toInt() > 0; }));
        d.screenshot("05-zones");
        QVariant instId = cell(insts, 0, "institutionId");
        REQUIRE(QMetaObject::invokeMethod(d.must("zonesPage"), "openInstitution", Q_ARG(QVariant, instId)));
        REQUIRE(d.waitFor([&] { return d.find("institutionPage") != nullptr; }));
        d.screenshot("06-institution");
        d.tap("institutionBack");
        d.set("tabs", "currentIndex", 0);

        // --- The network goes away. The volunteer inspects an open (not covert) task anyway.
        server.stop();
        QString task_id;
        for (int r = 0; r < rows(tasks); ++r)
            if (!cell(tasks, r, "covert").toBool()) {
                task_id = cell(tasks, r, "taskId").toString();
                break;
            }
        REQUIRE(!task_id.isEmpty());
        REQUIRE(QMetaObject::invokeMethod(win, "openInspection", Q_ARG(QVariant, task_id), Q_ARG(QVariant, false),
                                          Q_ARG(QVariant, false)));
        REQUIRE(d.waitFor([&] { return d.find("inspection") != nullptr && !d.prop("stack", "busy").toBool(); }));
        auto* session = qobject_cast<app::InspectionSession*>(d.must("inspection"));
        REQUIRE(session);
        REQUIRE(session->ready());
        REQUIRE(App->openInspection() == "task:" + task_id);

        // S1: check in (GPS from the log, flagged as a mock source).
        REQUIRE(session->currentStep() == 0);
        d.tap("checkInButton");
        const bool fixed = d.waitFor([&] { return session->gpsStatus() == "fixed"; }, 20000);
        INFO("gps status " << session->gpsStatus().toStdString());
        REQUIRE(fixed);
        CHECK(session->mockLocation());
        CHECK(std::abs(session->latitude() - 41.1086) < 1e-3);
        d.screenshot("07-step-S1-check-in");
        d.tap("nextButton");

        // S2: the badge, with its QR.
        REQUIRE(session->steps()[session->currentStep()].toMap().value("code") == "S2");
        REQUIRE(d.waitFor([&] { return d.find("badgeQr") != nullptr; }));
        d.screenshot("08-step-S2-badge");
        d.tap("nextButton");

        // S3..S7: every item; one critical item fails with a note and a photo.
        const QString photo = tmp.filePath("evidence.jpg"), visit_photo = tmp.filePath("visit.png");
        {
            QImage img(640, 480, QImage::Format_RGB32);
            img.fill(QColor(180, 40, 40));
            REQUIRE(img.save(photo, "JPG"));
            img.fill(QColor(40, 90, 160));
            REQUIRE(img.save(visit_photo, "PNG"));
        }
        bool failed_one = false;
        while (true) {
            const QString code = session->steps()[session->currentStep()].toMap().value("code").toString();
            if (code == "S8" || code == "review") break;
            QObject* model = nullptr;
            REQUIRE(d.waitFor([&] { return (model = d.find("stepModel")) && model->property("step").toString() == code; }));
            for (int r = 0; r < rows(model); ++r) {
                const QString item = cell(model, r, "code").toString();
                const QString severity = cell(model, r, "severity").toString();
                if (!failed_one && severity == "critical") {
                    session->setAnswer(item, "fail");
                    d.pump(50);
                    CHECK(!cell(model, r, "problem").toString().isEmpty());  // the view asks for a note
                    session->setItemNote(item, QStringLiteral("未公示办学许可证 / no permit on display"));
                    QVariant attached;
                    REQUIRE(QMetaObject::invokeMethod(d.must("inspectPage"), "attachPhoto", Q_RETURN_ARG(QVariant, attached),
                                                      Q_ARG(QVariant, QUrl::fromLocalFile(photo).toString()), Q_ARG(QVariant, item)));
                    REQUIRE(attached.toBool());
                    failed_one = true;
                } else {
                    d.tap("answer_" + item + "_pass");
                    CHECK(session->answer(item) == "pass");
                }
            }
            d.screenshot(QString("09-step-%1").arg(code));
            d.tap("nextButton");
        }
        REQUIRE(failed_one);

        // The app goes away mid-inspection and is opened again: it comes back on the same step
        // with the same answers, check-in and photos (every change was saved as it was made).
        const int step_before = session->currentStep();
        const int answered_before = session->answeredCount();
        const qint64 checked_in_at = session->checkInTime();
        INFO("QML warnings: " << warnings->text());
        CHECK(warnings->seen().isEmpty());
        engine.reset();
        engine = std::make_unique<app::AppEngine>(profile);
        warnings = std::make_unique<test::QmlWarnings>(engine->engine());
        REQUIRE(engine->load());
        win = engine->window();
        d = AppDriver(win);
        App = &engine->session();
        Sync = &engine->sync();
        REQUIRE(d.waitFor([&] { return d.find("inspection") != nullptr && !d.prop("stack", "busy").toBool(); }));
        session = qobject_cast<app::InspectionSession*>(d.must("inspection"));
        REQUIRE(session->ready());
        CHECK(session->taskId() == task_id);
        CHECK(session->currentStep() == step_before);
        CHECK(session->answeredCount() == answered_before);
        CHECK(session->checkInTime() == checked_in_at);
        CHECK(session->photos().size() == 1);
        REQUIRE(d.waitFor([&] { return !Sync->running(); }, 30000));

        // S8: a photo of the visit, a note, and the on-site signature drawn on the screen.
        REQUIRE(session->steps()[session->currentStep()].toMap().value("code") == "S8");
        QVariant attached;
        REQUIRE(QMetaObject::invokeMethod(d.must("inspectPage"), "attachPhoto", Q_RETURN_ARG(QVariant, attached),
                                          Q_ARG(QVariant, QUrl::fromLocalFile(visit_photo).toString()), Q_ARG(QVariant, QString())));
        REQUIRE(attached.toBool());
        session->setNotes(QStringLiteral("已告知负责人检查结果 / told the person in charge"));
        auto* area = qobject_cast<QQuickItem*>(d.must("signatureArea"));
        REQUIRE(area);
        // Bring the pad into view, then sign with two strokes of real mouse input.
        QQuickItem* pad = area->parentItem();
        REQUIRE(d.waitFor([&] { return pad->isVisible() && pad->width() > 100; }));
        auto scroll_into_view = [&] {
            QPointF p = pad->mapToScene(QPointF(0, 0));
            if (p.y() + pad->height() > win->height() - 60) {
                // ScrollView's flickable: move content so the pad is visible
                QQuickItem* flick = pad;
                while (flick && !flick->inherits("QQuickFlickable")) flick = flick->parentItem();
                if (flick) flick->setProperty("contentY", flick->property("contentY").toReal() + (p.y() + pad->height() - win->height() + 120));
                d.pump(100);
            }
        };
        scroll_into_view();
        std::vector<QPointF> stroke1, stroke2;
        for (int i = 0; i <= 20; ++i) stroke1.push_back({30.0 + i * 12, 120.0 + ((i % 4) < 2 ? -30 : 30)});
        for (int i = 0; i <= 10; ++i) stroke2.push_back({60.0 + i * 20, 170.0 - i * 3});
        d.drag(area, stroke1);
        d.drag(area, stroke2);
        REQUIRE(d.waitFor([&] { return session->hasSignature(); }));
        CHECK(session->signatureStrokes().size() == 2);
        d.screenshot("10-step-S8-signature");
        d.tap("nextButton");

        // Review: nothing missing; the failed critical item will flag the report.
        REQUIRE(session->steps()[session->currentStep()].toMap().value("code") == "review");
        INFO("problems: " << session->problems().join(" | ").toStdString());
        REQUIRE(session->problems().isEmpty());
        CHECK(session->willBeFlagged());
        d.screenshot("11-review");
        d.tap("submitButton");
        REQUIRE(d.waitFor([&] { return !session->submittedReportId().isEmpty(); }));
        report_id = session->submittedReportId().toStdString();
        d.screenshot("12-submitted");

        // Offline: the banner says so and counts what waits (report, evidence, photos).
        REQUIRE(d.waitFor([&] { return !Sync->running() && Sync->state() == "offline"; }, 30000));
        CHECK(Sync->pendingChanges() >= 3);
        CHECK(Sync->pendingPhotos() == 3);  // two photos and the signature
        CHECK(d.prop("syncBannerText", "text").toString().contains(QString::number(Sync->pendingChanges())));
        d.tap("doneButton");
        d.set("tabs", "currentIndex", 2);
        QObject* reports = d.must("reportModel");
        REQUIRE(d.waitFor([&] { return reports->property("count").toInt() == 1; }));
        CHECK(cell(reports, 0, "stage").toString() == "queued");
        d.screenshot("21-sync-banner-offline");
        d.screenshot("13-history-queued");

        // --- The network comes back: sync on demand from the banner.
        server.start();
        // Every state the banner goes through is recorded as it is announced (a pass can be over
        // before a poll would look), and the syncing banner is pictured the moment it shows.
        QStringList states;
        auto recorder = QObject::connect(Sync, &app::SyncController::changed, [&] {
            if (states.isEmpty() || states.back() != Sync->state()) {
                states << Sync->state();
                if (Sync->state() == "syncing" && states.count("syncing") == 1) d.screenshot("22-sync-banner-syncing");
            }
        });
        d.tap("syncNowButton");
        REQUIRE(d.waitFor([&] { return !Sync->running() && Sync->pendingChanges() == 0 && Sync->pendingPhotos() == 0; }, 60000));
        QObject::disconnect(recorder);
        INFO("banner states: " << states.join(" → ").toStdString());
        CHECK(states.contains("syncing"));
        REQUIRE(d.waitFor([&] { return rows(reports) == 1 && cell(reports, 0, "receiptSeq").toLongLong() > 0; }));
        const QString stage = cell(reports, 0, "stage").toString();
        CHECK((stage == "flagged" || stage == "received"));
        d.screenshot("14-history-received");
        d.screenshot("23-sync-banner-up-to-date");

        // Me: badge and language; the English UI too.
        d.set("tabs", "currentIndex", 3);
        CHECK(App->badgePhoto().size() == 64);  // the coordinator's photo came with the sync
        d.screenshot("15-me-badge");
        App->setLanguage("en");
        d.set("tabs", "currentIndex", 0);
        d.screenshot("16-today-english");
        App->setLanguage("zh");

        // A desktop window: the sections move from bottom tabs to a side rail.
        win->resize(1280, 800);
        REQUIRE(d.waitFor([&] { return !d.prop("tabs", "visible").toBool(); }));
        d.screenshot("17-desktop-today");
        INFO("QML warnings: " << warnings->text());
        CHECK(warnings->seen().isEmpty());
    }

    // --- On the server: the report, its signature, its photo and signature files.
    auto rec = server.record(domain::kReport, report_id);
    REQUIRE(rec);
    pb::Report r;
    REQUIRE(r.ParseFromString(rec->payload()));
    auto dev = server.record(domain::kDevice, r.device_id());
    REQUIRE(dev);
    pb::Device device;
    REQUIRE(device.ParseFromString(dev->payload()));
    CHECK(domain::verify_report_signature(report_id, r, device.public_key()));
    CHECK(r.flagged());
    CHECK(r.mock_location());
    CHECK(r.gps().lat() == Approx(41.1086).margin(1e-3));
    int photos = 0, signatures = 0;
    for (const auto& b : r.blobs()) {
        (b.kind() == "signature" ? signatures : photos)++;
        std::string hex;
        for (unsigned char c : b.sha256()) {
            char h[3];
            std::snprintf(h, sizeof h, "%02x", c);
            hex += h;
        }
        auto path = server.dir.path / "blobs" / hex.substr(0, 2) / hex;
        INFO("blob " << hex);
        REQUIRE(std::filesystem::exists(path));
        CHECK(static_cast<std::int64_t>(std::filesystem::file_size(path)) == b.size());
        if (b.kind() == "signature") {
            QImage sig(QString::fromStdString(path.string()), "PNG");
            CHECK(sig.width() == 600);
        }
    }
    CHECK(photos == 2);  // the failed item's photo and the visit's photo
    CHECK(signatures == 1);
    server.stop();
    qunsetenv("DUCHA_NMEA_FILE");
    qunsetenv("DUCHA_SYNC_INTERVAL_S");
}

TEST_CASE("A phone the restored server no longer knows is enrolled again from Me and sends what it held",
          "[app][e2e][backup]") {
    Server server;
    const auto accounts = server.init_demo();
    const test::DemoAccount* volunteer = first_volunteer(accounts);
    server.start();
    const std::string url = server.app->url(), pin = server.app->pin();
    test::TempDir keep;
    const auto backup = keep / "nightly.backup";
    REQUIRE(server::write_backup(server.dir.path, backup));

    // The phone was enrolled after that backup and started a task (acknowledged by the server).
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    qputenv("DUCHA_SYNC_INTERVAL_S", "3600");  // only the passes this test asks for
    const std::filesystem::path profile = tmp.filePath("phone").toStdString();
    test::must(profile, {"enroll", "--server", url, "--code", volunteer->code, "--pin", pin});
    test::must(profile, {"sync"});
    const std::string device_id = test::identity_of(profile).device_id;
    const auto tasks = test::cli_json(profile, {"tasks", "--json"});
    REQUIRE_FALSE(tasks.empty());
    const std::string task = tasks.at(0)["id"];
    test::must(profile, {"task-status", "--task", task, "--to", "in_progress"});
    test::must(profile, {"sync"});

    server.stop();
    REQUIRE(server::restore_backup(backup, server.dir.path));
    server.start();
    REQUIRE_FALSE(server.record(domain::kDevice, device_id).has_value());
    auto code = server::issue_enrollment_code(server.dir.path, volunteer->user_id, 3600);
    REQUIRE(code);

    auto engine = std::make_unique<app::AppEngine>(QString::fromStdString(profile.string()));
    auto warnings = std::make_unique<test::QmlWarnings>(engine->engine());
    QSignalSpy passes(&engine->sync(), &app::SyncController::finished);
    QSignalSpy enrolled(&engine->session(), &app::AppSession::enrollFinished);
    REQUIRE(engine->load());
    AppDriver d(engine->window());

    // Its first sync is refused, and the words say what to do.
    REQUIRE(d.waitFor([&] { return passes.count() >= 1; }, 30000));
    CHECK_FALSE(passes.at(0).at(0).toBool());
    const QString refused = passes.at(0).at(1).toString();
    INFO(refused.toStdString());
    CHECK((refused.contains(QStringLiteral("重新注册本手机")) || refused.contains("enroll this phone again")));

    // Me → Enroll this phone again, with the new code's link.
    d.set("tabs", "currentIndex", 3);
    d.tap("enrollAgainButton");
    REQUIRE(d.waitFor([&] { return d.prop("enrollAgainPopup", "opened").toBool(); }));
    QVariant ok;
    const std::string link = sync::make_enroll_link({url, *code, pin});
    REQUIRE(QMetaObject::invokeMethod(d.must("enrollAgainPage"), "useLink", Q_RETURN_ARG(QVariant, ok),
                                      Q_ARG(QVariant, QString::fromStdString(link))));
    REQUIRE(ok.toBool());
    d.screenshot("30-enroll-again");
    const int refused_passes = static_cast<int>(passes.count());
    // The form's own buttons (the first enrollment's page is long gone; look inside this one anyway).
    auto in_form = [&](const char* name) {
        auto found = d.must("enrollAgainPage")->findChildren<QObject*>(name);
        REQUIRE(found.size() == 1);
        return found.front();
    };
    REQUIRE(in_form("enrollButton")->property("enabled").toBool());
    REQUIRE(QMetaObject::invokeMethod(in_form("enrollButton"), "clicked"));  // confirm and enroll
    REQUIRE(d.waitFor([&] { return enrolled.count() >= 1; }, 20000));
    INFO(enrolled.at(0).at(1).toString().toStdString());
    REQUIRE(enrolled.at(0).at(0).toBool());

    // The same device again; the sync it starts sends the task's start the restore had lost.
    auto complete_since = [&](int from) {
        for (int i = from; i < passes.count(); ++i)
            if (passes.at(i).at(0).toBool()) return true;
        return false;
    };
    REQUIRE(d.waitFor([&] { return complete_since(refused_passes); }, 30000));
    CHECK(test::identity_of(profile).device_id == device_id);
    CHECK(server.record(domain::kDevice, device_id).has_value());
    auto t = server.record(domain::kTask, task);
    REQUIRE(t);
    pb::Task stored;
    REQUIRE(stored.ParseFromString(t->payload()));
    CHECK(stored.status() == "in_progress");
    REQUIRE(QMetaObject::invokeMethod(in_form("enrollStartButton"), "clicked"));
    REQUIRE(d.waitFor([&] { return !d.prop("enrollAgainPopup", "visible").toBool(); }));
    engine.reset();
}
