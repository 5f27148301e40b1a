// The institution registry on a coordinator's device: create and edit entries, CSV import (all
// rows or none), take in or merge a field-reported site, and an entry's history.
#include <catch2/catch.hpp>

#include "shared/desk/institution_registry.h"
#include "shared/support/desk_fixture.h"

using namespace ducha;
using namespace ducha::desk;
using namespace ducha::domain;
using namespace ducha::test;

namespace {

std::vector<std::string> fields_of(const pb::Mutation& m) { return {m.changed_fields().begin(), m.changed_fields().end()}; }

pb::Institution field_site(const std::string& name, const std::string& district = "dA") {
    pb::Institution i;
    i.set_name(name);
    i.set_address(name + " 门牌不详");
    i.set_district_id(district);
    i.set_field_reported(true);
    return i;
}

}  // namespace

TEST_CASE("registry: create queues a registry entry in the coordinator's district", "[desk][registry]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    InstitutionRegistry reg{dev.writer()};

    pb::Institution i;
    i.set_name("育才学堂");
    i.set_address("胜利路 18 号");
    i.set_zone_id("zA1");
    i.set_licensed(true);
    i.set_field_reported(true);  // a registry entry is never a field report
    i.mutable_location()->set_lat(41.1);
    i.mutable_location()->set_lon(123.0);
    auto id = reg.create(i);
    REQUIRE(id.has_value());
    const auto out = dev.outbox();
    REQUIRE(out.size() == 1);
    CHECK(out[0].mutation.collection() == "institution");
    CHECK(out[0].mutation.id() == *id);
    CHECK(out[0].mutation.hlc() > 0);
    const auto q = parsed<pb::Institution>(out[0].mutation.payload());
    CHECK(q.district_id() == "dA");
    CHECK_FALSE(q.field_reported());
    CHECK(q.zone_id() == "zA1");
}

TEST_CASE("registry: what create refuses, nothing queued", "[desk][registry]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    InstitutionRegistry reg{dev.writer()};

    pb::Institution blank;
    auto e = refusal(reg.create(blank), Errc::invalid_argument, "the name is required");
    CHECK(e.message().find("the address is required") != std::string::npos);  // every problem at once

    auto far = institution("越界机构", "dA", "zB1");
    refusal(reg.create(far), Errc::invalid_argument, "the zone is in another district");
    refusal(reg.create(institution("越界机构", "dB", "")), Errc::forbidden, "outside your district");
    refusal(reg.create(institution("启航教育", "dA", "")), Errc::already_exists,
            "the registry already has 启航教育 at this address (iA1)");
    auto off_map = institution("远方", "dA", "");
    off_map.mutable_location()->set_lat(91);
    refusal(reg.create(off_map), Errc::invalid_argument, "the coordinates are out of range");
    pb::Institution long_name = institution(std::string(201, 'x'), "dA", "");
    refusal(reg.create(long_name), Errc::invalid_argument, "the name is too long");
    refusal(reg.create(institution("无片区", "dA", "zX")), Errc::not_found, "no such zone on this device: zX");
    CHECK(dev.outbox().empty());

    DeskDevice sup{kSupervisor};
    put_city(sup);
    InstitutionRegistry theirs{sup.writer()};
    refusal(theirs.create(institution("督导新建", "dA", "")), Errc::forbidden, "supervisors may not create institution records");
    CHECK(sup.outbox().empty());
}

TEST_CASE("registry: update changes the named fields, last writer wins", "[desk][registry]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    InstitutionRegistry reg{dev.writer()};
    auto cur = dev.writer().require<pb::Institution>(kInstitution, "iA2", "机构");
    REQUIRE(cur.has_value());
    auto next = cur->msg;
    next.set_name("星光艺术中心");
    next.set_contact_phone("0412-5550000");
    REQUIRE(reg.update("iA2", next, {"name", "contact_phone"}));
    const auto out = dev.outbox();
    REQUIRE(out.size() == 1);
    CHECK(out[0].mutation.base_version() == 1);
    CHECK(out[0].mutation.hlc() > 0);
    CHECK(fields_of(out[0].mutation) == std::vector<std::string>{"name", "contact_phone"});
    CHECK(parsed<pb::Institution>(out[0].mutation.payload()).name() == "星光艺术中心");

    refusal(reg.update("iA2", next, {}), Errc::invalid_argument, "nothing to change");
    refusal(reg.update("iA2", next, {"colour"}), Errc::invalid_argument, "unknown field: colour");
    auto moved = next;
    moved.set_district_id("dB");
    refusal(reg.update("iA2", moved, {"district_id"}), Errc::forbidden, "outside your district");
    auto nameless = next;
    nameless.set_name("");
    refusal(reg.update("iA2", nameless, {"name"}), Errc::invalid_argument, "the name is required");
    refusal(reg.update("iB1", next, {"name"}), Errc::forbidden, "outside your district");
    CHECK(dev.outbox().size() == 1);
}

TEST_CASE("registry: a CSV import queues every row or none", "[desk][registry]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    InstitutionRegistry reg{dev.writer()};

    SECTION("every row good, Chinese headers in any order") {
        auto r = reg.import_csv(
            "有证,名称,地址,片区,学科类,类别,纬度,经度,重点对象,许可证号,联系电话,小区\n"
            "是,博学教育,胜利路 20 号,胜利片区,是,学科类,41.12,122.98,否,教民2101,0412-111,胜利小区\n"
            "否,小画家,站前街 3 号,zA2,,艺术类,,,是,,,\n",
            "");
        REQUIRE(r.has_value());
        INFO((r->errors.empty() ? "" : r->errors.front().error.message()));
        REQUIRE(r->ok());
        REQUIRE(r->ids.size() == 2);
        const auto out = dev.outbox();
        REQUIRE(out.size() == 2);
        CHECK(out[0].mutation.id() == r->ids[0]);
        const auto a = parsed<pb::Institution>(out[0].mutation.payload());
        CHECK(a.name() == "博学教育");
        CHECK(a.district_id() == "dA");
        CHECK(a.zone_id() == "zA1");  // found by name
        CHECK(a.licensed());
        CHECK(a.academic());
        CHECK_FALSE(a.key_target());
        CHECK(a.location().lat() == 41.12);
        CHECK(a.licence_no() == "教民2101");
        CHECK(a.contact_phone() == "0412-111");
        CHECK(a.community() == "胜利小区");
        const auto b = parsed<pb::Institution>(out[1].mutation.payload());
        CHECK_FALSE(b.licensed());
        CHECK(b.key_target());
        CHECK(b.zone_id() == "zA2");  // found by id
        CHECK_FALSE(b.has_location());
    }
    SECTION("bad rows: each named by line, nothing queued") {
        auto r = reg.import_csv(
            "name,address,licensed,zone,lat,lon\n"
            "好学堂,新华路 1 号,yes,,,\n"
            "启航教育,启航教育 地址,maybe,兴盛片区,41.1,\n"
            "好学堂,新华路 1 号,no,,,\n"
            ",,no,,abc,1\n",
            "dA");
        REQUIRE(r.has_value());
        REQUIRE(r->errors.size() == 3);
        CHECK(r->errors[0].line == 3);
        // Every problem of the row at once, in each language.
        CHECK(r->errors[0].error.what == Msg::problem_list);
        CHECK(r->errors[0].error.text(Lang::zh).find("licensed/有证 应为 是/否") != std::string::npos);
        CHECK(r->errors[0].error.text(Lang::en).find("licensed/有证 must be yes or no (\"maybe\")") != std::string::npos);
        CHECK(r->errors[0].error.message().find("no such zone in the district: 兴盛片区") != std::string::npos);
        CHECK(r->errors[0].error.message().find("lat and lon must be numbers") != std::string::npos);
        CHECK(r->errors[0].error.message().find("duplicates an institution already in the registry") != std::string::npos);
        CHECK(r->errors[1].line == 4);
        CHECK(r->errors[1].error.message().find("or in this file") != std::string::npos);
        CHECK(r->errors[2].line == 5);
        CHECK(r->errors[2].error.message().find("the name is required") != std::string::npos);
        CHECK(r->ids.empty());
        CHECK(dev.outbox().empty());
    }
    SECTION("missing columns, no rows, another district") {
        auto r = reg.import_csv("name\n好学堂\n", "dA");
        REQUIRE(r.has_value());
        REQUIRE(r->errors.size() == 1);
        CHECK(r->errors[0].line == 1);
        CHECK(r->errors[0].error == Error{Errc::invalid_argument, Msg::missing_required_columns, "address/地址 licensed/有证"});
        CHECK(r->errors[0].error.message().find("missing required columns: address/地址 licensed/有证") != std::string::npos);
        auto empty = reg.import_csv("name,address,licensed\n", "dA");
        REQUIRE(empty.has_value());
        CHECK(empty->errors.at(0).error.what == Msg::file_has_no_data_rows);
        refusal(reg.import_csv("name,address,licensed\n好学堂,兴盛路,是\n", "dB"), Errc::forbidden, "outside your district");
        CHECK(dev.outbox().empty());
    }
    SECTION("a risk-count column is refused: the server counts complaints and violations itself") {
        for (std::string_view header : {"投诉数", "complaint_count", "past_violations", "违规次数"}) {
            INFO(header);
            auto r = reg.import_csv("name,address,licensed," + std::string(header) + "\n好学堂,兴盛路,是,3\n", "dA");
            REQUIRE(r.has_value());
            REQUIRE(r->errors.size() == 1);
            CHECK(r->errors[0].line == 1);
            CHECK(r->errors[0].error == Error{Errc::invalid_argument, Msg::import_column_counted_by_server, std::string(header)});
            CHECK(r->errors[0].error.message().find("counted by the server") != std::string::npos);
            CHECK(r->ids.empty());
        }
        CHECK(dev.outbox().empty());
    }
}

TEST_CASE("registry: the risk counts are the server's, a coordinator's device refuses to set them", "[desk][registry]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    InstitutionRegistry reg{dev.writer()};
    auto cur = dev.writer().require<pb::Institution>(kInstitution, "iA1", "机构");
    REQUIRE(cur.has_value());
    auto next = cur->msg;
    next.set_complaint_count(next.complaint_count() + 1);
    refusal(reg.update("iA1", next, {"complaint_count"}), Errc::forbidden, "complaint_count");
    auto fresh = institution("新建机构", "dA", "zA1");
    fresh.set_past_violations(2);
    refusal(reg.create(fresh), Errc::forbidden, "past_violations");
    CHECK(dev.outbox().empty());
}

TEST_CASE("registry: a field-reported site is taken in or merged into the entry it duplicates", "[desk][registry]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    dev.put(kInstitution, "iF1", field_site("无名补习班"), 3);
    dev.put(kInstitution, "iF2", field_site("地下托管"));
    dev.put(kInstitution, "iFB", field_site("铁西黑班", "dB"));
    InstitutionRegistry reg{dev.writer()};

    auto pending = reg.field_reported("dA");
    REQUIRE(pending.has_value());
    REQUIRE(pending->size() == 2);
    CHECK(reg.field_reported("")->size() == 3);

    SECTION("merge into a registry entry") {
        REQUIRE(reg.merge("iF1", "iA1"));
        const auto out = dev.outbox();
        REQUIRE(out.size() == 1);
        CHECK(out[0].mutation.id() == "iF1");
        CHECK(out[0].mutation.base_version() == 3);
        CHECK(fields_of(out[0].mutation) == std::vector<std::string>{"merged_into"});
        CHECK(parsed<pb::Institution>(out[0].mutation.payload()).merged_into() == "iA1");
        CHECK(reg.field_reported("dA")->size() == 1);  // merged: no longer waiting
        refusal(reg.merge("iF1", "iA2"), Errc::invalid_argument, "this is not a field-reported site awaiting review");
    }
    SECTION("take in as a registry entry, with a zone") {
        REQUIRE(reg.merge("iF2", "", "zA2"));
        const auto out = dev.outbox();
        REQUIRE(out.size() == 1);
        CHECK(fields_of(out[0].mutation) == std::vector<std::string>{"field_reported", "zone_id"});
        const auto q = parsed<pb::Institution>(out[0].mutation.payload());
        CHECK_FALSE(q.field_reported());
        CHECK(q.zone_id() == "zA2");
    }
    SECTION("refusals") {
        refusal(reg.merge("iF1", "iF1"), Errc::invalid_argument, "cannot merge a site into itself");
        refusal(reg.merge("iF1", "iF2"), Errc::invalid_argument, "merge into a registry institution");
        refusal(reg.merge("iF1", "iB1"), Errc::invalid_argument, "merge into an institution of the same district");
        refusal(reg.merge("iA1", "iA2"), Errc::invalid_argument, "this is not a field-reported site awaiting review");
        refusal(reg.merge("iFB", ""), Errc::forbidden, "outside your district");
        CHECK(dev.outbox().empty());
    }
}

TEST_CASE("registry: history gathers tasks, reports, cases and complaints, merged sites included, newest first", "[desk][registry]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    auto merged = field_site("启航分部");
    merged.set_merged_into("iA1");
    dev.put(kInstitution, "iF-merged", merged);

    pb::Task t;
    t.set_institution_id("iA1");
    t.set_district_id("dA");
    t.set_kind("routine");
    t.set_covert(true);
    t.set_title("例行检查");
    t.set_status("done");
    t.set_window_start(1700000100);
    dev.put(kTask, "t-1", t);
    pb::Report r;
    r.set_institution_id("iF-merged");  // reported at the duplicate, before the merge
    r.set_district_id("dA");
    r.set_device_time(1700000200000);
    r.set_flagged(true);
    r.add_answers()->set_result("fail");
    r.add_answers()->set_result("pass");
    dev.put(kReport, "r-1", r);
    pb::Case c;
    c.set_report_id("r-1");
    c.set_institution_id("iA1");
    c.set_status("rectification");
    c.set_tier("较轻");
    c.set_rectification_order("停止学科类培训");
    c.set_decided_at(1700000300);
    dev.put(kCase, "case-1", c);
    pb::Complaint cm;
    cm.set_institution_id("iA1");
    cm.set_district_id("dA");
    cm.set_source("12345");
    cm.set_text("周末补课");
    cm.set_status("open");
    cm.set_received_at(1700000050);
    dev.put(kComplaint, "cmp-1", cm);
    pb::Task other = t;
    other.set_institution_id("iA2");
    dev.put(kTask, "t-other", other);
    InstitutionRegistry reg{dev.writer()};

    auto h = reg.history("iA1");
    REQUIRE(h.has_value());
    REQUIRE(h->size() == 4);
    CHECK(h->at(0).kind == "case");
    CHECK(h->at(0).at_s == 1700000300);
    CHECK(h->at(0).text == "较轻 · 停止学科类培训");
    CHECK(h->at(1).kind == "report");
    CHECK(h->at(1).id == "r-1");
    CHECK(h->at(1).status == "flagged");
    CHECK(h->at(1).text.find("failed items: 1") != std::string::npos);
    CHECK(h->at(2).kind == "task");
    CHECK(h->at(2).text == "routine 暗访 · 例行检查");
    CHECK(h->at(3).kind == "complaint");
    CHECK(h->at(3).text == "12345 · 周末补课");
    CHECK(dev.outbox().empty());
}
