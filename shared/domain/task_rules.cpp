#include "shared/domain/task_rules.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace ducha::domain {

bool is_finished(TaskStatus s) {
    return s == TaskStatus::submitted || s == TaskStatus::done || s == TaskStatus::cancelled;
}

bool awaits_review(TaskStatus s) { return s == TaskStatus::submitted; }

bool is_overdue(TaskStatus s, std::int64_t window_end, std::int64_t now_s) {
    return !is_finished(s) && window_end > 0 && window_end < now_s;
}

bool is_overdue(const TaskSummary& t, std::int64_t now_s) { return is_overdue(t.status, t.window_end, now_s); }

TaskSummary summarize_task(std::string id, const pb::Task& t, std::int64_t now_s) {
    TaskSummary s;
    s.id = std::move(id);
    s.institution_id = t.institution_id();
    s.district_id = t.district_id();
    s.title = t.title();
    s.kind = parse_task_kind(t.kind()).value_or(TaskKind::routine);
    s.status = parse_task_status(t.status()).value_or(TaskStatus::open);
    s.covert = t.covert();
    s.priority = t.priority() > 0 ? t.priority() : kDefaultTaskPriority;
    s.window_start = t.window_start();
    s.window_end = t.window_end() > 0 ? t.window_end() : 0;
    s.assignees.assign(t.assignees().begin(), t.assignees().end());
    s.draw_id = t.draw_id();
    s.campaign_id = t.campaign_id();
    s.complaint_id = t.complaint_id();
    s.case_id = t.case_id();
    s.report_id = t.report_id();
    s.finished = is_finished(s.status);
    s.overdue = is_overdue(s, now_s);
    return s;
}

bool matches(const TaskSummary& t, const TaskFilter& f) {
    if (f.status) {
        if (t.status != *f.status) return false;
    } else if (!f.include_finished && t.finished) {
        return false;
    }
    if (f.kind && t.kind != *f.kind) return false;
    if (!f.assignee.empty() && std::find(t.assignees.begin(), t.assignees.end(), f.assignee) == t.assignees.end())
        return false;
    if (!f.institution_id.empty() && t.institution_id != f.institution_id) return false;
    if (!f.district_id.empty() && t.district_id != f.district_id) return false;
    if (!f.draw_id.empty() && t.draw_id != f.draw_id) return false;
    return true;
}

bool task_before(const TaskSummary& a, const TaskSummary& b) {
    constexpr auto kNoDue = std::numeric_limits<std::int64_t>::max();
    const std::int64_t due_a = a.window_end > 0 ? a.window_end : kNoDue;
    const std::int64_t due_b = b.window_end > 0 ? b.window_end : kNoDue;
    const bool later_a = !a.overdue, later_b = !b.overdue;
    return std::tie(later_a, a.priority, due_a, a.id) < std::tie(later_b, b.priority, due_b, b.id);
}

void sort_tasks(std::vector<TaskSummary>& rows) { std::sort(rows.begin(), rows.end(), task_before); }

std::vector<TaskSummary> select_tasks(std::vector<TaskSummary> rows, const TaskFilter& f) {
    std::erase_if(rows, [&](const TaskSummary& t) { return !matches(t, f); });
    sort_tasks(rows);
    return rows;
}

}  // namespace ducha::domain
