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
            return fail(Errc::rejected, std::string(m.name_zh) + "状态“" + *s + "”未知 / unknown " +
                                            std::string(m.name_en) + " status \"" + *s + "\"");
        }
    }
    for (const auto& e : m.edges)
        if (e.from == from && e.to == to) return {};
    return fail(Errc::rejected, std::string(m.name_zh) + "不能从“" + from + "”变为“" + to + "” / a " +
                                    std::string(m.name_en) + " cannot go from " + from + " to " + to);
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
        return fail(Errc::rejected, "案件须先整改并复查才能销号（当前状态“" + c.status() +
                                        "”） / a case closes only after rectification and a re-inspection "
                                        "(current status: " + c.status() + ")");
    }
    if (!reinspection_passed) {
        return fail(Errc::rejected,
                    "复查未通过，不解决不销号：案件须退回整改 / the re-inspection did not pass: the case cannot be "
                    "closed and goes back to rectification");
    }
    return {};
}

Status check_complaint_close(const pb::Complaint& c) {
    if (c.status() != "resolved" && c.status() != "closed") {
        return fail(Errc::rejected, "投诉须先办结才能销号（当前状态“" + c.status() +
                                        "”） / a complaint closes only once it is resolved (current status: " +
                                        c.status() + ")");
    }
    if (blank(c.resolution())) {
        return fail(Errc::rejected, "投诉未填写处理结果，不能销号 / a complaint cannot be closed without a recorded "
                                    "resolution");
    }
    return {};
}

}  // namespace ducha::domain
