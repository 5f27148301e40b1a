#include <catch2/catch.hpp>

#include "shared/domain/coverage.h"

using namespace ducha::domain;

namespace {

CoverageInput sample() {
    CoverageInput in;
    in.district_names = {{"d1", "铁东区"}, {"d2", "铁西区"}};
    in.zone_names = {{"z1", "站前片区"}, {"z2", "胜利片区"}, {"z3", "兴盛片区"}};
    in.institutions = {{"i1", "甲", "d1", "z1", true}, {"i2", "乙", "d1", "z1", false}, {"i3", "丙", "d1", "z2", true},
                       {"i4", "丁", "d2", "z3", false}};
    in.volunteers = {{"u1", "张", "d1"}, {"u2", "李", "d1"}, {"u3", "王", "d2"}};
    in.from_s = 1000;
    in.to_s = 2000;
    in.visits = {{"i1", "u1", 1100}, {"i1", "u1", 1200}, {"i2", "u2", 1999},
                 {"i3", "u1", 2000},  // the end is excluded
                 {"i4", "u3", 999}};  // before the start
    return in;
}

}  // namespace

TEST_CASE("coverage counts each institution once per period, per district and zone", "[coverage]") {
    auto r = compute_coverage(sample());
    CHECK(r.total == 4);
    CHECK(r.inspected == 2);
    REQUIRE(r.rows.size() == 5);
    // Districts by name, each followed by its zones.
    CHECK(r.rows[0].level == "district");
    CHECK(r.rows[0].name == "铁东区");
    CHECK(r.rows[0].total == 3);
    CHECK(r.rows[0].inspected == 2);
    CHECK(r.rows[1].level == "zone");
    CHECK(r.rows[3].name == "铁西区");
    CHECK(r.rows[3].inspected == 0);
    CHECK(r.rows[0].ratio() == Approx(2.0 / 3));
    CHECK(r.uncovered == std::vector<std::string>{"i3", "i4"});
}

TEST_CASE("coverage: volunteers' activity, most active first, idle ones listed", "[coverage]") {
    auto r = compute_coverage(sample());
    REQUIRE(r.volunteers.size() == 3);
    CHECK(r.volunteers[0].user_id == "u1");
    CHECK(r.volunteers[0].visits == 2);
    CHECK(r.volunteers[0].institutions == 1);
    CHECK(r.volunteers[0].last_visit_s == 1200);
    CHECK(r.volunteers[2].visits == 0);
}

TEST_CASE("coverage: a campaign counts its own period, its frequency and its missed key targets", "[coverage]") {
    auto in = sample();
    CoverageCampaign c{"c1", "寒假专项", "d1", 1000, 3000, 2, false};
    in.campaign = &c;
    auto r = compute_coverage(in);
    REQUIRE(r.campaign);
    CHECK(r.campaign->targets == 3);
    CHECK(r.campaign->met == 1);  // only i1 was visited twice
    CHECK(r.campaign->missed_key_targets.empty());  // i3's visit at 2000 is inside the campaign
    c.key_targets_only = true;
    c.end = 1500;
    r = compute_coverage(in);
    CHECK(r.campaign->targets == 2);
    CHECK(r.campaign->missed_key_targets == std::vector<std::string>{"i3"});
}
