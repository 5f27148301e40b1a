#pragma once
// The task rules, once: what a task row says, when a task is finished or overdue, which tasks a
// list shows and in what order. The CLI's `tasks`, the phone's Today list and the desk's task list
// are adapters over these functions, so they cannot disagree.
//
// The rules (PRODUCT.md, "The life of a task"):
// - Finished: submitted, done or cancelled. Once the inspector's signed report is in, the visit
//   needs nothing more from anyone in the field; what follows (review, a case, a re-inspection)
//   happens on the report and on new tasks. A desk list can still pick out the tasks waiting for
//   review (status submitted, see TaskFilter::status and awaits_review).
// - Overdue: not finished and the window's end has passed. A task without an end is never overdue.
// - Order: what needs action first. Overdue tasks, then priority 1 (highest) .. 5, then the
//   earliest due time, tasks without a due time last, then the id so that the order is stable.
// - Defaults for fields a record leaves empty: kind routine, status open, priority 3. An
//   unknown status or kind reads as the default too (the write rules admit only known words).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "shared/domain/vocabulary.h"

namespace ducha::domain {

inline constexpr int kDefaultTaskPriority = 3;

// One task as every list shows it. Times are unix seconds as records store them; 0 = none.
struct TaskSummary {
    std::string id;
    std::string institution_id;
    std::string district_id;
    std::string title;  // as planned; may be empty (lists then show the institution's name)
    TaskKind kind = TaskKind::routine;
    TaskStatus status = TaskStatus::open;
    bool covert = false;
    int priority = kDefaultTaskPriority;  // 1 (highest) .. 5
    std::int64_t window_start = 0;
    std::int64_t window_end = 0;  // the due time
    std::vector<std::string> assignees;
    std::string draw_id, campaign_id, complaint_id, case_id, report_id;
    bool finished = false;  // is_finished(status)
    bool overdue = false;   // is_overdue(*this, now) at the time the row was made
};

// Which tasks a list shows. Every field narrows; the defaults show every unfinished task.
struct TaskFilter {
    std::string assignee;           // only tasks with this assignee ("mine"); empty: anyone's
    bool include_finished = false;  // also submitted, done and cancelled tasks
    std::optional<TaskStatus> status;  // only this status (then include_finished is not consulted)
    std::optional<TaskKind> kind;
    std::string institution_id;  // empty: any
    std::string district_id;     // empty: any
    std::string draw_id;         // empty: any
};

// Submitted, done or cancelled: nothing more is asked of the inspector.
bool is_finished(TaskStatus s);
// Submitted: the report is in and waits for the desk (review, then done or reopened).
bool awaits_review(TaskStatus s);
// Not finished and the window's end (unix seconds, 0 = none) is before `now_s`.
bool is_overdue(TaskStatus s, std::int64_t window_end, std::int64_t now_s);
bool is_overdue(const TaskSummary& t, std::int64_t now_s);

// The row of task `id`, with the defaults applied and `finished`/`overdue` computed for `now_s`.
TaskSummary summarize_task(std::string id, const pb::Task& t, std::int64_t now_s);

bool matches(const TaskSummary& t, const TaskFilter& f);

// The one order of task lists: true when `a` comes before `b` (a strict weak order).
bool task_before(const TaskSummary& a, const TaskSummary& b);
void sort_tasks(std::vector<TaskSummary>& rows);

// The rows that match `f`, in the one order.
std::vector<TaskSummary> select_tasks(std::vector<TaskSummary> rows, const TaskFilter& f);

}  // namespace ducha::domain
