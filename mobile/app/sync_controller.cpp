#include "mobile/app/sync_controller.h"
#include "mobile/app/model_support.h"

#include <QNetworkInformation>

#include "mobile/app/app_session.h"
#include "shared/sync/outbox_counts.h"
#include "shared/sync/sync_client.h"

namespace ducha::app {

namespace {
qint64 meta_ms(sync::LocalStore& s, const char* key) {
    auto v = s.meta(key);
    return v && *v && !(*v)->empty() ? QString::fromStdString(**v).toLongLong() : 0;
}
}  // namespace

SyncController::SyncController(AppSession* session, QObject* parent) : QObject(parent), m_session(session) {
    Q_ASSERT(session);
    connect(session, &AppSession::changeQueued, this, [this] {
        refresh();
        syncNow();
    });
    bool ok = false;
    int interval = qEnvironmentVariableIntValue("DUCHA_SYNC_INTERVAL_S", &ok);
    m_timer.setInterval((ok && interval > 0 ? interval : 300) * 1000);
    connect(&m_timer, &QTimer::timeout, this, &SyncController::syncNow);
    m_timer.start();
    // Regained connectivity starts a pass at once (where the platform reports it).
    if (QNetworkInformation::loadDefaultBackend() && QNetworkInformation::instance()) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) { onConnectivity(r != QNetworkInformation::Reachability::Disconnected); });
    }
    refresh();
}

SyncController::~SyncController() {
    if (m_worker.joinable()) m_worker.join();
}

void SyncController::setIntervalSeconds(int s) {
    if (s <= 0 || s == intervalSeconds()) return;
    m_timer.setInterval(s * 1000);
    emit intervalChanged();
}

void SyncController::onConnectivity(bool reachable) {
    if (reachable && (m_offline || m_pending > 0 || m_photos > 0)) syncNow();
}

void SyncController::refresh() {
    AppSession* app = m_session;
    if (!app || !app->profile()) return;
    auto& store = app->profile()->store();
    // Counts only: the banner needs no entry's payload (reading them unsealed every waiting report).
    auto counts = sync::count_outbox(store);
    m_pending = counts ? static_cast<int>(counts->pending) : 0;
    m_setAside = counts ? static_cast<int>(counts->set_aside) : 0;
    m_photos = counts ? static_cast<int>(counts->photos) : 0;
    m_lastContact = meta_ms(store, "last_contact");
    m_lastComplete = meta_ms(store, "last_complete_sync");
    if (!m_running) {
        if (m_offline) m_state = "offline";
        else if (!m_error.isEmpty()) m_state = "error";
        else m_state = (m_pending > 0 || m_photos > 0) ? "waiting" : "idle";
    }
    if (!m_firstCounted && app->enrolled()) m_firstCounted = std::chrono::steady_clock::now();
    emit changed();
}

void SyncController::syncNow() {
    AppSession* app = m_session;
    if (!app || !app->enrolled()) return;
    if (m_running) {
        m_again = true;
        return;
    }
    if (m_worker.joinable()) m_worker.join();
    m_running = true;
    m_state = "syncing";
    m_phase = "push";
    m_done = m_total = 0;
    emit changed();
    m_worker = std::thread([this, dir = app->profileDir().toStdString(), lang = app->uiLang()] {
        bool ok = false, complete = false, down = false;
        std::string error;
        auto prof = sync::DeviceProfile::open(dir);
        if (!prof) {
            error = prof.error().text(lang);
        } else {
            sync::SyncClient::Config cfg;
            cfg.app_version = "ducha-app 0.1";
            cfg.on_progress = [this](const sync::SyncProgress& p) {
                QMetaObject::invokeMethod(this, [this, phase = qs(p.phase), d = p.done, t = p.total] {
                    m_phase = phase;
                    m_done = d;
                    m_total = t;
                    emit changed();
                }, Qt::QueuedConnection);
            };
            sync::SyncClient client(*prof, cfg);
            // One pass per trigger; the timer and the network signal bring the next one.
            auto r = client.sync_once();
            if (r) {
                ok = true;
                complete = r->complete();
            } else {
                error = r.error().text(lang);
                down = sync::action_for(r.error().code) == sync::SyncAction::retry_later &&
                       (r.error().code == Errc::network || r.error().code == Errc::timeout);
            }
        }
        QMetaObject::invokeMethod(this, [this, ok, complete, down, e = qs(error)] { passDone(ok, complete, down, e); },
                                  Qt::QueuedConnection);
    });
}

void SyncController::passDone(bool ok, bool complete, bool network_down, const QString& error) {
    m_running = false;
    m_offline = network_down;
    m_error = ok ? QString() : error;  // offline keeps its reason for the details; the banner says "offline"
    m_phase.clear();
    if (m_session) m_session->notifyReplicaChanged();
    refresh();
    if (network_down) {  // refresh() has already said "offline"
        // Where the platform does not report connectivity, probe again soon rather than at the next period.
        QTimer::singleShot(std::min(m_timer.interval(), 30000), this, &SyncController::syncNow);
    }
    emit finished(complete, error);
    if (m_again) {
        m_again = false;
        if (!network_down) syncNow();
    }
}

}  // namespace ducha::app
