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

// Checks the answers against the template and returns them in the template's item order.
// Items that do not apply are recorded as "na" with kNotApplicableNote whatever was answered.
// Errors (Errc::invalid_argument) name every offending item, in Chinese and English.
[[nodiscard]] Result<std::vector<pb::Answer>> validate_answers(const pb::ChecklistTemplate& tpl,
                                                               const InspectionContext& ctx,
                                                               const std::vector<AnswerInput>& answers);

// A report is flagged for a supervisor if the site is unlisted, any critical item failed, two or
// more major items failed, or a major item failed at a repeat offender.
bool is_flagged(const pb::ChecklistTemplate& tpl, const std::vector<pb::Answer>& answers, bool unlisted,
                bool repeat_offender);

}  // namespace ducha::domain
