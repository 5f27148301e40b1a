// RecordWriter: what every desk action queues in the end (new record, compare-and-set update,
// last-writer-wins fields, delete), each judged by the device's write rules before it is queued.
#include <catch2/catch.hpp>

#include "shared/desk/record_writer.h"
#include "shared/support/desk_fixture.h"

using namespace ducha;
using namespace ducha::desk;
using namespace ducha::domain;
using namespace ducha::test;

TEST_CASE("record writer: create queues a new record at version 0 and keeps a local copy", "[desk][record-writer]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    auto& w = dev.writer();

    pb::Complaint c;
    c.set_district_id("dA");
    c.set_source("12345");
    c.set_text("周末补课");
    c.set_address("胜利路 1 号");
    c.set_status("open");
    auto id = w.create(kComplaint, c);
    REQUIRE(id.has_value());
    CHECK(id->size() == 36);  // a fresh UUID

    auto explicit_id = w.create(kComplaint, c, "cmp-fixed");
    REQUIRE(explicit_id.has_value());
    CHECK(*explicit_id == "cmp-fixed");

    const auto out = dev.outbox();
    REQUIRE(out.size() == 2);
    const auto& m = out[0].mutation;
    CHECK(m.collection() == "complaint");
    CHECK(m.id() == *id);
    CHECK(m.base_version() == 0);
    CHECK_FALSE(m.deleted());
    CHECK(m.hlc() == 0);  // compare-and-set collections carry no clock
    CHECK(m.changed_fields_size() == 0);
    CHECK(parsed<pb::Complaint>(m.payload()).text() == "周末补课");
    CHECK(out[0].state == "pending");
    CHECK(out[1].mutation.id() == "cmp-fixed");

    auto local = w.load<pb::Complaint>(kComplaint, *id);
    REQUIRE(local.has_value());
    REQUIRE(local->has_value());
    CHECK((*local)->version == 1);
    CHECK((*local)->msg.text() == "周末补课");
}

TEST_CASE("record writer: institutions and zones carry a hybrid clock that never goes back", "[desk][record-writer]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    auto& w = dev.writer();
    auto i = institution("新开机构", "dA", "zA1");
    REQUIRE(w.create(kInstitution, i).has_value());
    auto zone = w.load<pb::Zone>(kZone, "zA2");
    REQUIRE((zone && *zone));
    pb::Zone z = (*zone)->msg;
    z.set_name("站前新片区");
    REQUIRE(w.edit_fields(kZone, "zA2", (*zone)->version, z, {"name"}));

    const auto out = dev.outbox();
    REQUIRE(out.size() == 2);
    CHECK(out[0].mutation.hlc() > 0);
    CHECK(out[1].mutation.hlc() > out[0].mutation.hlc());
    CHECK(out[1].mutation.collection() == "zone");
    CHECK(out[1].mutation.base_version() == 1);
    CHECK(std::vector<std::string>(out[1].mutation.changed_fields().begin(), out[1].mutation.changed_fields().end()) ==
          std::vector<std::string>{"name"});
}

TEST_CASE("record writer: update and remove name the version this device saw", "[desk][record-writer]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    pb::Assignment a;
    a.set_user_id("vA1");
    a.set_district_id("dA");
    a.set_zone_id("zA1");
    dev.put(kAssignment, "as-1", a, 4);
    pb::Task t;
    t.set_institution_id("iA1");
    t.set_district_id("dA");
    t.set_kind("routine");
    t.add_assignees("vA1");
    t.set_created_by("coA");
    t.set_status("open");
    dev.put(kTask, "t-1", t, 7);
    auto& w = dev.writer();

    t.set_priority(1);
    REQUIRE(w.update(kTask, "t-1", 7, t));
    REQUIRE(w.remove(kAssignment, "as-1", 4, a));

    const auto out = dev.outbox();
    REQUIRE(out.size() == 2);
    CHECK(out[0].mutation.base_version() == 7);
    CHECK(parsed<pb::Task>(out[0].mutation.payload()).priority() == 1);
    CHECK(out[1].mutation.deleted());
    CHECK(out[1].mutation.base_version() == 4);
    CHECK(parsed<pb::Assignment>(out[1].mutation.payload()).zone_id() == "zA1");  // the last payload travels with it

    auto task = w.load<pb::Task>(kTask, "t-1");
    CHECK((*task)->version == 8);
    auto gone = w.load<pb::Assignment>(kAssignment, "as-1");
    REQUIRE(gone.has_value());
    CHECK_FALSE(gone->has_value());  // a deleted record loads as absent
}

TEST_CASE("record writer: load, require and list read the replica", "[desk][record-writer]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    auto& w = dev.writer();
    auto missing = w.require<pb::Zone>(kZone, "zX", "片区");
    auto e = refusal(missing, Errc::not_found, "no such zone on this device: zX (sync first?)");
    CHECK(e.message().find("本机没有这条片区记录") != std::string::npos);

    auto z = w.require<pb::Zone>(kZone, "zA1", "片区");
    REQUIRE(z.has_value());
    CHECK(z->msg.name() == "胜利片区");
    CHECK(z->seq > 100);  // the server seq it came with

    auto users = w.list<pb::User>(kUser);
    REQUIRE(users.has_value());
    CHECK(users->size() == 8);
    CHECK(users->front().id == "coA");  // in id order
    CHECK(dev.outbox().empty());        // reading queues nothing
}

TEST_CASE("record writer: a change the write rules refuse is refused at once and nothing is queued", "[desk][record-writer]") {
    SECTION("no grant for the role: a volunteer making a district") {
        DeskDevice dev{kVolunteerA};
        put_city(dev);
        pb::District d;
        d.set_name("新区");
        refusal(dev.writer().create(kDistrict, d), Errc::forbidden, "volunteers may not create district records");
        CHECK(dev.outbox().empty());
        auto local = dev.writer().list<pb::District>(kDistrict);
        CHECK(local->size() == 2);  // no optimistic copy either
    }
    SECTION("outside the actor's district: a coordinator writing another district's institution") {
        DeskDevice dev{kCoordinatorA};
        put_city(dev);
        refusal(dev.writer().create(kInstitution, institution("越界机构", "dB", "zB1")), Errc::forbidden,
                "not allowed: outside your district");
        auto i = dev.writer().require<pb::Institution>(kInstitution, "iB1", "机构");
        REQUIRE(i.has_value());
        auto next = i->msg;
        next.set_name("改名");
        refusal(dev.writer().edit_fields(kInstitution, "iB1", i->version, next, {"name"}), Errc::forbidden,
                "outside your district");
        refusal(dev.writer().remove(kInstitution, "iB1", i->version, i->msg), Errc::forbidden, "outside your district");
        CHECK(dev.outbox().empty());
    }
    SECTION("a field the server keeps: a task's report") {
        DeskDevice dev{kCoordinatorA};
        put_city(dev);
        pb::Task t;
        t.set_institution_id("iA1");
        t.set_district_id("dA");
        t.add_assignees("vA1");
        t.set_status("open");
        t.set_report_id("r-made-up");
        refusal(dev.writer().create(kTask, t), Errc::forbidden, "'report_id' is filled in by the server, not by a device");
        CHECK(dev.outbox().empty());
    }
    SECTION("a profile that is not enrolled") {
        DeskDevice dev;
        pb::Complaint c;
        c.set_status("open");
        refusal(dev.writer().create(kComplaint, c), Errc::not_found, "this profile is not enrolled");
        CHECK(dev.outbox().empty());
    }
}

TEST_CASE("record writer: require_grant and require_district speak the rules' words", "[desk][record-writer]") {
    sync::Identity coordinator;
    coordinator.role = "coordinator";
    coordinator.district_id = "dA";
    CHECK(require_grant(coordinator, kInstitution, policy::kCreate).has_value());
    refusal(require_grant(coordinator, kCase, policy::kCreate), Errc::forbidden, "coordinators may not create case records");
    CHECK(require_district(coordinator, "dA").has_value());
    refusal(require_district(coordinator, "dB"), Errc::forbidden, "outside your district");

    sync::Identity city_wide;
    city_wide.role = "supervisor";
    CHECK(require_district(city_wide, "dB").has_value());  // no district: city-wide

    sync::Identity odd;
    odd.role = "inspector-general";
    refusal(require_grant(odd, kTask, policy::kCreate), Errc::forbidden, "this device's role is unknown: enroll again");

    CHECK(is_blank(" \t\r\n"));
    CHECK(is_blank(""));
    CHECK_FALSE(is_blank(" 字 "));
}
