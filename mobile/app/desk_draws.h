#pragma once
// The coordinator's random draw (双随机) in two steps: commit (the pool and rules are fixed and
// only the hash of a secret seed goes out), then, once the server has acknowledged the
// commitment, reveal (the draw runs with the seed and the server makes the tasks); verify re-runs
// a drawn record here. Every action returns {ok, message, ...}; verify re-runs the draw on the
// session's desk reader thread (`verifying` meanwhile) and answers with `verified`.
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskDraws : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT
    // A re-run asked for by verify() has not answered yet.
    Q_PROPERTY(bool verifying READ verifying NOTIFY verifyingChanged)

public:
    explicit DeskDraws(AppSession* session = nullptr, QObject* parent = nullptr) : DeskFacade(session, parent) {}

    // req: k, inspectorsPerSite, category, academicOnly, keyTargetsOnly, weightKeyTargets,
    // excludeOwnZone, excludeRecentDays, windowStart / windowEnd (ms), covert, title.
    // Returns {ok, message, id, seedHash}.
    Q_INVOKABLE QVariantMap commit(const QVariantMap& req);
    // {ok, message, pairs}: pairs drawn (the tasks follow from the server after the next sync).
    Q_INVOKABLE QVariantMap reveal(const QString& drawId);
    // Re-runs the draw off the GUI thread; `verified` brings {ok, message, id}: the re-run matches
    // the record, or which check failed.
    Q_INVOKABLE void verify(const QString& drawId);
    bool verifying() const { return m_verifying > 0; }

signals:
    void verified(const QVariantMap& result);
    void verifyingChanged();

private:
    int m_verifying = 0;  // re-runs asked for and not answered yet
};

}  // namespace ducha::app
