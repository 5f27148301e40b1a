#include "shared/domain/vocabulary_labels.h"

namespace ducha::domain {

// Where copies once differed, the words below are the product's: 例行检查 and 双随机抽查 for the
// task kinds (the demo data's titles and the 双随机 draw), 已销号 for a closed case or complaint
// (不解决不销号), 关键项/重要项/一般项 for item severities (the discretion tiers own 较重/严重).
// A switch without a default: the compiler names a value added to vocabulary.h without words.

Words words(Role v) {
    switch (v) {
        case Role::volunteer: return {"督查员", "Volunteer inspector"};
        case Role::coordinator: return {"区县协调员", "District coordinator"};
        case Role::supervisor: return {"市级督导", "City supervisor"};
        case Role::admin: return {"管理员", "Administrator"};
    }
    return {};
}

Words words(TaskKind v) {
    switch (v) {
        case TaskKind::routine: return {"例行检查", "Routine"};
        case TaskKind::spot_check: return {"双随机抽查", "Random spot check"};
        case TaskKind::complaint: return {"投诉核查", "Complaint follow-up"};
        case TaskKind::reinspection: return {"整改复查", "Re-inspection"};
        case TaskKind::joint: return {"联合检查", "Joint inspection"};
    }
    return {};
}

Words words(TaskStatus v) {
    switch (v) {
        case TaskStatus::open: return {"待检查", "To do"};
        case TaskStatus::in_progress: return {"进行中", "In progress"};
        case TaskStatus::submitted: return {"已提交", "Submitted"};
        case TaskStatus::done: return {"已完成", "Done"};
        case TaskStatus::cancelled: return {"已取消", "Cancelled"};
    }
    return {};
}

Words words(CaseStatus v) {
    switch (v) {
        case CaseStatus::open: return {"待处理", "Open"};
        case CaseStatus::rectification: return {"整改中", "Rectification"};
        case CaseStatus::reinspection: return {"待复查", "Re-inspection due"};
        case CaseStatus::closed: return {"已销号", "Closed"};
        case CaseStatus::no_violation: return {"无违规", "No violation"};
    }
    return {};
}

Words words(ComplaintStatus v) {
    switch (v) {
        case ComplaintStatus::open: return {"待分办", "New"};
        case ComplaintStatus::triaged: return {"已分办", "Triaged"};
        case ComplaintStatus::in_progress: return {"办理中", "In progress"};
        case ComplaintStatus::resolved: return {"已办结", "Resolved"};
        case ComplaintStatus::closed: return {"已销号", "Closed"};
    }
    return {};
}

Words words(ComplaintSource v) {
    switch (v) {
        case ComplaintSource::hotline_12345: return {"12345热线", "12345 hotline"};
        case ComplaintSource::phone: return {"电话", "Phone"};
        case ComplaintSource::letter: return {"来信", "Letter"};
        case ComplaintSource::online: return {"网络", "Online"};
        case ComplaintSource::other: return {"其他", "Other"};
    }
    return {};
}

Words words(Severity v) {
    switch (v) {
        case Severity::minor: return {"一般项", "minor"};
        case Severity::major: return {"重要项", "major"};
        case Severity::critical: return {"关键项", "critical"};
    }
    return {};
}

Words words(Answer v) {
    switch (v) {
        case Answer::pass: return {"合格", "pass"};
        case Answer::fail: return {"不合格", "FAIL"};
        case Answer::na: return {"不适用", "n.a."};
    }
    return {};
}

namespace {
template <typename E>
std::optional<Words> words_of(std::optional<E> v) {
    if (!v) return std::nullopt;
    return words(*v);
}
}  // namespace

std::optional<Words> task_kind_words(std::string_view w) { return words_of(parse_task_kind(w)); }
std::optional<Words> task_status_words(std::string_view w) { return words_of(parse_task_status(w)); }
std::optional<Words> case_status_words(std::string_view w) { return words_of(parse_case_status(w)); }
std::optional<Words> complaint_status_words(std::string_view w) { return words_of(parse_complaint_status(w)); }
std::optional<Words> complaint_source_words(std::string_view w) { return words_of(parse_complaint_source(w)); }
std::optional<Words> severity_words(std::string_view w) { return words_of(parse_severity(w)); }
std::optional<Words> answer_words(std::string_view w) { return words_of(parse_answer(w)); }
std::optional<Words> role_words(std::string_view w) { return words_of(parse_role(w)); }

}  // namespace ducha::domain
