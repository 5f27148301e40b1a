// Districts and people on an admin's or a coordinator's device: what `district add` and
// `user import` queue, each problem of an import file with its line, and that one bad row means
// nothing is queued.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "shared/desk/people_desk.h"
#include "shared/support/desk_fixture.h"

using namespace ducha;
using namespace ducha::desk;
using namespace ducha::domain;
using namespace ducha::test;

namespace {

const Enrolled kAdmin{"adm", "admin", "", "dev-adm", "系统管理员"};

// The problems of a refused import as (line, English words) pairs.
std::vector<std::pair<int, std::string>> problems_of(const ImportResult& s) {
    std::vector<std::pair<int, std::string>> out;
    for (const auto& p : s.errors) out.emplace_back(p.line, p.error.text(Lang::en));
    return out;
}

bool has_problem(const ImportResult& s, int line, std::string_view english) {
    return std::any_of(s.errors.begin(), s.errors.end(), [&](const RowError& p) {
        return p.line == line && p.error.text(Lang::en).find(english) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("people: an admin adds districts, a name already held is refused", "[desk][people]") {
    DeskDevice dev{kAdmin};
    put_city(dev);
    PeopleDesk desk{dev.writer()};

    auto id = desk.add_district("  立山区 ", "210304");
    REQUIRE(id.has_value());
    auto out = dev.outbox();
    REQUIRE(out.size() == 1);
    CHECK(out[0].mutation.collection() == "district");
    CHECK(out[0].mutation.id() == *id);
    const auto d = parsed<pb::District>(out[0].mutation.payload());
    CHECK(d.name() == "立山区");
    CHECK(d.code() == "210304");

    refusal(desk.add_district("铁东区", ""), Errc::already_exists, "a district named 铁东区 already exists (dA)");
    refusal(desk.add_district("立山区", ""), Errc::already_exists, "a district named 立山区 already exists");
    refusal(desk.add_district(" ", ""), Errc::invalid_argument, "the district needs a name");
    CHECK(dev.outbox().size() == 1);

    auto list = desk.districts();
    REQUIRE(list.has_value());
    std::vector<std::string> names;
    for (const auto& x : *list) names.push_back(x.name);
    CHECK(names == std::vector<std::string>{"立山区", "铁东区", "铁西区"});
}

TEST_CASE("people: a coordinator may not add a district", "[desk][people]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    PeopleDesk desk{dev.writer()};
    auto r = desk.add_district("立山区", "");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::forbidden);
    CHECK(dev.outbox().empty());
}

TEST_CASE("people: a good file queues every person, active with a badge valid one year", "[desk][people]") {
    DeskDevice dev{kAdmin};
    put_city(dev);
    ManualClock clock{1'800'000'000'000};
    PeopleDesk desk{dev.writer(), clock};

    const std::string csv =
        "\xEF\xBB\xBFname,phone,role,district,school\n"
        "李娜,138-1234-5678,coordinator,铁东区,\n"
        "王磊,13912345678,volunteer,dA,第一中学\n"
        "张敏,+86 139 0000 1111,督查员,铁西区,第二小学\n"
        "赵刚,0412-5551234,supervisor,,\n";
    auto r = desk.import_csv(csv);
    REQUIRE(r.has_value());
    INFO((r->ok() ? std::string() : r->errors[0].message()));
    REQUIRE(r->ok());
    REQUIRE(r->ids.size() == 4);
    const auto out = dev.outbox();
    REQUIRE(out.size() == 4);
    std::set<std::string> badges;
    for (std::size_t i = 0; i < out.size(); ++i) {
        CHECK(out[i].mutation.collection() == "user");
        CHECK(out[i].mutation.id() == r->ids[i]);
        const auto u = parsed<pb::User>(out[i].mutation.payload());
        CHECK(u.active());
        CHECK(u.badge_token().size() >= 16);
        CHECK(u.badge_valid_until() == 1'800'000'000 + 365 * 24 * 3600);
        badges.insert(u.badge_token());
    }
    CHECK(badges.size() == 4);
    const auto li = parsed<pb::User>(out[0].mutation.payload());
    CHECK(li.name() == "李娜");
    CHECK(li.role() == "coordinator");
    CHECK(li.district_id() == "dA");  // by its name
    CHECK(li.phone() == "138-1234-5678");
    const auto wang = parsed<pb::User>(out[1].mutation.payload());
    CHECK(wang.district_id() == "dA");  // by its id
    CHECK(wang.school() == "第一中学");
    const auto zhang = parsed<pb::User>(out[2].mutation.payload());
    CHECK(zhang.role() == "volunteer");  // the Chinese word
    CHECK(zhang.district_id() == "dB");
    const auto zhao = parsed<pb::User>(out[3].mutation.payload());
    CHECK(zhao.role() == "supervisor");
    CHECK(zhao.district_id().empty());  // city-wide

    // Chinese headers, a coordinator's own district left unsaid.
    DeskDevice co{kCoordinatorA};
    put_city(co);
    PeopleDesk cdesk{co.writer()};
    auto c = cdesk.import_csv("姓名,电话,角色\n孙丽,13700001111,volunteer\n");
    REQUIRE(c.has_value());
    REQUIRE(c->ok());
    const auto sun = parsed<pb::User>(co.outbox().at(0).mutation.payload());
    CHECK(sun.district_id() == "dA");
}

TEST_CASE("people: each problem of a file is named with its line, and nothing is queued", "[desk][people]") {
    DeskDevice dev{kAdmin};
    put_city(dev);
    auto taken = person("钱进", "volunteer", "dA");
    taken.set_phone("13600000000");
    dev.put(kUser, "vA9", taken);
    PeopleDesk desk{dev.writer()};

    const std::string csv =
        "name,phone,role,district,school\n"   // line 1
        "好人,13800000001,volunteer,铁东区,\n"  // 2: fine
        ",13800000002,volunteer,铁东区,\n"      // 3: no name
        "坏号,12-34,volunteer,铁东区,\n"        // 4: bad phone
        "无号,,volunteer,铁东区,\n"             // 5: no phone
        "怪角色,13800000005,janitor,铁东区,\n"  // 6: unknown role
        "远方,13800000006,volunteer,立山区,\n"  // 7: unknown district
        "重复,138-0000-0001,volunteer,铁东区,\n"  // 8: same phone as line 2
        "旧号,136 0000 0000,volunteer,铁东区,\n"  // 9: phone of an existing user
        "无区,13800000009,volunteer,,\n";       // 10: a volunteer needs a district
    auto r = desk.import_csv(csv);
    REQUIRE(r.has_value());
    REQUIRE_FALSE(r->ok());
    INFO(r->errors.size());
    CHECK(r->ids.empty());
    CHECK(dev.outbox().empty());
    CHECK(r->errors.size() == 8);
    CHECK(has_problem(*r, 3, "the name is required"));
    CHECK(has_problem(*r, 4, "malformed phone number 12-34"));
    CHECK(has_problem(*r, 5, "the phone number is required"));
    CHECK(has_problem(*r, 6, "unknown role 'janitor'"));
    CHECK(has_problem(*r, 7, "no such district: 立山区"));
    CHECK(has_problem(*r, 8, "phone number 138-0000-0001 is also on line 2 of this file"));
    CHECK(has_problem(*r, 9, "phone number 136 0000 0000 already belongs to 钱进 (vA9)"));
    CHECK(has_problem(*r, 10, "a volunteer needs a district"));
    for (const auto& [line, words] : problems_of(*r)) CHECK(line != 2);
    // The CLI prints each problem in both languages with its line.
    CHECK(r->errors[0].message() == "第 3 行：姓名不能为空 / line 3: the name is required");

    // One bad row among good ones: still nothing.
    auto one = desk.import_csv("name,phone,role,district\n甲,13800000011,volunteer,dA\n乙,13800000012,volunteer,dA\n丙,1,volunteer,dA\n");
    REQUIRE(one.has_value());
    REQUIRE(one->errors.size() == 1);
    CHECK(one->errors[0].line == 4);
    CHECK(dev.outbox().empty());
}

TEST_CASE("people: a file without the required columns or rows is refused at line 1", "[desk][people]") {
    DeskDevice dev{kAdmin};
    put_city(dev);
    PeopleDesk desk{dev.writer()};
    auto cols = desk.import_csv("name,district\n甲,dA\n");
    REQUIRE(cols.has_value());
    REQUIRE(cols->errors.size() == 1);
    CHECK(cols->errors[0].line == 1);
    CHECK(cols->errors[0].error.text(Lang::en) == "missing required columns: phone/电话 role/角色");
    auto empty = desk.import_csv("name,phone,role\n");
    REQUIRE(empty.has_value());
    REQUIRE(empty->errors.size() == 1);
    CHECK(empty->errors[0].error.text(Lang::en) == "the file has no data rows");
    CHECK(dev.outbox().empty());
}

TEST_CASE("people: a coordinator imports only volunteers of their own district", "[desk][people]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    PeopleDesk desk{dev.writer()};
    const std::string csv =
        "name,phone,role,district\n"
        "甲,13800000021,volunteer,dA\n"
        "乙,13800000022,admin,\n"
        "丙,13800000023,coordinator,dA\n"
        "丁,13800000024,volunteer,dB\n";
    auto r = desk.import_csv(csv);
    REQUIRE(r.has_value());
    REQUIRE(r->errors.size() == 3);
    CHECK(has_problem(*r, 3, "a coordinator imports only volunteers of their own district"));
    CHECK(has_problem(*r, 4, "a coordinator imports only volunteers of their own district"));
    CHECK(has_problem(*r, 5, "a coordinator imports only volunteers of their own district"));
    CHECK(r->errors[0].error.code == Errc::forbidden);
    CHECK(dev.outbox().empty());

    // A volunteer may not import anyone.
    DeskDevice vol{kVolunteerA};
    put_city(vol);
    PeopleDesk vdesk{vol.writer()};
    auto v = vdesk.import_csv("name,phone,role\n甲,13800000031,volunteer\n");
    REQUIRE_FALSE(v.has_value());
    CHECK(v.error().code == Errc::forbidden);
    CHECK(vol.outbox().empty());
}

TEST_CASE("people: the list shows everyone in the replica by district and name", "[desk][people]") {
    DeskDevice dev{kAdmin};
    put_city(dev);
    PeopleDesk desk{dev.writer()};
    auto all = desk.people("");
    REQUIRE(all.has_value());
    CHECK(all->size() == 8);
    auto tiexi = desk.people("dB");
    REQUIRE(tiexi.has_value());
    REQUIRE(tiexi->size() == 1);
    CHECK(tiexi->front().name == "刘洋");
    CHECK(tiexi->front().district_name == "铁西区");
    CHECK(tiexi->front().active);
}

// ---------------------------------------------------------------- people over time

namespace {

// The user record the last queued change would store.
pb::User last_queued_user(DeskDevice& dev) {
    const auto out = dev.outbox();
    REQUIRE_FALSE(out.empty());
    CHECK(out.back().mutation.collection() == "user");
    return parsed<pb::User>(out.back().mutation.payload());
}

pb::User badged(const std::string& name, const std::string& role, const std::string& district, std::int64_t until_s,
                bool active = true) {
    auto u = person(name, role, district, active);
    u.set_badge_token("tok-" + name);
    u.set_badge_valid_until(until_s);
    return u;
}

constexpr std::int64_t kNow_s = 1'800'000'000;
constexpr std::int64_t kDay_s = 24 * 3600;

}  // namespace

TEST_CASE("people: a coordinator switches their own volunteer off and on again", "[desk][people]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    PeopleDesk desk{dev.writer()};

    REQUIRE(desk.deactivate("vA1"));
    auto off = last_queued_user(dev);
    CHECK_FALSE(off.active());
    CHECK(off.name() == "王芳");
    CHECK(off.role() == "volunteer");
    CHECK(dev.outbox().back().mutation.id() == "vA1");
    CHECK(dev.outbox().back().mutation.base_version() == 1);

    // The replica now holds the change: a second switch-off is refused, switching on goes through.
    refusal(desk.deactivate("vA1"), Errc::invalid_argument, "王芳 is already switched off");
    REQUIRE(desk.reactivate("vA1"));
    CHECK(last_queued_user(dev).active());
    refusal(desk.reactivate("vA2"), Errc::invalid_argument, "李强 is already active");
    REQUIRE(desk.reactivate("vA4"));  // switched off in the replica as the server sent it
    CHECK(last_queued_user(dev).active());
    CHECK(dev.outbox().size() == 3);
}

TEST_CASE("people: a coordinator may not switch off another district's volunteer, a fellow coordinator or themselves",
          "[desk][people]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    PeopleDesk desk{dev.writer()};
    auto other = desk.deactivate("vB1");
    REQUIRE_FALSE(other);
    CHECK(other.error().code == Errc::forbidden);
    auto fellow = desk.deactivate("coA2");
    REQUIRE_FALSE(fellow);
    CHECK(fellow.error().code == Errc::forbidden);
    refusal(desk.deactivate("coA"), Errc::invalid_argument, "you cannot switch off your own account");
    refusal(desk.deactivate("nobody"), Errc::not_found, "nobody");
    CHECK(dev.outbox().empty());

    // A volunteer may switch off no one.
    DeskDevice vol{kVolunteerA};
    put_city(vol);
    auto v = PeopleDesk{vol.writer()}.deactivate("vA2");
    REQUIRE_FALSE(v);
    CHECK(v.error().code == Errc::forbidden);
    CHECK(vol.outbox().empty());
}

TEST_CASE("people: only an admin changes a role, and a volunteer or coordinator needs a district", "[desk][people]") {
    DeskDevice dev{kAdmin};
    put_city(dev);
    PeopleDesk desk{dev.writer()};

    REQUIRE(desk.change_role("vA1", "协调员", "铁东区"));
    auto promoted = last_queued_user(dev);
    CHECK(promoted.role() == "coordinator");
    CHECK(promoted.district_id() == "dA");
    CHECK(promoted.name() == "王芳");
    CHECK(promoted.active());

    REQUIRE(desk.change_role("coA2", "supervisor", ""));  // city-wide
    auto sup = last_queued_user(dev);
    CHECK(sup.role() == "supervisor");
    CHECK(sup.district_id().empty());
    REQUIRE(desk.change_role("vB1", "volunteer", "dA"));  // moves district
    CHECK(last_queued_user(dev).district_id() == "dA");
    CHECK(dev.outbox().size() == 3);

    refusal(desk.change_role("vA2", "volunteer", ""), Errc::invalid_argument, "a volunteer needs a district");
    refusal(desk.change_role("vA2", "coordinator", "立山区"), Errc::not_found, "no such district: 立山区");
    refusal(desk.change_role("vA2", "janitor", "dA"), Errc::invalid_argument, "unknown role 'janitor'");
    refusal(desk.change_role("vA2", "volunteer", "dA"), Errc::invalid_argument, "李强 already has this role and district");
    refusal(desk.change_role("adm", "volunteer", "dA"), Errc::invalid_argument, "you cannot change your own role");
    CHECK(dev.outbox().size() == 3);

    DeskDevice co{kCoordinatorA};
    put_city(co);
    refusal(PeopleDesk{co.writer()}.change_role("vA1", "coordinator", "dA"), Errc::forbidden,
            "only an admin changes a role");
    CHECK(co.outbox().empty());
}

TEST_CASE("people: renewing a badge gives it a year from now with the same token", "[desk][people]") {
    DeskDevice dev{kCoordinatorA};
    put_city(dev);
    dev.put(kUser, "vA5", badged("吴磊", "volunteer", "dA", kNow_s + 3 * kDay_s));
    ManualClock clock{kNow_s * 1000};
    PeopleDesk desk{dev.writer(), clock};

    auto until = desk.renew_badge("vA5");
    REQUIRE(until);
    CHECK(*until == kNow_s + 365 * kDay_s);
    auto u = last_queued_user(dev);
    CHECK(u.badge_valid_until() == kNow_s + 365 * kDay_s);
    CHECK(u.badge_token() == "tok-吴磊");
    CHECK(u.active());

    auto other = desk.renew_badge("vB1");
    REQUIRE_FALSE(other);
    CHECK(other.error().code == Errc::forbidden);
    CHECK(dev.outbox().size() == 1);
}

TEST_CASE("people: renewing every badge that ends soon takes the active people within reach, expired ones too",
          "[desk][people]") {
    auto fill = [](DeskDevice& d) {
        put_city(d);  // the city's people have no badge date: they count as expiring
        d.put(kUser, "soon", badged("快到期", "volunteer", "dA", kNow_s + 10 * kDay_s));
        d.put(kUser, "gone", badged("已过期", "volunteer", "dA", kNow_s - 5 * kDay_s));
        d.put(kUser, "later", badged("还早", "volunteer", "dA", kNow_s + 60 * kDay_s));
        d.put(kUser, "off", badged("停用者", "volunteer", "dA", kNow_s + 1 * kDay_s, false));
        d.put(kUser, "west", badged("西边", "volunteer", "dB", kNow_s + 2 * kDay_s));
        d.put(kUser, "coB", badged("西协调", "coordinator", "dB", kNow_s + 2 * kDay_s));
    };
    ManualClock clock{kNow_s * 1000};

    DeskDevice co{kCoordinatorA};
    fill(co);
    auto mine = PeopleDesk{co.writer(), clock}.renew_badges_expiring(30);
    REQUIRE(mine);
    std::set<std::string> got(mine->begin(), mine->end());
    // Active volunteers of dA: vA1..vA3 (undated), soon, gone; not later, not off (vA4 and off), not dB or staff.
    CHECK(got == std::set<std::string>{"vA1", "vA2", "vA3", "soon", "gone"});
    for (const auto& it : co.outbox())
        CHECK(parsed<pb::User>(it.mutation.payload()).badge_valid_until() == kNow_s + 365 * kDay_s);
    CHECK(co.outbox().size() == 5);

    DeskDevice adm{kAdmin};
    fill(adm);
    PeopleDesk desk{adm.writer(), clock};
    auto all = desk.renew_badges_expiring(3);
    REQUIRE(all);
    std::set<std::string> every(all->begin(), all->end());
    CHECK(every.count("west") == 1);
    CHECK(every.count("coB") == 1);
    CHECK(every.count("sup") == 1);
    CHECK(every.count("soon") == 0);  // ten days off
    CHECK(every.count("off") == 0);
    CHECK(every.count("vA4") == 0);
    refusal(desk.renew_badges_expiring(-1), Errc::invalid_argument, "the number of days must be 0 to 3650");
    CHECK(adm.outbox().size() == all->size());
}

TEST_CASE("people: the list shows each badge's end, devices and last contact", "[desk][people]") {
    DeskDevice dev{kAdmin};
    put_city(dev);
    dev.put(kUser, "vA5", badged("吴磊", "volunteer", "dA", kNow_s + 3 * kDay_s));
    pb::Device phone;
    phone.set_user_id("vA5");
    phone.set_last_contact(kNow_s - 100);
    dev.put(kDevice, "ph1", phone);
    pb::Device lost;
    lost.set_user_id("vA5");
    lost.set_revoked(true);
    lost.set_last_contact(kNow_s - 5000);
    dev.put(kDevice, "ph2", lost);
    auto people = PeopleDesk{dev.writer()}.people("dA");
    REQUIRE(people);
    auto it = std::find_if(people->begin(), people->end(), [](const PersonView& p) { return p.id == "vA5"; });
    REQUIRE(it != people->end());
    CHECK(it->badge_valid_until == kNow_s + 3 * kDay_s);
    CHECK(it->devices == 1);
    CHECK(it->last_contact == (kNow_s - 100) * 1000);
    auto none = std::find_if(people->begin(), people->end(), [](const PersonView& p) { return p.id == "vA1"; });
    REQUIRE(none != people->end());
    CHECK(none->devices == 0);
    CHECK(none->last_contact == 0);
    CHECK(none->badge_valid_until == 0);
}
