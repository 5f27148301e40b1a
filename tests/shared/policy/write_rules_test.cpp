// The write rules as a pure function: the table's own consistency, the named rules, the server's
// stamps, and that docs/SECURITY.md shows the table the code has. (Through the wire, against a
// real server, the same rules are tried by tests/server/write_matrix_test.cpp and attack_test.cpp.)
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include <google/protobuf/descriptor.h>

#include "shared/domain/collections.h"
#include "shared/domain/state_machines.h"
#include "shared/policy/field_diff.h"
#include "shared/domain/checklist.h"
#include "shared/domain/badge_photo.h"
#include "shared/domain/phone_number.h"
#include "shared/policy/write_rules.h"

using namespace ducha;
using namespace ducha::policy;
using domain::Role;

namespace {

// Facts from maps: the records a rule may look up, as the server's database would hold them.
struct MapFacts final : WriteFacts {
    std::map<std::string, pb::Task> tasks;
    std::map<std::string, pb::Report> reports;
    std::map<std::string, pb::User> users;
    std::map<std::string, pb::Institution> institutions;
    std::map<std::string, pb::Zone> zones;
    std::map<std::string, pb::ChecklistTemplate> checklists;
    std::map<std::string, std::int64_t> stored_at;
    std::int64_t now = 1'800'000'000'000;
    bool complete = true;

    template <typename M>
    static std::optional<M> find(const std::map<std::string, M>& m, const std::string& id) {
        auto it = m.find(id);
        if (it == m.end()) return std::nullopt;
        return it->second;
    }
    std::optional<pb::Task> task(const std::string& id) const override { return find(tasks, id); }
    std::optional<pb::Report> report(const std::string& id) const override { return find(reports, id); }
    std::optional<pb::User> user(const std::string& id) const override { return find(users, id); }
    std::optional<pb::Institution> institution(const std::string& id) const override { return find(institutions, id); }
    std::optional<pb::Zone> zone(const std::string& id) const override { return find(zones, id); }
    std::optional<pb::ChecklistTemplate> checklist(const std::string& id) const override { return find(checklists, id); }
    std::optional<PhoneHolder> phone_holder(const std::string& digits, const std::string& except_id) const override {
        for (const auto& [id, u] : users)
            if (id != except_id && domain::phone_digits(u.phone()) == digits) return PhoneHolder{id, u.name()};
        return std::nullopt;
    }
    std::optional<std::int64_t> stored_at_ms(std::string_view, const std::string& id) const override {
        return find(stored_at, id);
    }
    std::int64_t now_ms() const override { return now; }
    bool authoritative() const override { return complete; }
};

Actor actor(Role r, std::string id, std::string district = "dA") {
    return Actor{id, "dev-" + id, r, std::move(district)};
}

Status judge(const Actor& a, std::string_view coll, const google::protobuf::Message* stored,
             const google::protobuf::Message& next, const MapFacts& f, bool deleting = false) {
    std::string s = stored ? stored->SerializeAsString() : std::string(), n = next.SerializeAsString();
    RecordChange c{coll, "rec-1", std::nullopt, n, deleting};
    if (stored) c.stored = s;
    return judge_write(a, c, f);
}

pb::Task task(std::string district, std::vector<std::string> assignees, bool covert, std::string creator) {
    pb::Task t;
    t.set_district_id(std::move(district));
    t.set_institution_id("inst-a");
    t.set_covert(covert);
    t.set_created_by(std::move(creator));
    t.set_status("open");
    t.set_kind("routine");
    for (auto& a : assignees) t.add_assignees(a);
    return t;
}

MapFacts base_facts() {
    MapFacts f;
    pb::Institution ia, ib;
    ia.set_district_id("dA");
    ib.set_district_id("dB");
    f.institutions["inst-a"] = ia;
    f.institutions["inst-b"] = ib;
    pb::User v1, v2, vb, co2;
    v1.set_role("volunteer"), v1.set_district_id("dA"), v1.set_active(true);
    v2 = v1;
    vb = v1;
    vb.set_district_id("dB");
    co2.set_role("coordinator"), co2.set_district_id("dA"), co2.set_active(true);
    f.users["vol1"] = v1;
    f.users["vol2"] = v2;
    f.users["volB"] = vb;
    f.users["coA2"] = co2;
    f.checklists["tpl"] = domain::default_checklist();
    return f;
}

}  // namespace

TEST_CASE("the grants name real fields and real status moves of every collection they cover", "[policy][rules]") {
    std::map<std::string_view, const google::protobuf::Descriptor*> desc{
        {domain::kTask, pb::Task::descriptor()},       {domain::kCase, pb::Case::descriptor()},
        {domain::kComplaint, pb::Complaint::descriptor()}, {domain::kUser, pb::User::descriptor()},
        {domain::kDevice, pb::Device::descriptor()},   {domain::kDraw, pb::Draw::descriptor()},
        {domain::kCampaign, pb::Campaign::descriptor()}, {domain::kAuditEvent, pb::AuditEvent::descriptor()},
        {domain::kChecklistTemplate, pb::ChecklistTemplate::descriptor()},
        {domain::kInstitution, pb::Institution::descriptor()}};
    for (const auto& g : write_grants()) {
        INFO(g.collection << " " << g.why);
        CHECK(domain::is_known_collection(g.collection));
        CHECK(g.roles != 0);
        CHECK(g.relations != 0);
        CHECK(!g.why.empty());
        if (g.fields != "*" && !g.fields.empty() && desc.count(g.collection)) {
            std::istringstream in{std::string(g.fields)};
            for (std::string f; in >> f;) {
                INFO(f);
                CHECK(desc[g.collection]->FindFieldByName(f) != nullptr);
            }
        }
        if (g.transitions != "*" && !g.transitions.empty()) {
            std::istringstream in{std::string(g.transitions)};
            for (std::string e; in >> e;) {
                auto gt = e.find('>');
                REQUIRE(gt != std::string::npos);
                INFO(e);
                CHECK(domain::check_task_transition(e.substr(0, gt), e.substr(gt + 1)).has_value());
            }
        }
    }
    for (const auto& f : server_fields()) {
        INFO(f.collection << "." << f.field);
        REQUIRE(desc.count(f.collection));
        CHECK(desc[f.collection]->FindFieldByName(std::string(f.field)) != nullptr);
    }
}

TEST_CASE("nobody writes receipts, and reports and evidence are never changed or deleted", "[policy][rules]") {
    auto f = base_facts();
    pb::Receipt rc;
    for (Role r : {Role::volunteer, Role::coordinator, Role::supervisor, Role::admin}) {
        auto s = judge(actor(r, "x"), domain::kReceipt, nullptr, rc, f);
        CHECK_FALSE(s);
        CHECK(s.error().code == Errc::forbidden);
    }
    pb::Report r;
    r.set_template_id("tpl");
    r.set_template_version(1);
    r.set_user_id("vol1");
    r.set_device_id("dev-vol1");
    r.set_unlisted(true);
    r.set_institution_id("inst-a");
    r.set_district_id("dA");
    CHECK(judge(actor(Role::volunteer, "vol1"), domain::kReport, nullptr, r, f));
    pb::Report changed = r;
    changed.set_notes("改过 / changed");
    CHECK_FALSE(judge(actor(Role::volunteer, "vol1"), domain::kReport, &r, changed, f));
    CHECK_FALSE(judge(actor(Role::admin, "adm", ""), domain::kReport, &r, r, f, true));
}

TEST_CASE("volunteers move their own tasks open → in progress → submitted, and submit only with their own report",
          "[policy][rules][task]") {
    auto f = base_facts();
    auto t = task("dA", {"vol1"}, false, "coA");
    auto vol1 = actor(Role::volunteer, "vol1"), vol2 = actor(Role::volunteer, "vol2");
    pb::Task started = t;
    started.set_status("in_progress");
    CHECK(judge(vol1, domain::kTask, &t, started, f));
    CHECK_FALSE(judge(vol2, domain::kTask, &t, started, f));  // not an assignee
    pb::Task cancelled = t;
    cancelled.set_status("cancelled");
    auto s = judge(vol1, domain::kTask, &t, cancelled, f);
    REQUIRE_FALSE(s);
    CHECK_THAT(s.error().message(), Catch::Contains("open → in_progress"));
    // submitted without a report, with someone else's, and with their own
    pb::Task submitted = started;
    submitted.set_status("submitted");
    CHECK_FALSE(judge(vol1, domain::kTask, &started, submitted, f));
    pb::Report theirs;
    theirs.set_template_id("tpl");
    theirs.set_template_version(1);
    theirs.set_user_id("vol2");
    theirs.set_task_id("rec-1");
    f.reports["r-vol2"] = theirs;
    submitted.set_report_id("r-vol2");
    CHECK_FALSE(judge(vol1, domain::kTask, &started, submitted, f));
    pb::Report mine = theirs;
    mine.set_user_id("vol1");
    f.reports["r-vol1"] = mine;
    submitted.set_report_id("r-vol1");
    CHECK(judge(vol1, domain::kTask, &started, submitted, f));
    // submitted → done is review: not the inspector's
    pb::Task done = submitted;
    done.set_status("done");
    CHECK_FALSE(judge(vol1, domain::kTask, &submitted, done, f));
    CHECK(judge(actor(Role::coordinator, "coA"), domain::kTask, &submitted, done, f));
    // no one but a report submits a task
    CHECK_FALSE(judge(actor(Role::coordinator, "coA"), domain::kTask, &started, submitted, f));
    // a volunteer changes nothing but the status
    pb::Task moved = t;
    moved.set_window_end(99);
    CHECK_FALSE(judge(vol1, domain::kTask, &t, moved, f));
}

TEST_CASE("task districts are judged before and after, and covert tasks belong to their creator among coordinators",
          "[policy][rules][task]") {
    auto f = base_facts();
    auto coA = actor(Role::coordinator, "coA"), coA2 = actor(Role::coordinator, "coA2"),
         coB = actor(Role::coordinator, "coB", "dB");
    auto covert = task("dA", {"vol1"}, true, "coA");
    pb::Task stolen = covert;
    stolen.set_district_id("dB");
    stolen.set_institution_id("inst-b");
    stolen.clear_assignees();
    auto s = judge(coB, domain::kTask, &covert, stolen, f);
    REQUIRE_FALSE(s);
    CHECK_THAT(s.error().message(), Catch::Contains("outside your district"));
    pb::Task retitled = covert;
    retitled.set_title("x");
    s = judge(coA2, domain::kTask, &covert, retitled, f);
    REQUIRE_FALSE(s);
    CHECK_THAT(s.error().message(), Catch::Contains("covert"));
    CHECK(judge(coA, domain::kTask, &covert, retitled, f));
    CHECK(judge(actor(Role::supervisor, "sup", ""), domain::kTask, &covert, retitled, f));
    // the creator field is the creator's; the report is the server's
    pb::Task forged = task("dA", {"vol1"}, true, "coA2");
    CHECK_FALSE(judge(coA, domain::kTask, nullptr, forged, f));
    pb::Task with_report = task("dA", {"vol1"}, false, "coA");
    with_report.set_report_id("r-any");
    CHECK_FALSE(judge(coA, domain::kTask, nullptr, with_report, f));
    // assignees are active volunteers; the institution is in the task's district
    CHECK_FALSE(judge(coA, domain::kTask, nullptr, task("dA", {"coA2"}, false, "coA"), f));
    pb::Task elsewhere = task("dA", {"vol1"}, false, "coA");
    elsewhere.set_institution_id("inst-b");
    CHECK_FALSE(judge(coA, domain::kTask, nullptr, elsewhere, f));
    CHECK(judge(coA, domain::kTask, nullptr, task("dA", {"vol1"}, false, "coA"), f));
}

TEST_CASE("roles and accounts: admins for staff, coordinators for their district's volunteers and never a role",
          "[policy][rules][user]") {
    auto f = base_facts();
    auto coA = actor(Role::coordinator, "coA");
    pb::User fellow = f.users["coA2"];
    pb::User demoted = fellow;
    demoted.set_role("volunteer");
    demoted.set_active(false);
    CHECK_FALSE(judge(coA, domain::kUser, &fellow, demoted, f));
    CHECK(judge(actor(Role::admin, "adm", ""), domain::kUser, &fellow, demoted, f));
    pb::User vol = f.users["vol1"];
    pb::User off = vol;
    off.set_active(false);
    CHECK(judge(coA, domain::kUser, &vol, off, f));
    pb::User promoted = vol;
    promoted.set_role("coordinator");
    CHECK_FALSE(judge(coA, domain::kUser, &vol, promoted, f));
    pb::User other = f.users["volB"];
    pb::User other_off = other;
    other_off.set_active(false);
    CHECK_FALSE(judge(coA, domain::kUser, &other, other_off, f));
    CHECK_FALSE(judge(actor(Role::supervisor, "sup", ""), domain::kUser, &vol, off, f));
}

TEST_CASE("people: a phone number is well written and nobody else's, a badge photo reference names a picture",
          "[policy][rules][user]") {
    auto f = base_facts();
    f.users["vol1"].set_phone("13800000001");
    f.users["volB"].set_phone("+86 138-0000-0002");
    f.users["volB"].set_name("乙");
    auto coA = actor(Role::coordinator, "coA");
    auto admin = actor(Role::admin, "adm", "");
    const pb::User vol = f.users["vol1"];
    auto judge_vol1 = [&](const Actor& a, const pb::User& next) {
        std::string stored = vol.SerializeAsString(), n = next.SerializeAsString();
        RecordChange c{domain::kUser, "vol1", stored, n, false};
        return judge_write(a, c, f);
    };

    pb::User taken = vol;
    taken.set_phone("86 13800000002");  // volB's number, spelt another way
    auto s = judge_vol1(coA, taken);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == Errc::already_exists);
    CHECK(s.error().what == Msg::phone_belongs_to_user);
    CHECK(s.error().args == std::vector<std::string>{"86 13800000002", "乙", "volB"});
    CHECK_FALSE(judge_vol1(admin, taken));  // nobody may give one number to two people

    pb::User garbled = vol;
    garbled.set_phone("138-0000-000x");
    s = judge_vol1(coA, garbled);
    REQUIRE_FALSE(s);
    CHECK(s.error().what == Msg::phone_malformed);

    pb::User moved = vol;
    moved.set_phone("139 0000 0001");
    CHECK(judge_vol1(coA, moved));
    pb::User same = vol;  // a record keeps its own number: an edit of another field passes
    same.set_school("鞍山一中");
    CHECK(judge_vol1(coA, same));
    // A new person with a number in use is refused too.
    pb::User newcomer = vol;
    newcomer.set_phone("13800000001");
    std::string n = newcomer.SerializeAsString();
    RecordChange create{domain::kUser, "vol-new", std::nullopt, n, false};
    CHECK_FALSE(judge_write(coA, create, f));

    pb::User photographed = vol;
    auto* ref = photographed.mutable_badge_photo();
    ref->set_sha256(std::string(32, '\x07'));
    ref->set_size(48'000);
    ref->set_mime("image/jpeg");
    ref->set_kind("badge_photo");
    CHECK(judge_vol1(coA, photographed));
    CHECK(judge_vol1(admin, photographed));
    CHECK_FALSE(judge_vol1(actor(Role::coordinator, "coB", "dB"), photographed));  // not their district
    {
        auto self = actor(Role::volunteer, "vol1");
        auto r = judge_vol1(self, photographed);  // nobody sets their own badge photo
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Errc::forbidden);
    }
    pb::User page = photographed;
    page.mutable_badge_photo()->set_mime("text/html");
    s = judge_vol1(coA, page);
    REQUIRE_FALSE(s);
    CHECK(s.error().what == Msg::badge_photo_ref_malformed);
    pb::User huge = photographed;
    huge.mutable_badge_photo()->set_size(domain::kBadgePhotoMaxBytes + 1);
    CHECK_FALSE(judge_vol1(coA, huge));
    pb::User cleared = vol;  // no photo at all is fine
    CHECK(judge_vol1(coA, cleared));
}

TEST_CASE("amendments: the author, the same task and institution, within seven days", "[policy][rules][report]") {
    auto f = base_facts();
    f.tasks["t1"] = task("dA", {"vol1"}, false, "coA");
    pb::Report orig;
    orig.set_template_id("tpl");
    orig.set_template_version(1);
    orig.set_user_id("vol1");
    orig.set_device_id("dev-vol1");
    orig.set_task_id("t1");
    orig.set_institution_id("inst-a");
    orig.set_district_id("dA");
    f.reports["orig"] = orig;
    f.stored_at["orig"] = f.now - 3600'000;
    pb::Report amend = orig;
    amend.set_amends("orig");
    CHECK(judge(actor(Role::volunteer, "vol1"), domain::kReport, nullptr, amend, f));
    pb::Report by_coordinator = amend;
    by_coordinator.set_user_id("coA");
    by_coordinator.set_device_id("dev-coA");
    auto s = judge(actor(Role::coordinator, "coA"), domain::kReport, nullptr, by_coordinator, f);
    REQUIRE_FALSE(s);
    CHECK_THAT(s.error().message(), Catch::Contains("only the author"));
    f.stored_at["orig"] = f.now - kAmendWindowMs - 1;
    s = judge(actor(Role::volunteer, "vol1"), domain::kReport, nullptr, amend, f);
    REQUIRE_FALSE(s);
    CHECK_THAT(s.error().message(), Catch::Contains("7-day"));
    // a report for another institution than its task's
    pb::Report moved = orig;
    moved.set_institution_id("inst-b");
    CHECK_FALSE(judge(actor(Role::volunteer, "vol1"), domain::kReport, nullptr, moved, f));
}

TEST_CASE("evidence only from the report author's device and only for a file the report names",
          "[policy][rules][evidence]") {
    auto f = base_facts();
    pb::Report r;
    r.set_template_id("tpl");
    r.set_template_version(1);
    r.set_user_id("vol1");
    r.set_device_id("dev-vol1");
    r.add_blobs()->set_sha256(std::string(32, 'a'));
    f.reports["rep"] = r;
    pb::Evidence e;
    e.set_report_id("rep");
    e.mutable_blob()->set_sha256(std::string(32, 'a'));
    CHECK(judge(actor(Role::volunteer, "vol1"), domain::kEvidence, nullptr, e, f));
    CHECK_FALSE(judge(actor(Role::volunteer, "volB", "dB"), domain::kEvidence, nullptr, e, f));
    CHECK_FALSE(judge(actor(Role::admin, "adm", ""), domain::kEvidence, nullptr, e, f));
    e.mutable_blob()->set_sha256(std::string(32, 'b'));
    CHECK_FALSE(judge(actor(Role::volunteer, "vol1"), domain::kEvidence, nullptr, e, f));
}

TEST_CASE("a case's server fields never come from a client, and the server stamps who decided and when",
          "[policy][rules][case]") {
    auto f = base_facts();
    pb::Report r;
    r.set_template_id("tpl");
    r.set_template_version(1);
    r.set_institution_id("inst-a");
    r.set_district_id("dA");
    f.reports["rep"] = r;
    pb::Case c;
    c.set_report_id("rep");
    c.set_status("reinspection");
    c.set_reinspection_task_id("t-real");
    auto sup = actor(Role::supervisor, "sup", "");
    pb::Case pointed = c;
    pointed.set_reinspection_task_id("t-other");
    pointed.set_status("closed");
    auto s = judge(sup, domain::kCase, &c, pointed, f);
    REQUIRE_FALSE(s);
    CHECK_THAT(s.error().message(), Catch::Contains("reinspection_task_id"));
    CHECK_FALSE(judge(actor(Role::coordinator, "coA"), domain::kCase, nullptr, [] {
        pb::Case n;
        n.set_report_id("rep");
        n.set_status("open");
        return n;
    }(), f));
    pb::Case open;
    open.set_report_id("rep");
    open.set_status("open");
    open.set_decided_by("someone-else");
    std::string next = open.SerializeAsString();
    auto stamped = stamp_server_fields(sup, RecordChange{domain::kCase, "c", std::nullopt, next, false}, 1'700'000'000'000);
    REQUIRE(stamped);
    pb::Case out;
    REQUIRE(out.ParseFromString(*stamped));
    CHECK(out.decided_by() == "sup");
    CHECK(out.decided_at() == 1'700'000'000);
}

TEST_CASE("a device without a fact lets the server decide, and the server refuses what it cannot find",
          "[policy][rules]") {
    auto f = base_facts();
    pb::Report r;
    r.set_template_id("tpl");
    r.set_template_version(1);
    r.set_user_id("vol1");
    r.set_device_id("dev-vol1");
    r.set_task_id("unknown-task");
    CHECK_FALSE(judge(actor(Role::volunteer, "vol1"), domain::kReport, nullptr, r, f));
    f.complete = false;
    CHECK(judge(actor(Role::volunteer, "vol1"), domain::kReport, nullptr, r, f));
}

TEST_CASE("a record with a field the schema does not know is refused, not stored", "[policy][rules]") {
    auto f = base_facts();
    pb::Zone z;
    z.set_district_id("dA");
    std::string bytes = z.SerializeAsString();
    bytes += std::string("\xa8\x06\x01", 3);  // field 101, varint 1
    RecordChange c{domain::kZone, "z", std::nullopt, bytes, false};
    auto s = judge_write(actor(Role::coordinator, "coA"), c, f);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == Errc::malformed);
    CHECK_THAT(s.error().message(), Catch::Contains("101"));
}

TEST_CASE("docs/SECURITY.md carries the rules table exactly as the code has it", "[policy][rules][docs]") {
    std::ifstream in(std::string(DUCHA_SOURCE_DIR) + "/docs/SECURITY.md");
    REQUIRE(in);
    std::string doc((std::istreambuf_iterator<char>(in)), {});
    INFO("regenerate the table with `ducha rules` and paste it into docs/SECURITY.md");
    CHECK(doc.find(rules_markdown()) != std::string::npos);
}

TEST_CASE("checklists: only admins publish, never change a version, and number it after the one it supersedes",
          "[policy][rules][checklist]") {
    auto f = base_facts();
    f.checklists["checklist.v1"] = domain::default_checklist();
    auto v2 = domain::default_checklist();
    v2.set_template_version(2);
    v2.set_supersedes("checklist.v1");
    auto judge_as = [&](Role r, const std::string& id, const pb::ChecklistTemplate* stored,
                        const pb::ChecklistTemplate& next, bool deleting = false) {
        std::string s = stored ? stored->SerializeAsString() : std::string(), n = next.SerializeAsString();
        RecordChange c{domain::kChecklistTemplate, id, std::nullopt, n, deleting};
        if (stored) c.stored = s;
        return judge_write(actor(r, "x"), c, f);
    };
    CHECK(judge_as(Role::admin, "checklist.v2", nullptr, v2));
    for (Role r : {Role::volunteer, Role::coordinator, Role::supervisor})
        CHECK(judge_as(r, "checklist.v2", nullptr, v2).error().code == Errc::forbidden);

    // A published version is never changed or deleted, by anyone.
    const auto& v1 = f.checklists["checklist.v1"];
    auto reworded = v1;
    reworded.mutable_items(0)->set_text_en("other words");
    for (bool deleting : {false, true}) {
        auto s = judge_as(Role::admin, "checklist.v1", &v1, reworded, deleting);
        REQUIRE_FALSE(s);
        CHECK(s.error().code == Errc::forbidden);
        CHECK_THAT(s.error().message(), Catch::Contains("cannot be changed or deleted"));
    }
    // The id, the number and the content are checked.
    CHECK_THAT(judge_as(Role::admin, "some-uuid", nullptr, v2).error().message(), Catch::Contains("stored as checklist.v2"));
    auto skip = v2;
    skip.set_template_version(3);
    CHECK_THAT(judge_as(Role::admin, "checklist.v3", nullptr, skip).error().message(), Catch::Contains("must be version 2"));
    auto unknown = v2;
    unknown.set_supersedes("checklist.v9");
    CHECK_THAT(judge_as(Role::admin, "checklist.v2", nullptr, unknown).error().message(), Catch::Contains("does not exist"));
    auto broken = v2;
    broken.mutable_items(2)->set_severity("urgent");
    CHECK_THAT(judge_as(Role::admin, "checklist.v2", nullptr, broken).error().message(), Catch::Contains("severity 'urgent'"));
    // The publisher and the time are the server's: a device names only itself.
    auto forged = v2;
    forged.set_published_by("someone-else");
    CHECK(judge_as(Role::admin, "checklist.v2", nullptr, forged).error().code == Errc::forbidden);
    // On a device whose replica lacks the superseded version, the server decides.
    f.complete = false;
    CHECK(judge_as(Role::admin, "checklist.v2", nullptr, unknown));
}

TEST_CASE("reports: on a checklist the server holds, at its version, and a task's report on the task's checklist",
          "[policy][rules][report][checklist]") {
    auto f = base_facts();
    f.tasks["t1"] = task("dA", {"vol1"}, false, "coA");
    f.tasks["t1"].set_template_id("tpl");
    pb::Report r;
    r.set_user_id("vol1");
    r.set_device_id("dev-vol1");
    r.set_task_id("t1");
    r.set_institution_id("inst-a");
    r.set_district_id("dA");
    r.set_template_id("tpl");
    r.set_template_version(1);
    const Actor vol = actor(Role::volunteer, "vol1");
    CHECK(judge(vol, domain::kReport, nullptr, r, f));

    auto wrong_version = r;
    wrong_version.set_template_version(2);
    CHECK_THAT(judge(vol, domain::kReport, nullptr, wrong_version, f).error().message(),
               Catch::Contains("says checklist version 2, but that checklist is version 1"));
    f.checklists["tpl2"] = domain::default_checklist();
    auto other = r;
    other.set_template_id("tpl2");
    CHECK_THAT(judge(vol, domain::kReport, nullptr, other, f).error().message(), Catch::Contains("its task's checklist, tpl"));
    auto missing = r;
    missing.clear_task_id();
    missing.set_unlisted(true);
    missing.set_template_id("no-such-checklist");
    CHECK_THAT(judge(vol, domain::kReport, nullptr, missing, f).error().message(), Catch::Contains("not on the server"));
}
