// Coverage (全覆盖) from a device's replica: the registry, the reports and finished tasks it holds;
// per district and zone, the uncovered sites, what each volunteer did, and campaign progress.
#include <catch2/catch.hpp>

#include "shared/common/clock.h"
#include "shared/desk/coverage_report.h"
#include "shared/support/desk_fixture.h"

using namespace ducha;
using namespace ducha::desk;
using namespace ducha::domain;
using namespace ducha::test;

namespace {

constexpr std::int64_t kDay = 24 * 3600;

pb::Report visit(const std::string& institution, const std::string& user, std::int64_t at_s) {
    pb::Report r;
    r.set_institution_id(institution);
    r.set_district_id(institution.rfind("iB", 0) == 0 ? "dB" : "dA");
    r.set_user_id(user);
    r.set_task_id("t-" + institution + "-" + user);
    r.set_device_time(at_s * 1000);
    return r;
}

pb::Campaign campaign(std::int64_t start, std::int64_t end, bool key_targets_only) {
    pb::Campaign c;
    c.set_district_id("dA");
    c.set_name(key_targets_only ? "重点对象专项" : "全覆盖专项");
    c.set_start(start);
    c.set_end(end);
    c.set_visits_required(1);
    c.set_key_targets_only(key_targets_only);
    return c;
}

CoverageQuery query(std::string district, std::int64_t from_s, std::int64_t to_s, std::string campaign = {}) {
    CoverageQuery q;
    q.district_id = std::move(district);
    q.from_s = from_s;
    q.to_s = to_s;
    q.campaign_id = std::move(campaign);
    return q;
}

const CoverageRow* row(const CoverageResult& r, const std::string& id) {
    for (const auto& x : r.rows)
        if (x.id == id) return &x;
    return nullptr;
}

}  // namespace

TEST_CASE("coverage: a district's registry against the visits in a period", "[desk][coverage]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    const std::int64_t t0 = unix_seconds_now() - 5 * kDay;
    auto field = institution("无名班", "dA", "zA1");
    field.set_field_reported(true);
    dev.put(kInstitution, "iA8", field);
    auto merged = institution("星光分部", "dA", "zA2");
    merged.set_field_reported(true);
    merged.set_merged_into("iA2");
    dev.put(kInstitution, "iA9", merged);
    dev.put(kReport, "r1", visit("iA1", "vA1", t0 + kDay));
    dev.put(kReport, "r2", visit("iA9", "vA2", t0 + 2 * kDay));  // at the duplicate: counts for iA2
    dev.put(kReport, "r3", visit("iA3", "vA3", t0 - 10 * kDay));  // before the period
    dev.put(kReport, "rB", visit("iB1", "vB1", t0 + kDay));
    dev.put(kCampaign, "cmp-now", campaign(t0, t0 + 10 * kDay, true));
    dev.put(kCampaign, "cmp-old", campaign(t0 - 30 * kDay, t0 - 20 * kDay, false));
    CoverageReport report{dev.writer()};

    auto r = report.compute(query("dA", t0, t0 + 10 * kDay));
    REQUIRE(r.has_value());
    CHECK(r->total == 3);  // iA1..iA3: no field-reported or merged site
    CHECK(r->inspected == 2);
    CHECK(r->uncovered == std::vector<std::string>{"iA3"});
    REQUIRE(row(*r, "dA"));
    CHECK(row(*r, "dA")->level == "district");
    CHECK(row(*r, "dA")->name == "铁东区");
    CHECK(row(*r, "dA")->inspected == 2);
    REQUIRE(row(*r, "zA1"));
    CHECK(row(*r, "zA1")->name == "胜利片区");
    CHECK(row(*r, "zA1")->total == 2);
    CHECK(row(*r, "zA1")->inspected == 1);
    REQUIRE(row(*r, "zA2"));
    CHECK(row(*r, "zA2")->inspected == 1);
    CHECK_FALSE(row(*r, "dB"));
    REQUIRE(r->volunteers.size() == 3);  // the district's active volunteers, busiest first
    CHECK(r->volunteers[0].visits == 1);
    CHECK(r->volunteers[1].visits == 1);
    CHECK(r->volunteers[2].user_id == "vA3");
    CHECK(r->volunteers[2].visits == 0);
    CHECK_FALSE(r->campaign.has_value());

    auto city = report.compute(query("", t0, t0 + 10 * kDay));
    REQUIRE(city.has_value());
    CHECK(city->total == 4);
    CHECK(city->inspected == 3);
    CHECK(row(*city, "dB"));
    CHECK(city->volunteers.size() == 4);

    // Without a period: the last 30 days, which include r3.
    auto recent = report.compute(query("dA", 0, 0));
    REQUIRE(recent.has_value());
    CHECK(recent->inspected == 3);

    auto names = report.institution_names();
    REQUIRE(names.has_value());
    CHECK(names->at("iA9") == "星光分部");
    CHECK(names->size() == 6);
    CHECK(dev.outbox().empty());
}

TEST_CASE("coverage: a campaign gives the period, the district and its progress", "[desk][coverage]") {
    DeskDevice dev{kSupervisor};
    put_city(dev);
    const std::int64_t t0 = unix_seconds_now() - 5 * kDay;
    dev.put(kReport, "r1", visit("iA1", "vA1", t0 + kDay));
    dev.put(kReport, "r3", visit("iA3", "vA3", t0 - 10 * kDay));
    dev.put(kReport, "rB", visit("iB1", "vB1", t0 + kDay));
    dev.put(kCampaign, "cmp-now", campaign(t0, t0 + 10 * kDay, true));
    dev.put(kCampaign, "cmp-old", campaign(t0 - 30 * kDay, t0 - 20 * kDay, false));
    CoverageReport report{dev.writer()};

    auto now = report.compute(query("", 0, 0, "cmp-now"));
    REQUIRE(now.has_value());
    CHECK(now->total == 3);  // the campaign's district only, although this supervisor sees both
    CHECK(now->inspected == 1);
    REQUIRE(now->campaign.has_value());
    CHECK(now->campaign->id == "cmp-now");
    CHECK(now->campaign->name == "重点对象专项");
    CHECK(now->campaign->targets == 1);  // key targets only: iA1
    CHECK(now->campaign->met == 1);
    CHECK(now->campaign->missed_key_targets.empty());

    auto old = report.compute(query("", 0, 0, "cmp-old"));
    REQUIRE(old.has_value());
    CHECK(old->inspected == 0);
    REQUIRE(old->campaign.has_value());
    CHECK(old->campaign->targets == 3);
    CHECK(old->campaign->met == 0);
    CHECK(old->campaign->missed_key_targets == std::vector<std::string>{"iA1"});

    // A period of its own, the campaign's progress still over the campaign's dates.
    auto mixed = report.compute(query("", t0 - 15 * kDay, t0, "cmp-now"));
    REQUIRE(mixed.has_value());
    CHECK(mixed->inspected == 1);  // r3 in the period
    CHECK(mixed->uncovered == std::vector<std::string>{"iA1", "iA2"});
    CHECK(mixed->campaign->met == 1);  // r1 in the campaign
    CHECK(dev.outbox().empty());
}

TEST_CASE("coverage: an unknown campaign or an empty period is refused", "[desk][coverage]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    CoverageReport report{dev.writer()};
    refusal(report.compute(query("", 0, 0, "cmp-none")), Errc::not_found,
            "no such campaign on this device: cmp-none");
    refusal(report.compute(query("", 1700000000, 1700000000)), Errc::invalid_argument,
            "the period must end after it starts");
    refusal(report.compute(query("", 1700000000, 1600000000)), Errc::invalid_argument,
            "the period must end after it starts");
}

// A finished task whose report this device does not hold "still counts: it was inspected by then"
// (coverage_report.cpp), at min(window_end, the server time the task was finished), which the
// replica keeps for every record it received.
TEST_CASE("coverage: a finished task without its report here counts when it was finished", "[desk][coverage]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    const std::int64_t t0 = unix_seconds_now() - 5 * kDay;
    pb::Task t;
    t.set_institution_id("iA3");
    t.set_district_id("dA");
    t.set_kind("routine");
    t.add_assignees("vA3");
    t.set_status("done");
    t.set_window_start(t0);
    t.set_window_end(t0 + 3 * kDay);
    dev.put(kTask, "t-done", t, 3, (t0 + 2 * kDay) * 1000);  // finished, per the server, on day 2
    CoverageReport report{dev.writer()};
    auto r = report.compute(query("dA", t0, t0 + 10 * kDay));
    REQUIRE(r.has_value());
    CHECK(r->inspected == 1);
    CHECK(r->uncovered == std::vector<std::string>{"iA1", "iA2"});
}
