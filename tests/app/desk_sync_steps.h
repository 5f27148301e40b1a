#pragma once
// Steps the desk tests share: waiting on the event loop, waiting for a desk list's read, and
// syncing the app's controller until nothing waits to be sent.
#include <QSignalSpy>
#include <QString>
#include <QTest>
#include <functional>
#include <stdexcept>
#include <string>

#include "mobile/app/desk_list_model.h"
#include "mobile/app/sync_controller.h"

namespace ducha::test {

inline constexpr int kDeskNetMs = 60000;

inline QString q(const std::string& s) { return QString::fromStdString(s); }

inline bool waitUntil(const std::function<bool()>& pred, int ms = kDeskNetMs) { return QTest::qWaitFor(pred, ms); }

// Waits for the rows of the list's latest reload() (they are read on the desk reader's thread):
// at once when no read is in flight, else until its `reloaded` signal.
inline bool waitLoaded(app::DeskListModel& model, int ms = kDeskNetMs) {
    if (!model.loading()) return true;
    QSignalSpy done(&model, &app::DeskListModel::reloaded);
    return done.wait(ms);
}

// The list once its latest read is applied, for reading its rows in one expression; a read that
// does not end in time fails the test.
template <typename Model>
Model& loaded(Model& model) {
    if (!waitLoaded(model)) throw std::runtime_error("the desk list's read did not finish in time");
    return model;
}

// Asks a desk facade for work it does on the desk reader's thread (`ask`), and waits for the
// answer's signal: its first argument when it has one (else an empty map; read the facade's
// properties then). An answer given during the call itself, on the GUI thread, fails the test, and
// so does none in time.
template <typename Facade, typename Signal>
QVariantMap answerOf(Facade& facade, Signal signal, const std::function<void()>& ask, int ms = kDeskNetMs) {
    QSignalSpy answered(&facade, signal);
    ask();
    if (answered.count() != 0) throw std::runtime_error("the facade answered during the call, on the GUI thread");
    if (!answered.wait(ms)) throw std::runtime_error("the facade's answer did not come in time");
    const QList<QVariant> args = answered.takeFirst();
    return args.isEmpty() ? QVariantMap() : args.front().toMap();
}

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
