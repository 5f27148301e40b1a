#include "mobile/app/desk_complaint_model.h"
#include "mobile/app/model_support.h"
#include "shared/domain/vocabulary_labels.h"

#include <algorithm>

#include "mobile/app/desk_support.h"
#include "mobile/app/task_list_model.h"
#include "shared/desk/complaint_ledger.h"
#include "shared/domain/collections.h"

namespace ducha::app {

DeskComplaintModel::DeskComplaintModel(AppSession* session, QObject* parent)
    : DeskListModel({"complaintId", "source", "sourceLabel", "text", "institutionId", "institution", "address",
                     "reference", "status", "statusLabel", "taskId", "taskStatus", "taskStatusLabel", "resolution",
                     "triageNote", "receivedAt", "dueAt", "resolvedAt", "overdue", "districtId", "refusal"},
                    {"text", "institution", "address", "reference"}, session, parent) {
    reload();
}

QString DeskComplaintModel::statusLabel(const QString& s, bool en) {
    return label_text(domain::complaint_status_words(ss(s)).value_or(domain::words(domain::ComplaintStatus::open)), en);
}

QString DeskComplaintModel::sourceLabel(const QString& s, bool en) {
    return label_text(domain::complaint_source_words(ss(s)).value_or(domain::words(domain::ComplaintSource::other)), en);
}

QVariantList DeskComplaintModel::sources() const {
    QVariantList out;
    const bool en = desk_english(session());
    for (auto s : desk::kComplaintSources) {
        const QString key = QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
        out << QVariantMap{{"key", key}, {"label", sourceLabel(key, en)}};
    }
    return out;
}

DeskReadJob DeskComplaintModel::readJob() const {
    return [includeClosed = m_closed](desk::RecordWriter& w, const DeskReadContext& ctx) { return build(w, ctx, includeClosed); };
}

Result<DeskRead> DeskComplaintModel::build(desk::RecordWriter& w, const DeskReadContext& ctx, bool includeClosed) {
    auto ledger = desk::ComplaintLedger(w).ledger(includeClosed);
    if (!ledger) return fail(ledger.error());
    auto refusals = desk_refusals(w.store(), domain::kComplaint, ctx.lang);
    const bool en = ctx.english();
    std::vector<QVariantMap> rows;
    for (const auto& c : *ledger) {
        const QString status = qs(c.status.empty() ? "open" : c.status);
        rows.push_back({{"complaintId", qs(c.id)},
                        {"source", qs(c.source)},
                        {"sourceLabel", sourceLabel(qs(c.source), en)},
                        {"text", qs(c.text)},
                        {"institutionId", qs(c.institution_id)},
                        {"institution", qs(c.institution)},
                        {"address", qs(c.address)},
                        {"reference", qs(c.reference)},
                        {"status", status},
                        {"statusLabel", statusLabel(status, en)},
                        {"taskId", qs(c.task_id)},
                        {"taskStatus", qs(c.task_status)},
                        {"taskStatusLabel", c.task_id.empty() ? QString() : TaskListModel::statusLabel(qs(c.task_status), en)},
                        {"resolution", qs(c.resolution)},
                        {"triageNote", qs(c.triage_note)},
                        {"receivedAt", static_cast<qint64>(c.received_at) * 1000},
                        {"dueAt", static_cast<qint64>(c.due_at) * 1000},
                        {"resolvedAt", static_cast<qint64>(c.resolved_at) * 1000},
                        {"overdue", c.overdue},
                        {"districtId", qs(c.district_id)},
                        {"refusal", status != "closed" && refusals.count(c.id) ? qs(refusals[c.id]) : QString()}});
    }
    return DeskRead{std::move(rows), {}};
}

int DeskComplaintModel::overdueCount() const {
    return static_cast<int>(std::count_if(rows().begin(), rows().end(), [](const QVariantMap& r) { return r.value("overdue").toBool(); }));
}

void DeskComplaintModel::setIncludeClosed(bool v) {
    if (v == m_closed) return;
    m_closed = v;
    emit includeClosedChanged();
    reload();
}

}  // namespace ducha::app
