#include "shared/domain/checklist_changes.h"

#include <map>

namespace ducha::domain {

namespace {

using Kind = ChecklistChange::Kind;

std::string yes_no_zh(bool b) { return b ? "是" : "否"; }
std::string yes_no_en(bool b) { return b ? "yes" : "no"; }
std::string or_all(const std::string& applies) { return applies.empty() ? "all" : applies; }

void field(ChecklistChange& c, bool differs, std::string zh, std::string en) {
    if (!differs) return;
    c.details_zh.push_back(std::move(zh));
    c.details_en.push_back(std::move(en));
}

std::string joined(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
    return out;
}

template <typename T>
std::map<std::string, const T*> by_code(const google::protobuf::RepeatedPtrField<T>& list) {
    std::map<std::string, const T*> out;
    for (const auto& x : list) out.emplace(x.code(), &x);
    return out;
}

}  // namespace

Error ChecklistChange::words() const {
    switch (kind) {
        case Kind::step_added: return Error{Errc::ok, Msg::checklist_step_added, code, text_zh, text_en};
        case Kind::step_removed: return Error{Errc::ok, Msg::checklist_step_removed, code, text_zh, text_en};
        case Kind::step_changed:
            return Error{Errc::ok, Msg::checklist_step_changed, code, joined(details_zh, "；"), joined(details_en, "; ")};
        case Kind::item_added: return Error{Errc::ok, Msg::checklist_item_added, code, text_zh, text_en};
        case Kind::item_removed: return Error{Errc::ok, Msg::checklist_item_removed, code, text_zh, text_en};
        case Kind::item_changed:
            return Error{Errc::ok, Msg::checklist_item_changed, code, joined(details_zh, "；"), joined(details_en, "; ")};
    }
    return Error{Errc::ok, Msg::verbatim, code};
}

std::vector<ChecklistChange> checklist_changes(const pb::ChecklistTemplate& older, const pb::ChecklistTemplate& newer) {
    std::vector<ChecklistChange> out;
    auto make = [](Kind k, const auto& x) {
        ChecklistChange c;
        c.kind = k;
        c.code = x.code();
        c.text_zh = x.text_zh();
        c.text_en = x.text_en();
        return c;
    };

    const auto old_steps = by_code(older.steps()), new_steps = by_code(newer.steps());
    for (const auto& s : older.steps())
        if (!new_steps.contains(s.code())) out.push_back(make(Kind::step_removed, s));
    for (const auto& s : newer.steps()) {
        auto it = old_steps.find(s.code());
        if (it == old_steps.end()) {
            out.push_back(make(Kind::step_added, s));
            continue;
        }
        const auto& o = *it->second;
        ChecklistChange c = make(Kind::step_changed, s);
        field(c, o.text_zh() != s.text_zh() || o.text_en() != s.text_en(), "文字", "wording");
        field(c, o.open_only() != s.open_only(), "仅公开检查 " + yes_no_zh(o.open_only()) + "→" + yes_no_zh(s.open_only()),
              "open visits only " + yes_no_en(o.open_only()) + " → " + yes_no_en(s.open_only()));
        if (!c.details_zh.empty()) out.push_back(std::move(c));
    }

    const auto old_items = by_code(older.items()), new_items = by_code(newer.items());
    for (const auto& i : older.items())
        if (!new_items.contains(i.code())) out.push_back(make(Kind::item_removed, i));
    for (const auto& i : newer.items()) {
        auto it = old_items.find(i.code());
        if (it == old_items.end()) {
            out.push_back(make(Kind::item_added, i));
            continue;
        }
        const auto& o = *it->second;
        ChecklistChange c = make(Kind::item_changed, i);
        field(c, o.text_zh() != i.text_zh() || o.text_en() != i.text_en(), "文字", "wording");
        field(c, o.step() != i.step(), "步骤 " + o.step() + "→" + i.step(), "step " + o.step() + " → " + i.step());
        field(c, o.severity() != i.severity(), "严重程度 " + o.severity() + "→" + i.severity(),
              "severity " + o.severity() + " → " + i.severity());
        field(c, o.photo_on_fail() != i.photo_on_fail(),
              "不合格须拍照 " + yes_no_zh(o.photo_on_fail()) + "→" + yes_no_zh(i.photo_on_fail()),
              "photo on fail " + yes_no_en(o.photo_on_fail()) + " → " + yes_no_en(i.photo_on_fail()));
        field(c, or_all(o.applies()) != or_all(i.applies()), "适用范围 " + or_all(o.applies()) + "→" + or_all(i.applies()),
              "applies to " + or_all(o.applies()) + " → " + or_all(i.applies()));
        if (!c.details_zh.empty()) out.push_back(std::move(c));
    }
    return out;
}

}  // namespace ducha::domain
