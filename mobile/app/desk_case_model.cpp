#include "mobile/app/desk_case_model.h"
#include "mobile/app/model_support.h"
#include "shared/domain/vocabulary_labels.h"

#include <QDateTime>

#include "mobile/app/desk_support.h"
#include "mobile/app/task_list_model.h"
#include "shared/desk/review_desk.h"
#include "shared/domain/collections.h"

namespace ducha::app {

DeskCaseModel::DeskCaseModel(AppSession* session, QObject* parent)
    : DeskListModel({"caseId", "reportId", "institutionId", "institution", "districtId", "status", "statusLabel", "tier",
                     "order", "note", "deadline", "decidedAt", "overdue", "escalations", "reinspectionTaskId",
                     "reinspectionStatus", "reinspectionStatusLabel", "closedByReportId", "refusal"},
                    {"institution", "tier", "order", "note"}, session, parent) {
    reload();
}

QString DeskCaseModel::statusLabel(const QString& s, bool en) {
    return label_text(domain::case_status_words(ss(s)).value_or(domain::words(domain::CaseStatus::open)), en);
}

DeskReadJob DeskCaseModel::readJob() const { return &DeskCaseModel::build; }

Result<DeskRead> DeskCaseModel::build(desk::RecordWriter& w, const DeskReadContext& ctx) {
    auto cases = desk::ReviewDesk(w).cases();
    if (!cases) return fail(cases.error());
    auto refusals = desk_refusals(w.store(), domain::kCase, ctx.lang);
    const bool en = ctx.english();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    std::vector<QVariantMap> rows;
    for (const auto& c : *cases) {
        const QString status = qs(c.status);
        const bool done = c.status == "closed" || c.status == "no_violation";
        const QString task_status = qs(c.reinspection_task_status);
        rows.push_back({{"caseId", qs(c.id)},
                        {"reportId", qs(c.report_id)},
                        {"institutionId", qs(c.institution_id)},
                        {"institution", qs(c.institution)},
                        {"districtId", qs(c.district_id)},
                        {"status", status},
                        {"statusLabel", statusLabel(status, en)},
                        {"tier", qs(c.tier)},
                        {"order", qs(c.order)},
                        {"note", qs(c.note)},
                        {"deadline", static_cast<qint64>(c.deadline) * 1000},
                        {"decidedAt", static_cast<qint64>(c.decided_at) * 1000},
                        {"overdue", !done && c.deadline > 0 && c.deadline < now},
                        {"escalations", c.escalations},
                        {"reinspectionTaskId", qs(c.reinspection_task_id)},
                        {"reinspectionStatus", task_status},
                        {"reinspectionStatusLabel",
                         c.reinspection_task_id.empty() ? QString() : TaskListModel::statusLabel(task_status, en)},
                        {"closedByReportId", qs(c.closed_by_report_id)},
                        // A refusal matters while the case is still open.
                        {"refusal", !done && refusals.count(c.id) ? qs(refusals[c.id]) : QString()}});
    }
    return DeskRead{std::move(rows), {}};
}

bool DeskCaseModel::accept(const QVariantMap& r) const {
    return m_status.isEmpty() || r.value("status").toString() == m_status;
}

void DeskCaseModel::setStatusFilter(const QString& s) {
    if (s == m_status) return;
    m_status = s;
    emit statusFilterChanged();
    refilter();
}

QVariantMap DeskCaseModel::close(const QString& caseId) {
    auto w = desk_writer(session());
    if (!w) return desk_failed(session(), desk_not_enrolled());
    if (auto s = desk::ReviewDesk(*w).close_case(ss(caseId)); !s) return desk_failed(session(), s.error());
    desk_changed(session());
    return desk_ok({{"id", caseId}});
}

}  // namespace ducha::app
