// The authorisation matrix: role × action × own/other scope, all decided in server/policy.
#include <catch2/catch.hpp>

#include <algorithm>

#include "server/policy/policy.h"

using namespace ducha;
using namespace ducha::server;

namespace {

PolicyLookup lookup_with(std::vector<pb::Assignment> assignments = {}, std::optional<pb::Task> task = {}) {
    PolicyLookup l;
    l.task = [task](const std::string&) { return task; };
    l.user = [](const std::string&) { return std::optional<pb::User>{}; };
    l.report = [](const std::string&) { return std::optional<pb::Report>{}; };
    l.assignments_of = [assignments](const std::string&) { return assignments; };
    l.task_institutions_of = [](const std::string&) { return std::vector<std::string>{"inst-far"}; };
    l.district_ids = [] { return std::vector<std::string>{"dA", "dB"}; };
    return l;
}

Principal who(const std::string& id, const std::string& role, const std::string& district,
              std::vector<pb::Assignment> as = {}) {
    pb::User u;
    u.set_role(role);
    u.set_district_id(district);
    return make_principal(id, u, "dev-" + id, lookup_with(std::move(as)));
}

pb::Task task(const std::string& district, std::vector<std::string> assignees, bool covert, const std::string& creator) {
    pb::Task t;
    t.set_district_id(district);
    t.set_covert(covert);
    t.set_created_by(creator);
    t.set_status("open");
    for (auto& a : assignees) t.add_assignees(a);
    return t;
}

bool sees(const Principal& p, std::string_view collection, const std::string& id, const std::string& payload) {
    return shares_key(p.keys, record_keys(collection, id, payload, lookup_with()));
}

}  // namespace

TEST_CASE("volunteers see their own tasks only - covert tasks stay with assignees, creator, supervisors", "[policy]") {
    pb::Assignment zone;
    zone.set_user_id("vol1");
    zone.set_zone_id("z1");
    auto vol1 = who("vol1", "volunteer", "dA", {zone});
    auto vol2 = who("vol2", "volunteer", "dA");
    auto coordA = who("coA", "coordinator", "dA");
    auto coordA2 = who("coA2", "coordinator", "dA");
    auto coordB = who("coB", "coordinator", "dB");
    auto sup = who("sup", "supervisor", "");

    auto open = task("dA", {"vol1"}, false, "coA").SerializeAsString();
    CHECK(sees(vol1, "task", "t", open));
    CHECK_FALSE(sees(vol2, "task", "t", open));
    CHECK(sees(coordA, "task", "t", open));
    CHECK_FALSE(sees(coordB, "task", "t", open));
    CHECK(sees(sup, "task", "t", open));

    auto covert = task("dA", {"vol1"}, true, "coA").SerializeAsString();
    CHECK(sees(vol1, "task", "t", covert));
    CHECK_FALSE(sees(vol2, "task", "t", covert));
    CHECK(sees(coordA, "task", "t", covert));       // created it
    CHECK_FALSE(sees(coordA2, "task", "t", covert));  // same district, did not create it
    CHECK_FALSE(sees(coordB, "task", "t", covert));
    CHECK(sees(sup, "task", "t", covert));
}

TEST_CASE("institutions reach volunteers through zones, assignments and tasks - districts bound coordinators", "[policy]") {
    pb::Assignment zone;
    zone.set_user_id("vol1");
    zone.set_zone_id("z1");
    auto vol1 = who("vol1", "volunteer", "dA", {zone});
    auto coordB = who("coB", "coordinator", "dB");
    pb::Institution in_zone, elsewhere, far;
    in_zone.set_district_id("dA");
    in_zone.set_zone_id("z1");
    elsewhere.set_district_id("dA");
    elsewhere.set_zone_id("z2");
    far.set_district_id("dA");
    far.set_zone_id("z9");
    CHECK(sees(vol1, "institution", "i1", in_zone.SerializeAsString()));
    CHECK_FALSE(sees(vol1, "institution", "i2", elsewhere.SerializeAsString()));
    CHECK(sees(vol1, "institution", "inst-far", far.SerializeAsString()));  // the site of one of vol1's tasks
    CHECK_FALSE(sees(coordB, "institution", "i1", in_zone.SerializeAsString()));
    pb::AuditEvent ev;
    CHECK_FALSE(sees(who("sup", "supervisor", ""), "audit_event", "a", ev.SerializeAsString()));
    CHECK(sees(who("adm", "admin", ""), "audit_event", "a", ev.SerializeAsString()));
}

TEST_CASE("the scope digest changes exactly when the key set changes", "[policy]") {
    pb::Assignment z1, z2;
    z1.set_user_id("v");
    z1.set_zone_id("z1");
    z2.set_user_id("v");
    z2.set_zone_id("z2");
    CHECK(who("v", "volunteer", "dA", {z1}).scope_digest == who("v", "volunteer", "dA", {z1}).scope_digest);
    CHECK(who("v", "volunteer", "dA", {z1}).scope_digest != who("v", "volunteer", "dA", {z1, z2}).scope_digest);
}

// Who may WRITE what is the core's table (tests/shared/policy/write_rules_test.cpp) and is tried
// through the wire against a real server in tests/server/write_matrix_test.cpp.

TEST_CASE("a covert draw's pairs reach only its creator and supervisors", "[policy]") {
    pb::Draw dr;
    dr.set_district_id("dA");
    dr.set_created_by("coA");
    dr.set_covert(true);
    auto payload = dr.SerializeAsString();
    CHECK(sees(who("coA", "coordinator", "dA"), "draw", "d", payload));
    CHECK_FALSE(sees(who("coA2", "coordinator", "dA"), "draw", "d", payload));
    CHECK_FALSE(sees(who("vol1", "volunteer", "dA"), "draw", "d", payload));
    CHECK(sees(who("sup", "supervisor", ""), "draw", "d", payload));
    dr.set_covert(false);
    CHECK(sees(who("coA2", "coordinator", "dA"), "draw", "d", dr.SerializeAsString()));
}

TEST_CASE("enrollment codes: admins for anyone, coordinators for their district's volunteers", "[policy]") {
    pb::User vol_a, vol_b, co_a;
    vol_a.set_role("volunteer");
    vol_a.set_district_id("dA");
    vol_b.set_role("volunteer");
    vol_b.set_district_id("dB");
    co_a.set_role("coordinator");
    co_a.set_district_id("dA");
    auto coA = who("coA", "coordinator", "dA");
    CHECK(can_issue_code(coA, vol_a));
    CHECK_FALSE(can_issue_code(coA, vol_b));
    CHECK_FALSE(can_issue_code(coA, co_a));
    CHECK(can_issue_code(who("adm", "admin", ""), co_a));
    CHECK_FALSE(can_issue_code(who("v", "volunteer", "dA"), vol_a));
    CHECK_FALSE(can_issue_code(who("s", "supervisor", ""), vol_a));
}

TEST_CASE("open draws, campaigns, cases and complaints: their district's coordinators and supervisors see them, volunteers do not",
          "[policy]") {
    auto vol = who("vol1", "volunteer", "dA");
    auto coA = who("coA", "coordinator", "dA");
    auto coB = who("coB", "coordinator", "dB");
    auto sup = who("sup", "supervisor", "");
    pb::Draw dr;
    dr.set_district_id("dA");
    pb::Campaign cp;
    cp.set_district_id("dA");
    pb::Case cs;
    cs.set_district_id("dA");
    pb::Complaint cm;
    cm.set_district_id("dA");
    for (auto [coll, payload] : std::vector<std::pair<std::string_view, std::string>>{
             {"draw", dr.SerializeAsString()},
             {"campaign", cp.SerializeAsString()},
             {"case", cs.SerializeAsString()},
             {"complaint", cm.SerializeAsString()}}) {
        INFO(coll);
        CHECK(sees(coA, coll, "x", payload));
        CHECK(sees(sup, coll, "x", payload));
        CHECK_FALSE(sees(coB, coll, "x", payload));
        CHECK_FALSE(sees(vol, coll, "x", payload));
    }
}
