#pragma once
// Exports for coordinators and supervisors: reports, cases, complaints or coverage as CSV or XLSX,
// and one report's printable PDF record, written atomically to the file the user chose.
//
// The tables are read, rendered and written on the session's desk reader thread (a year of
// reports takes seconds); `busy` is true meanwhile and `exported` brings the answer
// {ok, message, path, rows, bytes, kind} back on the GUI thread, which then records the export
// (an audit entry that reaches the server with the next sync; a write, so on the GUI thread).
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskExports : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT
    // An export is being written.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit DeskExports(AppSession* session = nullptr, QObject* parent = nullptr) : DeskFacade(session, parent) {}

    bool busy() const { return m_running > 0; }

    // kind: reports | cases | complaints | coverage; format: csv | xlsx.
    // options: fromMs, toMs (reports, coverage), campaignId (coverage). The answer comes with `exported`.
    Q_INVOKABLE void exportTable(const QString& kind, const QString& format, const QString& fileUrl,
                                 const QVariantMap& options = {});
    // One report's PDF record (kind "record"); the answer comes with `exported`.
    Q_INVOKABLE void exportReportPdf(const QString& reportId, const QString& fileUrl);
    // A file name to offer in the save dialog: ducha-KIND-YYYY-MM-DD.EXT
    Q_INVOKABLE QString suggestedName(const QString& kind, const QString& extension) const;

signals:
    void busyChanged();
    // The export asked for is written (or why not); one per call, in the order asked.
    void exported(const QVariantMap& result);

private:
    // Runs `write` off the GUI thread; then records the export when it worked and says so.
    void run(const QString& kind, const QString& path, Answer write);
    void land(QVariantMap result);

    int m_running = 0;
};

}  // namespace ducha::app
