// The task planner on a coordinator's device: tasks (routine, joint, covert) and campaigns, what
// each queues, and what is refused before anything is queued.
#include <catch2/catch.hpp>

#include "shared/common/clock.h"
#include "shared/desk/task_planner.h"
#include "shared/support/desk_fixture.h"

using namespace ducha;
using namespace ducha::desk;
using namespace ducha::domain;
using namespace ducha::test;

namespace {

// A task at this institution for these people (a designated initializer would leave the other
// fields to -Wmissing-field-initializers).
TaskSpec spec_at(std::string institution, std::vector<std::string> assignees) {
    TaskSpec s;
    s.institution_id = std::move(institution);
    s.assignees = std::move(assignees);
    return s;
}

constexpr std::int64_t kDay = 24 * 3600;

pb::Task task(const std::string& status, const std::string& created_by, bool covert = false) {
    pb::Task t;
    t.set_institution_id("iA1");
    t.set_district_id("dA");
    t.set_kind("routine");
    t.set_covert(covert);
    t.add_assignees("vA1");
    t.set_created_by(created_by);
    t.set_status(status);
    t.set_priority(3);
    t.set_template_id("tpl-v1");
    return t;
}

pb::Campaign campaign(const std::string& name, std::int64_t start) {
    pb::Campaign c;
    c.set_name(name);
    c.set_start(start);
    c.set_end(start + 30 * kDay);
    c.set_visits_required(2);
    return c;
}

}  // namespace

TEST_CASE("tasks: create queues an open task with the planner's defaults", "[desk][tasks]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    TaskPlanner planner{dev.writer()};

    auto id = planner.create(spec_at("iA2", {"vA2"}));
    REQUIRE(id.has_value());
    const auto out = dev.outbox();
    REQUIRE(out.size() == 1);
    CHECK(out[0].mutation.collection() == "task");
    CHECK(out[0].mutation.id() == *id);
    CHECK(out[0].mutation.base_version() == 0);
    const auto t = parsed<pb::Task>(out[0].mutation.payload());
    CHECK(t.institution_id() == "iA2");
    CHECK(t.district_id() == "dA");
    CHECK(t.kind() == "routine");
    CHECK_FALSE(t.covert());
    CHECK(t.assignees_size() == 1);
    CHECK(t.created_by() == "coA");
    CHECK(t.status() == "open");
    CHECK(t.priority() == 3);
    CHECK(t.template_id() == "tpl-v1");
    CHECK(t.title() == "星光艺术");  // the institution's name
    CHECK(t.window_start() >= unix_seconds_now() - 5);
    CHECK(t.window_end() == t.window_start() + 7 * kDay);

    // A covert joint task with its own window, title and campaign.
    TaskSpec joint_spec = spec_at("iA1", {"vA1", "vA3"});
    joint_spec.kind = "joint";
    joint_spec.covert = true;
    joint_spec.priority = 1;
    joint_spec.window_start = 1800000000;
    joint_spec.window_end = 1800000000 + 2 * kDay;
    joint_spec.title = "夜间暗访";
    joint_spec.campaign_id = "cmp-winter";
    auto joint = planner.create(joint_spec);
    REQUIRE(joint.has_value());
    const auto j = parsed<pb::Task>(dev.outbox().at(1).mutation.payload());
    CHECK(j.kind() == "joint");
    CHECK(j.covert());
    CHECK(j.assignees_size() == 2);
    CHECK(j.priority() == 1);
    CHECK(j.window_start() == 1800000000);
    CHECK(j.window_end() == 1800000000 + 2 * kDay);
    CHECK(j.title() == "夜间暗访");
    CHECK(j.campaign_id() == "cmp-winter");
}

TEST_CASE("tasks: what the planner refuses, nothing queued", "[desk][tasks]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    TaskPlanner planner{dev.writer()};
    const TaskSpec good = spec_at("iA1", {"vA1"});
    REQUIRE(planner.build(good).has_value());  // build alone queues nothing
    CHECK(dev.outbox().empty());

    auto s = good;
    s.kind = "patrol";
    refusal(planner.create(s), Errc::invalid_argument, "unknown task kind: patrol");
    s = good;
    s.assignees.clear();
    refusal(planner.create(s), Errc::invalid_argument, "assign at least one volunteer");
    s = good;
    s.assignees = {"vA1", "vA1"};
    refusal(planner.create(s), Errc::invalid_argument, "a volunteer is listed twice");
    s = good;
    s.kind = "joint";
    refusal(planner.create(s), Errc::invalid_argument, "a joint inspection needs two or more volunteers");
    s = good;
    s.assignees = {"vA4"};
    refusal(planner.create(s), Errc::invalid_argument, "only active volunteers can be assigned: 赵敏");
    s = good;
    s.assignees = {"coA2"};
    refusal(planner.create(s), Errc::invalid_argument, "only active volunteers can be assigned: 周丽");
    s = good;
    s.assignees = {"v-unknown"};
    refusal(planner.create(s), Errc::not_found, "no such user on this device: v-unknown");
    s = good;
    s.priority = 6;
    refusal(planner.create(s), Errc::invalid_argument, "priority must be 1 to 5");
    s = good;
    s.window_start = 1800000000;
    s.window_end = 1800000000;
    refusal(planner.create(s), Errc::invalid_argument, "the window must end after it starts");
    s = good;
    s.institution_id = "iB1";
    refusal(planner.create(s), Errc::forbidden, "outside your district");
    s = good;
    s.institution_id = "i-unknown";
    refusal(planner.create(s), Errc::not_found, "no such institution on this device: i-unknown");
    CHECK(dev.outbox().empty());
}

TEST_CASE("tasks: no checklist on the device, or not a planner's role", "[desk][tasks]") {
    SECTION("no checklist yet") {
        DeskDevice dev{kCoordinatorA};
        dev.put(kInstitution, "iA1", institution("启航教育", "dA", "zA1"));
        dev.put(kUser, "vA1", person("王芳", "volunteer", "dA"));
        TaskPlanner planner{dev.writer()};
        refusal(planner.create(spec_at("iA1", {"vA1"})), Errc::not_found,
                "no checklist on this device: sync first");
        CHECK(dev.outbox().empty());
    }
    SECTION("a volunteer") {
        DeskDevice dev{kVolunteerA};
        put_city(dev);
        TaskPlanner planner{dev.writer()};
        refusal(planner.create(spec_at("iA1", {"vA2"})), Errc::forbidden,
                "volunteers may not create task records");
        refusal(planner.create_campaign(campaign("寒假专项", 1800000000)), Errc::forbidden,
                "volunteers may not create campaign records");
        CHECK(dev.outbox().empty());
    }
}

TEST_CASE("tasks: cancel queues the move, and the write rules keep covert tasks to their creator", "[desk][tasks]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    dev.put(kTask, "t-open", task("open", "coA"), 3);
    dev.put(kTask, "t-done", task("done", "coA"));
    dev.put(kTask, "t-covert-mine", task("open", "coA", true));
    dev.put(kTask, "t-covert-theirs", task("open", "coA2", true));
    pb::Task far = task("open", "coB");
    far.set_district_id("dB");
    far.set_institution_id("iB1");
    dev.put(kTask, "t-far", far);
    TaskPlanner planner{dev.writer()};

    REQUIRE(planner.cancel("t-open"));
    REQUIRE(planner.cancel("t-covert-mine"));
    auto out = dev.outbox();
    REQUIRE(out.size() == 2);
    CHECK(out[0].mutation.id() == "t-open");
    CHECK(out[0].mutation.base_version() == 3);
    CHECK(parsed<pb::Task>(out[0].mutation.payload()).status() == "cancelled");
    CHECK(out[1].mutation.id() == "t-covert-mine");

    refusal(planner.cancel("t-done"), Errc::rejected, "a task cannot go from done to cancelled");
    refusal(planner.cancel("t-open"), Errc::rejected, "a task cannot go from cancelled to cancelled");
    refusal(planner.cancel("t-far"), Errc::forbidden, "outside your district");
    // Only the write rules know this one: same district, but a covert task another coordinator made.
    refusal(planner.cancel("t-covert-theirs"), Errc::forbidden, "a covert record is for its creator and supervisors only");
    refusal(planner.cancel("t-nowhere"), Errc::not_found, "no such task on this device: t-nowhere");
    CHECK(dev.outbox().size() == 2);
    auto theirs = dev.writer().load<pb::Task>(kTask, "t-covert-theirs");
    CHECK((*theirs)->msg.status() == "open");  // the replica is untouched too
}

TEST_CASE("tasks: a supervisor may cancel a covert task any coordinator made", "[desk][tasks]") {
    DeskDevice dev{kSupervisor};
    put_city(dev);
    dev.put(kTask, "t-covert", task("in_progress", "coA2", true));
    TaskPlanner planner{dev.writer()};
    REQUIRE(planner.cancel("t-covert"));
    REQUIRE(dev.outbox().size() == 1);
    CHECK(parsed<pb::Task>(dev.outbox()[0].mutation.payload()).status() == "cancelled");
}

TEST_CASE("tasks: campaigns are created, listed newest first and cancelled", "[desk][tasks]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    TaskPlanner planner{dev.writer()};

    auto c = campaign("寒假专项行动", 1800000000);
    c.set_key_targets_only(true);
    auto id = planner.create_campaign(c);
    REQUIRE(id.has_value());
    auto out = dev.outbox();
    REQUIRE(out.size() == 1);
    CHECK(out[0].mutation.collection() == "campaign");
    const auto q = parsed<pb::Campaign>(out[0].mutation.payload());
    CHECK(q.district_id() == "dA");  // the coordinator's own
    CHECK(q.created_by() == "coA");
    CHECK_FALSE(q.cancelled());
    CHECK(q.key_targets_only());
    CHECK(q.visits_required() == 2);

    auto older = campaign("暑期专项", 1700000000);
    older.set_district_id("dA");
    dev.put(kCampaign, "cmp-summer", older);
    auto elsewhere = campaign("铁西专项", 1750000000);
    elsewhere.set_district_id("dB");
    dev.put(kCampaign, "cmp-west", elsewhere);
    auto mine = planner.campaigns("dA");
    REQUIRE(mine.has_value());
    REQUIRE(mine->size() == 2);
    CHECK(mine->at(0).id == *id);
    CHECK(mine->at(1).id == "cmp-summer");
    CHECK(planner.campaigns("")->size() == 3);

    REQUIRE(planner.cancel_campaign("cmp-summer"));
    out = dev.outbox();
    REQUIRE(out.size() == 2);
    CHECK(out[1].mutation.id() == "cmp-summer");
    CHECK(out[1].mutation.base_version() == 1);
    CHECK(parsed<pb::Campaign>(out[1].mutation.payload()).cancelled());
    refusal(planner.cancel_campaign("cmp-west"), Errc::forbidden, "outside your district");
    CHECK(dev.outbox().size() == 2);
}

TEST_CASE("tasks: what a campaign needs, nothing queued", "[desk][tasks]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    TaskPlanner planner{dev.writer()};
    auto c = campaign(" ", 1800000000);
    refusal(planner.create_campaign(c), Errc::invalid_argument, "the campaign needs a name");
    c = campaign("专项", 1800000000);
    c.set_end(c.start());
    refusal(planner.create_campaign(c), Errc::invalid_argument, "the campaign must end after it starts");
    c = campaign("专项", 1800000000);
    c.set_visits_required(0);
    refusal(planner.create_campaign(c), Errc::invalid_argument, "visits required must be 1 to 31");
    c.set_visits_required(32);
    refusal(planner.create_campaign(c), Errc::invalid_argument, "visits required must be 1 to 31");
    c = campaign("专项", 1800000000);
    c.set_district_id("dB");
    refusal(planner.create_campaign(c), Errc::forbidden, "outside your district");
    CHECK(dev.outbox().empty());

    DeskDevice sup{kSupervisor};
    put_city(sup);
    TaskPlanner theirs{sup.writer()};
    refusal(theirs.create_campaign(campaign("专项", 1800000000)), Errc::forbidden, "supervisors may not create campaign records");
    CHECK(sup.outbox().empty());
}
