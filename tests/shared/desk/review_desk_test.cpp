// The supervisor's review on a device: the queue of flagged and unlisted-site reports, a report
// with its signature and receipt checked, the decision (queued as a new case and its first move),
// closing a case, and the case list.
#include <catch2/catch.hpp>

#include "shared/crypto/ed25519.h"
#include "shared/crypto/merkle.h"
#include "shared/crypto/sha256.h"
#include "shared/desk/review_desk.h"
#include "shared/domain/report_signing.h"
#include "shared/support/desk_fixture.h"

using namespace ducha;
using namespace ducha::desk;
using namespace ducha::domain;
using namespace ducha::test;

namespace {

pb::Report report(const std::string& institution, std::int64_t device_time_ms, bool flagged, bool unlisted = false) {
    pb::Report r;
    r.set_task_id(unlisted ? "" : "t-1");
    r.set_institution_id(institution);
    r.set_district_id("dA");
    r.set_template_id("tpl-v1");
    r.set_template_version(1);
    r.set_device_id("dev-vA1");
    r.set_user_id("vA1");
    r.set_device_time(device_time_ms);
    r.set_flagged(flagged);
    r.set_unlisted(unlisted);
    r.set_chain_index(1);
    r.set_prev_hash(zero_hash());
    return r;
}

pb::Report flagged_report() {
    auto r = report("iA1", 1700000500000, true);
    auto* l1 = r.add_answers();
    l1->set_code("L1");
    l1->set_result("fail");
    l1->set_note("未公示许可证");
    l1->add_photo_sha256(crypto::sha256("permit photo"));
    auto* t3 = r.add_answers();
    t3->set_code("T3");
    t3->set_result("fail");
    t3->set_note("21:10 仍在上课");
    r.add_answers()->set_code("X4");
    r.mutable_answers(2)->set_result("pass");
    return r;
}

pb::Case a_case(const std::string& report_id, const std::string& status, const std::string& district = "dA") {
    pb::Case c;
    c.set_report_id(report_id);
    c.set_institution_id("iA1");
    c.set_district_id(district);
    c.set_status(status);
    c.set_decided_by("sup");
    return c;
}

// The volunteer's device key, its device record, a signed report and the server's receipt for it.
struct SignedWorld {
    crypto::Ed25519KeyPair device = crypto::Ed25519KeyPair::generate();
    crypto::Ed25519KeyPair server = crypto::Ed25519KeyPair::generate();

    void put(DeskDevice& dev) {
        REQUIRE(dev.store().set_meta("server_public_key", server.public_key()));
        pb::Device d;
        d.set_user_id("vA1");
        d.set_public_key(device.public_key());
        dev.put(kDevice, "dev-vA1", d);
        pb::Task t;
        t.set_institution_id("iA1");
        t.set_district_id("dA");
        t.set_kind("reinspection");
        t.set_status("submitted");
        t.add_assignees("vA1");
        dev.put(kTask, "t-1", t);

        auto r = flagged_report();
        sign_report("r-flag", r, device);
        dev.put(kReport, "r-flag", r);
        const std::vector<Bytes> leaves{crypto::sha256("another report"), report_hash("r-flag", r)};
        const crypto::MerkleTree tree(leaves);
        pb::Receipt rc;
        rc.set_report_id("r-flag");
        rc.set_report_hash(leaves[1]);
        rc.set_seq(77);
        rc.set_server_time(1700000501000);
        rc.set_batch_id("batch-1");
        rc.set_batch_root(tree.root());
        rc.set_leaf_index(1);
        rc.set_leaf_count(2);
        for (const auto& p : tree.path(1)) rc.add_path(p);
        rc.set_server_signature(server.sign(receipt_signing_bytes("batch-1", tree.root(), 1700000501000, 2)));
        dev.put(kReceipt, "r-flag", rc);
    }
};

}  // namespace

TEST_CASE("review: the queue holds flagged and unlisted reports not yet decided, newest first", "[desk][review]") {
    DeskDevice dev{kSupervisor};
    put_city(dev);
    SignedWorld world;
    world.put(dev);
    dev.put(kReport, "r-unlisted", report("iF-black", 1700000600000, false, true));
    dev.put(kReport, "r-clean", report("iA2", 1700000700000, false));
    dev.put(kReport, "r-decided", report("iA1", 1700000400000, true));
    dev.put(kCase, "case-d", a_case("r-decided", "no_violation"));
    ReviewDesk review{dev.writer()};

    auto q = review.queue();
    REQUIRE(q.has_value());
    REQUIRE(q->size() == 2);
    CHECK(q->at(0).report_id == "r-unlisted");
    CHECK(q->at(0).unlisted);
    CHECK(q->at(0).institution == "iF-black");  // not in the registry: its id
    const auto& f = q->at(1);
    CHECK(f.report_id == "r-flag");
    CHECK(f.flagged);
    CHECK(f.institution == "启航教育");
    CHECK(f.inspector == "王芳");
    CHECK(f.task_kind == "reinspection");
    CHECK(f.device_time_ms == 1700000500000);
    CHECK(f.failed == 2);
    CHECK(f.failed_critical == 1);  // L1 is critical, T3 major
    CHECK(f.case_id.empty());

    auto all = review.queue(true);
    REQUIRE(all.has_value());
    REQUIRE(all->size() == 3);
    CHECK(all->at(2).report_id == "r-decided");
    CHECK(all->at(2).case_id == "case-d");
    CHECK(all->at(2).case_status == "no_violation");
    CHECK(dev.outbox().empty());
}

TEST_CASE("review: a report opens with its answers in the checklist's words, signature and receipt checked", "[desk][review]") {
    DeskDevice dev{kSupervisor};
    put_city(dev);
    SignedWorld world;
    world.put(dev);
    ReviewDesk review{dev.writer()};

    auto v = review.open("r-flag");
    REQUIRE(v.has_value());
    CHECK(v->template_name == default_checklist().name());
    CHECK(v->device_known);
    CHECK(v->signature_ok);
    CHECK(v->receipt_ok);
    REQUIRE(v->receipt.has_value());
    CHECK(v->receipt->seq() == 77);
    CHECK(v->verification == "设备签名有效 / device signature valid; 服务器回执有效 / server receipt valid");
    REQUIRE(v->answers.size() == 3);
    CHECK(v->answers[0].code == "L1");
    CHECK(v->answers[0].step == "S3");
    CHECK(v->answers[0].severity == "critical");
    CHECK(v->answers[0].text.find(" / valid school-running permit, displayed") != std::string::npos);
    CHECK(v->answers[0].photo_hex == std::vector<std::string>{hex_encode(crypto::sha256("permit photo"))});
    CHECK(v->answers[1].note == "21:10 仍在上课");

    SECTION("a report changed after signing: both checks fail and say so") {
        auto r = flagged_report();
        sign_report("r-flag", r, world.device);
        r.mutable_answers(1)->set_result("pass");
        dev.put(kReport, "r-flag", r, 2);
        auto bad = review.open("r-flag");
        REQUIRE(bad.has_value());
        CHECK_FALSE(bad->signature_ok);
        CHECK_FALSE(bad->receipt_ok);
        CHECK(bad->verification.find("device signature INVALID") != std::string::npos);
        CHECK(bad->verification.find("server receipt INVALID: ") != std::string::npos);
        CHECK(bad->verification.find("the receipt does not match the report's content") != std::string::npos);
    }
    SECTION("a receipt signed by another key") {
        REQUIRE(dev.store().set_meta("server_public_key", crypto::Ed25519KeyPair::generate().public_key()));
        auto other = review.open("r-flag");
        REQUIRE(other.has_value());
        CHECK(other->signature_ok);
        CHECK_FALSE(other->receipt_ok);
        CHECK(other->verification.find("the server's signature on the receipt is invalid") != std::string::npos);
    }
    SECTION("no device key and no receipt on this device") {
        auto unlisted = report("iF-black", 1700000600000, false, true);
        unlisted.set_device_id("dev-elsewhere");
        dev.put(kReport, "r-unlisted", unlisted);
        auto u = review.open("r-unlisted");
        REQUIRE(u.has_value());
        CHECK_FALSE(u->device_known);
        CHECK_FALSE(u->receipt.has_value());
        CHECK(u->verification == "本机没有该设备的公钥，无法核验签名 / the device's key is not on this device: signature not checked"
                                 "; 尚未收到服务器回执 / no server receipt yet");
    }
    refusal(review.open("r-none"), Errc::not_found, "no such report on this device: r-none");
    CHECK(dev.outbox().empty());
}

TEST_CASE("review: a decision queues the new case and its first move together", "[desk][review]") {
    DeskDevice dev{kSupervisor};
    put_city(dev);
    SignedWorld world;
    world.put(dev);
    dev.put(kReport, "r-2", report("iA3", 1700000800000, true));
    ReviewDesk review{dev.writer()};

    Decision d;
    d.violation = true;
    d.tier = "较轻";
    d.rectification_days = 20;
    d.order = "停止无证办学，公示许可证";
    d.note = "首次违规";
    d.reinspectors = {"vA2"};
    auto id = review.decide("r-flag", d);
    REQUIRE(id.has_value());
    auto out = dev.outbox();
    REQUIRE(out.size() == 2);
    CHECK(out[0].mutation.collection() == "case");
    CHECK(out[0].mutation.id() == *id);
    CHECK(out[0].mutation.base_version() == 0);
    const auto created = parsed<pb::Case>(out[0].mutation.payload());
    CHECK(created.status() == "open");
    CHECK(created.report_id() == "r-flag");
    CHECK(created.institution_id() == "iA1");
    CHECK(created.district_id() == "dA");
    CHECK(created.decided_by() == "sup");
    CHECK(out[1].mutation.id() == *id);
    CHECK(out[1].mutation.base_version() == 1);
    const auto decided = parsed<pb::Case>(out[1].mutation.payload());
    CHECK(decided.status() == "rectification");
    CHECK(decided.tier() == "较轻");
    CHECK(decided.rectification_days() == 20);
    CHECK(decided.rectification_order() == "停止无证办学，公示许可证");
    CHECK(decided.decision_note() == "首次违规");
    CHECK(std::vector<std::string>(decided.reinspection_assignees().begin(), decided.reinspection_assignees().end()) ==
          std::vector<std::string>{"vA2"});

    Decision none;
    none.note = "现场核实无违规";
    REQUIRE(review.decide("r-2", none).has_value());
    out = dev.outbox();
    REQUIRE(out.size() == 4);
    const auto nv = parsed<pb::Case>(out[3].mutation.payload());
    CHECK(nv.status() == "no_violation");
    CHECK(nv.tier().empty());
    CHECK(nv.rectification_days() == 0);

    // Decided now: out of the queue, and a second decision is refused.
    CHECK(review.queue()->empty());
    refusal(review.decide("r-flag", none), Errc::already_exists, "this report is already decided (case " + *id + ")");
    CHECK(dev.outbox().size() == 4);
}

TEST_CASE("review: what a decision needs, and who may make it, nothing queued", "[desk][review]") {
    DeskDevice dev{kSupervisor};
    put_city(dev);
    SignedWorld world;
    world.put(dev);
    ReviewDesk review{dev.writer()};
    Decision d;
    d.violation = true;
    d.tier = "中等";
    d.order = "整改";
    refusal(review.decide("r-flag", d), Errc::invalid_argument, "choose a discretion tier");
    d.tier = "严重";
    d.rectification_days = 0;
    refusal(review.decide("r-flag", d), Errc::invalid_argument, "the rectification period must be 1 to 365 days");
    d.rectification_days = 366;
    refusal(review.decide("r-flag", d), Errc::invalid_argument, "the rectification period must be 1 to 365 days");
    d.rectification_days = 30;
    d.order = " \n";
    refusal(review.decide("r-flag", d), Errc::invalid_argument, "write the rectification order");
    refusal(review.decide("r-none", Decision{}), Errc::not_found, "no such report on this device: r-none");
    CHECK(dev.outbox().empty());

    DeskDevice coordinator{kCoordinatorA};
    put_city(coordinator);
    world.put(coordinator);
    ReviewDesk theirs{coordinator.writer()};
    refusal(theirs.decide("r-flag", Decision{}), Errc::forbidden, "coordinators may not create case records");
    CHECK(coordinator.outbox().empty());

    DeskDevice west{Enrolled{"supB", "supervisor", "dB", "dev-supB", "铁西督导"}};
    put_city(west);
    world.put(west);
    ReviewDesk western{west.writer()};
    refusal(western.decide("r-flag", Decision{}), Errc::forbidden, "outside your district");
    CHECK(west.outbox().empty());
}

TEST_CASE("review: closing a case queues re-inspection then closing, and the rules refuse the rest", "[desk][review]") {
    DeskDevice dev{kSupervisor};
    put_city(dev);
    dev.put(kCase, "case-rect", a_case("r-1", "rectification"), 2);
    dev.put(kCase, "case-open", a_case("r-2", "open"));
    dev.put(kCase, "case-closed", a_case("r-3", "closed"));
    ReviewDesk review{dev.writer()};

    REQUIRE(review.close_case("case-rect"));
    auto out = dev.outbox();
    REQUIRE(out.size() == 2);
    CHECK(out[0].mutation.base_version() == 2);
    CHECK(parsed<pb::Case>(out[0].mutation.payload()).status() == "reinspection");
    CHECK(out[1].mutation.base_version() == 3);
    CHECK(parsed<pb::Case>(out[1].mutation.payload()).status() == "closed");

    refusal(review.close_case("case-closed"), Errc::invalid_argument, "the case is already closed");
    // The state machine, applied by the device's write rules when the change is queued.
    refusal(review.close_case("case-open"), Errc::rejected, "a case cannot go from open to closed");
    CHECK(dev.outbox().size() == 2);

    SECTION("another district's case: the rules refuse the first move, the second is not queued either") {
        DeskDevice west{Enrolled{"supB", "supervisor", "dB", "dev-supB", "铁西督导"}};
        put_city(west);
        west.put(kCase, "case-rect", a_case("r-1", "rectification"), 2);
        ReviewDesk western{west.writer()};
        refusal(western.close_case("case-rect"), Errc::forbidden, "outside your district");
        CHECK(west.outbox().empty());
        auto still = west.writer().load<pb::Case>(kCase, "case-rect");
        CHECK((*still)->msg.status() == "rectification");
    }
    SECTION("a coordinator") {
        DeskDevice co{kCoordinatorA};
        put_city(co);
        co.put(kCase, "case-rect", a_case("r-1", "rectification"));
        ReviewDesk theirs{co.writer()};
        refusal(theirs.close_case("case-rect"), Errc::forbidden, "coordinators may not change case records");
        CHECK(co.outbox().empty());
    }
}

TEST_CASE("review: the case list, filtered by status, most recently decided first", "[desk][review]") {
    DeskDevice dev{kSupervisor};
    put_city(dev);
    auto a = a_case("r-1", "rectification");
    a.set_decided_at(1700000100);
    a.set_tier("一般");
    a.set_rectification_order("停止培训");
    a.set_deadline(1700900000);
    a.set_reinspection_task_id("t-re");
    dev.put(kCase, "case-a", a);
    auto b = a_case("r-2", "no_violation");
    b.set_decided_at(1700000200);
    dev.put(kCase, "case-b", b);
    pb::Task re;
    re.set_institution_id("iA1");
    re.set_district_id("dA");
    re.set_kind("reinspection");
    re.set_status("in_progress");
    dev.put(kTask, "t-re", re);
    ReviewDesk review{dev.writer()};

    auto all = review.cases();
    REQUIRE(all.has_value());
    REQUIRE(all->size() == 2);
    CHECK(all->at(0).id == "case-b");
    CHECK(all->at(1).id == "case-a");
    auto rect = review.cases("rectification");
    REQUIRE(rect->size() == 1);
    const auto& v = rect->at(0);
    CHECK(v.institution == "启航教育");
    CHECK(v.tier == "一般");
    CHECK(v.order == "停止培训");
    CHECK(v.deadline == 1700900000);
    CHECK(v.reinspection_task_status == "in_progress");
    CHECK(v.version == 1);
    refusal(review.case_view("case-x"), Errc::not_found, "no such case on this device: case-x");
    CHECK(dev.outbox().empty());
}

// The replica keeps the server's time of each record it received (local migration 3), so the
// review shows when the server received a report.
TEST_CASE("review: a report's time of receipt is the server's", "[desk][review]") {
    DeskDevice dev{kSupervisor};
    put_city(dev);
    dev.put(kReport, "r-1", report("iA1", 1700000500000, true), 1, 1700000555000);
    ReviewDesk review{dev.writer()};
    auto q = review.queue();
    REQUIRE(q.has_value());
    REQUIRE(q->size() == 1);
    CHECK(q->at(0).received_ms == 1700000555000);
    auto v = review.open("r-1");
    REQUIRE(v.has_value());
    CHECK(v->item.received_ms == 1700000555000);
}

TEST_CASE("review: a report names its checklist version, and what changed since, or what its version brought",
          "[desk][review][checklist]") {
    DeskDevice dev{kSupervisor};
    put_city(dev);
    SignedWorld world;
    world.put(dev);
    ReviewDesk review{dev.writer()};

    // Only version 1 here: nothing to compare with.
    auto only = review.open("r-flag");
    REQUIRE(only.has_value());
    CHECK(only->template_version == 1);
    CHECK(only->newest_template_version == 1);
    CHECK(only->compared_version == 0);
    CHECK(only->checklist_changes.empty());

    // Version 2 arrives: T3 becomes critical, X5 is new.
    auto v2 = default_checklist();
    v2.set_template_version(2);
    v2.set_supersedes("tpl-v1");
    for (auto& i : *v2.mutable_items())
        if (i.code() == "T3") i.set_severity("critical");
    auto* x5 = v2.add_items();
    x5->set_code("X5");
    x5->set_step("S7");
    x5->set_text_zh("是否公示收费标准");
    x5->set_text_en("fees on public display");
    x5->set_severity("minor");
    dev.put(kChecklistTemplate, "checklist.v2", v2);

    auto older = review.open("r-flag");
    REQUIRE(older.has_value());
    CHECK(older->template_version == 1);
    CHECK(older->newest_template_version == 2);
    CHECK(older->compared_version == 2);
    REQUIRE(older->checklist_changes.size() == 2);
    CHECK(older->checklist_changes[0].words().text(Lang::en) == "item T3 changed: severity major → critical");
    CHECK(older->checklist_changes[1].words().text(Lang::en) == "item X5 added: fees on public display");

    // A report on version 2 shows what version 2 brought, against version 1.
    auto r2 = report("iA2", 1700000800000, true);
    r2.set_template_id("checklist.v2");
    r2.set_template_version(2);
    dev.put(kReport, "r-v2", r2);
    auto newer = review.open("r-v2");
    REQUIRE(newer.has_value());
    CHECK(newer->template_version == 2);
    CHECK(newer->compared_version == 1);
    CHECK(newer->checklist_changes.size() == 2);
}
