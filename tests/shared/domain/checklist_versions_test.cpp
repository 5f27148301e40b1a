// What makes a checklist version publishable, how a version follows the one it supersedes, and
// what changed between two versions: the rules the admin's device and the server share.
#include <catch2/catch.hpp>

#include <algorithm>

#include "shared/domain/checklist.h"
#include "shared/domain/checklist_changes.h"
#include "shared/domain/checklist_template_check.h"

using namespace ducha;
using namespace ducha::domain;

namespace {

std::vector<std::string> texts(const std::vector<Error>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.text(Lang::en));
    return out;
}

pb::ChecklistItem* item(pb::ChecklistTemplate& t, const std::string& code) {
    for (auto& i : *t.mutable_items())
        if (i.code() == code) return &i;
    FAIL("no item " << code);
    return nullptr;
}

}  // namespace

TEST_CASE("the shipped checklist is publishable and stored as checklist.v1", "[checklist][versions]") {
    CHECK(checklist_template_problems(default_checklist()).empty());
    CHECK(checklist_version_id(1) == "checklist.v1");
    CHECK(checklist_version_id(12) == "checklist.v12");
    CHECK(check_checklist_succession("checklist.v1", default_checklist(), nullptr));
}

TEST_CASE("every content problem is named, in the template's order", "[checklist][versions]") {
    auto t = default_checklist();
    t.set_name(" ");
    t.set_template_version(0);
    *t.add_steps() = t.steps(0);                          // a step twice
    item(t, "L2")->set_code("L1");                        // an item twice
    item(t, "T1")->set_step("S99");                       // a step that does not exist
    item(t, "T2")->set_severity("fatal");
    item(t, "T3")->set_applies("sometimes");
    item(t, "T4")->set_text_zh("");
    item(t, "T5")->set_code("T 5");                       // a code with a space
    const auto found = texts(checklist_template_problems(t));
    const std::vector<std::string> expected{
        "the checklist needs a name",
        "the version must be a whole number of at least 1 (it is 0)",
        "step " + default_checklist().steps(0).code() + " appears twice",
        "item L1 appears twice",
        "item T1 belongs to step 'S99', which the checklist does not have",
        "item T2: severity 'fatal' is not critical, major or minor",
        "item T3: applies 'sometimes' is not all, academic or open",
        "T4 has no Chinese text",
        "'T 5' cannot be a code: use letters, digits, - and _ only (at most 32)",
    };
    CHECK(found == expected);
}

TEST_CASE("a checklist without steps or items cannot be published, a step without items can", "[checklist][versions]") {
    pb::ChecklistTemplate empty;
    empty.set_name("空");
    empty.set_template_version(1);
    CHECK(texts(checklist_template_problems(empty)) ==
          std::vector<std::string>{"the checklist needs at least one step and one item"});
    // Check-in, the badge and the signature are steps without items of their own.
    auto t = default_checklist();
    auto* s = t.add_steps();
    s->set_code("S9");
    s->set_text_zh("新步骤");
    CHECK(checklist_template_problems(t).empty());
}

TEST_CASE("a new version follows the one it supersedes, under its own id", "[checklist][versions]") {
    const auto v1 = default_checklist();
    auto v2 = v1;
    v2.set_template_version(2);
    v2.set_supersedes("checklist.v1");
    CHECK(check_checklist_succession("checklist.v2", v2, &v1));
    // Another id for version 2: two admins could then both publish "version 2".
    auto wrong_id = check_checklist_succession("my-own-id", v2, &v1);
    REQUIRE_FALSE(wrong_id);
    CHECK(wrong_id.error().text(Lang::en) == "version 2 of the checklist must be stored as checklist.v2");
    // Skipping a number.
    auto v3 = v2;
    v3.set_template_version(3);
    auto skipped = check_checklist_succession("checklist.v3", v3, &v1);
    REQUIRE_FALSE(skipped);
    CHECK(skipped.error().text(Lang::en) == "the new version must be version 2 (it supersedes version 1)");
    // Superseding a version the store does not hold, or none at all above version 1.
    auto unknown = check_checklist_succession("checklist.v2", v2, nullptr);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().text(Lang::en) == "the version it supersedes, checklist.v1, does not exist");
    auto orphan = v2;
    orphan.clear_supersedes();
    CHECK_FALSE(check_checklist_succession("checklist.v2", orphan, nullptr));
}

TEST_CASE("what changed between two versions: steps, then items, each field named", "[checklist][versions]") {
    const auto v1 = default_checklist();
    auto v2 = v1;
    item(v2, "T3")->set_severity("critical");
    item(v2, "T3")->set_photo_on_fail(false);
    item(v2, "T2")->set_text_en("new words");
    auto* added = v2.add_items();
    added->set_code("X5");
    added->set_step(item(v2, "X1")->step());
    added->set_text_zh("是否公示收费标准");
    added->set_text_en("fees on public display");
    added->set_severity("minor");
    // L4 removed.
    auto* items = v2.mutable_items();
    items->erase(std::find_if(items->begin(), items->end(), [](const pb::ChecklistItem& i) { return i.code() == "L4"; }));
    v2.mutable_steps(0)->set_text_en("renamed step");

    const auto changes = checklist_changes(v1, v2);
    std::vector<std::string> en, zh;
    for (const auto& c : changes) {
        en.push_back(c.words().text(Lang::en));
        zh.push_back(c.words().text(Lang::zh));
    }
    CHECK(en == std::vector<std::string>{
                    "step " + v1.steps(0).code() + " changed: wording",
                    "item L4 removed: " + v1.items(3).text_en(),
                    "item T2 changed: wording",
                    "item T3 changed: severity major → critical; photo on fail yes → no",
                    "item X5 added: fees on public display",
                });
    CHECK(zh[4] == "新增检查项 X5：是否公示收费标准");
    // Back the other way round, and a version against itself.
    CHECK(checklist_changes(v2, v1).size() == 5);
    CHECK(checklist_changes(v1, v1).empty());
}
