#pragma once
// The one catalogue of the words people see for each vocabulary value, in Chinese and English:
// the app's lists, the PDF record, the export tables, the CLI and the public feed all read them
// here, so a task kind is never called two things. Wire spellings stay in vocabulary.h; the
// app's own interface texts stay in the QML translations.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "shared/common/lang.h"
#include "shared/domain/vocabulary.h"

namespace ducha::domain {

struct Words {
    std::string_view zh, en;
    std::string_view in(Lang lang) const { return lang == Lang::en ? en : zh; }
    // "中文 English", as the bilingual exports print a value.
    std::string both() const { return std::string(zh) + " " + std::string(en); }
};

Words words(Role v);
Words words(TaskKind v);
Words words(TaskStatus v);
Words words(CaseStatus v);
Words words(ComplaintStatus v);
Words words(ComplaintSource v);
Words words(Severity v);
Words words(Answer v);

template <typename E>
std::string_view label(E value, Lang lang) {
    return words(value).in(lang);
}

// The words for a wire spelling; nullopt for a word the vocabulary does not know (shown raw).
std::optional<Words> task_kind_words(std::string_view wire);
std::optional<Words> task_status_words(std::string_view wire);
std::optional<Words> case_status_words(std::string_view wire);
std::optional<Words> complaint_status_words(std::string_view wire);
std::optional<Words> complaint_source_words(std::string_view wire);
std::optional<Words> severity_words(std::string_view wire);
std::optional<Words> answer_words(std::string_view wire);
std::optional<Words> role_words(std::string_view wire);

// Every value of each vocabulary, for the catalogue's completeness test.
inline constexpr std::array kAllRoles{Role::volunteer, Role::coordinator, Role::supervisor, Role::admin};
inline constexpr std::array kAllTaskKinds{TaskKind::routine, TaskKind::spot_check, TaskKind::complaint, TaskKind::reinspection,
                                          TaskKind::joint};
inline constexpr std::array kAllTaskStatuses{TaskStatus::open, TaskStatus::in_progress, TaskStatus::submitted, TaskStatus::done,
                                             TaskStatus::cancelled};
inline constexpr std::array kAllCaseStatuses{CaseStatus::open, CaseStatus::rectification, CaseStatus::reinspection,
                                             CaseStatus::closed, CaseStatus::no_violation};
inline constexpr std::array kAllComplaintStatuses{ComplaintStatus::open, ComplaintStatus::triaged, ComplaintStatus::in_progress,
                                                  ComplaintStatus::resolved, ComplaintStatus::closed};
inline constexpr std::array kAllComplaintSources{ComplaintSource::hotline_12345, ComplaintSource::phone, ComplaintSource::letter,
                                                 ComplaintSource::online, ComplaintSource::other};
inline constexpr std::array kAllSeverities{Severity::minor, Severity::major, Severity::critical};
inline constexpr std::array kAllAnswers{Answer::pass, Answer::fail, Answer::na};

}  // namespace ducha::domain
