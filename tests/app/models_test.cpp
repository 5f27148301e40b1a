// The app's C++ facades and list models (everything QML binds to), against a real in-process
// ducha-server with the demo data on 127.0.0.1 and real SQLite device profiles. A profile dir is a
// device: it is enrolled and synced with the `ducha` CLI in-process, then opened by AppSession.
//
// Every test case is its own composition root: it constructs the AppSession on its stack, then the
// SyncController over it, then the models and facades with that session, so the models die first.
// Where a test must look at the outbox before the app syncs it, the SyncController is made after
// that look (a submitted inspection is sent at once only when a controller follows the session).
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>
#include <QVariantMap>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "ducha.pb.h"
#include "mobile/app/app_session.h"
#include "mobile/app/checklist_step_model.h"
#include "mobile/app/inspection_session.h"
#include "mobile/app/institution_list_model.h"
#include "mobile/app/report_list_model.h"
#include "mobile/app/sync_controller.h"
#include "mobile/app/task_list_model.h"
#include "mobile/app/zone_list_model.h"
#include "mobile/support/qr_code.h"
#include "shared/domain/collections.h"
#include "shared/sync/enroll_link.h"
#include "support/cli_steps.h"
#include "app/app_driver.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::app;
namespace fs = std::filesystem;

namespace {

constexpr int kNetTimeoutMs = 60000;

QString qs(const std::string& s) { return QString::fromStdString(s); }
QString qpath(const fs::path& p) { return QString::fromStdString(p.string()); }

// A device: a profile dir enrolled with the demo account and synced once, by the CLI.
fs::path enrolledDevice(test::TestServer& server, const test::TempDir& tmp, const std::string& role = "volunteer",
                        int n = 0) {
    const fs::path dir = tmp / ("device-" + role + "-" + std::to_string(n));
    const auto& acc = server.account(role, n);
    test::must(dir, {"enroll", "--server", server.url(), "--code", acc.code, "--pin", server.pin(), "--name",
                     "models-test"});
    test::must(dir, {"sync"});
    return dir;
}

bool waitFor(const std::function<bool()>& pred, int timeoutMs = kNetTimeoutMs) {
    return QTest::qWaitFor(pred, timeoutMs);
}

// Runs one sync pass through the controller and waits for its `finished`; returns its arguments.
QList<QVariant> syncPass(SyncController& sync) {
    QSignalSpy spy(&sync, &SyncController::finished);
    sync.syncNow();
    REQUIRE(waitFor([&] { return spy.count() >= 1; }));
    return spy.takeFirst();
}

// A small real image file (JPEG when the plugin is there, else PNG); returns the mime it has.
QString writePhoto(const fs::path& path, QColor color = QColor(40, 120, 60)) {
    QImage img(96, 64, QImage::Format_RGB32);
    img.fill(color);
    QPainter p(&img);
    p.setPen(Qt::white);
    p.drawRect(10, 10, 50, 30);
    p.drawLine(0, 0, 95, 63);
    p.end();
    const bool jpeg = QImageWriter::supportedImageFormats().contains("jpeg");
    REQUIRE(img.save(qpath(path), jpeg ? "JPEG" : "PNG"));
    return jpeg ? "image/jpeg" : "image/png";
}

// NMEA 0183: "$" + body + "*" + XOR of the body's bytes as two hex digits.
// A recorded GPS log at 41.11 N, 122.99 E.
fs::path writeNmeaLog(const fs::path& path) {
    test::write_file(path, test::nmea_log_at(41.11, 122.99));
    return path;
}

// Sets DUCHA_NMEA_FILE for the check-in of one session, and puts back what was there after.
struct NmeaEnv {
    explicit NmeaEnv(const fs::path& file)
        : had(qEnvironmentVariableIsSet("DUCHA_NMEA_FILE")), old(qgetenv("DUCHA_NMEA_FILE")) {
        qputenv("DUCHA_NMEA_FILE", file.string().c_str());
    }
    ~NmeaEnv() {
        if (had) qputenv("DUCHA_NMEA_FILE", old);
        else qunsetenv("DUCHA_NMEA_FILE");
    }
    bool had;
    QByteArray old;
};

// A signature as the pad hands it over: strokes of {x, y} maps on a 300 x 150 canvas.
QVariantList signatureStrokes() {
    QVariantList first, second;
    for (int i = 0; i <= 10; ++i) first << QVariantMap{{"x", 20.0 + i * 25}, {"y", i % 2 ? 40.0 : 110.0}};
    for (int i = 0; i <= 4; ++i) second << QVariantMap{{"x", 60.0 + i * 40}, {"y", 130.0}};
    return {QVariant(first), QVariant(second)};
}

// Checks in with the recorded log and waits for the fix.
void checkInWithLog(InspectionSession& s, const fs::path& log) {
    NmeaEnv env(log);
    s.checkIn();
    CHECK(s.checkedIn());
    REQUIRE(waitFor([&] { return s.gpsStatus() == "fixed" || s.gpsStatus() == "unavailable"; }, 20000));
    REQUIRE(s.gpsStatus() == "fixed");
    CHECK(std::isfinite(s.latitude()));
    CHECK(std::isfinite(s.longitude()));
}

void answerAll(InspectionSession& s, const QString& result = "pass") {
    for (const auto& i : s.checklist().items())
        if (s.applies(i)) s.setAnswer(qs(i.code()), result);
}

QStringList stepCodes(const InspectionSession& s) {
    QStringList out;
    for (const auto& v : s.steps()) out << v.toMap().value("code").toString();
    return out;
}

bool anyContains(const QStringList& list, const QString& needle) {
    return std::any_of(list.begin(), list.end(), [&](const QString& x) { return x.contains(needle); });
}

// The first task of mine that is open and (not) covert, from the model.
std::optional<TaskListModel::Row> findTask(const TaskListModel& tasks, bool covert) {
    for (const auto& r : tasks.rows())
        if (r.covert == covert && (r.status == "open" || r.status == "in_progress")) return r;
    return std::nullopt;
}

struct Outbox {
    std::vector<sync::OutboxItem> items;
    std::vector<const sync::OutboxItem*> of(std::string_view collection) const {
        std::vector<const sync::OutboxItem*> out;
        for (const auto& o : items)
            if (o.mutation.collection() == collection) out.push_back(&o);
        return out;
    }
};

Outbox readOutbox(AppSession& app) {
    auto o = app.profile()->store().outbox(true);
    REQUIRE(o.has_value());
    return {std::move(*o)};
}

std::optional<ReportListModel::Row> reportRow(const ReportListModel& m, const QString& id) {
    for (const auto& r : m.rows())
        if (r.id == id) return r;
    return std::nullopt;
}

}  // namespace

// ------------------------------------------------------------------------------ AppSession

TEST_CASE("AppSession parses enrollment links and QR images and enrolls through the facade", "[app][enroll]") {
    test::TestServer server;
    test::TempDir tmp;
    const auto& acc = server.account("volunteer");
    const fs::path dir = tmp / "device";
    {
        AppSession app(qpath(dir));
        SyncController sync(&app);
        TaskListModel tasks(&app);
        REQUIRE(app.profile() != nullptr);
        CHECK(app.storageError().isEmpty());
        CHECK_FALSE(app.enrolled());
        CHECK(app.userName().isEmpty());
        CHECK(app.language() == "zh");
        CHECK(tasks.count() == 0);

        const QString link = qs(sync::make_enroll_link({server.url(), acc.code, server.pin()}));
        SECTION("links") {
            auto m = app.parseEnrollLink(link);
            CHECK_FALSE(m.contains("error"));
            CHECK(m.value("server").toString() == qs(server.url()));
            CHECK(m.value("code").toString() == qs(acc.code));
            CHECK(m.value("pin").toString() == qs(server.pin()));
            CHECK(m.value("host").toString() == "127.0.0.1");
            // Surrounding whitespace (a pasted link) is fine.
            CHECK(app.parseEnrollLink("  " + link + "\n").value("code").toString() == qs(acc.code));

            for (const QString& junk : {QString("hello"), QString("https://example.com/enroll?code=X"), QString(),
                                       QString("ducha://enroll?server=http%3A%2F%2Fx&code=A")}) {
                auto bad = app.parseEnrollLink(junk);
                INFO(junk.toStdString());
                CHECK_FALSE(bad.contains("server"));
                CHECK_FALSE(bad.value("error").toString().isEmpty());
                if (!junk.startsWith("ducha://")) CHECK(bad.value("error").toString().contains("ducha://enroll"));
            }
        }
        SECTION("QR images") {
            const QByteArray png = QrCode::renderPng(link, 400);
            REQUIRE_FALSE(png.isEmpty());
            const fs::path file = tmp / "enroll.png";
            test::write_file(file, std::string_view(png.constData(), static_cast<std::size_t>(png.size())));
            for (const QString& where : {qpath(file), QUrl::fromLocalFile(qpath(file)).toString()}) {
                INFO(where.toStdString());
                auto m = app.readEnrollImage(where);
                CHECK_FALSE(m.contains("error"));
                CHECK(m.value("server").toString() == qs(server.url()));
                CHECK(m.value("code").toString() == qs(acc.code));
                CHECK(m.value("pin").toString() == qs(server.pin()));
                CHECK(m.value("host").toString() == "127.0.0.1");
            }
            // A QR code of something else decodes but is not an enrollment link.
            const fs::path other = tmp / "other.png";
            const QByteArray otherPng = QrCode::renderPng("https://example.com", 300);
            test::write_file(other, std::string_view(otherPng.constData(), static_cast<std::size_t>(otherPng.size())));
            CHECK(app.readEnrollImage(qpath(other)).value("error").toString().contains("ducha://enroll"));

            const fs::path text = tmp / "notes.txt";
            test::write_file(text, "this is not an image at all\n");
            auto bad = app.readEnrollImage(qpath(text));
            CHECK_FALSE(bad.contains("server"));
            CHECK_FALSE(bad.value("error").toString().isEmpty());
            auto missing = app.readEnrollImage(qpath(tmp / "no-such-file.png"));
            CHECK_FALSE(missing.value("error").toString().isEmpty());
        }
        SECTION("enroll: a wrong code fails, then the right one succeeds") {
            QSignalSpy done(&app, &AppSession::enrollFinished);
            QSignalSpy busy(&app, &AppSession::busyChanged);
            app.enroll(qs(server.url()), "WRONG-0000", qs(server.pin()));
            CHECK(app.busy());
            REQUIRE(waitFor([&] { return done.count() >= 1; }));
            CHECK_FALSE(done.at(0).at(0).toBool());
            CHECK_FALSE(done.at(0).at(1).toString().isEmpty());
            CHECK_FALSE(app.busy());
            CHECK(busy.count() >= 2);
            CHECK_FALSE(app.enrolled());
            CHECK(app.userId().isEmpty());
            done.clear();

            QSignalSpy ident(&app, &AppSession::identityChanged);
            app.enroll(" " + qs(server.url()) + " ", qs(acc.code), qs(server.pin()));
            REQUIRE(waitFor([&] { return done.count() >= 1; }));
            INFO(done.at(0).at(1).toString().toStdString());
            REQUIRE(done.at(0).at(0).toBool());
            CHECK(ident.count() >= 1);
            CHECK(app.enrolled());
            CHECK(app.userName() == qs(acc.name));
            CHECK(app.userId() == qs(acc.user_id));
            CHECK(app.role() == "volunteer");
            CHECK(app.serverUrl() == qs(server.url()));
            CHECK_FALSE(app.deviceId().isEmpty());

            // The replica is empty until the first sync; the models follow replicaChanged.
            CHECK(tasks.count() == 0);
            auto fin = syncPass(sync);
            CHECK(fin.at(0).toBool());
            CHECK(fin.at(1).toString().isEmpty());
            CHECK(sync.state() == "idle");
            CHECK(sync.lastCompleteSync() > 0);
            CHECK(tasks.count() > 0);
            CHECK_FALSE(app.districtName().isEmpty());

            // The same code again from this phone (its first answer lost, as far as the server can
            // tell): the same enrollment, the same device, new tokens; never a second device.
            const QString device = app.deviceId();
            done.clear();
            app.enroll(qs(server.url()), qs(acc.code), qs(server.pin()));
            REQUIRE(waitFor([&] { return done.count() >= 1; }));
            CHECK(done.at(0).at(0).toBool());
            CHECK(app.deviceId() == device);
            CHECK(app.userName() == qs(acc.name));

            QSignalSpy lang(&app, &AppSession::languageChanged);
            app.setLanguage("fr");  // not a language of the app: ignored
            CHECK(app.language() == "zh");
            CHECK(lang.count() == 0);
            app.setLanguage("en");
            CHECK(app.language() == "en");
            CHECK(lang.count() == 1);
            CHECK(app.pick("中文", "English") == "English");
        }
    }
    // A new AppSession on the same dir: same device, same language (when the last section set it).
    AppSession again(qpath(dir));
    if (again.enrolled()) {
        CHECK(again.language() == "en");
        CHECK(again.userName() == qs(acc.name));
        CHECK(again.role() == "volunteer");
    } else {
        CHECK(again.language() == "zh");
    }
}

// ------------------------------------------------------------------------------ TaskListModel

TEST_CASE("TaskListModel lists my tasks most urgent first", "[app][tasks]") {
    test::TestServer server;
    test::TempDir tmp;
    const fs::path dir = enrolledDevice(server, tmp);
    AppSession app(qpath(dir));
    SyncController sync(&app);
    TaskListModel tasks(&app);
    REQUIRE(app.enrolled());
    const std::string me = app.userId().toStdString();

    // What the replica holds: tasks of mine, open or finished, and others' tasks in my district.
    std::set<QString> mineOpen, mineFinished;
    int others = 0;
    auto all = app.profile()->store().list(domain::kTask);
    REQUIRE(all.has_value());
    for (const auto& rec : *all) {
        pb::Task t;
        REQUIRE(t.ParseFromString(rec.payload()));
        const bool mine = std::find(t.assignees().begin(), t.assignees().end(), me) != t.assignees().end();
        if (!mine) {
            ++others;
            continue;
        }
        const bool finished = t.status() == "done" || t.status() == "cancelled" || t.status() == "submitted";
        (finished ? mineFinished : mineOpen).insert(qs(rec.id()));
    }
    // (A volunteer's replica holds hardly any task of others: the coordinator case below covers that.)
    (void)others;
    REQUIRE_FALSE(mineOpen.empty());

    std::set<QString> listed;
    for (const auto& r : tasks.rows()) listed.insert(r.id);
    CHECK(listed == mineOpen);
    CHECK(tasks.count() == static_cast<int>(mineOpen.size()));
    CHECK(tasks.rowCount() == tasks.count());

    // The core's order (shared/domain/task_rules.h): overdue first, then priority ascending, then due
    // ascending (no due time last), then the id.
    auto key = [](const TaskListModel::Row& r) {
        return std::make_tuple(!r.overdue, r.priority, r.due ? r.due : std::numeric_limits<qint64>::max(), r.id);
    };
    auto checkOrder = [&] {
        for (std::size_t i = 0; i + 1 < tasks.rows().size(); ++i) {
            INFO("rows " << i << " and " << i + 1);
            CHECK(key(tasks.rows()[i]) <= key(tasks.rows()[i + 1]));
        }
    };
    checkOrder();
    int overdue = 0;
    for (const auto& r : tasks.rows()) {
        overdue += r.overdue;
        CHECK(r.priority >= 1);
        CHECK(r.priority <= 5);
        CHECK_FALSE(r.title.isEmpty());
        CHECK_FALSE(r.institutionName.isEmpty());
    }
    CHECK(tasks.overdueCount() == overdue);

    const auto roles = tasks.roleNames();
    for (const char* name : {"taskId", "covert", "overdue", "priority", "due", "status", "institutionName", "hasDraft"})
        CHECK(roles.values().contains(QByteArray(name)));
    for (int row = 0; row < tasks.count(); ++row) {
        const QVariantMap m = tasks.get(row);
        CHECK(m.size() == roles.size());
        for (auto it = roles.begin(); it != roles.end(); ++it) {
            INFO("row " << row << " role " << it.value().toStdString());
            CHECK(m.value(QString::fromUtf8(it.value())) == tasks.data(tasks.index(row), it.key()));
        }
        CHECK(m.value("taskId").toString() == tasks.rows()[static_cast<std::size_t>(row)].id);
    }
    CHECK(tasks.get(-1).isEmpty());
    CHECK(tasks.get(tasks.count()).isEmpty());
    CHECK_FALSE(tasks.data(tasks.index(0), Qt::DisplayRole).isValid());

    // Finished tasks (done, submitted, cancelled) only when asked for.
    QSignalSpy counted(&tasks, &TaskListModel::countChanged);
    QSignalSpy toggled(&tasks, &TaskListModel::showFinishedChanged);
    tasks.setShowFinished(true);
    CHECK(toggled.count() == 1);
    CHECK(counted.count() >= 1);
    CHECK(tasks.count() == static_cast<int>(mineOpen.size() + mineFinished.size()));
    int finishedRows = 0;
    for (const auto& r : tasks.rows()) {
        if (r.status == "done" || r.status == "submitted" || r.status == "cancelled") {
            ++finishedRows;
            CHECK_FALSE(r.overdue);  // a finished task is never overdue
        }
    }
    CHECK(finishedRows == static_cast<int>(mineFinished.size()));
    if (mineFinished.empty()) WARN("the demo volunteer has no finished task");
    checkOrder();
    tasks.setShowFinished(false);
    CHECK(tasks.count() == static_cast<int>(mineOpen.size()));

    // Filtered to one institution.
    const QString inst = tasks.rows().front().institutionId;
    tasks.setInstitutionId(inst);
    CHECK(tasks.count() >= 1);
    for (const auto& r : tasks.rows()) CHECK(r.institutionId == inst);
    tasks.setInstitutionId({});
    CHECK(tasks.count() == static_cast<int>(mineOpen.size()));

    // Labels follow the language.
    app.setLanguage("en");
    CHECK(tasks.data(tasks.index(0), TaskListModel::KindLabelRole).toString() ==
          TaskListModel::kindLabel(tasks.rows().front().kind, true));
    CHECK(TaskListModel::statusLabel("open", true) == "To do");
}

TEST_CASE("TaskListModel leaves out the tasks of others that a coordinator's replica holds", "[app][tasks]") {
    test::TestServer server;
    test::TempDir tmp;
    const fs::path dir = enrolledDevice(server, tmp, "coordinator");
    AppSession app(qpath(dir));
    SyncController sync(&app);
    TaskListModel tasks(&app);
    REQUIRE(app.enrolled());
    CHECK(app.role() == "coordinator");
    const std::string me = app.userId().toStdString();

    std::set<QString> mine;
    int inReplica = 0;
    auto all = app.profile()->store().list(domain::kTask);
    REQUIRE(all.has_value());
    for (const auto& rec : *all) {
        pb::Task t;
        REQUIRE(t.ParseFromString(rec.payload()));
        ++inReplica;
        const bool finished = t.status() == "done" || t.status() == "cancelled" || t.status() == "submitted";
        if (!finished && std::find(t.assignees().begin(), t.assignees().end(), me) != t.assignees().end())
            mine.insert(qs(rec.id()));
    }
    REQUIRE(inReplica > static_cast<int>(mine.size()));  // the district's tasks, made for volunteers
    std::set<QString> listed;
    for (const auto& r : tasks.rows()) listed.insert(r.id);
    CHECK(listed == mine);
    tasks.setShowFinished(true);
    CHECK(tasks.count() < inReplica);
}

// ------------------------------------------------------------------------------ InstitutionListModel, ZoneListModel

TEST_CASE("InstitutionListModel filters and searches my institutions and ZoneListModel lists my zones",
          "[app][institutions]") {
    test::TestServer server;
    test::TempDir tmp;
    const fs::path dir = enrolledDevice(server, tmp);
    AppSession app(qpath(dir));
    SyncController sync(&app);
    InstitutionListModel insts(&app);
    ZoneListModel zones(&app);

    const int total = insts.total();
    REQUIRE(total > 1);
    CHECK(insts.count() == total);
    CHECK(insts.filter() == "all");
    // Key targets first, then the most complaints.
    for (std::size_t i = 0; i + 1 < insts.rows().size(); ++i) {
        const auto& a = insts.rows()[i];
        const auto& b = insts.rows()[i + 1];
        CHECK(a.keyTarget >= b.keyTarget);
        if (a.keyTarget == b.keyTarget) CHECK(a.complaints >= b.complaints);
    }

    QSignalSpy filterChanged(&insts, &InstitutionListModel::filterChanged);
    insts.setFilter("licensed");
    const int licensed = insts.count();
    for (const auto& r : insts.rows()) CHECK(r.licensed);
    insts.setFilter("unlicensed");
    const int unlicensed = insts.count();
    for (const auto& r : insts.rows()) CHECK_FALSE(r.licensed);
    CHECK(licensed + unlicensed == total);
    CHECK(insts.total() == total);
    insts.setFilter("key_target");
    for (const auto& r : insts.rows()) CHECK(r.keyTarget);
    insts.setFilter("");  // empty means all
    CHECK(insts.filter() == "all");
    CHECK(insts.count() == total);
    CHECK(filterChanged.count() == 4);

    // Search: a part of the first row's name finds it and fewer than all.
    const auto first = insts.rows().front();
    const QString part = first.name.size() > 3 ? first.name.mid(1, first.name.size() - 2) : first.name;
    insts.setSearch(part);
    CHECK(insts.count() >= 1);
    CHECK(insts.count() < total);
    CHECK(std::any_of(insts.rows().begin(), insts.rows().end(), [&](const auto& r) { return r.id == first.id; }));
    for (const auto& r : insts.rows())
        CHECK((r.name.contains(part, Qt::CaseInsensitive) || r.address.contains(part, Qt::CaseInsensitive) ||
               r.community.contains(part, Qt::CaseInsensitive)));
    insts.setSearch("no institution is called this 𝔵𝔶𝔷");
    CHECK(insts.count() == 0);
    // byId sees rows the filter hides.
    const QVariantMap byId = insts.byId(first.id);
    CHECK(byId.value("institutionId").toString() == first.id);
    CHECK(byId.value("name").toString() == first.name);
    CHECK(byId.value("licensed").toBool() == first.licensed);
    CHECK(byId.value("zoneId").toString() == first.zoneId);
    CHECK(insts.byId("no-such-id").isEmpty());
    insts.setSearch({});
    CHECK(insts.count() == total);

    // Role names and data agree with the rows.
    const auto roles = insts.roleNames();
    for (const char* name : {"institutionId", "name", "licensed", "zoneId", "fieldReported", "lastInspected"})
        CHECK(roles.values().contains(QByteArray(name)));
    CHECK(insts.data(insts.index(0), InstitutionListModel::NameRole).toString() == insts.rows().front().name);
    CHECK(insts.data(insts.index(0), InstitutionListModel::IdRole).toString() == insts.rows().front().id);

    // One zone.
    REQUIRE_FALSE(first.zoneId.isEmpty());
    insts.setZoneId(first.zoneId);
    CHECK(insts.count() >= 1);
    CHECK(insts.count() <= total);
    for (const auto& r : insts.rows()) CHECK(r.zoneId == first.zoneId);
    const int inZone = insts.count();
    insts.setZoneId({});
    CHECK(insts.count() == total);

    // Zones: assigned ones first; each one's institution count matches the institutions list.
    REQUIRE(zones.count() > 0);
    CHECK(zones.rows().front().assigned);
    for (std::size_t i = 0; i + 1 < zones.rows().size(); ++i)
        CHECK(zones.rows()[i].assigned >= zones.rows()[i + 1].assigned);
    int sum = 0;
    bool sawFirstZone = false;
    for (const auto& z : zones.rows()) {
        CHECK_FALSE(z.name.isEmpty());
        insts.setZoneId(z.id);
        CHECK(z.institutions == insts.count());
        sum += z.institutions;
        if (z.id == first.zoneId) {
            sawFirstZone = true;
            CHECK(z.institutions == inZone);
        }
    }
    insts.setZoneId({});
    CHECK(sawFirstZone);
    CHECK(sum <= total);
    CHECK(zones.data(zones.index(0), ZoneListModel::AssignedRole).toBool());
    CHECK(zones.roleNames().values().contains("institutionCount"));
}

// ------------------------------------------------------------------------------ InspectionSession

TEST_CASE("An inspection is filled in step by step then submitted to the outbox and synced", "[app][inspection]") {
    test::TestServer server;
    test::TempDir tmp;
    const fs::path dir = enrolledDevice(server, tmp);
    const fs::path log = writeNmeaLog(tmp / "fix.nmea");
    const auto reportsBefore = server.count("report");
    const auto evidenceBefore = server.count("evidence");

    AppSession app(qpath(dir));
    app.setLanguage("en");
    std::optional<SyncController> sync;  // made after the outbox was inspected (see the top)
    TaskListModel tasks(&app);
    ReportListModel reports(&app);
    REQUIRE(app.enrolled());
    CHECK(reports.count() == 0);

    // A covert visit (暗访) has no badge step and takes no signature.
    if (auto covert = findTask(tasks, true)) {
        InspectionSession c(&app);
        c.setTaskId(covert->id);
        REQUIRE(c.ready());
        CHECK(c.covert());
        const QStringList codes = stepCodes(c);
        CHECK(codes.front() == "S1");
        CHECK(codes.back() == "review");
        CHECK_FALSE(codes.contains("S2"));
        CHECK(codes.contains("S8"));
        CHECK_FALSE(c.stepApplies("S2"));
        CHECK_FALSE(anyContains(c.problems(), "signature"));
        c.discard();
        CHECK_FALSE(c.ready());
        CHECK(app.openInspection().isEmpty());
    } else {
        WARN("the demo volunteer has no open covert task: the covert steps are not checked here");
    }

    auto task = findTask(tasks, false);
    REQUIRE(task.has_value());
    const QString taskId = task->id;
    const QString photoPath = qpath(tmp / "l1.jpg");
    const QString photoMime = writePhoto(tmp / "l1.jpg");
    const QVariantList strokes = signatureStrokes();

    auto s = std::make_unique<InspectionSession>(&app);
    QSignalSpy loaded(s.get(), &InspectionSession::loaded);
    s->setTaskId(taskId);
    CHECK(loaded.count() >= 1);
    REQUIRE(s->ready());
    CHECK(s->loadError().isEmpty());
    CHECK_FALSE(s->covert());
    CHECK(s->institutionName() == task->institutionName);
    CHECK(s->title() == task->title);
    CHECK(app.openInspection() == "task:" + taskId);

    const QStringList codes = stepCodes(*s);
    INFO("steps: " << codes.join(",").toStdString());
    CHECK(codes.front() == "S1");
    CHECK(codes.back() == "review");
    CHECK(codes.contains("S2"));
    for (const char* c : {"S3", "S4", "S5", "S6", "S7", "S8"}) CHECK(codes.contains(c));
    CHECK(s->stepTitle(0) == s->steps().front().toMap().value("title").toString());
    CHECK(s->stepTitle(codes.size()).isEmpty());

    // Nothing answered yet.
    CHECK(s->answeredCount() == 0);
    CHECK(s->applicableCount() > 0);
    CHECK_FALSE(s->canSubmit());
    CHECK(anyContains(s->problems(), "not checked in"));
    CHECK(anyContains(s->problems(), "signature"));

    // Every applicable item passes, except L1 (critical, photo on fail).
    answerAll(*s);
    s->setAnswer("L1", "fail");
    s->setAnswer("L1", "maybe");  // not a result: ignored
    CHECK(s->answer("L1") == "fail");
    CHECK(s->answeredCount() == s->applicableCount());
    // A critical item failed: the report will be flagged, note or not.
    CHECK(s->willBeFlagged());
    CHECK(anyContains(s->problems(), "a failed item needs a note: L1"));
    {
        // Each problem leads to the step where it is fixed: L1's to S3, the check-in's to S1.
        const QStringList ps = s->problems();
        const QVariantList steps = s->steps();
        for (int i = 0; i < ps.size(); ++i) {
            const int at = s->problemStep(i);
            REQUIRE(at >= 0);
            const QString code = steps[at].toMap().value("code").toString();
            if (ps[i].contains("L1")) CHECK(code == "S3");
            if (ps[i].contains("not checked in")) CHECK(code == "S1");
            if (ps[i].contains("signature")) CHECK(code == "S8");
        }
        CHECK(s->problemStep(ps.size()) == -1);
    }
    CHECK_FALSE(anyContains(s->problems(), "needs a photo: L1"));
    s->setItemNote("L1", "   ");  // blank is no note
    CHECK(anyContains(s->problems(), "a failed item needs a note: L1"));
    s->setItemNote("L1", "no school-running permit on display");
    CHECK(s->willBeFlagged());
    CHECK_FALSE(anyContains(s->problems(), "needs a note: L1"));
    CHECK(anyContains(s->problems(), "a failed item needs a photo: L1"));

    // A file that is not an image is refused; a real photo clears the problem.
    const fs::path notImage = tmp / "fake.jpg";
    test::write_file(notImage, "plain text, not a JPEG");
    CHECK_FALSE(s->addPhoto(qpath(notImage), "L1"));
    CHECK_FALSE(s->lastError().isEmpty());
    CHECK_FALSE(s->addPhoto(qpath(tmp / "missing.jpg"), "L1"));
    CHECK(s->photoCount("L1") == 0);
    REQUIRE(s->addPhoto(QUrl::fromLocalFile(photoPath).toString(), "L1"));
    CHECK(s->lastError().isEmpty());
    CHECK(s->addPhoto(photoPath, "L1"));  // the same photo twice is one photo
    CHECK(s->photoCount("L1") == 1);
    REQUIRE(s->photos().size() == 1);
    const QVariantMap photo = s->photos().front().toMap();
    CHECK(photo.value("itemCode").toString() == "L1");
    CHECK(photo.value("mime").toString() == photoMime);
    CHECK(photo.value("size").toLongLong() == QFile(photoPath).size());
    CHECK(photo.value("sha256").toString().size() == 64);
    CHECK_FALSE(anyContains(s->problems(), "L1"));

    // Check-in from the recorded GPS log: a fix, reported as a mock location.
    checkInWithLog(*s, log);
    CHECK(s->checkedIn());
    CHECK(s->checkInTime() > 0);
    CHECK(s->mockLocation());
    CHECK(s->latitude() == Approx(41.11).margin(1e-4));
    CHECK(s->longitude() == Approx(122.99).margin(1e-4));
    CHECK(s->fixAgeMs() >= 0);
    // Unknown accuracy is -1, never NaN: the draft is JSON, where NaN is written as null (and then
    // fails to load), and the report would carry NaN. A log without a UERE gives no accuracy.
    INFO("accuracy " << s->accuracy());
    CHECK((s->accuracy() == -1 || (std::isfinite(s->accuracy()) && s->accuracy() >= 0)));
    CHECK(s->farFromSite() == (s->distance() > InspectionSession::kFarMetres));
    CHECK_FALSE(anyContains(s->problems(), "not checked in"));

    // The on-site signature; a tap alone would not be one.
    s->setSignature(QVariantList{QVariant(QVariantList{QVariantMap{{"x", 5.0}, {"y", 5.0}}})}, 300, 150);
    CHECK_FALSE(s->hasSignature());
    s->setSignature(strokes, 300, 150);
    CHECK(s->hasSignature());
    s->setNotes("school-run permit missing; manager present");
    s->setCurrentStep(4);
    CHECK(s->currentStep() == 4);
    s->setCurrentStep(1000);  // clamped to the review step
    CHECK(s->currentStep() == codes.size() - 1);
    s->setCurrentStep(5);
    INFO("problems: " << s->problems().join(" | ").toStdString());
    CHECK(s->problems().isEmpty());
    CHECK(s->canSubmit());

    // The task shows its draft.
    tasks.reload();
    CHECK(std::any_of(tasks.rows().begin(), tasks.rows().end(), [&](const auto& r) { return r.id == taskId && r.hasDraft; }));
    const qint64 checkInTime = s->checkInTime();

    // Submit: one signed report, its evidence (the photo and the signature), all in the outbox.
    QSignalSpy submitted(s.get(), &InspectionSession::submitted);
    REQUIRE(s->submit());
    CHECK(s->lastError().isEmpty());
    const QString reportId = s->submittedReportId();
    REQUIRE_FALSE(reportId.isEmpty());
    REQUIRE(submitted.count() == 1);
    CHECK(submitted.at(0).at(0).toString() == reportId);

    const Outbox outbox = readOutbox(app);
    const auto reportMuts = outbox.of(domain::kReport);
    REQUIRE(reportMuts.size() == 1);
    CHECK(qs(reportMuts.front()->mutation.id()) == reportId);
    CHECK(reportMuts.front()->state == "pending");
    pb::Report rep;
    REQUIRE(rep.ParseFromString(reportMuts.front()->mutation.payload()));
    CHECK(qs(rep.task_id()) == taskId);
    CHECK(qs(rep.user_id()) == app.userId());
    CHECK(rep.mock_location());
    CHECK(rep.flagged());
    CHECK_FALSE(rep.covert());
    CHECK_FALSE(rep.unlisted());
    CHECK(rep.gps().lat() == Approx(41.11).margin(1e-4));
    CHECK(std::isfinite(rep.gps_accuracy_m()));
    CHECK(rep.notes() == "school-run permit missing; manager present");
    CHECK(rep.device_time() == checkInTime);
    CHECK_FALSE(rep.signature().empty());
    for (const auto& a : rep.answers()) {
        if (a.code() == "L1") {
            CHECK(a.result() == "fail");
            CHECK(a.note() == "no school-running permit on display");
            CHECK(a.photo_sha256_size() == 1);
        } else {
            CHECK(a.result() != "fail");
        }
    }
    std::multiset<std::string> blobKinds;
    for (const auto& b : rep.blobs()) blobKinds.insert(b.kind());
    CHECK(blobKinds == std::multiset<std::string>{"photo", "signature"});

    const auto evidence = outbox.of(domain::kEvidence);
    REQUIRE(evidence.size() == 2);
    std::multiset<std::string> evidenceKinds;
    for (const auto* e : evidence) {
        pb::Evidence ev;
        REQUIRE(ev.ParseFromString(e->mutation.payload()));
        CHECK(qs(ev.report_id()) == reportId);
        evidenceKinds.insert(ev.blob().kind());
        if (ev.blob().kind() == "signature") CHECK(ev.blob().mime() == "image/png");
        if (ev.blob().kind() == "photo") CHECK(qs(ev.blob().mime()) == photoMime);
    }
    CHECK(evidenceKinds == std::multiset<std::string>{"photo", "signature"});

    auto draftsAfter = app.profile()->drafts().list();
    REQUIRE(draftsAfter.has_value());
    CHECK(draftsAfter->empty());
    CHECK(app.openInspection().isEmpty());

    // Lists: the report waits on this phone; the task is submitted (shown with the finished ones).
    auto row = reportRow(reports, reportId);
    REQUIRE(row.has_value());
    CHECK(row->stage == "queued");
    CHECK(row->pendingPhotos == 2);
    CHECK(row->photos == 1);
    CHECK(row->failed == 1);
    CHECK(row->flagged);
    CHECK(row->institutionName == task->institutionName);
    CHECK(std::none_of(tasks.rows().begin(), tasks.rows().end(), [&](const auto& r) { return r.id == taskId; }));
    tasks.setShowFinished(true);
    CHECK(std::any_of(tasks.rows().begin(), tasks.rows().end(),
                      [&](const auto& r) { return r.id == taskId && r.status == "submitted"; }));

    // Sync: the server takes the report and its evidence; the phone has the receipt.
    sync.emplace(&app);
    CHECK(sync->state() == "waiting");
    CHECK(sync->pendingChanges() == 3);
    CHECK(sync->pendingPhotos() == 2);
    auto fin = syncPass(*sync);
    INFO("sync: " << fin.at(1).toString().toStdString());
    CHECK(fin.at(0).toBool());
    CHECK(sync->state() == "idle");
    CHECK(sync->pendingChanges() == 0);
    CHECK(sync->pendingPhotos() == 0);
    CHECK(sync->setAside() == 0);
    CHECK(sync->lastError().isEmpty());
    CHECK(sync->lastContact() > 0);

    row = reportRow(reports, reportId);
    REQUIRE(row.has_value());
    CHECK((row->stage == "received" || row->stage == "flagged"));
    CHECK(row->receiptSeq > 0);
    CHECK(row->receiptTime > 0);
    CHECK(row->pendingPhotos == 0);
    CHECK(server.count("report") == reportsBefore + 1);
    CHECK(server.count("evidence") == evidenceBefore + 2);

    // A supervisor opens a case on it: when the case record arrives, History follows it.
    pb::Case k;
    k.set_report_id(reportId.toStdString());
    k.set_status("rectification");
    k.set_tier("一般");
    k.set_deadline(QDateTime(QDate(2027, 1, 15), QTime(12, 0)).toSecsSinceEpoch());
    pb::Record rec;
    rec.set_collection("case");
    rec.set_id("case-of-" + reportId.toStdString());
    rec.set_version(1);
    rec.set_payload(k.SerializeAsString());
    REQUIRE(app.profile()->store().apply_remote(rec));
    app.notifyReplicaChanged();
    row = reportRow(reports, reportId);
    REQUIRE(row.has_value());
    CHECK(row->stage == "rectification");
    CHECK(row->detail.contains(QStringLiteral("一般")));
    CHECK(row->detail.contains("2027-01-15"));
    k.set_status("closed");
    rec.set_version(2);
    rec.set_payload(k.SerializeAsString());
    REQUIRE(app.profile()->store().apply_remote(rec));
    app.notifyReplicaChanged();
    CHECK(reportRow(reports, reportId)->stage == "closed");
}

TEST_CASE("An inspection in progress survives the app closing as a draft and submits after", "[app][draft]") {
    test::TestServer server;
    test::TempDir tmp;
    const fs::path dir = enrolledDevice(server, tmp);
    const fs::path log = writeNmeaLog(tmp / "fix.nmea");
    const fs::path photoFile = tmp / "x1.jpg";
    const QString photoMime = writePhoto(photoFile);

    AppSession app(qpath(dir));
    app.setLanguage("en");
    std::optional<SyncController> sync;  // made after the outbox was inspected (see the top)
    TaskListModel tasks(&app);
    REQUIRE(tasks.rows().size() >= 1);
    auto task = findTask(tasks, false);
    REQUIRE(task.has_value());
    const QString taskId = task->id;
    const QVariantList strokes = signatureStrokes();

    // Filled in: X1 fails with a note and a photo, a visit photo too, checked in, signed, on step 5.
    auto s = std::make_unique<InspectionSession>(&app);
    s->setTaskId(taskId);
    REQUIRE(s->ready());
    answerAll(*s);
    s->setAnswer("X1", "fail");
    s->setItemNote("X1", "fire exit blocked by desks");
    REQUIRE(s->addPhoto(qpath(photoFile), "X1"));
    const fs::path visitPhoto = tmp / "visit.png";
    writePhoto(visitPhoto, QColor(200, 40, 40));
    REQUIRE(s->addPhoto(qpath(visitPhoto), ""));
    checkInWithLog(*s, log);
    s->setSignature(strokes, 300, 150);
    s->setNotes("visited with the street office");
    s->setCurrentStep(5);
    INFO("problems: " << s->problems().join(" | ").toStdString());
    REQUIRE(s->canSubmit());

    std::map<QString, std::pair<QString, QString>> answers;
    for (const auto& i : s->checklist().items())
        answers[qs(i.code())] = {s->answer(qs(i.code())), s->itemNote(qs(i.code()))};
    const qint64 checkInTime = s->checkInTime();
    const double lat = s->latitude(), lon = s->longitude();
    auto drafts = app.profile()->drafts().list();
    REQUIRE(drafts.has_value());
    REQUIRE(drafts->size() == 1);
    CHECK(drafts->front().key == "task:" + taskId.toStdString());
    CHECK(app.openInspection() == "task:" + taskId);

    // The app goes away (the session with it) and comes back to the same task.
    s.reset();
    CHECK(app.openInspection() == "task:" + taskId);  // the app reopens on it
    s = std::make_unique<InspectionSession>(&app);
    s->setTaskId(taskId);
    REQUIRE(s->ready());
    CHECK(s->lastError().isEmpty());
    CHECK(s->currentStep() == 5);
    for (const auto& [code, a] : answers) {
        INFO("item " << code.toStdString());
        CHECK(s->answer(code) == a.first);
        CHECK(s->itemNote(code) == a.second);
    }
    CHECK(s->notes() == "visited with the street office");
    CHECK(s->photoCount("X1") == 1);
    CHECK(s->photoCount("") == 1);
    CHECK(s->photos().size() == 2);
    CHECK(s->checkedIn());
    CHECK(s->checkInTime() == checkInTime);
    CHECK(s->gpsStatus() == "fixed");
    CHECK(s->mockLocation());
    CHECK(s->latitude() == Approx(lat));
    CHECK(s->longitude() == Approx(lon));
    CHECK(s->hasSignature());
    CHECK(s->signatureStrokes().size() == strokes.size());
    CHECK(s->canSubmit());

    // The restored draft submits like the original would have.
    REQUIRE(s->submit());
    const QString reportId = s->submittedReportId();
    const Outbox outbox = readOutbox(app);
    const auto reportMuts = outbox.of(domain::kReport);
    REQUIRE(reportMuts.size() == 1);
    pb::Report rep;
    REQUIRE(rep.ParseFromString(reportMuts.front()->mutation.payload()));
    CHECK(qs(reportMuts.front()->mutation.id()) == reportId);
    CHECK(rep.device_time() == checkInTime);
    CHECK(rep.notes() == "visited with the street office");
    std::multiset<std::string> kinds;
    for (const auto& b : rep.blobs()) kinds.insert(b.kind());
    CHECK(kinds == std::multiset<std::string>{"photo", "photo", "signature"});
    for (const auto& a : rep.answers())
        if (a.code() == "X1") {
            CHECK(a.result() == "fail");
            CHECK(a.photo_sha256_size() == 2);  // its own photo and the visit's
        }
    CHECK(outbox.of(domain::kEvidence).size() == 3);
    auto after = app.profile()->drafts().list();
    REQUIRE(after.has_value());
    CHECK(after->empty());
    CHECK(app.openInspection().isEmpty());

    // A discarded draft is gone, and the task starts afresh.
    tasks.reload();
    auto other = findTask(tasks, false);
    if (other) {
        InspectionSession d(&app);
        d.setTaskId(other->id);
        REQUIRE(d.ready());
        d.setAnswer("L2", "pass");
        CHECK(app.profile()->drafts().list()->size() == 1);
        d.discard();
        CHECK_FALSE(d.ready());
        CHECK(app.profile()->drafts().list()->empty());
        CHECK(app.openInspection().isEmpty());
        InspectionSession fresh(&app);
        fresh.setTaskId(other->id);
        REQUIRE(fresh.ready());
        CHECK(fresh.answer("L2").isEmpty());
        CHECK(fresh.answeredCount() == 0);
    } else {
        WARN("no second open task: discard() is not checked");
    }

    sync.emplace(&app);
    auto fin = syncPass(*sync);
    INFO("sync: " << fin.at(1).toString().toStdString());
    CHECK(fin.at(0).toBool());
    CHECK(sync->pendingChanges() == 0);
    CHECK(sync->pendingPhotos() == 0);
    CHECK(sync->setAside() == 0);
}

TEST_CASE("An unlisted site is reported as a field-reported institution and a flagged report",
          "[app][unlisted]") {
    test::TestServer server;
    test::TempDir tmp;
    const fs::path dir = enrolledDevice(server, tmp);
    const fs::path log = writeNmeaLog(tmp / "fix.nmea");
    const auto institutionsBefore = server.count("institution");
    const auto reportsBefore = server.count("report");

    AppSession app(qpath(dir));
    app.setLanguage("en");
    std::optional<SyncController> sync;  // made after the outbox was inspected (see the top)
    InstitutionListModel insts(&app);
    ReportListModel reports(&app);
    const int total = insts.total();

    const QString name = QStringLiteral("阳光托管班 (models test)");
    const QString address = QStringLiteral("铁东区胜利路 88 号 3 单元 201");
    QString reportId;
    {
        InspectionSession s(&app);
        s.setUnlisted(true);
        REQUIRE(s.ready());
        CHECK(s.taskId().isEmpty());
        CHECK(app.openInspection() == "unlisted");
        const QStringList codes = stepCodes(s);
        CHECK(codes.front() == "site");
        CHECK(codes.at(1) == "S1");
        CHECK(codes.contains("S2"));
        CHECK(codes.back() == "review");
        CHECK(anyContains(s.problems(), "name and address"));
        CHECK(s.willBeFlagged());

        s.setSite({{"name", name}, {"address", address}, {"community", QStringLiteral("胜利社区")}});
        CHECK(s.institutionName() == name);
        CHECK(s.institutionAddress() == address);
        CHECK_FALSE(s.academic());
        const int open = s.applicableCount();
        s.setSite({{"name", name}, {"address", address}, {"community", QStringLiteral("胜利社区")}, {"academic", true}});
        CHECK(s.academic());
        CHECK(s.applicableCount() > open);  // academic items now apply
        CHECK_FALSE(anyContains(s.problems(), "name and address"));

        checkInWithLog(s, log);
        answerAll(s);
        s.setSignature(signatureStrokes(), 300, 150);
        INFO("problems: " << s.problems().join(" | ").toStdString());
        REQUIRE(s.canSubmit());
        REQUIRE(s.submit());
        reportId = s.submittedReportId();
        REQUIRE_FALSE(reportId.isEmpty());
    }

    const Outbox outbox = readOutbox(app);
    const auto instMuts = outbox.of(domain::kInstitution);
    const auto reportMuts = outbox.of(domain::kReport);
    REQUIRE(instMuts.size() == 1);
    REQUIRE(reportMuts.size() == 1);
    pb::Institution site;
    REQUIRE(site.ParseFromString(instMuts.front()->mutation.payload()));
    CHECK(site.field_reported());
    CHECK_FALSE(site.licensed());
    CHECK(site.academic());
    CHECK(qs(site.name()) == name);
    CHECK(qs(site.address()) == address);
    CHECK(site.location().lat() == Approx(41.11).margin(1e-4));
    pb::Report rep;
    REQUIRE(rep.ParseFromString(reportMuts.front()->mutation.payload()));
    CHECK(qs(reportMuts.front()->mutation.id()) == reportId);
    CHECK(rep.unlisted());
    CHECK(rep.flagged());
    CHECK(rep.task_id().empty());
    CHECK(rep.institution_id() == instMuts.front()->mutation.id());
    CHECK(instMuts.front()->client_seq < reportMuts.front()->client_seq);  // the site before the report

    auto drafts = app.profile()->drafts().list();
    REQUIRE(drafts.has_value());
    CHECK(drafts->empty());
    CHECK(app.openInspection().isEmpty());

    // The new site is in the list at once, as field-reported.
    CHECK(insts.total() == total + 1);
    insts.setFilter("field_reported");
    CHECK(std::any_of(insts.rows().begin(), insts.rows().end(), [&](const auto& r) { return r.name == name; }));
    auto row = reportRow(reports, reportId);
    REQUIRE(row.has_value());
    CHECK(row->unlisted);
    CHECK(row->flagged);
    CHECK(row->stage == "queued");
    CHECK(row->institutionName == name);

    sync.emplace(&app);
    CHECK(sync->pendingChanges() == 3);  // institution, report, signature evidence
    auto fin = syncPass(*sync);
    INFO("sync: " << fin.at(1).toString().toStdString());
    CHECK(fin.at(0).toBool());
    const Outbox after = readOutbox(app);
    for (const auto& o : after.items) {
        INFO(o.mutation.collection() << " " << o.state << ": " << o.error_message);
        CHECK(o.state != "set_aside");
    }
    CHECK(after.items.empty());
    CHECK(sync->setAside() == 0);
    CHECK(sync->pendingChanges() == 0);
    CHECK(server.count("institution") == institutionsBefore + 1);
    CHECK(server.count("report") == reportsBefore + 1);
    row = reportRow(reports, reportId);
    REQUIRE(row.has_value());
    CHECK(row->stage == "flagged");
    CHECK(row->receiptSeq > 0);
}

// ------------------------------------------------------------------------------ ChecklistStepModel

TEST_CASE("ChecklistStepModel shows one step's applicable items with their answers", "[app][checklist]") {
    test::TestServer server;
    test::TempDir tmp;
    const fs::path dir = enrolledDevice(server, tmp);
    AppSession app(qpath(dir));
    app.setLanguage("en");
    SyncController sync(&app);
    TaskListModel tasks(&app);
    auto task = findTask(tasks, false);
    REQUIRE(task.has_value());

    InspectionSession s(&app);
    s.setTaskId(task->id);
    REQUIRE(s.ready());
    ChecklistStepModel m;
    CHECK(m.count() == 0);
    m.setSession(&s);
    m.setStep("S3");

    auto expected = [&](const char* step) {
        std::vector<QString> codes;
        for (const auto& i : s.checklist().items())
            if (i.step() == step && s.applies(i)) codes.push_back(qs(i.code()));
        return codes;
    };
    const auto s3 = expected("S3");
    REQUIRE_FALSE(s3.empty());
    REQUIRE(m.count() == static_cast<int>(s3.size()));
    CHECK(m.rowCount() == m.count());
    for (int r = 0; r < m.count(); ++r) CHECK(m.data(m.index(r), ChecklistStepModel::CodeRole).toString() == s3[r]);
    for (const auto& i : s.checklist().items())
        if (qs(i.code()) == s3[0]) CHECK(m.data(m.index(0), ChecklistStepModel::TextRole).toString() == qs(i.text_en()));
    CHECK(m.answered() == 0);
    for (const char* name : {"code", "text", "severity", "result", "note", "photoCount", "problem"})
        CHECK(m.roleNames().values().contains(QByteArray(name)));

    QSignalSpy counted(&m, &ChecklistStepModel::countChanged);
    QSignalSpy dataChanged(&m, &QAbstractItemModel::dataChanged);
    s.setAnswer(s3[0], "pass");
    CHECK(m.answered() == 1);
    CHECK(counted.count() >= 1);
    CHECK(dataChanged.count() >= 1);
    CHECK(m.data(m.index(0), ChecklistStepModel::ResultRole).toString() == "pass");
    CHECK(m.data(m.index(0), ChecklistStepModel::ProblemRole).toString().isEmpty());

    // L1 fails: first it needs a note, then (photo on fail) a photo.
    const int l1 = static_cast<int>(std::find(s3.begin(), s3.end(), "L1") - s3.begin());
    REQUIRE(l1 < m.count());
    CHECK(m.data(m.index(l1), ChecklistStepModel::SeverityRole).toString() == "critical");
    CHECK(m.data(m.index(l1), ChecklistStepModel::PhotoOnFailRole).toBool());
    s.setAnswer("L1", "fail");
    CHECK(m.answered() == (s3[0] == "L1" ? 1 : 2));
    const QString noNote = m.data(m.index(l1), ChecklistStepModel::ProblemRole).toString();
    CHECK_FALSE(noNote.isEmpty());
    s.setItemNote("L1", "permit expired");
    CHECK(m.data(m.index(l1), ChecklistStepModel::NoteRole).toString() == "permit expired");
    const QString noPhoto = m.data(m.index(l1), ChecklistStepModel::ProblemRole).toString();
    CHECK_FALSE(noPhoto.isEmpty());
    CHECK(noPhoto != noNote);
    const QString photo = qpath(tmp / "p.png");
    writePhoto(tmp / "p.png");
    REQUIRE(s.addPhoto(photo, "L1"));
    CHECK(m.data(m.index(l1), ChecklistStepModel::PhotoCountRole).toInt() == 1);
    CHECK(m.data(m.index(l1), ChecklistStepModel::ProblemRole).toString().isEmpty());
    s.setAnswer("L1", "");
    CHECK(m.data(m.index(l1), ChecklistStepModel::ResultRole).toString().isEmpty());
    // Not applicable needs a reason too.
    const int l4 = static_cast<int>(std::find(s3.begin(), s3.end(), "L4") - s3.begin());
    REQUIRE(l4 < m.count());
    s.setAnswer("L4", "na");
    CHECK(m.data(m.index(l4), ChecklistStepModel::ResultRole).toString() == "na");
    CHECK_FALSE(m.data(m.index(l4), ChecklistStepModel::ProblemRole).toString().isEmpty());
    s.setItemNote("L4", "nothing is charged: a free community class");
    CHECK(m.data(m.index(l4), ChecklistStepModel::ProblemRole).toString().isEmpty());

    // Another step: the academic-only items follow the institution.
    m.setStep("S4");
    CHECK(m.count() == static_cast<int>(expected("S4").size()));
    CHECK(m.count() == (s.academic() ? 6 : 3));
    m.setStep("S2");  // the badge step has no items
    CHECK(m.count() == 0);
    m.setStep("S3");
    m.setSession(nullptr);
    CHECK(m.count() == 0);
    CHECK_FALSE(m.data(m.index(0), ChecklistStepModel::CodeRole).isValid());
}

// ------------------------------------------------------------------------------ SyncController offline

TEST_CASE("SyncController reports offline with the change still queued when the server is gone", "[app][offline]") {
    test::TestServer server;
    test::TempDir tmp;
    const fs::path dir = enrolledDevice(server, tmp);
    const fs::path log = writeNmeaLog(tmp / "fix.nmea");
    AppSession app(qpath(dir));
    SyncController sync(&app);
    TaskListModel tasks(&app);
    ReportListModel reports(&app);
    CHECK(sync.state() == "idle");
    CHECK(sync.pendingChanges() == 0);
    CHECK(sync.pendingPhotos() == 0);
    CHECK(sync.lastError().isEmpty());

    auto task = findTask(tasks, false);
    REQUIRE(task.has_value());
    server.stop();

    QSignalSpy finished(&sync, &SyncController::finished);
    QString reportId;
    {
        InspectionSession s(&app);
        s.setTaskId(task->id);
        REQUIRE(s.ready());
        checkInWithLog(s, log);
        answerAll(s);
        s.setSignature(signatureStrokes(), 300, 150);
        REQUIRE(s.canSubmit());
        // "Not applicable" needs its reason (the checklist rules refuse it without one), so the
        // review must list it rather than let submit() fail.
        s.setAnswer("X4", "na");
        CHECK(anyContains(s.problems(), "X4"));
        CHECK_FALSE(s.canSubmit());
        if (s.canSubmit()) {
            CHECK_FALSE(s.submit());  // what happens today: ready to submit, yet refused
            CHECK(s.lastError().contains("X4"));
        }
        s.setItemNote("X4", "no pupils on the premises during the visit");
        REQUIRE(s.canSubmit());
        REQUIRE(s.submit());  // queues, and starts a pass at once
        reportId = s.submittedReportId();
    }
    sync.syncNow();
    REQUIRE(waitFor([&] { return finished.count() >= 1; }));
    CHECK_FALSE(finished.at(0).at(0).toBool());
    CHECK_FALSE(finished.at(0).at(1).toString().isEmpty());
    CHECK_FALSE(sync.running());
    CHECK(sync.state() == "offline");
    CHECK(sync.pendingChanges() == 2);  // the report and its signature
    CHECK(sync.pendingPhotos() == 1);
    CHECK_FALSE(sync.lastError().isEmpty());
    CHECK(sync.setAside() == 0);

    auto row = reportRow(reports, reportId);
    REQUIRE(row.has_value());
    CHECK(row->stage == "queued");
    CHECK(row->receiptSeq == 0);
    const Outbox outbox = readOutbox(app);
    CHECK(outbox.items.size() == 2);
    for (const auto& o : outbox.items) CHECK(o.state == "pending");
}

TEST_CASE("An unlisted site's draft finishes on the checklist version it was started on, a new visit takes the newest",
          "[app][unlisted][draft][checklist]") {
    test::TestServer server;
    test::TempDir tmp;
    const fs::path dir = enrolledDevice(server, tmp);
    const fs::path log = writeNmeaLog(tmp / "fix.nmea");

    AppSession app(qpath(dir));
    app.setLanguage("en");
    const QString name = QStringLiteral("彩虹托管 (versions test)");
    const QVariantMap site{{"name", name}, {"address", QStringLiteral("铁东区民生路 9 号")}};
    int v1Items = 0;
    {
        InspectionSession s(&app);
        s.setUnlisted(true);
        REQUIRE(s.ready());
        v1Items = s.checklist().items_size();
        CHECK(s.checklist().template_version() == 1);
        s.setSite(site);
        checkInWithLog(s, log);
        answerAll(s);
    }
    // Version 2 arrives with a sync while the draft waits: one more item.
    pb::ChecklistTemplate v2;
    {
        auto v1 = app.profile()->store().get(domain::kChecklistTemplate, "checklist.v1");
        REQUIRE(v1.has_value());
        REQUIRE(v1->has_value());
        REQUIRE(v2.ParseFromString((*v1)->payload()));
    }
    v2.set_template_version(2);
    v2.set_supersedes("checklist.v1");
    auto* x5 = v2.add_items();
    x5->set_code("X5");
    x5->set_step("S7");
    x5->set_text_zh("是否公示收费标准");
    x5->set_text_en("fees on public display");
    x5->set_severity("minor");
    pb::Record rec;
    rec.set_collection(std::string(domain::kChecklistTemplate));
    rec.set_id("checklist.v2");
    rec.set_version(1);
    rec.set_seq(1'000'000);
    rec.set_payload(v2.SerializeAsString());
    REQUIRE(app.profile()->store().apply_remote(rec));

    QString reportId;
    {
        // The draft reopens on version 1: the same questions, nothing new to answer.
        InspectionSession s(&app);
        s.setUnlisted(true);
        REQUIRE(s.ready());
        CHECK(s.checklist().template_version() == 1);
        CHECK(s.checklist().items_size() == v1Items);
        CHECK(s.institutionName() == name);
        s.setSignature(signatureStrokes(), 300, 150);
        INFO("problems: " << s.problems().join(" | ").toStdString());
        REQUIRE(s.canSubmit());
        REQUIRE(s.submit());
        reportId = s.submittedReportId();
    }
    const Outbox outbox = readOutbox(app);
    const auto reportMuts = outbox.of(domain::kReport);
    REQUIRE(reportMuts.size() == 1);
    pb::Report rep;
    REQUIRE(rep.ParseFromString(reportMuts.front()->mutation.payload()));
    CHECK(rep.template_id() == "checklist.v1");
    CHECK(rep.template_version() == 1);
    CHECK(rep.answers_size() == v1Items);

    // A visit started now takes version 2.
    InspectionSession fresh(&app);
    fresh.setUnlisted(true);
    REQUIRE(fresh.ready());
    CHECK(fresh.checklist().template_version() == 2);
    CHECK(fresh.checklist().items_size() == v1Items + 1);
}
