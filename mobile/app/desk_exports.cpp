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
// Reader's thread: the file written, or why not.
QVariantMap write_out(const DeskReadContext& c, const QString& path, const std::string& bytes, int rows) {
    if (auto s = exporting::write_file_atomically(path.toStdString(), bytes); !s) return desk_failed(c, s.error());
    return desk_ok({{"path", path}, {"rows", rows}, {"bytes", static_cast<qint64>(bytes.size())}});
}
}  // namespace

void DeskExports::exportTable(const QString& kind, const QString& format, const QString& fileUrl, const QVariantMap& options) {
    const QString path = desk_local_path(fileUrl);
    const bool xlsx = format == "xlsx";
    const std::int64_t from_s = desk_seconds(options.value("fromMs")), to_s = desk_seconds(options.value("toMs"));
    const std::string campaign = ss(options.value("campaignId").toString());
    run(kind, path, [kind = ss(kind), path, xlsx, from_s, to_s, campaign](desk::RecordWriter& w, const DeskReadContext& c) {
        exporting::ExportTables tables(w);
        Result<exporting::Table> t = fail(Errc::invalid_argument, Msg::unknown_export, kind);
        if (kind == "reports") {
            t = tables.reports(from_s, to_s);
        } else if (kind == "cases") {
            t = tables.cases();
        } else if (kind == "complaints") {
            t = tables.complaints();
        } else if (kind == "coverage") {
            desk::CoverageQuery q;
            q.district_id = c.district_id;
            q.from_s = from_s;
            q.to_s = to_s;
            q.campaign_id = campaign;
            t = tables.coverage(q);
        }
        if (!t) return desk_failed(c, t.error());
        const int rows = static_cast<int>(t->rows.size());
        QVariantMap out;
        if (xlsx) {
            auto bytes = exporting::to_xlsx({*t});
            if (!bytes) return desk_failed(c, bytes.error());
            out = write_out(c, path, *bytes, rows);
        } else {
            out = write_out(c, path, exporting::to_csv(*t), rows);
        }
        out.insert("format", xlsx ? "xlsx" : "csv");
        return out;
    });
}

void DeskExports::exportReportPdf(const QString& reportId, const QString& fileUrl) {
    const QString path = desk_local_path(fileUrl);
    run("record", path, [id = ss(reportId), path](desk::RecordWriter& w, const DeskReadContext& c) {
        auto record = exporting::ExportTables(w).inspection_record(id);
        if (!record) return desk_failed(c, record.error());
        record->lang = c.english() ? "en" : "zh";
        if (record->generated_at_ms == 0) record->generated_at_ms = unix_ms_now();
        auto pdf = exporting::render_inspection_pdf(*record);
        if (!pdf) return desk_failed(c, pdf.error());
        QVariantMap out = write_out(c, path, *pdf, static_cast<int>(record->items.size()));
        out.insert("format", "pdf");
        out.insert("subject", QString::fromStdString(id));
        return out;
    });
}

void DeskExports::run(const QString& kind, const QString& path, Answer write) {
    ++m_running;
    if (m_running == 1) emit busyChanged();
    auto done = [this, kind](QVariantMap r) {
        r.insert("kind", kind);
        land(std::move(r));
    };
    QVariantMap refused;
    if (path.isEmpty())
        refused = desk_failed(desk_pick(session(), "请选择要保存的文件", "choose a file to save to"));
    else if (!readOff(std::move(write), done))
        refused = desk_failed(session(), desk_not_enrolled());
    // A refusal known at once is answered queued too, so every answer comes after the call returns.
    if (!refused.isEmpty()) QMetaObject::invokeMethod(this, [done, refused] { done(refused); }, Qt::QueuedConnection);
}

void DeskExports::land(QVariantMap result) {
    // Exports are audited: the entry reaches the server's audit log with the next sync.
    if (result.value("ok").toBool()) {
        if (auto w = desk_writer(session())) {
            exporting::ExportTables tables(*w);
            const QString kind = result.value("kind").toString();
            if (kind == "record")
                (void)tables.record_export("record", "pdf", 1, ss(result.value("subject").toString()));
            else
                (void)tables.record_export(ss(kind), ss(result.value("format").toString()), result.value("rows").toInt());
        }
    }
    --m_running;
    if (m_running == 0) emit busyChanged();
    emit exported(result);
}

QString DeskExports::suggestedName(const QString& kind, const QString& extension) const {
    return QString("ducha-%1-%2.%3").arg(kind, QDate::currentDate().toString("yyyy-MM-dd"), extension);
}

}  // namespace ducha::app
