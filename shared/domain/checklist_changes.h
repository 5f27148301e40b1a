#pragma once
// What changed between two checklist versions, step by step and item by item: what a reviewer
// needs to read a report made on an older version, and what an admin checks before publishing.
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "shared/common/result.h"

namespace ducha::domain {

struct ChecklistChange {
    enum class Kind { step_added, step_removed, step_changed, item_added, item_removed, item_changed };
    Kind kind = Kind::item_changed;
    std::string code;  // the step's or item's code
    // For a change: each field that differs, as "field: before → after" in each language (the
    // texts are named, not quoted).
    std::vector<std::string> details_zh, details_en;
    std::string text_zh, text_en;  // the step's or item's words (the newer ones when changed)

    // One line in one language's words ("item L3 changed: severity major → critical").
    Error words() const;
};

// From `older` to `newer`: steps first, then items; removed ones in the older order, added and
// changed ones in the newer order. Empty when the two have the same steps and items.
std::vector<ChecklistChange> checklist_changes(const pb::ChecklistTemplate& older, const pb::ChecklistTemplate& newer);

}  // namespace ducha::domain
