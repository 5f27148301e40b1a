// Checklist versions on an admin's device: the versions in order, the next one published from a
// file (numbered after the newest, under checklist.v<N>, superseding it), what a file may and may
// not hold, and who may publish. No server: what is queued is read back from the outbox.
#include <catch2/catch.hpp>

#include "shared/desk/checklist_desk.h"
#include "shared/domain/checklist_template_check.h"
#include "shared/support/desk_fixture.h"

using namespace ducha;
using namespace ducha::desk;
using namespace ducha::domain;
using namespace ducha::test;

namespace {

const Enrolled kAdmin{"adm", "admin", "", "dev-adm", "管理员"};

pb::ChecklistTemplate with_item_x5(pb::ChecklistTemplate t) {
    auto* x5 = t.add_items();
    x5->set_code("X5");
    x5->set_step("S7");
    x5->set_text_zh("是否公示收费标准");
    x5->set_text_en("fees on public display");
    x5->set_severity("minor");
    return t;
}

}  // namespace

TEST_CASE("checklist desk: versions oldest first, one by number or the newest", "[desk][checklist]") {
    DeskDevice dev{kAdmin};
    ChecklistDesk desk{dev.writer()};
    auto none = desk.version(0);
    REQUIRE_FALSE(none);
    CHECK(none.error().code == Errc::not_found);

    auto v2 = with_item_x5(default_checklist());
    v2.set_template_version(2);
    v2.set_supersedes("checklist.v1");
    dev.put(kChecklistTemplate, "checklist.v2", v2);
    dev.put(kChecklistTemplate, "checklist.v1", default_checklist());
    auto all = desk.versions();
    REQUIRE(all.has_value());
    REQUIRE(all->size() == 2);
    CHECK(all->at(0).id == "checklist.v1");
    CHECK(all->at(1).id == "checklist.v2");
    CHECK(desk.version(0)->id == "checklist.v2");
    CHECK(desk.version(1)->id == "checklist.v1");
    auto seven = desk.version(7);
    REQUIRE_FALSE(seven);
    CHECK(seven.error().text(Lang::en) == "there is no checklist version 7 on this device: sync first");
    auto changes = desk.changes(1, 2);
    REQUIRE(changes.has_value());
    REQUIRE(changes->size() == 1);
    CHECK(changes->at(0).words().text(Lang::en) == "item X5 added: fees on public display");
}

TEST_CASE("checklist desk: publishing queues the newest + 1 under its own id, superseding the newest", "[desk][checklist]") {
    DeskDevice dev{kAdmin};
    dev.put(kChecklistTemplate, "checklist.v1", default_checklist());
    ChecklistDesk desk{dev.writer()};

    // From a file: the version and chain fields in it do not count.
    auto file = with_item_x5(default_checklist());
    file.set_template_version(40);
    file.set_supersedes("elsewhere");
    file.set_published_by("someone");
    auto parsed = ChecklistDesk::parse_json(ChecklistDesk::to_json(file), "v2.json");
    REQUIRE(parsed.has_value());
    CHECK(parsed->template_version() == 0);
    CHECK(parsed->supersedes().empty());
    CHECK(parsed->published_by().empty());
    auto p = desk.publish(*parsed, "收费公示");
    REQUIRE(p.has_value());
    CHECK(p->id == "checklist.v2");
    CHECK(p->version == 2);
    CHECK(p->items == 22);
    REQUIRE(p->changes.size() == 1);

    auto out = dev.outbox();
    REQUIRE(out.size() == 1);
    CHECK(out[0].mutation.collection() == kChecklistTemplate);
    CHECK(out[0].mutation.id() == "checklist.v2");
    CHECK(out[0].mutation.base_version() == 0);
    pb::ChecklistTemplate queued;
    REQUIRE(queued.ParseFromString(out[0].mutation.payload()));
    CHECK(queued.template_version() == 2);
    CHECK(queued.supersedes() == "checklist.v1");
    CHECK(queued.note() == "收费公示");
    CHECK(queued.name() == default_checklist().name());

    // Acknowledged, it is the newest: the next file is numbered 3.
    dev.ack_all();
    CHECK(desk.version(0)->id == "checklist.v2");
    auto v3 = *parsed;
    v3.mutable_items(0)->set_text_en("new words");
    auto p3 = desk.publish(v3, "");
    REQUIRE(p3.has_value());
    CHECK(p3->id == "checklist.v3");
}

TEST_CASE("checklist desk: a file with problems, or the newest's own steps and items, queues nothing", "[desk][checklist]") {
    DeskDevice dev{kAdmin};
    dev.put(kChecklistTemplate, "checklist.v1", default_checklist());
    ChecklistDesk desk{dev.writer()};

    auto same = desk.publish(default_checklist(), "");
    REQUIRE_FALSE(same);
    CHECK(same.error().text(Lang::en) == "the same steps and items as version 1, the newest: nothing published");

    auto broken = default_checklist();
    broken.mutable_items(0)->set_severity("fatal");
    broken.mutable_items(1)->set_step("S99");
    auto b = desk.publish(broken, "");
    REQUIRE_FALSE(b);
    CHECK_THAT(b.error().text(Lang::en), Catch::Contains("severity 'fatal'"));
    CHECK_THAT(b.error().text(Lang::en), Catch::Contains("step 'S99'"));

    auto unknown = ChecklistDesk::parse_json(R"({"name": "x", "itemz": []})", "bad.json");
    REQUIRE_FALSE(unknown);
    CHECK_THAT(unknown.error().text(Lang::en), Catch::StartsWith("the checklist file bad.json is not checklist JSON"));
    auto not_json = ChecklistDesk::parse_json("name = x", "bad.txt");
    REQUIRE_FALSE(not_json);
    CHECK(not_json.error().code == Errc::invalid_argument);
    CHECK(dev.outbox().empty());
}

TEST_CASE("checklist desk: only an admin publishes: refused on a coordinator's device, nothing queued", "[desk][checklist]") {
    DeskDevice dev{kCoordinatorA};
    dev.put(kChecklistTemplate, "checklist.v1", default_checklist());
    ChecklistDesk desk{dev.writer()};
    auto p = desk.publish(with_item_x5(default_checklist()), "");
    REQUIRE_FALSE(p);
    CHECK(p.error().code == Errc::forbidden);
    CHECK(dev.outbox().empty());
}
