#pragma once
// The app's composition root: it makes and owns the profile session, the sync controller, the QML
// engine with the Ducha modules, Material style and the image provider, and hands the session and
// the sync controller to Main.qml as its required properties `app` and `sync`. Nothing else makes
// them and nothing looks them up. main() and the end-to-end tests use it alike.
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QString>
#include <memory>

class QQuickWindow;

namespace ducha::app {

class AppSession;
class SyncController;

class AppEngine {
public:
    // Call before constructing the QGuiApplication (style and platform settings).
    static void prepareProcess();
    // The profile directory: DUCHA_PROFILE, else the platform's app-data location.
    static QString defaultProfileDir();

    explicit AppEngine(const QString& profileDir);
    ~AppEngine();

    bool load();  // Main.qml; false (with errors on stderr) if it failed
    QQmlApplicationEngine& engine() { return *m_engine; }
    QQuickWindow* window() const;
    AppSession& session() { return *m_session; }
    SyncController& sync() { return *m_sync; }

private:
    std::unique_ptr<AppSession> m_session;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

}  // namespace ducha::app
