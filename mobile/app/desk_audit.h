#pragma once
// The audit screen's action: export what the audit list shows (its filtered entries) as CSV, the
// way the other desk exports are written (atomically, on the session's desk reader thread, `busy`
// meanwhile, `exported` with {ok, message, path, rows, bytes, kind: "audit"}) and recorded (an
// export.audit entry that reaches the server's audit log with the next sync).
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_audit_model.h"
#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskAudit : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit DeskAudit(AppSession* session = nullptr, QObject* parent = nullptr) : DeskFacade(session, parent) {}

    bool busy() const { return m_running > 0; }
    // The entries `list` shows now, in its order, to `fileUrl` as CSV; the answer comes with `exported`.
    Q_INVOKABLE void exportCsv(ducha::app::DeskAuditModel* list, const QString& fileUrl);
    // A file name to offer in the save dialog: ducha-audit-YYYY-MM-DD.csv
    Q_INVOKABLE QString suggestedName() const;

signals:
    void busyChanged();
    void exported(const QVariantMap& result);

private:
    void land(QVariantMap result);

    int m_running = 0;
};

}  // namespace ducha::app
