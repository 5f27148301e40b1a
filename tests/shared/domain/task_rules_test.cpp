#include "shared/domain/task_rules.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace ducha;
using namespace ducha::domain;

namespace {

constexpr std::int64_t kNow = 1'700'000'000;  // unix seconds
constexpr std::int64_t kHour = 3600;

pb::Task task(const std::string& status, std::int64_t window_end = 0, int priority = 0) {
    pb::Task t;
    t.set_institution_id("inst-1");
    t.set_district_id("d-1");
    t.set_kind("routine");
    t.set_status(status);
    t.set_window_start(window_end > 0 ? window_end - 24 * kHour : 0);
    t.set_window_end(window_end);
    t.set_priority(priority);
    t.add_assignees("vol-a");
    return t;
}

TaskSummary row(const std::string& id, bool overdue, int priority, std::int64_t due) {
    TaskSummary s;
    s.id = id;
    s.overdue = overdue;
    s.priority = priority;
    s.window_end = due;
    return s;
}

std::vector<std::string> ids(const std::vector<TaskSummary>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.id);
    return out;
}

}  // namespace

TEST_CASE("a task is finished once submitted, done or cancelled", "[tasks]") {
    CHECK_FALSE(is_finished(TaskStatus::open));
    CHECK_FALSE(is_finished(TaskStatus::in_progress));
    // The desk model used to count a submitted task as unfinished; the phone and the CLI did not.
    CHECK(is_finished(TaskStatus::submitted));
    CHECK(is_finished(TaskStatus::done));
    CHECK(is_finished(TaskStatus::cancelled));

    CHECK(awaits_review(TaskStatus::submitted));
    for (auto s : {TaskStatus::open, TaskStatus::in_progress, TaskStatus::done, TaskStatus::cancelled})
        CHECK_FALSE(awaits_review(s));
}

TEST_CASE("a task is overdue when unfinished and past its window's end", "[tasks]") {
    CHECK(is_overdue(TaskStatus::open, kNow - 1, kNow));
    CHECK(is_overdue(TaskStatus::in_progress, kNow - kHour, kNow));
    // The end itself is still in time.
    CHECK_FALSE(is_overdue(TaskStatus::open, kNow, kNow));
    CHECK_FALSE(is_overdue(TaskStatus::open, kNow + 1, kNow));
    // No end: never overdue.
    CHECK_FALSE(is_overdue(TaskStatus::open, 0, kNow));
    CHECK_FALSE(is_overdue(TaskStatus::open, -5, kNow));
    // Finished: never overdue, submitted included.
    for (auto s : {TaskStatus::submitted, TaskStatus::done, TaskStatus::cancelled})
        CHECK_FALSE(is_overdue(s, kNow - kHour, kNow));

    const auto late = summarize_task("t", task("open", kNow - kHour), kNow);
    CHECK(late.overdue);
    CHECK(is_overdue(late, kNow));
    CHECK_FALSE(is_overdue(late, kNow - 2 * kHour));  // the same task, seen earlier
}

TEST_CASE("summarize_task applies the defaults and reads every field", "[tasks]") {
    SECTION("empty fields read as the defaults") {
        pb::Task t;
        t.set_institution_id("inst-9");
        const auto s = summarize_task("t-1", t, kNow);
        CHECK(s.id == "t-1");
        CHECK(s.institution_id == "inst-9");
        CHECK(s.kind == TaskKind::routine);
        CHECK(s.status == TaskStatus::open);
        CHECK(s.priority == kDefaultTaskPriority);
        CHECK(s.priority == 3);
        CHECK(s.window_end == 0);
        CHECK_FALSE(s.finished);
        CHECK_FALSE(s.overdue);
        CHECK(s.assignees.empty());
    }
    SECTION("unknown words and a priority below 1 read as the defaults too") {
        pb::Task t;
        t.set_kind("picnic");
        t.set_status("paused");
        t.set_priority(-2);
        const auto s = summarize_task("t-2", t, kNow);
        CHECK(s.kind == TaskKind::routine);
        CHECK(s.status == TaskStatus::open);
        CHECK(s.priority == 3);
    }
    SECTION("every field as planned") {
        pb::Task t = task("submitted", kNow - kHour, 1);
        t.set_kind("joint");
        t.set_covert(true);
        t.set_title("寒假专项");
        t.add_assignees("vol-b");
        t.set_draw_id("draw-1");
        t.set_campaign_id("camp-1");
        t.set_complaint_id("comp-1");
        t.set_case_id("case-1");
        t.set_report_id("rep-1");
        const auto s = summarize_task("t-3", t, kNow);
        CHECK(s.kind == TaskKind::joint);
        CHECK(s.status == TaskStatus::submitted);
        CHECK(s.covert);
        CHECK(s.title == "寒假专项");
        CHECK(s.priority == 1);
        CHECK(s.district_id == "d-1");
        CHECK(s.window_start == kNow - 25 * kHour);
        CHECK(s.window_end == kNow - kHour);
        CHECK(s.assignees == std::vector<std::string>{"vol-a", "vol-b"});
        CHECK(s.draw_id == "draw-1");
        CHECK(s.campaign_id == "camp-1");
        CHECK(s.complaint_id == "comp-1");
        CHECK(s.case_id == "case-1");
        CHECK(s.report_id == "rep-1");
        CHECK(s.finished);
        CHECK_FALSE(s.overdue);  // past its end, but the report is in
    }
}

TEST_CASE("the one order: overdue first, then priority, then earliest due, no due last, then id", "[tasks]") {
    SECTION("overdue before a higher priority") {
        // The CLI used to sort by priority alone, so a P1 came before an overdue P5.
        std::vector<TaskSummary> v{row("p1", false, 1, kNow + kHour), row("late-p5", true, 5, kNow - kHour)};
        sort_tasks(v);
        CHECK(ids(v) == std::vector<std::string>{"late-p5", "p1"});
    }
    SECTION("priority before due") {
        std::vector<TaskSummary> v{row("p3-soon", false, 3, kNow + 1), row("p2-later", false, 2, kNow + 9 * kHour)};
        sort_tasks(v);
        CHECK(ids(v) == std::vector<std::string>{"p2-later", "p3-soon"});
    }
    SECTION("earliest due first; no due time last") {
        // The CLI used to put a task without a due time (0) first.
        std::vector<TaskSummary> v{row("none", false, 3, 0), row("later", false, 3, kNow + 2 * kHour),
                                   row("sooner", false, 3, kNow + kHour)};
        sort_tasks(v);
        CHECK(ids(v) == std::vector<std::string>{"sooner", "later", "none"});
    }
    SECTION("among overdue tasks the same order holds") {
        std::vector<TaskSummary> v{row("b", true, 2, kNow - kHour), row("a", true, 2, kNow - 2 * kHour),
                                   row("c", true, 1, kNow - kHour)};
        sort_tasks(v);
        CHECK(ids(v) == std::vector<std::string>{"c", "a", "b"});
    }
    SECTION("ties go by id, whatever order the rows came in") {
        std::vector<TaskSummary> v{row("t3", false, 3, kNow), row("t1", false, 3, kNow), row("t2", false, 3, kNow),
                                   row("t0", false, 3, 0)};
        std::mt19937 rng(7);
        for (int k = 0; k < 5; ++k) {
            std::shuffle(v.begin(), v.end(), rng);
            sort_tasks(v);
            CHECK(ids(v) == std::vector<std::string>{"t1", "t2", "t3", "t0"});
        }
        CHECK_FALSE(task_before(v[0], v[0]));  // strict
    }
}

TEST_CASE("the filter narrows by assignee, finished, status, kind, institution, district and draw", "[tasks]") {
    std::vector<TaskSummary> all;
    all.push_back(summarize_task("open", task("open", kNow + kHour, 2), kNow));
    all.push_back(summarize_task("late", task("in_progress", kNow - kHour, 4), kNow));
    all.push_back(summarize_task("submitted", task("submitted", kNow - kHour, 1), kNow));
    all.push_back(summarize_task("done", task("done", kNow - kHour, 1), kNow));
    all.push_back(summarize_task("cancelled", task("cancelled", 0, 1), kNow));
    pb::Task others = task("open", kNow + kHour, 1);
    others.clear_assignees();
    others.add_assignees("vol-z");
    others.set_kind("spot_check");
    others.set_institution_id("inst-2");
    others.set_district_id("d-2");
    others.set_draw_id("draw-7");
    all.push_back(summarize_task("others", others, kNow));

    SECTION("the default: every unfinished task, in the one order") {
        CHECK(ids(select_tasks(all, {})) == std::vector<std::string>{"late", "others", "open"});
    }
    SECTION("only mine") {
        TaskFilter f;
        f.assignee = "vol-a";
        CHECK(ids(select_tasks(all, f)) == std::vector<std::string>{"late", "open"});
        f.include_finished = true;
        // Finished tasks are never overdue: they sort by priority and due time among the rest
        // (done and submitted share their due time, so the id decides; cancelled has none).
        CHECK(ids(select_tasks(all, f)) == std::vector<std::string>{"late", "done", "submitted", "cancelled", "open"});
    }
    SECTION("a status picks out the tasks waiting for review") {
        TaskFilter f;
        f.status = TaskStatus::submitted;
        CHECK(ids(select_tasks(all, f)) == std::vector<std::string>{"submitted"});
        f.include_finished = false;  // not consulted when a status is given
        CHECK(ids(select_tasks(all, f)) == std::vector<std::string>{"submitted"});
        f.status = TaskStatus::open;
        CHECK(ids(select_tasks(all, f)) == std::vector<std::string>{"others", "open"});
    }
    SECTION("kind, institution, district and draw") {
        TaskFilter f;
        f.kind = TaskKind::spot_check;
        CHECK(ids(select_tasks(all, f)) == std::vector<std::string>{"others"});
        f = {};
        f.institution_id = "inst-1";
        CHECK(ids(select_tasks(all, f)) == std::vector<std::string>{"late", "open"});
        f = {};
        f.district_id = "d-2";
        CHECK(ids(select_tasks(all, f)) == std::vector<std::string>{"others"});
        f = {};
        f.draw_id = "draw-7";
        f.include_finished = true;
        CHECK(ids(select_tasks(all, f)) == std::vector<std::string>{"others"});
        f.draw_id = "draw-nope";
        CHECK(select_tasks(all, f).empty());
    }
    SECTION("matches agrees with select_tasks") {
        TaskFilter f;
        f.include_finished = true;
        for (const auto& t : all) CHECK(matches(t, f));
        CHECK(select_tasks(all, f).size() == all.size());
        f.include_finished = false;
        for (const auto& t : all) CHECK(matches(t, f) == !t.finished);
    }
}
