#include "mobile/app/desk_task_model.h"

#include <map>

#include "mobile/app/desk_support.h"
#include "mobile/app/model_support.h"
#include "mobile/app/task_list_model.h"
#include "shared/common/clock.h"
#include "shared/domain/collections.h"

namespace ducha::app {

DeskTaskModel::DeskTaskModel(AppSession* session, QObject* parent)
    : DeskListModel({"taskId", "title", "institutionId", "institutionName", "kind", "kindLabel", "covert", "priority",
                     "status", "statusLabel", "assignees", "assigneeNames", "windowStart", "windowEnd", "overdue",
                     "drawId", "campaignId", "complaintId", "caseId", "reportId", "finished"},
                    {"title", "institutionName", "assigneeNames", "kindLabel"}, session, parent) {
    reload();
}

namespace {
QString word(std::string_view v) { return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size())); }
}  // namespace

// Every task of the district, in the core's order (shared/domain/task_rules.h); accept() narrows
// them with the core's filter.
DeskReadJob DeskTaskModel::readJob() const { return &DeskTaskModel::build; }

Result<DeskRead> DeskTaskModel::build(desk::RecordWriter& w, const DeskReadContext& ctx) {
    auto tasks = w.list<pb::Task>(domain::kTask);
    if (!tasks) return fail(tasks.error());
    std::map<std::string, std::string> inst_names, user_names;
    if (auto is = w.list<pb::Institution>(domain::kInstitution))
        for (const auto& i : *is) inst_names[i.id] = i.msg.name();
    if (auto us = w.list<pb::User>(domain::kUser))
        for (const auto& u : *us) user_names[u.id] = u.msg.name();
    const bool en = ctx.english();
    const std::int64_t now = unix_seconds_now();
    std::vector<domain::TaskSummary> found;
    for (const auto& l : *tasks) found.push_back(domain::summarize_task(l.id, l.msg, now));
    domain::TaskFilter district;
    district.district_id = ctx.district_id;
    district.include_finished = true;
    Summaries summaries;
    std::vector<QVariantMap> rows;
    for (auto& t : domain::select_tasks(std::move(found), district)) {
        QStringList names;
        for (const auto& a : t.assignees) names << qs(user_names.count(a) ? user_names[a] : a);
        const QString inst = qs(inst_names.count(t.institution_id) ? inst_names[t.institution_id] : t.institution_id);
        const QString kind = word(domain::task_kind_name(t.kind));
        const QString status = word(domain::task_status_name(t.status));
        rows.push_back({{"taskId", qs(t.id)},
                        {"title", t.title.empty() ? inst : qs(t.title)},
                        {"institutionId", qs(t.institution_id)},
                        {"institutionName", inst},
                        {"kind", kind},
                        {"kindLabel", TaskListModel::kindLabel(kind, en)},
                        {"covert", t.covert},
                        {"priority", t.priority},
                        {"status", status},
                        {"statusLabel", TaskListModel::statusLabel(status, en)},
                        {"assignees", desk_strings(t.assignees)},
                        {"assigneeNames", names},
                        {"windowStart", static_cast<qint64>(t.window_start) * 1000},
                        {"windowEnd", static_cast<qint64>(t.window_end) * 1000},
                        {"overdue", t.overdue},
                        {"drawId", qs(t.draw_id)},
                        {"campaignId", qs(t.campaign_id)},
                        {"complaintId", qs(t.complaint_id)},
                        {"caseId", qs(t.case_id)},
                        {"reportId", qs(t.report_id)},
                        {"finished", t.finished}});
        const std::string id = t.id;
        summaries.emplace(id, std::move(t));
    }
    return DeskRead{std::move(rows), std::move(summaries)};
}

void DeskTaskModel::takeExtra(std::any& extra) {
    Summaries* found = std::any_cast<Summaries>(&extra);
    m_summaries = found ? std::move(*found) : Summaries();
}

bool DeskTaskModel::accept(const QVariantMap& r) const {
    auto it = m_summaries.find(ss(r.value("taskId").toString()));
    if (it == m_summaries.end()) return false;
    domain::TaskFilter f;
    if (m_status == "all") {
        f.include_finished = true;
    } else if (m_status != "open") {
        f.status = domain::parse_task_status(ss(m_status));
        if (!f.status) return false;  // not a status: nothing has it
    }
    if (!m_kind.isEmpty()) {
        f.kind = domain::parse_task_kind(ss(m_kind));
        if (!f.kind) return false;
    }
    f.draw_id = ss(m_draw);
    return domain::matches(it->second, f);
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
