#include "shared/domain/state_machines.h"

#include <catch2/catch.hpp>

#include <set>
#include <utility>

using namespace ducha;
using namespace ducha::domain;

namespace {

using Edges = std::set<std::pair<std::string, std::string>>;

// Every (from, to) pair over the machine's states, plus unknown states, against the allowed set.
template <typename Check>
void check_matrix(const std::vector<std::string>& states, const Edges& allowed, Check check) {
    for (const auto& from : states) {
        for (const auto& to : states) {
            INFO(from << " -> " << to);
            auto r = check(from, to);
            if (allowed.contains({from, to})) {
                CHECK(r.has_value());
            } else {
                REQUIRE_FALSE(r.has_value());
                CHECK(r.error().code == Errc::rejected);
                CHECK(r.error().message().find(from) != std::string::npos);
                CHECK(r.error().message().find(to) != std::string::npos);
                CHECK(r.error().message().find(" / ") != std::string::npos);  // bilingual
            }
        }
        for (const std::string bogus : {"", "deleted", "OPEN"}) {
            INFO(from << " -> '" << bogus << "'");
            auto a = check(from, bogus);
            REQUIRE_FALSE(a.has_value());
            CHECK(a.error().code == Errc::rejected);
            auto b = check(bogus, from);
            REQUIRE_FALSE(b.has_value());
            CHECK(b.error().code == Errc::rejected);
        }
    }
}

std::set<std::string> finals(const std::vector<std::string>& states, const Edges& allowed) {
    std::set<std::string> out(states.begin(), states.end());
    for (const auto& e : allowed) out.erase(e.first);
    return out;
}

}  // namespace

TEST_CASE("task transitions: full matrix", "[state_machines]") {
    const Edges allowed{{"open", "in_progress"},      {"open", "submitted"},   {"open", "cancelled"},
                        {"in_progress", "submitted"}, {"in_progress", "open"}, {"in_progress", "cancelled"},
                        {"submitted", "done"},        {"submitted", "open"}};
    CHECK(task_states() == std::vector<std::string>{"open", "in_progress", "submitted", "done", "cancelled"});
    CHECK(kTaskInitial == "open");
    check_matrix(task_states(), allowed, check_task_transition);
    CHECK(finals(task_states(), allowed) == std::set<std::string>{"done", "cancelled"});
}

TEST_CASE("case transitions: full matrix", "[state_machines]") {
    const Edges allowed{{"open", "no_violation"},
                        {"open", "rectification"},
                        {"rectification", "reinspection"},
                        {"reinspection", "closed"},
                        {"reinspection", "rectification"}};
    CHECK(case_states() ==
          std::vector<std::string>{"open", "rectification", "reinspection", "closed", "no_violation"});
    CHECK(kCaseInitial == "open");
    check_matrix(case_states(), allowed, check_case_transition);
    CHECK(finals(case_states(), allowed) == std::set<std::string>{"closed", "no_violation"});
    // 不解决不销号: no way to closed except through re-inspection.
    CHECK_FALSE(check_case_transition("open", "closed").has_value());
    CHECK_FALSE(check_case_transition("rectification", "closed").has_value());
}

TEST_CASE("complaint transitions: full matrix", "[state_machines]") {
    const Edges allowed{{"open", "triaged"},       {"open", "resolved"},     {"triaged", "in_progress"},
                        {"triaged", "resolved"},   {"in_progress", "resolved"}, {"resolved", "closed"},
                        {"resolved", "in_progress"}};
    CHECK(complaint_states() ==
          std::vector<std::string>{"open", "triaged", "in_progress", "resolved", "closed"});
    CHECK(kComplaintInitial == "open");
    check_matrix(complaint_states(), allowed, check_complaint_transition);
    CHECK(finals(complaint_states(), allowed) == std::set<std::string>{"closed"});
}

TEST_CASE("the three machines do not share states by accident", "[state_machines]") {
    CHECK_FALSE(check_task_transition("open", "triaged").has_value());
    CHECK_FALSE(check_case_transition("open", "in_progress").has_value());
    CHECK_FALSE(check_complaint_transition("open", "rectification").has_value());
}

TEST_CASE("a case closes only after a passing re-inspection", "[state_machines]") {
    pb::Case c;
    c.set_status("reinspection");
    CHECK(check_case_close(c, true).has_value());

    auto failed = check_case_close(c, false);
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().code == Errc::rejected);
    CHECK(failed.error().message().find("不解决不销号") != std::string::npos);

    c.set_status("closed");  // the proposed record
    CHECK(check_case_close(c, true).has_value());
    CHECK_FALSE(check_case_close(c, false).has_value());

    for (const char* s : {"open", "rectification", "no_violation", ""}) {
        INFO(s);
        c.set_status(s);
        auto r = check_case_close(c, true);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::rejected);
    }
}

TEST_CASE("a complaint closes only with a recorded resolution", "[state_machines]") {
    pb::Complaint c;
    c.set_status("resolved");
    auto none = check_complaint_close(c);
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().code == Errc::rejected);
    CHECK(none.error().message().find("resolution") != std::string::npos);

    c.set_resolution("  \n");
    CHECK_FALSE(check_complaint_close(c).has_value());

    c.set_resolution("经核查，该机构已停止违规学科类培训并退还超期预收费用");
    CHECK(check_complaint_close(c).has_value());
    c.set_status("closed");
    CHECK(check_complaint_close(c).has_value());

    for (const char* s : {"open", "triaged", "in_progress", ""}) {
        INFO(s);
        c.set_status(s);
        auto r = check_complaint_close(c);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::rejected);
    }
}
