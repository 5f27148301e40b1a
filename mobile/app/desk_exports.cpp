#include "mobile/app/desk_exports.h"

#include <QDate>

#include "mobile/app/desk_support.h"
#include "shared/common/clock.h"
#include "shared/export/csv_writer.h"
#include "shared/export/export_tables.h"
#include "shared/export/file_output.h"
#include "shared/export/pdf_record.h"
#include "shared/export/xlsx_writer.h"

namespace ducha::app {

namespace {
QVariantMap write_out(const AppSession* session, const QString& fileUrl, const std::string& bytes, int rows) {
    const QString path = desk_local_path(fileUrl);
    if (path.isEmpty()) return desk_failed(desk_pick(session, "请选择要保存的文件", "choose a file to save to"));
    if (auto s = exporting::write_file_atomically(path.toStdString(), bytes); !s) return desk_failed(session, s.error());
    return desk_ok({{"path", path}, {"rows", rows}, {"bytes", static_cast<qint64>(bytes.size())}});
}
}  // namespace

QVariantMap DeskExports::exportTable(const QString& kind, const QString& format, const QString& fileUrl,
                                     const QVariantMap& options) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    exporting::ExportTables tables(*w);
    Result<exporting::Table> t = fail(Errc::invalid_argument, Msg::unknown_export, ss(kind));
    if (kind == "reports") {
        t = tables.reports(desk_seconds(options.value("fromMs")), desk_seconds(options.value("toMs")));
    } else if (kind == "cases") {
        t = tables.cases();
    } else if (kind == "complaints") {
        t = tables.complaints();
    } else if (kind == "coverage") {
        desk::CoverageQuery q;
        q.district_id = desk_district(session());
        q.from_s = desk_seconds(options.value("fromMs"));
        q.to_s = desk_seconds(options.value("toMs"));
        q.campaign_id = ss(options.value("campaignId").toString());
        t = tables.coverage(q);
    }
    if (!t) return desk_failed(session(), t.error());
    const int rows = static_cast<int>(t->rows.size());
    QVariantMap out;
    if (format == "xlsx") {
        auto bytes = exporting::to_xlsx({*t});
        if (!bytes) return desk_failed(session(), bytes.error());
        out = write_out(session(), fileUrl, *bytes, rows);
    } else {
        out = write_out(session(), fileUrl, exporting::to_csv(*t), rows);
    }
    // Exports are audited: the entry reaches the server's audit log with the next sync.
    if (out.value("ok").toBool()) (void)tables.record_export(ss(kind), format == "xlsx" ? "xlsx" : "csv", rows);
    return out;
}

QVariantMap DeskExports::exportReportPdf(const QString& reportId, const QString& fileUrl) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    auto record = exporting::ExportTables(*w).inspection_record(ss(reportId));
    if (!record) return desk_failed(session(), record.error());
    record->lang = desk_english(session()) ? "en" : "zh";
    if (record->generated_at_ms == 0) record->generated_at_ms = unix_ms_now();
    auto pdf = exporting::render_inspection_pdf(*record);
    if (!pdf) return desk_failed(session(), pdf.error());
    auto out = write_out(session(), fileUrl, *pdf, static_cast<int>(record->items.size()));
    if (out.value("ok").toBool()) (void)exporting::ExportTables(*w).record_export("record", "pdf", 1, ss(reportId));
    return out;
}

QString DeskExports::suggestedName(const QString& kind, const QString& extension) const {
    return QString("ducha-%1-%2.%3").arg(kind, QDate::currentDate().toString("yyyy-MM-dd"), extension);
}

}  // namespace ducha::app
