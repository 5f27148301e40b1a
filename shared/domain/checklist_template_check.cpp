#include "shared/domain/checklist_template_check.h"

#include <cctype>
#include <set>

#include "shared/common/text.h"

namespace ducha::domain {

namespace {

// Codes travel in answers, CSV columns and URLs: letters, digits, '-' and '_' only.
bool valid_code(const std::string& code) {
    if (code.empty() || code.size() > 32) return false;
    for (unsigned char c : code)
        if (!std::isalnum(c) && c != '-' && c != '_') return false;
    return true;
}

}  // namespace

std::string checklist_version_id(int version) { return "checklist.v" + std::to_string(version); }

std::vector<Error> checklist_template_problems(const pb::ChecklistTemplate& tpl) {
    std::vector<Error> out;
    auto add = [&](Msg m, std::vector<std::string> args = {}) { out.emplace_back(Errc::invalid_argument, m, std::move(args)); };
    if (is_blank_text(tpl.name())) add(Msg::checklist_needs_name);
    if (tpl.template_version() < 1) add(Msg::checklist_version_positive, {std::to_string(tpl.template_version())});
    if (tpl.steps().empty() || tpl.items().empty()) add(Msg::checklist_needs_steps_and_items);

    std::set<std::string> steps, items;
    for (const auto& s : tpl.steps()) {
        if (!valid_code(s.code())) add(Msg::checklist_code_invalid, {s.code()});
        else if (!steps.insert(s.code()).second) add(Msg::checklist_step_twice, {s.code()});
        if (is_blank_text(s.text_zh())) add(Msg::checklist_text_missing, {s.code()});
    }
    for (const auto& i : tpl.items()) {
        if (!valid_code(i.code())) add(Msg::checklist_code_invalid, {i.code()});
        else if (!items.insert(i.code()).second) add(Msg::checklist_item_twice, {i.code()});
        if (is_blank_text(i.text_zh())) add(Msg::checklist_text_missing, {i.code()});
        if (!steps.contains(i.step())) add(Msg::checklist_item_unknown_step, {i.code(), i.step()});
        if (i.severity() != "critical" && i.severity() != "major" && i.severity() != "minor")
            add(Msg::checklist_item_bad_severity, {i.code(), i.severity()});
        if (!i.applies().empty() && i.applies() != "all" && i.applies() != "academic" && i.applies() != "open")
            add(Msg::checklist_item_bad_applies, {i.code(), i.applies()});
    }
    return out;
}

Status check_checklist_succession(const std::string& id, const pb::ChecklistTemplate& next,
                                  const pb::ChecklistTemplate* previous) {
    const int version = next.template_version();
    if (id != checklist_version_id(version))
        return fail(Errc::invalid_argument, Msg::checklist_version_id_mismatch, std::to_string(version),
                    checklist_version_id(version));
    if (next.supersedes().empty()) {
        if (version != 1) return fail(Errc::invalid_argument, Msg::checklist_first_version_only);
        return {};
    }
    if (!previous) return fail(Errc::invalid_argument, Msg::checklist_superseded_unknown, next.supersedes());
    if (version != previous->template_version() + 1)
        return fail(Errc::invalid_argument, Msg::checklist_version_must_follow,
                    std::to_string(previous->template_version() + 1), std::to_string(previous->template_version()));
    return {};
}

}  // namespace ducha::domain
