#pragma once
// The base of the coordinator and supervisor facades (registry, zones, planner, draws,
// complaints, exports, report detail, audit): the session they act on, handed over by whoever made
// them (QML: `session: app`; a test: the constructor). Without a session every action answers "not
// enrolled".
//
// Threads: a facade's writes run on the GUI thread (one short transaction whose {ok, message} QML
// needs at once). Its longer reads (an export, a registry entry's history, re-running a draw, one
// report in full) run on the session's DeskReader thread through readOff(), like the desk lists;
// each such facade has a busy property and a signal for when the answer lands.
#include <QObject>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/app_session.h"
#include "mobile/app/desk_read.h"
#include "mobile/app/desk_reader.h"

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

protected:
    // The answer of a facade's read: {ok, message, ...} for QML, made on the reader's thread.
    using Answer = std::function<QVariantMap(desk::RecordWriter&, const DeskReadContext&)>;
    // Runs `answer` on the session's desk reader, over the reader's own connection; then `done` on
    // the GUI thread with its map (or the failure to open the reader's connection), unless this
    // facade is gone by then. `answer` holds by value what it needs and never reaches the facade.
    // Without an enrolled session nothing runs and false is returned.
    bool readOff(Answer answer, std::function<void(QVariantMap)> done);

private:
    QPointer<AppSession> m_session;
};

}  // namespace ducha::app
