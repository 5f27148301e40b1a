#pragma once
// The base of the coordinator and supervisor facades (registry, zones, planner, draws,
// complaints, exports, report detail): the session they act on, handed over by whoever made them
// (QML: `session: app`; a test: the constructor). Without a session every action answers "not
// enrolled".
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/app_session.h"

namespace ducha::app {

class DeskFacade : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(ducha::app::AppSession* session READ session WRITE setSession NOTIFY sessionChanged)

public:
    explicit DeskFacade(AppSession* session = nullptr, QObject* parent = nullptr) : QObject(parent), m_session(session) {}

    AppSession* session() const { return m_session; }
    void setSession(AppSession* session);

signals:
    void sessionChanged();

private:
    QPointer<AppSession> m_session;
};

}  // namespace ducha::app
