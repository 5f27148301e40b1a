#include "mobile/app/desk_task_model.h"

#include <QDateTime>
#include <algorithm>
#include <map>

#include "mobile/app/desk_support.h"
#include "mobile/app/task_list_model.h"
#include "shared/domain/collections.h"

namespace ducha::app {

DeskTaskModel::DeskTaskModel(QObject* parent)
    : DeskListModel({"taskId", "title", "institutionId", "institutionName", "kind", "kindLabel", "covert", "priority",
                     "status", "statusLabel", "assignees", "assigneeNames", "windowStart", "windowEnd", "overdue",
                     "drawId", "campaignId", "complaintId", "caseId", "reportId", "finished"},
                    {"title", "institutionName", "assigneeNames", "kindLabel"}, parent) {
    reload();
}

Result<std::vector<QVariantMap>> DeskTaskModel::build() {
    auto w = desk_writer();
    if (!w) return fail(desk_not_enrolled());
    auto tasks = w->list<pb::Task>(domain::kTask);
    if (!tasks) return fail(tasks.error());
    std::map<std::string, std::string> inst_names, user_names;
    if (auto is = w->list<pb::Institution>(domain::kInstitution))
        for (const auto& i : *is) inst_names[i.id] = i.msg.name();
    if (auto us = w->list<pb::User>(domain::kUser))
        for (const auto& u : *us) user_names[u.id] = u.msg.name();
    const std::string district = desk_district();
    const bool en = desk_english();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::sort(tasks->begin(), tasks->end(), [](const auto& a, const auto& b) {
        if (a.msg.window_start() != b.msg.window_start()) return a.msg.window_start() > b.msg.window_start();
        return a.id < b.id;
    });
    std::vector<QVariantMap> rows;
    for (const auto& l : *tasks) {
        const auto& t = l.msg;
        if (!district.empty() && t.district_id() != district) continue;
        const QString status = qs(t.status().empty() ? "open" : t.status());
        const bool finished = status == "done" || status == "cancelled";
        QStringList names;
        for (const auto& a : t.assignees()) names << qs(user_names.count(a) ? user_names[a] : a);
        const QString inst = qs(inst_names.count(t.institution_id()) ? inst_names[t.institution_id()] : t.institution_id());
        const QString kind = qs(t.kind().empty() ? "routine" : t.kind());
        const qint64 end = t.window_end() * 1000;
        rows.push_back({{"taskId", qs(l.id)},
                        {"title", t.title().empty() ? inst : qs(t.title())},
                        {"institutionId", qs(t.institution_id())},
                        {"institutionName", inst},
                        {"kind", kind},
                        {"kindLabel", TaskListModel::kindLabel(kind, en)},
                        {"covert", t.covert()},
                        {"priority", t.priority() > 0 ? t.priority() : 3},
                        {"status", status},
                        {"statusLabel", TaskListModel::statusLabel(status, en)},
                        {"assignees", desk_strings(std::vector<std::string>(t.assignees().begin(), t.assignees().end()))},
                        {"assigneeNames", names},
                        {"windowStart", static_cast<qint64>(t.window_start()) * 1000},
                        {"windowEnd", end},
                        {"overdue", !finished && status != "submitted" && end > 0 && end < now},
                        {"drawId", qs(t.draw_id())},
                        {"campaignId", qs(t.campaign_id())},
                        {"complaintId", qs(t.complaint_id())},
                        {"caseId", qs(t.case_id())},
                        {"reportId", qs(t.report_id())},
                        {"finished", finished}});
    }
    return rows;
}

bool DeskTaskModel::accept(const QVariantMap& r) const {
    if (m_status == "open" && r.value("finished").toBool()) return false;
    if (!m_kind.isEmpty() && r.value("kind").toString() != m_kind) return false;
    if (!m_draw.isEmpty() && r.value("drawId").toString() != m_draw) return false;
    return true;
}

void DeskTaskModel::setStatus(const QString& s) {
    if (s == m_status) return;
    m_status = s;
    emit filterChanged();
    refilter();
}

void DeskTaskModel::setKind(const QString& k) {
    if (k == m_kind) return;
    m_kind = k;
    emit filterChanged();
    refilter();
}

void DeskTaskModel::setDrawId(const QString& d) {
    if (d == m_draw) return;
    m_draw = d;
    emit filterChanged();
    refilter();
}

}  // namespace ducha::app
