#pragma once
// Exports for coordinators and supervisors: reports, cases, complaints or coverage as CSV or XLSX,
// and one report's printable PDF record, written atomically to the file the user chose.
// Every call returns {ok, message, path, rows}.
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "mobile/app/desk_facade.h"

namespace ducha::app {

class DeskExports : public DeskFacade {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit DeskExports(AppSession* session = nullptr, QObject* parent = nullptr) : DeskFacade(session, parent) {}

    // kind: reports | cases | complaints | coverage; format: csv | xlsx.
    // options: fromMs, toMs (reports, coverage), campaignId (coverage).
    Q_INVOKABLE QVariantMap exportTable(const QString& kind, const QString& format, const QString& fileUrl,
                                        const QVariantMap& options = {});
    Q_INVOKABLE QVariantMap exportReportPdf(const QString& reportId, const QString& fileUrl);
    // A file name to offer in the save dialog: ducha-KIND-YYYY-MM-DD.EXT
    Q_INVOKABLE QString suggestedName(const QString& kind, const QString& extension) const;
};

}  // namespace ducha::app
