#pragma once
// The typed words the rules compare: roles, task statuses and kinds, case and complaint statuses.
// Records carry them as strings on the wire (proto3 strings, kept for compatibility); code that
// decides something parses them here once instead of comparing raw strings.
#include <optional>
#include <string_view>

namespace ducha::domain {

enum class Role { volunteer, coordinator, supervisor, admin };
std::optional<Role> parse_role(std::string_view s);
std::string_view role_name(Role r);

enum class TaskStatus { open, in_progress, submitted, done, cancelled };
std::optional<TaskStatus> parse_task_status(std::string_view s);
std::string_view task_status_name(TaskStatus s);

enum class TaskKind { routine, spot_check, complaint, reinspection, joint };
std::optional<TaskKind> parse_task_kind(std::string_view s);
std::string_view task_kind_name(TaskKind k);

enum class CaseStatus { open, rectification, reinspection, closed, no_violation };
std::optional<CaseStatus> parse_case_status(std::string_view s);
std::string_view case_status_name(CaseStatus s);

enum class ComplaintStatus { open, triaged, in_progress, resolved, closed };
std::optional<ComplaintStatus> parse_complaint_status(std::string_view s);
std::string_view complaint_status_name(ComplaintStatus s);

// Where a complaint came from ("12345" is the city hotline).
enum class ComplaintSource { hotline_12345, phone, letter, online, other };
std::optional<ComplaintSource> parse_complaint_source(std::string_view s);
std::string_view complaint_source_name(ComplaintSource s);

// How much a failed checklist item weighs.
enum class Severity { minor, major, critical };
std::optional<Severity> parse_severity(std::string_view s);
std::string_view severity_name(Severity s);

// An answer to a checklist item.
enum class Answer { pass, fail, na };
std::optional<Answer> parse_answer(std::string_view s);
std::string_view answer_name(Answer a);

}  // namespace ducha::domain
