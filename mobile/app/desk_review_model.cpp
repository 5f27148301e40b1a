#include "mobile/app/desk_review_model.h"

#include "mobile/app/desk_support.h"
#include "mobile/app/task_list_model.h"
#include "shared/desk/review_desk.h"

namespace ducha::app {

DeskReviewModel::DeskReviewModel(AppSession* session, QObject* parent)
    : DeskListModel({"reportId", "institutionId", "institution", "districtId", "inspector", "taskId", "taskKind",
                     "taskKindLabel", "time", "received", "flagged", "unlisted", "covert", "failed", "failedCritical",
                     "caseId", "caseStatus", "caseTier", "decided"},
                    {"institution", "inspector", "caseTier"}, session, parent) {
    reload();
}

DeskReadJob DeskReviewModel::readJob() const {
    return [decided = m_decided](desk::RecordWriter& w, const DeskReadContext& ctx) { return build(w, ctx, decided); };
}

Result<DeskRead> DeskReviewModel::build(desk::RecordWriter& w, const DeskReadContext& ctx, bool decided) {
    auto q = desk::ReviewDesk(w).queue(decided);
    if (!q) return fail(q.error());
    const bool en = ctx.english();
    std::vector<QVariantMap> rows;
    for (const auto& i : *q)
        rows.push_back({{"reportId", qs(i.report_id)},
                        {"institutionId", qs(i.institution_id)},
                        {"institution", qs(i.institution)},
                        {"districtId", qs(i.district_id)},
                        {"inspector", qs(i.inspector)},
                        {"taskId", qs(i.task_id)},
                        {"taskKind", qs(i.task_kind)},
                        {"taskKindLabel", i.task_kind.empty() ? QString() : TaskListModel::kindLabel(qs(i.task_kind), en)},
                        {"time", static_cast<qint64>(i.device_time_ms)},
                        {"received", static_cast<qint64>(i.received_ms)},
                        {"flagged", i.flagged},
                        {"unlisted", i.unlisted},
                        {"covert", i.covert},
                        {"failed", i.failed},
                        {"failedCritical", i.failed_critical},
                        {"caseId", qs(i.case_id)},
                        {"caseStatus", qs(i.case_status)},
                        {"caseTier", qs(i.case_tier)},
                        {"decided", !i.case_id.empty()}});
    return DeskRead{std::move(rows), {}};
}

void DeskReviewModel::setIncludeDecided(bool v) {
    if (v == m_decided) return;
    m_decided = v;
    emit includeDecidedChanged();
    reload();
}

}  // namespace ducha::app
