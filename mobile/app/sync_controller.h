#pragma once
// The sync state every screen shows (Main.qml's `sync`, made by AppEngine): offline, syncing with progress,
// N changes waiting, or an error with its reason. Sync runs on demand, periodically, and when the
// network comes back; each pass runs on a worker thread with its own connection to the profile.
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "mobile/app/app_session.h"

namespace ducha::app {

class SyncController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the app's composition root makes the one SyncController")
    // idle (nothing waits) | waiting (changes queued) | syncing | offline | error
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString phase READ phase NOTIFY changed)
    Q_PROPERTY(qint64 progressDone READ progressDone NOTIFY changed)
    Q_PROPERTY(qint64 progressTotal READ progressTotal NOTIFY changed)
    Q_PROPERTY(int pendingChanges READ pendingChanges NOTIFY changed)
    Q_PROPERTY(int pendingPhotos READ pendingPhotos NOTIFY changed)
    Q_PROPERTY(int setAside READ setAside NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(qint64 lastContact READ lastContact NOTIFY changed)
    Q_PROPERTY(qint64 lastCompleteSync READ lastCompleteSync NOTIFY changed)
    Q_PROPERTY(int intervalSeconds READ intervalSeconds WRITE setIntervalSeconds NOTIFY intervalChanged)

public:
    // Syncs `session`'s profile; a change the session announces (changeQueued) is sent at once.
    explicit SyncController(AppSession* session, QObject* parent = nullptr);
    ~SyncController() override;

    QString state() const { return m_state; }
    QString phase() const { return m_phase; }
    qint64 progressDone() const { return m_done; }
    qint64 progressTotal() const { return m_total; }
    int pendingChanges() const { return m_pending; }
    int pendingPhotos() const { return m_photos; }
    int setAside() const { return m_setAside; }
    QString lastError() const { return m_error; }
    qint64 lastContact() const { return m_lastContact; }
    qint64 lastCompleteSync() const { return m_lastComplete; }
    int intervalSeconds() const { return m_timer.interval() / 1000; }
    void setIntervalSeconds(int s);

    // Starts a pass unless one is running (then the running one is followed by another).
    Q_INVOKABLE void syncNow();
    // Re-reads the outbox depth and metadata (after the app queued a change).
    Q_INVOKABLE void refresh();
    bool running() const { return m_running; }
    // When the first counts of an enrolled profile were read (what the banner shows); none before.
    std::optional<std::chrono::steady_clock::time_point> firstCountedAt() const { return m_firstCounted; }

signals:
    void changed();
    void intervalChanged();
    void finished(bool complete, const QString& error);

private:
    void onConnectivity(bool reachable);
    void passDone(bool ok, bool complete, bool network_down, const QString& error);

    QPointer<AppSession> m_session;
    QTimer m_timer;
    std::thread m_worker;
    std::atomic<bool> m_running{false};
    bool m_again = false;
    bool m_offline = false;
    QString m_state = "idle", m_phase, m_error;
    qint64 m_done = 0, m_total = 0, m_lastContact = 0, m_lastComplete = 0;
    int m_pending = 0, m_photos = 0, m_setAside = 0;
    std::optional<std::chrono::steady_clock::time_point> m_firstCounted;
};

}  // namespace ducha::app
