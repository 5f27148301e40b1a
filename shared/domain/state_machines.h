#pragma once
// The state machines of tasks, cases and complaints (docs/ARCHITECTURE.md: a transition is accepted
// only from the state the client saw). Pure functions: every replica decides the same way.
// Errors are Errc::rejected with a bilingual message.
#include <string>
#include <string_view>
#include <vector>

#include "ducha.pb.h"
#include "shared/common/result.h"

namespace ducha::domain {

// Task: open → in_progress | submitted | cancelled; in_progress → submitted | open | cancelled;
// submitted → done | open (reopened by a supervisor); done and cancelled are final.
inline constexpr std::string_view kTaskInitial = "open";
[[nodiscard]] Status check_task_transition(const std::string& from, const std::string& to);

// Case: open → no_violation | rectification; rectification → reinspection;
// reinspection → closed | rectification (failed re-inspection: back to rectification, escalated);
// no_violation and closed are final.
inline constexpr std::string_view kCaseInitial = "open";
[[nodiscard]] Status check_case_transition(const std::string& from, const std::string& to);

// Complaint: open → triaged | resolved; triaged → in_progress | resolved; in_progress → resolved;
// resolved → closed | in_progress (verification failed); closed is final.
inline constexpr std::string_view kComplaintInitial = "open";
[[nodiscard]] Status check_complaint_transition(const std::string& from, const std::string& to);

// All states of each machine, for validation and tests.
const std::vector<std::string>& task_states();
const std::vector<std::string>& case_states();
const std::vector<std::string>& complaint_states();

// 不解决不销号: a case closes only from re-inspection and only when that re-inspection passed.
// `c` may be the record before the change (status reinspection) or after it (status closed).
[[nodiscard]] Status check_case_close(const pb::Case& c, bool reinspection_passed);

// A complaint closes only with a recorded resolution, from resolved. `c` may be the record
// before the change (status resolved) or after it (status closed).
[[nodiscard]] Status check_complaint_close(const pb::Complaint& c);

}  // namespace ducha::domain
