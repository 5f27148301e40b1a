// The complaint ledger on a coordinator's device: intake, CSV import (all rows or none), link,
// triage into a follow-up task, resolve and close (never without a resolution), the ledger's order.
#include <catch2/catch.hpp>

#include "shared/common/clock.h"
#include "shared/common/shanghai_time.h"
#include "shared/desk/complaint_ledger.h"
#include "shared/support/desk_fixture.h"

using namespace ducha;
using namespace ducha::desk;
using namespace ducha::domain;
using namespace ducha::test;

namespace {

// A task sent to these people (a designated initializer would leave the other fields to warnings).
TaskSpec spec_with(std::vector<std::string> assignees, int priority = 3) {
    TaskSpec s;
    s.assignees = std::move(assignees);
    s.priority = priority;
    return s;
}

constexpr std::int64_t kDay = 24 * 3600;

pb::Complaint complaint(const std::string& status, const std::string& institution = "iA1") {
    pb::Complaint c;
    c.set_district_id("dA");
    c.set_source("12345");
    c.set_text("晚上九点后仍在上课");
    c.set_institution_id(institution);
    c.set_address(institution.empty() ? "胜利路 8 号" : "");
    c.set_status(status);
    c.set_received_at(unix_seconds_now() - 3 * kDay);
    c.set_due_at(unix_seconds_now() + 12 * kDay);
    c.set_created_by("coA");
    return c;
}

}  // namespace

TEST_CASE("complaints: intake queues an open complaint with its district and due date", "[desk][complaints]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    ComplaintLedger ledger{dev.writer()};

    ComplaintInput in;
    in.source = "phone";
    in.text = "周末补课";
    in.institution_id = "iA1";
    in.reference = "GD-001";
    in.received_at = 1700000000;
    auto id = ledger.intake(in);
    REQUIRE(id.has_value());

    const auto out = dev.outbox();
    REQUIRE(out.size() == 1);
    CHECK(out[0].mutation.collection() == "complaint");
    CHECK(out[0].mutation.id() == *id);
    const auto c = parsed<pb::Complaint>(out[0].mutation.payload());
    CHECK(c.district_id() == "dA");  // the institution's
    CHECK(c.status() == "open");
    CHECK(c.source() == "phone");
    CHECK(c.reference() == "GD-001");
    CHECK(c.received_at() == 1700000000);
    CHECK(c.due_at() == 1700000000 + 15 * kDay);  // the default period
    CHECK(c.created_by() == "coA");

    // Without an institution: an address, and the coordinator's own district.
    ComplaintInput addr;
    addr.text = "无证办学";
    addr.address = "园林小区 3 栋";
    REQUIRE(ledger.intake(addr).has_value());
    const auto second = parsed<pb::Complaint>(dev.outbox().at(1).mutation.payload());
    CHECK(second.district_id() == "dA");
    CHECK(second.source() == "12345");
    CHECK(second.received_at() >= unix_seconds_now() - 5);
}

TEST_CASE("complaints: intake refuses what it cannot record and queues nothing", "[desk][complaints]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    ComplaintLedger ledger{dev.writer()};
    ComplaintInput good;
    good.text = "周末补课";
    good.institution_id = "iA1";

    auto in = good;
    in.text = "  ";
    refusal(ledger.intake(in), Errc::invalid_argument, "the complaint text is required");
    in = good;
    in.source = "wechat";
    refusal(ledger.intake(in), Errc::invalid_argument, "unknown source: wechat");
    in = good;
    in.institution_id.clear();
    refusal(ledger.intake(in), Errc::invalid_argument, "link an institution or give an address");
    in = good;
    in.received_at = 1700000000;
    in.due_at = 1700000000 - 1;
    refusal(ledger.intake(in), Errc::invalid_argument, "the due date is before the received date");
    in = good;
    in.district_id = "dA";
    in.institution_id = "iB1";
    refusal(ledger.intake(in), Errc::invalid_argument, "the institution is in another district");
    in = good;
    in.institution_id = "iB1";  // its district, dB, is not this coordinator's
    refusal(ledger.intake(in), Errc::forbidden, "outside your district");
    in = good;
    in.institution_id = "i-nowhere";
    refusal(ledger.intake(in), Errc::not_found, "no such institution on this device: i-nowhere");
    CHECK(dev.outbox().empty());

    DeskDevice vol{kVolunteerA};
    put_city(vol);
    ComplaintLedger theirs{vol.writer()};
    refusal(theirs.intake(good), Errc::forbidden, "volunteers may not create complaint records");
    CHECK(vol.outbox().empty());
}

TEST_CASE("complaints: a CSV import queues every row or none", "[desk][complaints]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    ComplaintLedger ledger{dev.writer()};

    SECTION("every row good") {
        auto r = ledger.import_csv(
            "内容,来源,工单号,机构,地址,受理日期,办结期限\n"
            "周末补课,12345,GD-101,启航教育,,2024-03-01,2024-03-10\n"
            "无证办学,letter,GD-102,,站前街 5 号,,\n",
            "dA");
        REQUIRE(r.has_value());
        INFO((r->errors.empty() ? "" : r->errors.front().error.message()));
        REQUIRE(r->ok());
        REQUIRE(r->ids.size() == 2);
        const auto out = dev.outbox();
        REQUIRE(out.size() == 2);
        const auto a = parsed<pb::Complaint>(out[0].mutation.payload());
        CHECK(out[0].mutation.id() == r->ids[0]);
        CHECK(a.institution_id() == "iA1");  // found by name
        CHECK(a.reference() == "GD-101");
        CHECK(a.received_at() == *parse_shanghai_date("2024-03-01"));
        CHECK(a.due_at() == *parse_shanghai_date("2024-03-10"));
        const auto b = parsed<pb::Complaint>(out[1].mutation.payload());
        CHECK(b.source() == "letter");
        CHECK(b.address() == "站前街 5 号");
    }
    SECTION("a bad row: every problem named by line, nothing queued") {
        auto r = ledger.import_csv(
            "text,source,institution,received\n"
            "周末补课,12345,启航教育,2024-03-01\n"
            ",fax,西城培训,3/1/2024\n"
            "无证办学,,,\n",
            "dA");
        REQUIRE(r.has_value());
        REQUIRE(r->errors.size() == 2);
        CHECK(r->errors[0].line == 3);
        CHECK(r->errors[0].error.message().find("no such institution: 西城培训") != std::string::npos);  // another district's
        CHECK(r->errors[0].error.message().find("must be YYYY-MM-DD: 3/1/2024") != std::string::npos);
        CHECK(r->errors[0].error.message().find("the complaint text is required") != std::string::npos);
        CHECK(r->errors[0].error.message().find("unknown source: fax") != std::string::npos);
        CHECK(r->errors[1].line == 4);
        CHECK(r->errors[1].error.what == Msg::link_institution_or_give_address);
        CHECK(r->ids.empty());
        CHECK(dev.outbox().empty());
    }
    SECTION("a rule only intake knows, on the second row: the first row is taken back too") {
        auto r = ledger.import_csv(
            "text,address,received,due\n"
            "周末补课,胜利路 1 号,2024-03-01,2024-03-10\n"
            "无证办学,胜利路 2 号,2024-03-10,2024-03-01\n",
            "dA");
        REQUIRE(r.has_value());
        REQUIRE(r->errors.size() == 1);
        CHECK(r->errors[0].line == 3);
        CHECK(r->errors[0].error.message().find("the due date is before the received date") != std::string::npos);
        CHECK(r->ids.empty());
        CHECK(dev.outbox().empty());
        CHECK(dev.writer().list<pb::Complaint>(kComplaint)->empty());
    }
    SECTION("no text column, or no rows") {
        auto r = ledger.import_csv("source,address\n12345,胜利路\n", "dA");
        REQUIRE(r.has_value());
        REQUIRE(r->errors.size() == 1);
        CHECK(r->errors[0].line == 1);
        CHECK(r->errors[0].error == Error{Errc::invalid_argument, Msg::missing_required_columns, "text/内容"});
        auto empty = ledger.import_csv("text,address\n", "dA");
        REQUIRE(empty.has_value());
        REQUIRE(empty->errors.size() == 1);
        CHECK(empty->errors[0].error.what == Msg::file_has_no_data_rows);
        CHECK(dev.outbox().empty());
    }
    SECTION("another district's ledger: refused on the row, nothing queued") {
        auto r = ledger.import_csv("text,address\n周末补课,兴盛路 1 号\n", "dB");
        REQUIRE(r.has_value());
        REQUIRE(r->errors.size() == 1);
        CHECK(r->errors[0].line == 2);
        CHECK(r->errors[0].error.message().find("outside your district") != std::string::npos);
        CHECK(dev.outbox().empty());
    }
}

TEST_CASE("complaints: link, then triage into a complaint task queued with the complaint", "[desk][complaints]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    dev.put(kComplaint, "cmp-1", complaint("open", ""), 2);
    ComplaintLedger ledger{dev.writer()};

    SECTION("triage before linking is refused") {
        refusal(ledger.triage("cmp-1", spec_with({"vA1"})), Errc::invalid_argument,
                "link the complaint to an institution before sending someone");
        CHECK(dev.outbox().empty());
    }
    SECTION("link to another district's institution is refused") {
        refusal(ledger.link("cmp-1", "iB1"), Errc::invalid_argument, "the institution is in another district");
        refusal(ledger.link("cmp-1", "", " "), Errc::invalid_argument, "link an institution or give an address");
        CHECK(dev.outbox().empty());
    }
    SECTION("link, then triage") {
        REQUIRE(ledger.link("cmp-1", "iA3"));
        auto out = dev.outbox();
        REQUIRE(out.size() == 1);
        CHECK(out[0].mutation.base_version() == 2);
        CHECK(parsed<pb::Complaint>(out[0].mutation.payload()).institution_id() == "iA3");

        auto task_id = ledger.triage("cmp-1", spec_with({"vA1", "vA2"}, 1), "先核实地址");
        REQUIRE(task_id.has_value());
        out = dev.outbox();
        REQUIRE(out.size() == 3);
        const auto& tm = out[1].mutation;
        CHECK(tm.collection() == "task");
        CHECK(tm.id() == *task_id);
        const auto t = parsed<pb::Task>(tm.payload());
        CHECK(t.kind() == "complaint");
        CHECK(t.complaint_id() == "cmp-1");
        CHECK(t.institution_id() == "iA3");
        CHECK(t.district_id() == "dA");
        CHECK(t.priority() == 1);
        CHECK(t.title() == "投诉核查 / Complaint check");
        CHECK(t.created_by() == "coA");
        CHECK(t.status() == "open");
        const auto cm = parsed<pb::Complaint>(out[2].mutation.payload());
        CHECK(out[2].mutation.base_version() == 3);  // on top of the queued link
        CHECK(cm.status() == "triaged");
        CHECK(cm.task_id() == *task_id);
        CHECK(cm.triage_note() == "先核实地址");

        auto v = ledger.view("cmp-1");
        REQUIRE(v.has_value());
        CHECK(v->status == "triaged");
        CHECK(v->institution == "明德书院");
        CHECK(v->task_status == "open");
    }
    SECTION("a task the planner refuses: neither the task nor the triage is queued") {
        REQUIRE(ledger.link("cmp-1", "iA1"));
        refusal(ledger.triage("cmp-1", spec_with({"vA4"})), Errc::invalid_argument,
                "only active volunteers can be assigned");
        CHECK(dev.outbox().size() == 1);  // the link alone
    }
}

TEST_CASE("complaints: resolve, close and reopen follow the complaint's state machine", "[desk][complaints]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    dev.put(kComplaint, "cmp-open", complaint("open"));
    dev.put(kComplaint, "cmp-triaged", complaint("triaged"));
    auto resolved = complaint("resolved");
    resolved.set_resolution("已停业整顿");
    dev.put(kComplaint, "cmp-resolved", resolved, 5);
    auto bare = complaint("resolved");  // resolved elsewhere without a resolution (an old record)
    dev.put(kComplaint, "cmp-bare", bare);
    ComplaintLedger ledger{dev.writer()};

    refusal(ledger.resolve("cmp-open", "   "), Errc::invalid_argument, "record the resolution to resolve a complaint");
    refusal(ledger.close("cmp-open"), Errc::rejected, "a complaint cannot go from open to closed");
    refusal(ledger.start("cmp-open"), Errc::rejected, "a complaint cannot go from open to in_progress");
    refusal(ledger.close("cmp-bare"), Errc::rejected, "a complaint cannot be closed without a recorded resolution");
    CHECK(dev.outbox().empty());

    REQUIRE(ledger.start("cmp-triaged"));
    REQUIRE(ledger.resolve("cmp-open", "机构已整改，现场复核无课"));
    REQUIRE(ledger.close("cmp-resolved"));
    const auto out = dev.outbox();
    REQUIRE(out.size() == 3);
    CHECK(parsed<pb::Complaint>(out[0].mutation.payload()).status() == "in_progress");
    const auto r = parsed<pb::Complaint>(out[1].mutation.payload());
    CHECK(r.status() == "resolved");
    CHECK(r.resolution() == "机构已整改，现场复核无课");
    CHECK(r.resolved_by() == "coA");
    CHECK(r.resolved_at() >= unix_seconds_now() - 5);
    CHECK(out[2].mutation.base_version() == 5);
    CHECK(parsed<pb::Complaint>(out[2].mutation.payload()).status() == "closed");

    refusal(ledger.reopen("cmp-resolved"), Errc::rejected, "a complaint cannot go from closed to in_progress");
    CHECK(dev.outbox().size() == 3);
}

TEST_CASE("complaints: a volunteer's device cannot move a complaint", "[desk][complaints]") {
    DeskDevice dev{kVolunteerA};
    put_city(dev);
    dev.put(kComplaint, "cmp-1", complaint("open"));
    ComplaintLedger ledger{dev.writer()};
    refusal(ledger.resolve("cmp-1", "已处理"), Errc::forbidden, "volunteers may not change complaint records");
    refusal(ledger.link("cmp-1", "iA2"), Errc::forbidden, "volunteers may not change complaint records");
    CHECK(dev.outbox().empty());
}

TEST_CASE("complaints: the ledger puts overdue ones first, then open by due date, then resolved", "[desk][complaints]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    const auto now = unix_seconds_now();
    auto late = complaint("triaged");
    late.set_due_at(now - kDay);
    dev.put(kComplaint, "c-late", late);
    auto soon = complaint("open");
    soon.set_due_at(now + kDay);
    dev.put(kComplaint, "c-soon", soon);
    auto later = complaint("in_progress");
    later.set_due_at(now + 9 * kDay);
    dev.put(kComplaint, "c-later", later);
    auto done = complaint("resolved");
    done.set_resolution("已处理");
    done.set_due_at(now - 9 * kDay);  // past due but resolved: not overdue
    dev.put(kComplaint, "c-done", done);
    auto closed = complaint("closed");
    closed.set_resolution("已处理");
    dev.put(kComplaint, "c-closed", closed);
    ComplaintLedger ledger{dev.writer()};

    auto list = ledger.ledger();
    REQUIRE(list.has_value());
    std::vector<std::string> ids;
    for (const auto& v : *list) ids.push_back(v.id);
    CHECK(ids == std::vector<std::string>{"c-late", "c-soon", "c-later", "c-done"});
    CHECK(list->at(0).overdue);
    CHECK_FALSE(list->at(3).overdue);
    CHECK(list->at(0).institution == "启航教育");

    auto all = ledger.ledger(true);
    REQUIRE(all.has_value());
    CHECK(all->size() == 5);
    CHECK(all->back().id == "c-closed");
    CHECK(dev.outbox().empty());
}
