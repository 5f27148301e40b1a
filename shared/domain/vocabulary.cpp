#include "shared/domain/vocabulary.h"

#include <array>
#include <utility>

namespace ducha::domain {

namespace {

// One table per vocabulary: the enum value and its wire spelling.
template <typename E, std::size_t N>
std::optional<E> parse_in(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s) {
    for (const auto& [e, name] : table)
        if (name == s) return e;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_in(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
    for (const auto& [v, name] : table)
        if (v == e) return name;
    return {};
}

constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles{{{Role::volunteer, "volunteer"},
                                                                   {Role::coordinator, "coordinator"},
                                                                   {Role::supervisor, "supervisor"},
                                                                   {Role::admin, "admin"}}};
constexpr std::array<std::pair<TaskStatus, std::string_view>, 5> kTaskStatuses{{{TaskStatus::open, "open"},
                                                                                {TaskStatus::in_progress, "in_progress"},
                                                                                {TaskStatus::submitted, "submitted"},
                                                                                {TaskStatus::done, "done"},
                                                                                {TaskStatus::cancelled, "cancelled"}}};
constexpr std::array<std::pair<TaskKind, std::string_view>, 5> kTaskKinds{{{TaskKind::routine, "routine"},
                                                                           {TaskKind::spot_check, "spot_check"},
                                                                           {TaskKind::complaint, "complaint"},
                                                                           {TaskKind::reinspection, "reinspection"},
                                                                           {TaskKind::joint, "joint"}}};
constexpr std::array<std::pair<CaseStatus, std::string_view>, 5> kCaseStatuses{
    {{CaseStatus::open, "open"},
     {CaseStatus::rectification, "rectification"},
     {CaseStatus::reinspection, "reinspection"},
     {CaseStatus::closed, "closed"},
     {CaseStatus::no_violation, "no_violation"}}};
constexpr std::array<std::pair<ComplaintStatus, std::string_view>, 5> kComplaintStatuses{
    {{ComplaintStatus::open, "open"},
     {ComplaintStatus::triaged, "triaged"},
     {ComplaintStatus::in_progress, "in_progress"},
     {ComplaintStatus::resolved, "resolved"},
     {ComplaintStatus::closed, "closed"}}};
constexpr std::array<std::pair<ComplaintSource, std::string_view>, 5> kComplaintSources{
    {{ComplaintSource::hotline_12345, "12345"},
     {ComplaintSource::phone, "phone"},
     {ComplaintSource::letter, "letter"},
     {ComplaintSource::online, "online"},
     {ComplaintSource::other, "other"}}};
constexpr std::array<std::pair<Severity, std::string_view>, 3> kSeverities{
    {{Severity::minor, "minor"}, {Severity::major, "major"}, {Severity::critical, "critical"}}};
constexpr std::array<std::pair<Answer, std::string_view>, 3> kAnswers{
    {{Answer::pass, "pass"}, {Answer::fail, "fail"}, {Answer::na, "na"}}};

}  // namespace

std::optional<Role> parse_role(std::string_view s) { return parse_in(kRoles, s); }
std::string_view role_name(Role r) { return name_in(kRoles, r); }
std::optional<TaskStatus> parse_task_status(std::string_view s) { return parse_in(kTaskStatuses, s); }
std::string_view task_status_name(TaskStatus s) { return name_in(kTaskStatuses, s); }
std::optional<TaskKind> parse_task_kind(std::string_view s) { return parse_in(kTaskKinds, s); }
std::string_view task_kind_name(TaskKind k) { return name_in(kTaskKinds, k); }
std::optional<CaseStatus> parse_case_status(std::string_view s) { return parse_in(kCaseStatuses, s); }
std::string_view case_status_name(CaseStatus s) { return name_in(kCaseStatuses, s); }
std::optional<ComplaintStatus> parse_complaint_status(std::string_view s) { return parse_in(kComplaintStatuses, s); }
std::string_view complaint_status_name(ComplaintStatus s) { return name_in(kComplaintStatuses, s); }
std::optional<ComplaintSource> parse_complaint_source(std::string_view s) { return parse_in(kComplaintSources, s); }
std::string_view complaint_source_name(ComplaintSource s) { return name_in(kComplaintSources, s); }
std::optional<Severity> parse_severity(std::string_view s) { return parse_in(kSeverities, s); }
std::string_view severity_name(Severity s) { return name_in(kSeverities, s); }
std::optional<Answer> parse_answer(std::string_view s) { return parse_in(kAnswers, s); }
std::string_view answer_name(Answer a) { return name_in(kAnswers, a); }

}  // namespace ducha::domain
