// Zones and 3包 assignments on a coordinator's device: what each action queues, what is refused,
// and the summaries the desk shows.
#include <catch2/catch.hpp>

#include <algorithm>

#include "shared/desk/zone_planner.h"
#include "shared/support/desk_fixture.h"

using namespace ducha;
using namespace ducha::desk;
using namespace ducha::domain;
using namespace ducha::test;

namespace {

pb::Assignment binding(const std::string& user, const std::string& zone, const std::string& inst = {},
                       const std::string& district = "dA") {
    pb::Assignment a;
    a.set_user_id(user);
    a.set_district_id(district);
    a.set_zone_id(zone);
    a.set_institution_id(inst);
    return a;
}

std::vector<std::string> fields_of(const pb::Mutation& m) { return {m.changed_fields().begin(), m.changed_fields().end()}; }

}  // namespace

TEST_CASE("zones: create and edit queue last-writer-wins zone records", "[desk][zones]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    ZonePlanner zones{dev.writer()};

    auto id = zones.create_zone("", "和平片区", {"和平小区", " ", "新华小区"});
    REQUIRE(id.has_value());
    auto out = dev.outbox();
    REQUIRE(out.size() == 1);
    CHECK(out[0].mutation.collection() == "zone");
    CHECK(out[0].mutation.hlc() > 0);
    const auto z = parsed<pb::Zone>(out[0].mutation.payload());
    CHECK(z.district_id() == "dA");  // the coordinator's own
    CHECK(z.name() == "和平片区");
    CHECK(std::vector<std::string>(z.communities().begin(), z.communities().end()) ==
          std::vector<std::string>{"和平小区", "新华小区"});  // blank names dropped

    REQUIRE(zones.edit_zone("zA2", "站前片区（扩）", {"站前小区", ""}));
    out = dev.outbox();
    REQUIRE(out.size() == 2);
    CHECK(out[1].mutation.id() == "zA2");
    CHECK(out[1].mutation.base_version() == 1);
    CHECK(fields_of(out[1].mutation) == std::vector<std::string>{"name", "communities"});
    const auto e = parsed<pb::Zone>(out[1].mutation.payload());
    CHECK(e.name() == "站前片区（扩）");
    CHECK(e.communities_size() == 1);

    refusal(zones.create_zone("dA", "胜利片区", {}), Errc::already_exists, "the district already has a zone named 胜利片区");
    refusal(zones.create_zone("dA", "  ", {}), Errc::invalid_argument, "the zone needs a name");
    refusal(zones.create_zone("dB", "越界片区", {}), Errc::forbidden, "outside your district");
    refusal(zones.edit_zone("zA1", "", {}), Errc::invalid_argument, "the zone needs a name");
    refusal(zones.edit_zone("zB1", "改名", {}), Errc::forbidden, "outside your district");
    refusal(zones.edit_zone("zX", "改名", {}), Errc::not_found, "no such zone on this device: zX");
    CHECK(dev.outbox().size() == 2);
}

TEST_CASE("zones: assign binds an active volunteer of the district to one zone or one institution", "[desk][zones]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    dev.put(kAssignment, "as-1", binding("vA2", "zA2"));
    ZonePlanner zones{dev.writer()};

    auto to_zone = zones.assign("vA1", "zA1", "");
    REQUIRE(to_zone.has_value());
    auto to_inst = zones.assign("vA1", "", "iA2");
    REQUIRE(to_inst.has_value());
    const auto out = dev.outbox();
    REQUIRE(out.size() == 2);
    CHECK(out[0].mutation.collection() == "assignment");
    CHECK(out[0].mutation.id() == *to_zone);
    const auto a = parsed<pb::Assignment>(out[0].mutation.payload());
    CHECK(a.user_id() == "vA1");
    CHECK(a.district_id() == "dA");
    CHECK(a.zone_id() == "zA1");
    CHECK(a.institution_id().empty());
    const auto b = parsed<pb::Assignment>(out[1].mutation.payload());
    CHECK(b.zone_id().empty());
    CHECK(b.institution_id() == "iA2");

    refusal(zones.assign("vA1", "zA1", "iA1"), Errc::invalid_argument, "give exactly one of a zone or an institution");
    refusal(zones.assign("vA1", "", ""), Errc::invalid_argument, "give exactly one of a zone or an institution");
    refusal(zones.assign("vA4", "zA1", ""), Errc::invalid_argument, "only active volunteers can be assigned");
    refusal(zones.assign("coA2", "zA1", ""), Errc::invalid_argument, "only active volunteers can be assigned");
    refusal(zones.assign("vB1", "zA1", ""), Errc::invalid_argument, "the volunteer belongs to another district");
    refusal(zones.assign("vB1", "zB1", ""), Errc::forbidden, "outside your district");
    refusal(zones.assign("vA2", "zA2", ""), Errc::already_exists, "this assignment already exists");
    refusal(zones.assign("vA1", "zA1", ""), Errc::already_exists, "this assignment already exists");  // the queued one counts
    refusal(zones.assign("v-unknown", "zA1", ""), Errc::not_found, "no such user on this device: v-unknown");
    CHECK(dev.outbox().size() == 2);
}

TEST_CASE("zones: bulk assignment is all or nothing", "[desk][zones]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    ZonePlanner zones{dev.writer()};

    refusal(zones.bulk_assign("vA3", {}), Errc::invalid_argument, "no institutions chosen");
    auto bad = zones.bulk_assign("vA3", {"iA1", "iA2", "iB1"});
    auto e = refusal(bad, Errc::forbidden, "outside your district");
    CHECK(e.message().find("(iB1)") != std::string::npos);  // names the institution
    CHECK(dev.outbox().empty());  // the first two were taken back
    CHECK(dev.writer().list<pb::Assignment>(kAssignment)->empty());

    auto ok = zones.bulk_assign("vA3", {"iA1", "iA3"});
    REQUIRE(ok.has_value());
    REQUIRE(ok->size() == 2);
    const auto out = dev.outbox();
    REQUIRE(out.size() == 2);
    CHECK(parsed<pb::Assignment>(out[0].mutation.payload()).institution_id() == "iA1");
    CHECK(parsed<pb::Assignment>(out[1].mutation.payload()).institution_id() == "iA3");
}

TEST_CASE("zones: unassign and move a volunteer, the move all or nothing", "[desk][zones]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    dev.put(kAssignment, "as-1", binding("vA1", "zA1"), 2);
    dev.put(kAssignment, "as-far", binding("vB1", "zB1", "", "dB"));
    ZonePlanner zones{dev.writer()};

    SECTION("unassign queues a delete carrying the last payload") {
        REQUIRE(zones.unassign("as-1"));
        const auto out = dev.outbox();
        REQUIRE(out.size() == 1);
        CHECK(out[0].mutation.deleted());
        CHECK(out[0].mutation.base_version() == 2);
        CHECK(parsed<pb::Assignment>(out[0].mutation.payload()).zone_id() == "zA1");
        refusal(zones.unassign("as-far"), Errc::forbidden, "outside your district");
        refusal(zones.unassign("as-none"), Errc::not_found, "no such assignment on this device: as-none");
        CHECK(dev.outbox().size() == 1);
    }
    SECTION("move: the old binding deleted, the new one created") {
        REQUIRE(zones.move_volunteer("vA1", "zA1", "zA2"));
        const auto out = dev.outbox();
        REQUIRE(out.size() == 2);
        CHECK(out[0].mutation.id() == "as-1");
        CHECK(out[0].mutation.deleted());
        CHECK_FALSE(out[1].mutation.deleted());
        CHECK(parsed<pb::Assignment>(out[1].mutation.payload()).zone_id() == "zA2");
    }
    SECTION("move refused halfway: the delete is taken back") {
        refusal(zones.move_volunteer("vA1", "zA1", "zB1"), Errc::forbidden, "outside your district");
        CHECK(dev.outbox().empty());
        auto still = dev.writer().load<pb::Assignment>(kAssignment, "as-1");
        CHECK((still && *still));
        refusal(zones.move_volunteer("vA1", "zA2", "zA1"), Errc::not_found, "the volunteer is not bound to that zone");
        refusal(zones.move_volunteer("vA1", "zA1", "zA1"), Errc::invalid_argument, "the zones are the same");
        CHECK(dev.outbox().empty());
    }
}

TEST_CASE("zones: zone summaries, assignments, unassigned institutions and volunteers", "[desk][zones]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    auto reported = institution("无名托管", "dA", "zA1");
    reported.set_field_reported(true);
    reported.set_licensed(false);
    dev.put(kInstitution, "iA-field", reported);
    dev.put(kAssignment, "as-1", binding("vA1", "zA1"));
    dev.put(kAssignment, "as-2", binding("vA2", "zA1"));
    dev.put(kAssignment, "as-3", binding("vA3", "", "iA2"));
    ZonePlanner zones{dev.writer()};

    auto zs = zones.zones("dA");
    REQUIRE(zs.has_value());
    REQUIRE(zs->size() == 2);
    const auto& victory = zs->at(0).id == "zA1" ? zs->at(0) : zs->at(1);
    CHECK(victory.name == "胜利片区");
    CHECK(victory.institutions == 2);  // iA1 and iA3; the field-reported site is not in the registry
    CHECK(victory.communities == std::vector<std::string>{"胜利小区", "园林小区"});
    CHECK(victory.volunteer_ids == std::vector<std::string>{"vA1", "vA2"});
    CHECK(victory.volunteer_names == std::vector<std::string>{"王芳", "李强"});
    CHECK(zones.zones("")->size() == 3);

    auto mine = zones.assignments("dA", "vA3");
    REQUIRE(mine.has_value());
    REQUIRE(mine->size() == 1);
    CHECK(mine->at(0).user_name == "张伟");
    CHECK(mine->at(0).institution_name == "星光艺术");
    CHECK(zones.assignments("dA")->size() == 3);

    // iA1 and iA3 are in a bound zone, iA2 is bound by name: none uncovered in dA.
    auto none = zones.unassigned("dA");
    REQUIRE(none.has_value());
    CHECK(none->empty());
    dev.put(kInstitution, "iA9", institution("新开机构", "dA", "zA2"));
    auto one = zones.unassigned("dA");
    REQUIRE(one->size() == 1);
    CHECK(one->at(0).id == "iA9");

    auto vols = zones.volunteers("dA");
    REQUIRE(vols.has_value());
    std::vector<std::string> ids;
    for (const auto& v : *vols) ids.push_back(v.id);
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"vA1", "vA2", "vA3"});  // not the inactive one, not staff
    CHECK(zones.volunteers("")->size() == 4);
    CHECK(dev.outbox().empty());
}

TEST_CASE("zones: supervisors and volunteers do not plan zones", "[desk][zones]") {
    DeskDevice sup{kSupervisor};
    put_city(sup);
    ZonePlanner theirs{sup.writer()};
    refusal(theirs.create_zone("dA", "督导片区", {}), Errc::forbidden, "supervisors may not create zone records");
    refusal(theirs.assign("vA1", "zA1", ""), Errc::forbidden, "supervisors may not create assignment records");
    CHECK(sup.outbox().empty());

    DeskDevice vol{kVolunteerA};
    put_city(vol);
    vol.put(kAssignment, "as-1", binding("vA1", "zA1"));
    ZonePlanner own{vol.writer()};
    refusal(own.unassign("as-1"), Errc::forbidden, "volunteers may not delete assignment records");
    CHECK(vol.outbox().empty());
}
