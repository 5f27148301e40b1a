#include "mobile/shell/app_engine.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>

#include "mobile/app/app_session.h"
#include "mobile/app/image_provider.h"
#include "mobile/app/sync_controller.h"

Q_IMPORT_QML_PLUGIN(Ducha_CorePlugin)
Q_IMPORT_QML_PLUGIN(DuchaPlugin)

namespace ducha::app {

void AppEngine::prepareProcess() {
    QCoreApplication::setOrganizationName("Ducha");
    QCoreApplication::setApplicationName("ducha-app");
    QQuickStyle::setStyle("Material");
    // Readable in sunlight: the light theme, dark text, strong accent.
    qputenv("QT_QUICK_CONTROLS_MATERIAL_THEME", "Light");
}

QString AppEngine::defaultProfileDir() {
    QString dir = qEnvironmentVariable("DUCHA_PROFILE");
    if (dir.isEmpty()) dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/profile";
    return dir;
}

AppEngine::AppEngine(const QString& profileDir)
    : m_session(std::make_unique<AppSession>(profileDir)),
      m_sync(std::make_unique<SyncController>(m_session.get())),
      m_engine(std::make_unique<QQmlApplicationEngine>()) {
    m_engine->addImportPath("qrc:/");
    m_engine->addImageProvider("ducha", new ImageProvider(m_session.get()));  // the engine owns it
    QObject::connect(m_session.get(), &AppSession::languageChanged, m_engine.get(), &QQmlEngine::retranslate);
    // QML gets what it works with from here, never from a global: Main.qml's required `app` and
    // `sync`, which it hands down to every page and model (`session: app`).
    m_engine->setInitialProperties({{"app", QVariant::fromValue(m_session.get())}, {"sync", QVariant::fromValue(m_sync.get())}});
}

AppEngine::~AppEngine() {
    m_engine.reset();  // views go first: they hold the models that hold the session
}

bool AppEngine::load() {
    m_engine->load(QUrl("qrc:/Ducha/Main.qml"));
    return !m_engine->rootObjects().isEmpty();
}

QQuickWindow* AppEngine::window() const {
    auto roots = m_engine->rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.first());
}

}  // namespace ducha::app
