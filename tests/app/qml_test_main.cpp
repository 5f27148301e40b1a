// Qt Quick Test runner for the views (tests/app/qml/tst_*.qml): `qml_tests -input tests/app/qml`.
//
// Before any view is created it builds what the running app has: Material style, a real enrolled
// device profile (a demo server on 127.0.0.1 in-process, the `ducha` CLI enrolls and syncs a
// volunteer's profile, the server stops), and the AppSession and SyncController the app's
// composition root would make. Every QML engine gets the Ducha import path, the image provider
// and, as context properties, what the tests hand to the views and the ids they need:
//   testApp           the AppSession (what Main.qml gets as `app`)
//   testSync          the SyncController (Main.qml's `sync`)
//   testTaskId        an open, non-covert task of that volunteer ("" if none; see testSetupError)
//   testCovertTaskId  a covert task on the device ("" if the demo data drew none)
//   testUserId        the volunteer's user id
//   testSetupError    why the profile could not be prepared ("" when all went well)
//   screenshotDir     DUCHA_SCREENSHOT_DIR: the banner tests save each state there when it is set
#include <QByteArray>
#include <QGuiApplication>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>

#include "ducha.pb.h"
#include "mobile/app/app_session.h"
#include "mobile/app/image_provider.h"
#include "mobile/app/sync_controller.h"
#include "mobile/shell/app_engine.h"
#include "shared/domain/collections.h"
#include "support/test_server.h"

// The two static QML modules (mobile/shell/app_engine.cpp imports them too; registering a static
// plugin twice is harmless).
Q_IMPORT_QML_PLUGIN(Ducha_CorePlugin)
Q_IMPORT_QML_PLUGIN(DuchaPlugin)

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

// The setup object quick_test_main_with_setup() calls by slot name.
class Setup : public QObject {
    Q_OBJECT
public:
    ~Setup() override { teardown(); }

public slots:
    void applicationAvailable();
    void qmlEngineAvailable(QQmlEngine* engine);
    void cleanupTestCase() { teardown(); }

private:
    void seedProfile(const QString& profile);
    void pickTasks();
    void teardown();

    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<ducha::app::AppSession> m_session;
    std::unique_ptr<ducha::app::SyncController> m_sync;
    QString m_taskId, m_covertTaskId, m_userId, m_error;
};

void Setup::applicationAvailable() {
    // Style, organisation name and the light Material theme, as main() does (no engine exists yet).
    ducha::app::AppEngine::prepareProcess();
    qputenv("DUCHA_SYNC_INTERVAL_S", "3600");  // no periodic pass during the tests

    m_tmp = std::make_unique<QTemporaryDir>();
    if (!m_tmp->isValid()) {
        m_error = "cannot create a temporary directory: " + m_tmp->errorString();
        return;
    }
    const QString profile = m_tmp->filePath("profile");
    seedProfile(profile);

    // What AppEngine would make, constructed before any QML engine exists.
    m_session = std::make_unique<ducha::app::AppSession>(profile);
    m_session->setLanguage("en");  // the tests read English texts
    m_sync = std::make_unique<ducha::app::SyncController>(m_session.get());
    if (m_error.isEmpty() && !m_session->enrolled())
        m_error = "the profile is not enrolled: " + m_session->storageError();
    if (m_error.isEmpty()) pickTasks();
    if (!m_error.isEmpty()) std::fprintf(stderr, "qml_tests setup: %s\n", qPrintable(m_error));
}

void Setup::seedProfile(const QString& profile) {
    using ducha::test::cli;
    try {
        ducha::test::TestServer server;  // demo data, 127.0.0.1 only
        const auto& volunteer = server.account("volunteer");
        const std::string dir = profile.toStdString();
        auto r = cli({"--profile", dir, "enroll", "--server", server.url(), "--code", volunteer.code, "--pin", server.pin()});
        if (r.rc != 0) {
            m_error = "ducha enroll failed: " + qs(r.err + r.out);
            return;
        }
        r = cli({"--profile", dir, "sync"});
        if (r.rc != 0) {
            m_error = "ducha sync failed: " + qs(r.err + r.out);
            return;
        }
        m_userId = qs(volunteer.user_id);
    } catch (const std::exception& e) {
        m_error = QString("demo server: ") + e.what();
    }
}

void Setup::pickTasks() {
    auto* p = m_session->profile();
    auto records = p->store().list(ducha::domain::kTask);
    if (!records) {
        m_error = "cannot list tasks: " + qs(records.error().message());
        return;
    }
    const std::string me = m_session->userId().toStdString();
    m_userId = m_session->userId();
    for (const auto& rec : *records) {
        ducha::pb::Task t;
        if (rec.deleted() || !t.ParseFromString(rec.payload())) continue;
        bool mine = false;
        for (const auto& a : t.assignees()) mine = mine || a == me;
        if (t.covert()) {
            if (m_covertTaskId.isEmpty() || mine) m_covertTaskId = qs(rec.id());
        } else if (mine && t.status() == "open" && m_taskId.isEmpty()) {
            m_taskId = qs(rec.id());
        }
    }
    if (m_taskId.isEmpty()) m_error = QString("no open, non-covert task of %1 among %2 tasks").arg(m_userId).arg(records->size());
}

void Setup::qmlEngineAvailable(QQmlEngine* engine) {
    engine->addImportPath("qrc:/");
    engine->addImageProvider("ducha", new ducha::app::ImageProvider(m_session.get()));  // the engine owns it
    auto* ctx = engine->rootContext();
    ctx->setContextProperty("testApp", m_session.get());
    ctx->setContextProperty("testSync", m_sync.get());
    ctx->setContextProperty("testTaskId", m_taskId);
    ctx->setContextProperty("testCovertTaskId", m_covertTaskId);
    ctx->setContextProperty("testUserId", m_userId);
    ctx->setContextProperty("testSetupError", m_error);
    // Where the banner tests save a picture of each state (DUCHA_SCREENSHOT_DIR; "" = none).
    ctx->setContextProperty("screenshotDir", qEnvironmentVariable("DUCHA_SCREENSHOT_DIR"));
}

void Setup::teardown() {
    m_sync.reset();     // joins a running sync pass
    m_session.reset();  // closes the profile before its directory goes
    m_tmp.reset();
}

}  // namespace

QUICK_TEST_MAIN_WITH_SETUP(ducha_views, Setup)

#include "qml_test_main.moc"
