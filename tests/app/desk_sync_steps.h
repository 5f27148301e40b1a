#pragma once
// Steps the desk tests share: waiting on the event loop, and syncing the app's controller until
// nothing waits to be sent.
#include <QSignalSpy>
#include <QString>
#include <QTest>
#include <functional>
#include <string>

#include "mobile/app/sync_controller.h"

namespace ducha::test {

inline constexpr int kDeskNetMs = 60000;

inline QString q(const std::string& s) { return QString::fromStdString(s); }

inline bool waitUntil(const std::function<bool()>& pred, int ms = kDeskNetMs) { return QTest::qWaitFor(pred, ms); }

// Lets the running pass (started by an action) end, then runs passes until nothing waits to be
// sent; returns false if a pass failed.
inline bool syncAll(app::SyncController& sync) {
    for (int i = 0; i < 5; ++i) {
        if (!waitUntil([&] { return !sync.running(); })) return false;
        QSignalSpy done(&sync, &app::SyncController::finished);
        sync.syncNow();
        if (!waitUntil([&] { return done.count() >= 1; })) return false;
        if (!sync.lastError().isEmpty()) return false;
        sync.refresh();
        if (sync.pendingChanges() == 0 && !sync.running()) return true;
    }
    return false;
}

}  // namespace ducha::test
