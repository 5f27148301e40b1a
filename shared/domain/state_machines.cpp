#include "shared/domain/state_machines.h"

#include <algorithm>

namespace ducha::domain {

namespace {

struct Edge {
    std::string_view from;
    std::string_view to;
};

struct Machine {
    std::string_view name_zh;
    std::string_view name_en;
    const std::vector<std::string>& states;
    std::vector<Edge> edges;
};

bool has_state(const Machine& m, const std::string& s) {
    return std::find(m.states.begin(), m.states.end(), s) != m.states.end();
}

Status check(const Machine& m, const std::string& from, const std::string& to) {
    for (const std::string* s : {&from, &to}) {
        if (!has_state(m, *s)) {
            return fail(Errc::rejected, Msg::unknown_status, m.name_zh, *s, m.name_en);
        }
    }
    for (const auto& e : m.edges)
        if (e.from == from && e.to == to) return {};
    return fail(Errc::rejected, Msg::cannot_go_from, m.name_zh, from, to, m.name_en);
}

const Machine& task_machine() {
    static const Machine m{"任务",
                           "task",
                           task_states(),
                           {{"open", "in_progress"},
                            {"open", "submitted"},
                            {"open", "cancelled"},
                            {"in_progress", "submitted"},
                            {"in_progress", "open"},
                            {"in_progress", "cancelled"},
                            {"submitted", "done"},
                            {"submitted", "open"}}};
    return m;
}

const Machine& case_machine() {
    static const Machine m{"案件",
                           "case",
                           case_states(),
                           {{"open", "no_violation"},
                            {"open", "rectification"},
                            {"rectification", "reinspection"},
                            {"reinspection", "closed"},
                            {"reinspection", "rectification"}}};
    return m;
}

const Machine& complaint_machine() {
    static const Machine m{"投诉",
                           "complaint",
                           complaint_states(),
                           {{"open", "triaged"},
                            {"open", "resolved"},
                            {"triaged", "in_progress"},
                            {"triaged", "resolved"},
                            {"in_progress", "resolved"},
                            {"resolved", "closed"},
                            {"resolved", "in_progress"}}};
    return m;
}

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; });
}

}  // namespace

const std::vector<std::string>& task_states() {
    static const std::vector<std::string> s{"open", "in_progress", "submitted", "done", "cancelled"};
    return s;
}

const std::vector<std::string>& case_states() {
    static const std::vector<std::string> s{"open", "rectification", "reinspection", "closed", "no_violation"};
    return s;
}

const std::vector<std::string>& complaint_states() {
    static const std::vector<std::string> s{"open", "triaged", "in_progress", "resolved", "closed"};
    return s;
}

Status check_task_transition(const std::string& from, const std::string& to) {
    return check(task_machine(), from, to);
}

Status check_case_transition(const std::string& from, const std::string& to) {
    return check(case_machine(), from, to);
}

Status check_complaint_transition(const std::string& from, const std::string& to) {
    return check(complaint_machine(), from, to);
}

Status check_case_close(const pb::Case& c, bool reinspection_passed) {
    if (c.status() != "reinspection" && c.status() != "closed") {
        return fail(Errc::rejected, Msg::case_closes_only_after_rectification, c.status());
    }
    if (!reinspection_passed) {
        return fail(Errc::rejected, Msg::re_inspection_did_not_pass);
    }
    return {};
}

Status check_complaint_close(const pb::Complaint& c) {
    if (c.status() != "resolved" && c.status() != "closed") {
        return fail(Errc::rejected, Msg::complaint_closes_only_once_resolved, c.status());
    }
    if (blank(c.resolution())) {
        return fail(Errc::rejected, Msg::complaint_cannot_closed_without_recorded);
    }
    return {};
}

}  // namespace ducha::domain
