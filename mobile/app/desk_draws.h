#pragma once
// The coordinator's random draw (双随机) in two steps: commit (the pool and rules are fixed and
// only the hash of a secret seed goes out), then, once the server has acknowledged the
// commitment, reveal (the draw runs with the seed and the server makes the tasks); verify re-runs
// a drawn record here. Every action returns {ok, message, ...}.
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskDraws : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DeskDraws(AppSession* session = nullptr, QObject* parent = nullptr) : DeskFacade(session, parent) {}

    // req: k, inspectorsPerSite, category, academicOnly, keyTargetsOnly, weightKeyTargets,
    // excludeOwnZone, excludeRecentDays, windowStart / windowEnd (ms), covert, title.
    // Returns {ok, message, id, seedHash}.
    Q_INVOKABLE QVariantMap commit(const QVariantMap& req);
    // {ok, message, pairs}: pairs drawn (the tasks follow from the server after the next sync).
    Q_INVOKABLE QVariantMap reveal(const QString& drawId);
    // {ok, message}: the re-run matches the record, or which check failed.
    Q_INVOKABLE QVariantMap verify(const QString& drawId);
};

}  // namespace ducha::app
