#pragma once
// The unified checklist (统一检查步骤 + 统一检查内容): the shipped template v1 and the rules that
// turn a volunteer's answers into a report's answer list and its flag. Pure functions, so the
// phone, the CLI and the server compute the same result from the same answers.
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "shared/common/result.h"

namespace ducha::domain {

// Template v1 exactly as shared/CHECKLIST.md: 8 steps (S1..S8), 21 items.
pb::ChecklistTemplate default_checklist();

// What kind of visit this is; decides which items apply.
struct InspectionContext {
    bool academic = false;  // the site does 学科类 training
    bool covert = false;    // 暗访: open-only steps and items are skipped
    bool unlisted = false;  // not in the registry (黑机构)
};

// One answer as the volunteer gave it.
struct AnswerInput {
    std::string code;
    std::string result;  // pass | fail | na
    std::string note;
    int photo_count = 0;  // photos attached to this item
};

// The note recorded on an item that does not apply to the visit.
inline constexpr const char* kNotApplicableNote = "不适用 / not applicable";

// Whether `item` applies to a visit of this kind. `step` is the item's step (nullptr if unknown).
bool item_applies(const pb::ChecklistItem& item, const pb::ChecklistStep* step,
                  const InspectionContext& ctx);

// What can be wrong with a set of answers.
enum class AnswerProblem {
    unknown_item,      // a code the template does not have
    answered_twice,    // the same code more than once (reported once per code)
    not_answered,      // an item that applies has no answer
    fail_needs_note,   // fail without a note (a note of only spaces is no note)
    fail_needs_photo,  // fail without a photo on an item that demands one
    na_needs_reason,   // "not applicable" chosen without a note saying why
    invalid_result,    // a result other than pass, fail or na
};

// One problem: which item, the step where it is fixed, what is wrong, and that in words.
struct ChecklistProblem {
    AnswerProblem what = AnswerProblem::not_answered;
    std::string code;    // the item's code (unknown_item: the code as answered)
    std::string step;    // the item's step, e.g. "S3"; empty for an unknown item
    std::string result;  // invalid_result: the result as answered
    Error words;         // the catalogue's row with the code, e.g. Msg::item_failed_needs_note, "L1"
};

// Every problem of `answers` against the template, for a visit of this kind. The order: unknown
// and twice-answered codes as the answers came, then item by item in the template's order (for a
// failed item the missing note before the missing photo). Items that do not apply have none.
// `photo_count` of an answer counts the photos that stand for it (its own and the visit's).
std::vector<ChecklistProblem> checklist_problems(const pb::ChecklistTemplate& tpl, const InspectionContext& ctx,
                                                 const std::vector<AnswerInput>& answers);

// Checks the answers against the template and returns them in the template's item order.
// Items that do not apply are recorded as "na" with kNotApplicableNote whatever was answered.
// Errors (Errc::invalid_argument) name every offending item, in Chinese and English: the texts of
// checklist_problems, with the unanswered items gathered into one "missing answers for ..." text.
[[nodiscard]] Result<std::vector<pb::Answer>> validate_answers(const pb::ChecklistTemplate& tpl,
                                                               const InspectionContext& ctx,
                                                               const std::vector<AnswerInput>& answers);

// A report is flagged for a supervisor if the site is unlisted, any critical item failed, two or
// more major items failed, or a major item failed at a repeat offender.
bool is_flagged(const pb::ChecklistTemplate& tpl, const std::vector<pb::Answer>& answers, bool unlisted,
                bool repeat_offender);

}  // namespace ducha::domain
