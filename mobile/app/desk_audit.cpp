#include "mobile/app/desk_audit.h"

#include <QDate>

#include "mobile/app/desk_support.h"
#include "shared/export/audit_table.h"
#include "shared/export/csv_writer.h"
#include "shared/export/export_tables.h"
#include "shared/export/file_output.h"

namespace ducha::app {

void DeskAudit::exportCsv(DeskAuditModel* list, const QString& fileUrl) {
    ++m_running;
    if (m_running == 1) emit busyChanged();
    const QString path = desk_local_path(fileUrl);
    QVariantMap refused;
    if (!list) {
        refused = desk_failed(desk_pick(session(), "没有可导出的审计日志", "no audit log to export"));
    } else if (path.isEmpty()) {
        refused = desk_failed(desk_pick(session(), "请选择要保存的文件", "choose a file to save to"));
    } else {
        // The rows are what the list shows now; the file is made and written off the GUI thread.
        auto write = [table = exporting::audit_table(list->shownEntries(), list->actorNames()), path](desk::RecordWriter&,
                                                                                                       const DeskReadContext& c) {
            const std::string bytes = exporting::to_csv(table);
            if (auto s = exporting::write_file_atomically(path.toStdString(), bytes); !s) return desk_failed(c, s.error());
            return desk_ok({{"path", path}, {"rows", static_cast<int>(table.rows.size())}, {"bytes", static_cast<qint64>(bytes.size())}});
        };
        if (!readOff(std::move(write), [this](QVariantMap r) { land(std::move(r)); }))
            refused = desk_failed(session(), desk_not_enrolled());
    }
    // A refusal known at once is answered queued too, so every answer comes after the call returns.
    if (!refused.isEmpty()) QMetaObject::invokeMethod(this, [this, refused] { land(refused); }, Qt::QueuedConnection);
}

void DeskAudit::land(QVariantMap result) {
    result.insert("kind", "audit");
    // Exports are audited, this one too: the entry reaches the server's audit log with the next sync.
    if (result.value("ok").toBool())
        if (auto w = desk_writer(session())) (void)exporting::ExportTables(*w).record_export("audit", "csv", result.value("rows").toInt());
    --m_running;
    if (m_running == 0) emit busyChanged();
    emit exported(result);
}

QString DeskAudit::suggestedName() const {
    return QString("ducha-audit-%1.csv").arg(QDate::currentDate().toString("yyyy-MM-dd"));
}

}  // namespace ducha::app
