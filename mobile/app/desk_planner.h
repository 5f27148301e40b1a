#pragma once
// The coordinator's planning actions: a routine, joint (several volunteers) or covert task for an
// institution; a campaign (专项行动) for a period. Every action returns {ok, message, id}.
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskPlanner : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DeskPlanner(AppSession* session = nullptr, QObject* parent = nullptr) : DeskFacade(session, parent) {}

    // spec: institutionId, kind (routine | joint), assignees (user ids), covert, priority (1..5),
    // windowStart / windowEnd (ms; 0 = now / a week later), title, campaignId.
    Q_INVOKABLE QVariantMap createTask(const QVariantMap& spec);
    Q_INVOKABLE QVariantMap cancelTask(const QString& taskId);
    // c: name, start / end (ms), visitsRequired, keyTargetsOnly, note.
    Q_INVOKABLE QVariantMap createCampaign(const QVariantMap& c);
    Q_INVOKABLE QVariantMap cancelCampaign(const QString& campaignId);
};

}  // namespace ducha::app
