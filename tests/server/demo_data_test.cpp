#include "server/demo/demo_data.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "ducha.pb.h"
#include "shared/domain/checklist.h"
#include "shared/domain/checklist_template_check.h"
#include "shared/domain/collections.h"
#include "shared/domain/phone_number.h"

using namespace ducha;
using ducha::server::DemoData;
using ducha::server::make_demo_data;

namespace {

constexpr std::int64_t kNow = 1'717'200'000;  // 2024-06-01, fixed so the test is reproducible
constexpr std::int64_t kDay = 86'400;

// Parsed view of the demo records, keyed by id.
struct Parsed {
    std::map<std::string, pb::District> districts;
    std::map<std::string, pb::Zone> zones;
    std::map<std::string, pb::Institution> institutions;
    std::map<std::string, pb::User> users;
    std::vector<pb::Assignment> assignments;
    std::map<std::string, pb::ChecklistTemplate> templates;
    std::map<std::string, pb::Task> tasks;
    std::map<std::string, pb::Complaint> complaints;
    std::map<std::string, pb::Campaign> campaigns;
    std::map<std::string, pb::Case> cases;
};

template <typename M>
M parse(const server::SeedRecord& r) {
    M m;
    INFO(r.collection << "/" << r.id);
    REQUIRE(m.ParseFromString(r.payload));
    return m;
}

Parsed parse_all(const DemoData& d) {
    Parsed p;
    for (const auto& r : d.records) {
        if (r.collection == "district") p.districts[r.id] = parse<pb::District>(r);
        else if (r.collection == "zone") p.zones[r.id] = parse<pb::Zone>(r);
        else if (r.collection == "institution") p.institutions[r.id] = parse<pb::Institution>(r);
        else if (r.collection == "user") p.users[r.id] = parse<pb::User>(r);
        else if (r.collection == "assignment") p.assignments.push_back(parse<pb::Assignment>(r));
        else if (r.collection == "checklist_template") p.templates[r.id] = parse<pb::ChecklistTemplate>(r);
        else if (r.collection == "task") p.tasks[r.id] = parse<pb::Task>(r);
        else if (r.collection == "complaint") p.complaints[r.id] = parse<pb::Complaint>(r);
        else if (r.collection == "campaign") p.campaigns[r.id] = parse<pb::Campaign>(r);
        else if (r.collection == "case") p.cases[r.id] = parse<pb::Case>(r);
        else FAIL("unexpected collection " << r.collection);
    }
    return p;
}

}  // namespace

TEST_CASE("demo data: counts and shape", "[demo]") {
    const DemoData d = make_demo_data(42, kNow);
    const Parsed p = parse_all(d);

    SECTION("ids are UUID-like (a checklist version: checklist.v<N>) and unique per collection") {
        const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        std::set<std::string> ids;
        for (const auto& r : d.records) {
            INFO(r.collection << "/" << r.id);
            if (r.collection == domain::kChecklistTemplate) CHECK(r.id == domain::checklist_version_id(1));
            else CHECK(std::regex_match(r.id, uuid));
            CHECK(ids.insert(r.collection + "/" + r.id).second);
        }
    }

    SECTION("campaigns: one running special action per district, over key targets") {
        REQUIRE(p.campaigns.size() == p.districts.size());
        std::set<std::string> districts;
        for (const auto& [id, c] : p.campaigns) {
            CHECK(p.districts.contains(c.district_id()));
            districts.insert(c.district_id());
            CHECK(c.start() < c.end());
            CHECK(c.key_targets_only());
            CHECK(c.visits_required() >= 1);
            CHECK(p.users.at(c.created_by()).role() == "coordinator");
        }
        CHECK(districts.size() == p.districts.size());
    }
    SECTION("districts") {
        REQUIRE(p.districts.size() == 8);
        std::set<std::string> names;
        for (const auto& [id, dist] : p.districts) {
            names.insert(dist.name());
            CHECK_FALSE(dist.name_en().empty());
            CHECK_FALSE(dist.code().empty());
            CHECK(dist.center().lat() > 40.0);
            CHECK(dist.center().lat() < 41.6);
            CHECK(dist.center().lon() > 122.2);
            CHECK(dist.center().lon() < 123.5);
        }
        CHECK(names == std::set<std::string>{"铁东区", "铁西区", "立山区", "千山区", "海城市", "台安县",
                                             "岫岩满族自治县", "高新区"});
    }

    SECTION("zones: 4-8 per district, 3-6 communities each") {
        std::map<std::string, int> per_district;
        for (const auto& [id, z] : p.zones) {
            REQUIRE(p.districts.contains(z.district_id()));
            ++per_district[z.district_id()];
            CHECK(z.communities_size() >= 3);
            CHECK(z.communities_size() <= 6);
        }
        CHECK(per_district.size() == 8);
        for (const auto& [id, n] : per_district) {
            CHECK(n >= 4);
            CHECK(n <= 8);
        }
    }

    SECTION("institutions") {
        const auto n = p.institutions.size();
        CHECK(n >= 1400);
        CHECK(n <= 1600);
        std::size_t unlicensed = 0, key = 0, complained = 0, violated = 0, academic = 0;
        std::set<std::string> names;
        std::map<std::string, std::size_t> per_district;
        for (const auto& [id, inst] : p.institutions) {
            INFO(inst.name());
            REQUIRE(p.districts.contains(inst.district_id()));
            REQUIRE(p.zones.contains(inst.zone_id()));
            CHECK(p.zones.at(inst.zone_id()).district_id() == inst.district_id());
            CHECK(names.insert(inst.name()).second);
            // The address starts with the district name.
            CHECK(inst.address().starts_with(p.districts.at(inst.district_id()).name()));
            CHECK(inst.licensed() == !inst.licence_no().empty());
            CHECK(inst.academic() == (inst.category() == "学科类"));
            CHECK(std::set<std::string>{"学科类", "艺术类", "体育类", "科技类", "托管"}.contains(inst.category()));
            // Within ~10 km of its district's centre.
            const auto& c = p.districts.at(inst.district_id()).center();
            CHECK(std::abs(inst.location().lat() - c.lat()) < 0.1);
            CHECK(std::abs(inst.location().lon() - c.lon()) < 0.1);
            if (!inst.community().empty()) {
                const auto& comms = p.zones.at(inst.zone_id()).communities();
                CHECK(std::find(comms.begin(), comms.end(), inst.community()) != comms.end());
            }
            unlicensed += inst.licensed() ? 0 : 1;
            key += inst.key_target() ? 1 : 0;
            complained += inst.complaint_count() > 0 ? 1 : 0;
            violated += inst.past_violations() > 0 ? 1 : 0;
            academic += inst.academic() ? 1 : 0;
            ++per_district[inst.district_id()];
        }
        // ~8% unlicensed, ~10% key targets.
        CHECK(unlicensed > n * 5 / 100);
        CHECK(unlicensed < n * 11 / 100);
        CHECK(key > n * 7 / 100);
        CHECK(key < n * 14 / 100);
        CHECK(complained > 100);
        CHECK(violated > 30);
        CHECK(academic > n / 4);
        CHECK(per_district.size() == 8);
    }

    SECTION("users: 258 volunteers, coordinators, 6 supervisors, 1 admin") {
        std::map<std::string, int> by_role;
        std::map<std::string, int> coordinators_per_district;
        const std::regex phone("13[0-9]-[0-9]{4}-[0-9]{4}");
        std::set<std::string> badges, phones;
        for (const auto& [id, u] : p.users) {
            ++by_role[u.role()];
            // A phone number names one person (the server's user rule refuses a second holder).
            if (!u.phone().empty()) CHECK(phones.insert(domain::phone_digits(u.phone())).second);
            CHECK(u.active());
            CHECK_FALSE(u.name().empty());
            // Everyone who inspects carries a badge of their own (coordinators and supervisors too).
            if (u.role() != "admin") {
                CHECK(u.badge_token().size() >= 22);
                CHECK(u.badge_token().find_first_not_of(
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
                CHECK(badges.insert(u.badge_token()).second);
                CHECK(u.badge_valid_until() == kNow + 365 * kDay);
            } else {
                CHECK(u.badge_token().empty());
            }
            if (u.role() == "volunteer") {
                REQUIRE(p.districts.contains(u.district_id()));
                CHECK(std::regex_match(u.phone(), phone));
                CHECK_FALSE(u.school().empty());
            } else if (u.role() == "coordinator") {
                REQUIRE(p.districts.contains(u.district_id()));
                ++coordinators_per_district[u.district_id()];
            } else {
                CHECK(u.district_id().empty());
            }
        }
        CHECK(by_role["volunteer"] == 258);
        CHECK(by_role["coordinator"] >= 8);
        CHECK(by_role["coordinator"] <= 16);
        CHECK(by_role["supervisor"] == 6);
        CHECK(by_role["admin"] == 1);
        CHECK(coordinators_per_district.size() == 8);

        // DemoUser mirrors the user records.
        REQUIRE(d.users.size() == p.users.size());
        for (const auto& du : d.users) {
            REQUIRE(p.users.contains(du.user_id));
            const auto& u = p.users.at(du.user_id);
            CHECK(du.role == u.role());
            CHECK(du.name == u.name());
            CHECK(du.district_id == u.district_id());
            if (!du.district_id.empty()) CHECK(du.district_name == p.districts.at(du.district_id).name());
            if (du.role == "admin") CHECK(du.name == "系统管理员");
        }
    }

    SECTION("volunteers follow institution counts across districts") {
        std::map<std::string, double> inst, vol;
        for (const auto& [id, i] : p.institutions) inst[i.district_id()] += 1;
        for (const auto& [id, u] : p.users)
            if (u.role() == "volunteer") vol[u.district_id()] += 1;
        for (const auto& [did, n] : inst) {
            const double expected = 258.0 * n / static_cast<double>(p.institutions.size());
            CHECK(std::abs(vol[did] - expected) <= 1.0);
        }
    }

    SECTION("every volunteer has an assignment in their own district; every zone is covered") {
        std::map<std::string, int> zone_assignments, inst_assignments;
        std::set<std::string> covered_zones;
        for (const auto& a : p.assignments) {
            REQUIRE(p.users.contains(a.user_id()));
            const auto& u = p.users.at(a.user_id());
            CHECK(u.role() == "volunteer");
            CHECK(a.district_id() == u.district_id());
            CHECK(a.zone_id().empty() != a.institution_id().empty());  // exactly one binding
            if (!a.zone_id().empty()) {
                REQUIRE(p.zones.contains(a.zone_id()));
                CHECK(p.zones.at(a.zone_id()).district_id() == u.district_id());
                ++zone_assignments[a.user_id()];
                covered_zones.insert(a.zone_id());
            } else {
                REQUIRE(p.institutions.contains(a.institution_id()));
                CHECK(p.institutions.at(a.institution_id()).district_id() == u.district_id());
                ++inst_assignments[a.user_id()];
            }
        }
        for (const auto& [id, u] : p.users) {
            if (u.role() != "volunteer") continue;
            INFO(u.name());
            CHECK(zone_assignments[id] >= 1);
            CHECK(zone_assignments[id] <= 2);
            CHECK(inst_assignments[id] >= 1);
            CHECK(inst_assignments[id] <= 3);
        }
        CHECK(covered_zones.size() == p.zones.size());
    }

    SECTION("the default checklist") {
        REQUIRE(p.templates.size() == 1);
        CHECK(p.templates.begin()->second.SerializeAsString() ==
              domain::default_checklist().SerializeAsString());
    }

    SECTION("tasks") {
        REQUIRE(p.templates.size() == 1);
        const std::string template_id = p.templates.begin()->first;
        // Zones each volunteer is bound to.
        std::map<std::string, std::set<std::string>> zones_of;
        for (const auto& a : p.assignments)
            if (!a.zone_id().empty()) zones_of[a.user_id()].insert(a.zone_id());

        std::map<std::string, int> open_per_volunteer, kinds;
        int covert = 0, done = 0, open = 0;
        for (const auto& [id, t] : p.tasks) {
            INFO(t.title());
            REQUIRE(p.institutions.contains(t.institution_id()));
            const auto& inst = p.institutions.at(t.institution_id());
            CHECK(t.district_id() == inst.district_id());
            CHECK(t.template_id() == template_id);
            CHECK(t.priority() >= 1);
            CHECK(t.priority() <= 5);
            CHECK(t.window_start() < t.window_end());
            CHECK_FALSE(t.title().empty());
            REQUIRE(p.users.contains(t.created_by()));
            CHECK(p.users.at(t.created_by()).role() == "coordinator");
            CHECK(t.assignees_size() == (t.kind() == "joint" ? 2 : 1));
            if (t.kind() == "joint") CHECK(t.assignees(0) != t.assignees(1));
            for (const auto& a : t.assignees()) {
                REQUIRE(p.users.contains(a));
                CHECK(p.users.at(a).role() == "volunteer");
                CHECK(p.users.at(a).district_id() == t.district_id());
                if (t.status() == "open") CHECK(zones_of[a].contains(inst.zone_id()));
            }
            ++kinds[t.kind()];
            covert += t.covert() ? 1 : 0;
            if (t.status() == "open") {
                ++open;
                ++open_per_volunteer[t.assignees(0)];
                CHECK(t.window_start() >= kNow - 2 * kDay);
                CHECK(t.window_end() <= kNow + 14 * kDay);
            } else {
                REQUIRE(t.status() == "done");
                ++done;
                CHECK(t.window_start() >= kNow - 22 * kDay);
                CHECK(t.window_end() <= kNow);
            }
            if (t.kind() == "complaint") {
                REQUIRE(p.complaints.contains(t.complaint_id()));
                CHECK(p.complaints.at(t.complaint_id()).task_id() == id);
                CHECK(p.complaints.at(t.complaint_id()).institution_id() == t.institution_id());
            }
        }
        for (const auto& [id, u] : p.users) {
            if (u.role() != "volunteer") continue;
            CHECK(open_per_volunteer[id] >= 2);
            CHECK(open_per_volunteer[id] <= 5);
        }
        for (const char* k : {"routine", "spot_check", "complaint", "reinspection", "joint"}) CHECK(kinds[k] > 0);
        CHECK(covert > open / 20);
        CHECK(covert < open / 5);
        CHECK(done >= 258);
    }

    SECTION("risk counts follow the facts: each institution's complaints and past violations are in the data") {
        std::map<std::string, int> complaints, violations;
        for (const auto& [id, c] : p.complaints) ++complaints[c.institution_id()];
        for (const auto& [id, c] : p.cases) {
            REQUIRE(p.institutions.contains(c.institution_id()));
            CHECK(c.district_id() == p.institutions.at(c.institution_id()).district_id());
            CHECK(c.status() == "closed");  // decided as a violation before the system was in use
            CHECK(c.decided_at() < kNow);
            CHECK(p.users.at(c.decided_by()).role() == "supervisor");
            ++violations[c.institution_id()];
        }
        int repeat_offenders = 0;
        for (const auto& [id, inst] : p.institutions) {
            INFO(inst.name());
            CHECK(inst.complaint_count() == complaints[id]);
            CHECK(inst.past_violations() == violations[id]);
            repeat_offenders += inst.past_violations() > 0 ? 1 : 0;
        }
        CHECK(repeat_offenders > 30);
    }

    SECTION("complaints") {
        std::map<std::string, pb::Complaint> current;  // the ledger's live work; the rest is closed history
        for (const auto& [id, c] : p.complaints) {
            if (c.status() != "closed") current[id] = c;
            else {
                CHECK_FALSE(c.resolution().empty());
                CHECK(c.resolved_at() > c.received_at());
                CHECK(c.received_at() < kNow - 29 * kDay);
            }
        }
        CHECK(current.size() >= 40);
        CHECK(current.size() <= 80);
        CHECK(p.complaints.size() > current.size());
        const std::set<std::string> sources{"12345", "phone", "letter", "online", "other"};
        int hotline = 0, linked = 0;
        std::map<std::string, int> by_status;
        for (const auto& [id, c] : current) {
            REQUIRE(p.institutions.contains(c.institution_id()));
            const auto& inst = p.institutions.at(c.institution_id());
            CHECK(inst.complaint_count() > 0);
            CHECK(c.district_id() == inst.district_id());
            CHECK(sources.contains(c.source()));
            CHECK((c.status() == "open" || c.status() == "triaged"));
            const std::string place = inst.community().empty() ? inst.address() : inst.community();
            CHECK((c.text().find(inst.name()) != std::string::npos || c.text().find(place) != std::string::npos));
            CHECK(c.text().find('{') == std::string::npos);
            CHECK(c.received_at() < kNow);
            CHECK(c.due_at() > c.received_at());
            if (!c.task_id().empty()) {
                REQUIRE(p.tasks.contains(c.task_id()));
                CHECK(p.tasks.at(c.task_id()).complaint_id() == id);
                CHECK(c.status() == "triaged");  // an open complaint awaits triage: no task yet
            }
            hotline += c.source() == "12345" ? 1 : 0;
            ++by_status[c.status()];
            linked += c.task_id().empty() ? 0 : 1;
        }
        CHECK(hotline > 0);
        CHECK(by_status["open"] > 0);
        CHECK(by_status["triaged"] > 0);
        CHECK(linked > 0);
    }
}

TEST_CASE("demo data is deterministic", "[demo]") {
    const DemoData a = make_demo_data(7, kNow);
    const DemoData b = make_demo_data(7, kNow);
    REQUIRE(a.records.size() == b.records.size());
    bool same = true;
    for (std::size_t i = 0; i < a.records.size(); ++i) {
        same = same && a.records[i].collection == b.records[i].collection && a.records[i].id == b.records[i].id &&
               a.records[i].payload == b.records[i].payload;
    }
    CHECK(same);
    REQUIRE(a.users.size() == b.users.size());
    for (std::size_t i = 0; i < a.users.size(); ++i) CHECK(a.users[i].user_id == b.users[i].user_id);

    const DemoData c = make_demo_data(8, kNow);
    std::set<std::string> ids_a, ids_c;
    for (const auto& r : a.records) ids_a.insert(r.id);
    for (const auto& r : c.records) ids_c.insert(r.id);
    std::size_t shared = 0;
    for (const auto& id : ids_c) shared += ids_a.contains(id) ? 1 : 0;
    CHECK(shared == 1);  // only the checklist's fixed id, checklist.v1
    bool differs = a.records.size() != c.records.size();
    for (std::size_t i = 0; !differs && i < a.records.size(); ++i)
        differs = a.records[i].payload != c.records[i].payload;
    CHECK(differs);
}
