#include "shared/domain/checklist.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace ducha;
using namespace ducha::domain;

namespace {

// Every item of the template answered "pass".
std::vector<AnswerInput> all_pass(const pb::ChecklistTemplate& tpl) {
    std::vector<AnswerInput> v;
    for (const auto& i : tpl.items()) v.push_back({i.code(), "pass", "", 0});
    return v;
}

// Only the items that apply to `ctx`, answered "pass".
std::vector<AnswerInput> applicable_pass(const pb::ChecklistTemplate& tpl, const InspectionContext& ctx) {
    std::vector<AnswerInput> v;
    for (const auto& i : tpl.items()) {
        const pb::ChecklistStep* step = nullptr;
        for (const auto& s : tpl.steps())
            if (s.code() == i.step()) step = &s;
        if (item_applies(i, step, ctx)) v.push_back({i.code(), "pass", "", 0});
    }
    return v;
}

AnswerInput& find(std::vector<AnswerInput>& v, const std::string& code) {
    for (auto& a : v)
        if (a.code == code) return a;
    FAIL("no answer " << code);
    throw 0;
}

const pb::Answer& find(const std::vector<pb::Answer>& v, const std::string& code) {
    for (const auto& a : v)
        if (a.code() == code) return a;
    FAIL("no answer " << code);
    throw 0;
}

pb::Answer answer(const std::string& code, const std::string& result) {
    pb::Answer a;
    a.set_code(code);
    a.set_result(result);
    return a;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const InspectionContext kAcademicOpen{true, false, false};
const InspectionContext kNonAcademicOpen{false, false, false};
const InspectionContext kAcademicCovert{true, true, false};

}  // namespace

TEST_CASE("default checklist is template v1 of CHECKLIST.md", "[checklist]") {
    const auto t = default_checklist();
    CHECK(t.name() == "双减统一检查清单");
    CHECK(t.template_version() == 1);
    REQUIRE(t.steps_size() == 8);
    REQUIRE(t.items_size() == 21);

    for (int i = 0; i < 8; ++i) CHECK(t.steps(i).code() == "S" + std::to_string(i + 1));
    CHECK(t.steps(0).text_zh() == "到达签到");
    CHECK(t.steps(1).text_zh() == "亮证表明身份 (明查)");
    CHECK(t.steps(7).text_zh() == "取证、告知与签字");
    CHECK(t.steps(6).text_en() == "premises and safety");
    int open_only = 0;
    for (const auto& s : t.steps()) open_only += s.open_only() ? 1 : 0;
    CHECK(open_only == 1);
    CHECK(t.steps(1).open_only());

    std::vector<std::string> codes;
    std::map<std::string, int> by_severity, by_applies, by_step;
    int photo = 0;
    for (const auto& i : t.items()) {
        codes.push_back(i.code());
        ++by_severity[i.severity()];
        ++by_applies[i.applies()];
        ++by_step[i.step()];
        photo += i.photo_on_fail() ? 1 : 0;
        CHECK_FALSE(i.text_zh().empty());
        CHECK_FALSE(i.text_en().empty());
    }
    CHECK(codes == std::vector<std::string>{"L1", "L2", "L3", "L4", "T1", "T2", "T3", "T4", "T5", "T6", "P1",
                                            "P2", "F1", "F2", "F3", "F4", "A1", "X1", "X2", "X3", "X4"});
    CHECK(by_severity["critical"] == 9);
    CHECK(by_severity["major"] == 8);
    CHECK(by_severity["minor"] == 4);
    CHECK(by_applies["all"] == 16);
    CHECK(by_applies["academic"] == 5);
    CHECK(by_applies["open"] == 0);
    CHECK(photo == 17);  // all but T4, T6, F4, X4
    CHECK(by_step["S3"] == 4);
    CHECK(by_step["S4"] == 6);
    CHECK(by_step["S5"] == 2);
    CHECK(by_step["S6"] == 5);
    CHECK(by_step["S7"] == 4);

    // Spot-check exact texts.
    CHECK(t.items(0).text_zh() == "持有有效办学许可证并在显著位置公示");
    CHECK(t.items(6).text_zh() == "线下培训结束时间不晚于20:30");
    CHECK(t.items(8).text_zh() ==
          "未以家政服务、住家教师、众筹私教、游学研学、冬夏令营、托管服务等名义变相开展学科类培训");
    CHECK(t.items(17).text_zh() == "消防设施完好，安全出口和疏散通道畅通");
    CHECK(t.items(12).text_en() == "no prepayment covering more than 3 months or 60 class hours");
    CHECK(t.items(3).severity() == "minor");
    CHECK(t.items(3).photo_on_fail());
    CHECK_FALSE(t.items(7).photo_on_fail());  // T4
    CHECK(t.items(7).applies() == "academic");

    // The template survives a protobuf round trip unchanged.
    pb::ChecklistTemplate back;
    REQUIRE(back.ParseFromString(t.SerializeAsString()));
    CHECK(back.SerializeAsString() == t.SerializeAsString());
}

TEST_CASE("item_applies follows academic, open and open-only steps", "[checklist]") {
    pb::ChecklistItem all, academic, open;
    all.set_applies("all");
    academic.set_applies("academic");
    open.set_applies("open");
    pb::ChecklistStep plain, open_step;
    open_step.set_open_only(true);

    CHECK(item_applies(all, &plain, kNonAcademicOpen));
    CHECK(item_applies(all, nullptr, kAcademicCovert));
    CHECK(item_applies(academic, &plain, kAcademicOpen));
    CHECK_FALSE(item_applies(academic, &plain, kNonAcademicOpen));
    CHECK(item_applies(academic, &plain, kAcademicCovert));
    CHECK(item_applies(open, &plain, kAcademicOpen));
    CHECK_FALSE(item_applies(open, &plain, kAcademicCovert));
    CHECK(item_applies(all, &open_step, kAcademicOpen));
    CHECK_FALSE(item_applies(all, &open_step, kAcademicCovert));
}

TEST_CASE("validate_answers returns answers in template order", "[checklist]") {
    const auto t = default_checklist();
    auto in = all_pass(t);
    std::reverse(in.begin(), in.end());
    auto r = validate_answers(t, kAcademicOpen, in);
    REQUIRE(r.has_value());
    REQUIRE(r->size() == 21);
    for (int i = 0; i < 21; ++i) {
        CHECK((*r)[static_cast<std::size_t>(i)].code() == t.items(i).code());
        CHECK((*r)[static_cast<std::size_t>(i)].result() == "pass");
    }
}

TEST_CASE("validate_answers rejects bad results, unknown and duplicate codes", "[checklist]") {
    const auto t = default_checklist();

    SECTION("result must be pass, fail or na") {
        auto in = all_pass(t);
        find(in, "L3").result = "ok";
        auto r = validate_answers(t, kAcademicOpen, in);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::invalid_argument);
        CHECK(contains(r.error().message(), "L3"));
        CHECK(contains(r.error().message(), "\"ok\""));
    }
    SECTION("results are case-sensitive") {
        auto in = all_pass(t);
        find(in, "L3").result = "PASS";
        CHECK_FALSE(validate_answers(t, kAcademicOpen, in).has_value());
    }
    SECTION("empty result") {
        auto in = all_pass(t);
        find(in, "X4").result = "";
        auto r = validate_answers(t, kAcademicOpen, in);
        REQUIRE_FALSE(r.has_value());
        CHECK(contains(r.error().message(), "X4"));
    }
    SECTION("unknown code is named") {
        auto in = all_pass(t);
        in.push_back({"Z9", "pass", "", 0});
        auto r = validate_answers(t, kAcademicOpen, in);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::invalid_argument);
        CHECK(contains(r.error().message(), "Z9"));
        CHECK(contains(r.error().message(), "unknown"));
    }
    SECTION("duplicate code") {
        auto in = all_pass(t);
        in.push_back({"F2", "pass", "", 0});
        auto r = validate_answers(t, kAcademicOpen, in);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::invalid_argument);
        CHECK(contains(r.error().message(), "F2"));
        CHECK(contains(r.error().message(), "more than once"));
    }
    SECTION("duplicate of an item that does not apply is still an error") {
        auto in = all_pass(t);
        in.push_back({"T2", "pass", "", 0});
        CHECK_FALSE(validate_answers(t, kNonAcademicOpen, in).has_value());
    }
}

TEST_CASE("validate_answers lists every missing item", "[checklist]") {
    const auto t = default_checklist();
    auto in = all_pass(t);
    std::erase_if(in, [](const AnswerInput& a) { return a.code == "L1" || a.code == "T3"; });
    auto r = validate_answers(t, kAcademicOpen, in);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::invalid_argument);
    CHECK(r.error().message() == "缺少检查项 L1, T3 的答案 / missing answers for L1, T3");

    auto none = validate_answers(t, kAcademicOpen, {});
    REQUIRE_FALSE(none.has_value());
    for (const auto& i : t.items()) CHECK(contains(none.error().message(), i.code()));

    // Missing academic items are fine at a non-academic site...
    auto r2 = validate_answers(t, kNonAcademicOpen, applicable_pass(t, kNonAcademicOpen));
    REQUIRE(r2.has_value());
    // ...but not at an academic one.
    auto r3 = validate_answers(t, kAcademicOpen, applicable_pass(t, kNonAcademicOpen));
    REQUIRE_FALSE(r3.has_value());
    CHECK(r3.error().message() == "缺少检查项 T2, T4, T6, P1, F4 的答案 / missing answers for T2, T4, T6, P1, F4");
}

TEST_CASE("a fail needs a note, and a photo where the item says so", "[checklist]") {
    const auto t = default_checklist();

    SECTION("fail without note") {
        auto in = all_pass(t);
        find(in, "X4") = {"X4", "fail", "", 0};  // photo not required for X4
        auto r = validate_answers(t, kAcademicOpen, in);
        REQUIRE_FALSE(r.has_value());
        CHECK(contains(r.error().message(), "X4"));
        CHECK(contains(r.error().message(), "note"));
    }
    SECTION("a blank note is no note") {
        auto in = all_pass(t);
        find(in, "X4") = {"X4", "fail", "  \t\xE3\x80\x80", 0};
        CHECK_FALSE(validate_answers(t, kAcademicOpen, in).has_value());
    }
    SECTION("fail with note on an item without photo requirement") {
        auto in = all_pass(t);
        find(in, "X4") = {"X4", "fail", "无接送登记", 0};
        auto r = validate_answers(t, kAcademicOpen, in);
        REQUIRE(r.has_value());
        CHECK(find(*r, "X4").result() == "fail");
        CHECK(find(*r, "X4").note() == "无接送登记");
    }
    SECTION("fail on a photo item without a photo") {
        auto in = all_pass(t);
        find(in, "L1") = {"L1", "fail", "未见许可证", 0};
        auto r = validate_answers(t, kAcademicOpen, in);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::invalid_argument);
        CHECK(contains(r.error().message(), "L1"));
        CHECK(contains(r.error().message(), "photo"));
    }
    SECTION("fail on a photo item with a photo") {
        auto in = all_pass(t);
        find(in, "L1") = {"L1", "fail", "未见许可证", 1};
        auto r = validate_answers(t, kAcademicOpen, in);
        REQUIRE(r.has_value());
        CHECK(find(*r, "L1").result() == "fail");
    }
    SECTION("both problems of one item and problems of several items are all reported") {
        auto in = all_pass(t);
        find(in, "L1") = {"L1", "fail", "", 0};
        find(in, "X2") = {"X2", "fail", "", 2};
        auto r = validate_answers(t, kAcademicOpen, in);
        REQUIRE_FALSE(r.has_value());
        const auto& m = r.error().message();
        CHECK(contains(m, "item L1 failed: a note is required"));
        CHECK(contains(m, "item L1 failed: at least one photo is required"));
        CHECK(contains(m, "item X2 failed: a note is required"));
        CHECK_FALSE(contains(m, "item X2 failed: at least one photo"));
    }
    SECTION("pass needs neither note nor photo") {
        REQUIRE(validate_answers(t, kAcademicOpen, all_pass(t)).has_value());
    }
}

TEST_CASE("na needs a reason", "[checklist]") {
    const auto t = default_checklist();
    auto in = all_pass(t);
    find(in, "F2") = {"F2", "na", "", 0};
    auto r = validate_answers(t, kAcademicOpen, in);
    REQUIRE_FALSE(r.has_value());
    CHECK(contains(r.error().message(), "F2"));
    CHECK(contains(r.error().message(), "reason"));

    find(in, "F2").note = "未预收费";
    auto ok = validate_answers(t, kAcademicOpen, in);
    REQUIRE(ok.has_value());
    CHECK(find(*ok, "F2").result() == "na");
    CHECK(find(*ok, "F2").note() == "未预收费");
}

TEST_CASE("items that do not apply become na, whatever was answered", "[checklist]") {
    const auto t = default_checklist();
    const std::set<std::string> academic_only{"T2", "T4", "T6", "P1", "F4"};

    SECTION("academic items at a non-academic site, not answered") {
        auto r = validate_answers(t, kNonAcademicOpen, applicable_pass(t, kNonAcademicOpen));
        REQUIRE(r.has_value());
        REQUIRE(r->size() == 21);
        for (int i = 0; i < 21; ++i) CHECK((*r)[static_cast<std::size_t>(i)].code() == t.items(i).code());
        for (const auto& a : *r) {
            if (academic_only.contains(a.code())) {
                CHECK(a.result() == "na");
                CHECK(a.note() == "不适用 / not applicable");
            } else {
                CHECK(a.result() == "pass");
            }
        }
    }
    SECTION("academic items at a non-academic site, answered anything") {
        auto in = all_pass(t);
        find(in, "T2") = {"T2", "fail", "", 0};     // would need note and photo
        find(in, "T4") = {"T4", "bogus", "", 0};    // not even a valid result
        find(in, "P1") = {"P1", "na", "", 0};       // would need a reason
        auto r = validate_answers(t, kNonAcademicOpen, in);
        REQUIRE(r.has_value());
        for (const auto& code : academic_only) {
            CHECK(find(*r, code).result() == "na");
            CHECK(find(*r, code).note() == kNotApplicableNote);
        }
    }
    SECTION("academic site: academic items apply") {
        auto in = all_pass(t);
        find(in, "T2") = {"T2", "fail", "", 0};
        CHECK_FALSE(validate_answers(t, kAcademicOpen, in).has_value());
    }
    SECTION("covert visit: open-only step and open items are skipped") {
        auto tpl = t;
        // v1 has no item in S2 and none marked open; add two to exercise the rules.
        auto* badge = tpl.add_items();
        badge->set_code("B1");
        badge->set_step("S2");
        badge->set_severity("minor");
        badge->set_applies("all");
        auto* sign = tpl.add_items();
        sign->set_code("G1");
        sign->set_step("S8");
        sign->set_severity("minor");
        sign->set_applies("open");

        auto covert = validate_answers(tpl, kAcademicCovert, all_pass(t));
        REQUIRE(covert.has_value());
        CHECK(find(*covert, "B1").result() == "na");
        CHECK(find(*covert, "B1").note() == kNotApplicableNote);
        CHECK(find(*covert, "G1").result() == "na");
        CHECK(covert->back().code() == "G1");  // still in template order

        auto in = all_pass(tpl);
        find(in, "G1") = {"G1", "fail", "", 0};
        REQUIRE(validate_answers(tpl, kAcademicCovert, in).has_value());

        auto open = validate_answers(tpl, kAcademicOpen, all_pass(t));
        REQUIRE_FALSE(open.has_value());
        CHECK(open.error().message() == "缺少检查项 B1, G1 的答案 / missing answers for B1, G1");
        REQUIRE(validate_answers(tpl, kAcademicOpen, all_pass(tpl)).has_value());
    }
    SECTION("covert visit with template v1: every item still applies") {
        auto r = validate_answers(t, kAcademicCovert, all_pass(t));
        REQUIRE(r.has_value());
        for (const auto& a : *r) CHECK(a.result() == "pass");
    }
}

TEST_CASE("is_flagged", "[checklist]") {
    const auto t = default_checklist();
    std::vector<pb::Answer> clean;
    for (const auto& i : t.items()) clean.push_back(answer(i.code(), "pass"));

    CHECK_FALSE(is_flagged(t, clean, false, false));
    CHECK_FALSE(is_flagged(t, clean, false, true));
    CHECK(is_flagged(t, clean, true, false));  // 黑机构: flagged whatever the answers

    auto with = [&](std::initializer_list<std::pair<const char*, const char*>> changes) {
        auto v = clean;
        for (const auto& [code, result] : changes)
            for (auto& a : v)
                if (a.code() == code) a.set_result(result);
        return v;
    };

    SECTION("any critical fail") {
        for (const auto& i : t.items()) {
            if (i.severity() != "critical") continue;
            auto v = clean;
            for (auto& a : v)
                if (a.code() == i.code()) a.set_result("fail");
            CHECK(is_flagged(t, v, false, false));
        }
    }
    SECTION("one major fail flags only a repeat offender") {
        CHECK_FALSE(is_flagged(t, with({{"L3", "fail"}}), false, false));
        CHECK(is_flagged(t, with({{"L3", "fail"}}), false, true));
    }
    SECTION("two major fails") {
        CHECK(is_flagged(t, with({{"L3", "fail"}, {"X3", "fail"}}), false, false));
    }
    SECTION("minor fails never flag") {
        CHECK_FALSE(is_flagged(t, with({{"L4", "fail"}, {"T6", "fail"}, {"F3", "fail"}, {"X4", "fail"}}), false,
                               true));
    }
    SECTION("na and pass never flag") {
        CHECK_FALSE(is_flagged(t, with({{"L1", "na"}, {"L3", "na"}, {"X3", "na"}}), false, true));
    }
    SECTION("unknown codes are ignored") {
        CHECK_FALSE(is_flagged(t, {answer("Z1", "fail"), answer("Z2", "fail")}, false, true));
    }
    SECTION("flag from validated answers: not-applicable items do not count") {
        auto in = all_pass(t);
        find(in, "T4") = {"T4", "fail", "超前教学", 0};
        find(in, "P1") = {"P1", "fail", "无教师资格", 1};
        auto academic = validate_answers(t, kAcademicOpen, in);
        REQUIRE(academic.has_value());
        CHECK(is_flagged(t, *academic, false, false));
        auto other = validate_answers(t, kNonAcademicOpen, in);
        REQUIRE(other.has_value());
        CHECK_FALSE(is_flagged(t, *other, false, true));
    }
}

// ------------------------------------------------------------------------------ checklist_problems

TEST_CASE("checklist_problems names each problem with its item, step and words", "[checklist]") {
    const auto t = default_checklist();

    SECTION("no answers: every applicable item, in the template's order, on its step") {
        const auto ps = checklist_problems(t, kNonAcademicOpen, {});
        const auto applicable = applicable_pass(t, kNonAcademicOpen);
        REQUIRE(ps.size() == applicable.size());
        for (std::size_t i = 0; i < ps.size(); ++i) {
            CHECK(ps[i].what == AnswerProblem::not_answered);
            CHECK(ps[i].code == applicable[i].code);
            CHECK(ps[i].words == Error{Errc::invalid_argument, Msg::item_not_answered, ps[i].code});
            CHECK(ps[i].words.message() == "检查项 " + ps[i].code + " 未作答 / item " + ps[i].code + " not answered");
        }
        CHECK(ps.front().code == "L1");
        CHECK(ps.front().step == "S3");
        CHECK(ps.back().code == "X4");
        CHECK(ps.back().step == "S7");
    }
    SECTION("complete answers: none") {
        CHECK(checklist_problems(t, kAcademicOpen, all_pass(t)).empty());
        CHECK(checklist_problems(t, kNonAcademicOpen, applicable_pass(t, kNonAcademicOpen)).empty());
    }
    SECTION("a failed item: the note before the photo; the visit's photos count when passed in") {
        auto in = all_pass(t);
        find(in, "L1") = {"L1", "fail", " ", 0};
        auto ps = checklist_problems(t, kAcademicOpen, in);
        REQUIRE(ps.size() == 2);
        CHECK(ps[0].what == AnswerProblem::fail_needs_note);
        CHECK(ps[0].code == "L1");
        CHECK(ps[0].step == "S3");
        CHECK(ps[0].words.what == Msg::item_failed_needs_note);
        CHECK(ps[0].words.message() == "检查项 L1 不合格，须填写说明 / item L1 failed: a note is required");
        CHECK(ps[1].what == AnswerProblem::fail_needs_photo);
        CHECK(ps[1].words.message() == "检查项 L1 不合格，须至少拍摄一张照片 / item L1 failed: at least one photo is required");
        find(in, "L1").photo_count = 1;
        ps = checklist_problems(t, kAcademicOpen, in);
        REQUIRE(ps.size() == 1);
        CHECK(ps[0].what == AnswerProblem::fail_needs_note);
    }
    SECTION("na without a reason; an invalid result keeps what was given") {
        auto in = all_pass(t);
        find(in, "F2") = {"F2", "na", "\xE3\x80\x80", 0};
        find(in, "T3").result = "maybe";
        const auto ps = checklist_problems(t, kAcademicOpen, in);
        REQUIRE(ps.size() == 2);
        CHECK(ps[0].what == AnswerProblem::invalid_result);  // T3 comes before F2 in the template
        CHECK(ps[0].code == "T3");
        CHECK(ps[0].step == "S4");
        CHECK(ps[0].result == "maybe");
        CHECK(ps[1].what == AnswerProblem::na_needs_reason);
        CHECK(ps[1].code == "F2");
        CHECK(ps[1].step == "S6");
    }
    SECTION("unknown and twice-answered codes come first, as the answers came") {
        auto in = all_pass(t);
        in.push_back({"X1", "fail", "", 0});  // a second answer: reported, and the first one counts
        in.push_back({"Z9", "pass", "", 0});
        in.push_back({"X1", "pass", "", 0});  // a third: reported once
        const auto ps = checklist_problems(t, kAcademicOpen, in);
        REQUIRE(ps.size() == 2);
        CHECK(ps[0].what == AnswerProblem::answered_twice);
        CHECK(ps[0].code == "X1");
        CHECK(ps[0].step == "S7");
        CHECK(ps[1].what == AnswerProblem::unknown_item);
        CHECK(ps[1].code == "Z9");
        CHECK(ps[1].step.empty());
    }
    SECTION("items that do not apply have no problem, whatever was answered") {
        auto in = applicable_pass(t, kNonAcademicOpen);
        in.push_back({"T2", "fail", "", 0});
        in.push_back({"T4", "bogus", "", 0});
        CHECK(checklist_problems(t, kNonAcademicOpen, in).empty());
    }
}

TEST_CASE("validate_answers reports exactly the problems of checklist_problems, in the same words", "[checklist]") {
    const auto t = default_checklist();
    auto in = all_pass(t);
    in.push_back({"Z9", "pass", "", 0});
    in.push_back({"F2", "pass", "", 0});
    find(in, "L1") = {"L1", "fail", "", 0};
    find(in, "L3").result = "ok";
    find(in, "X4") = {"X4", "na", "", 0};
    std::erase_if(in, [](const AnswerInput& a) { return a.code == "T3" || a.code == "A1"; });
    auto r = validate_answers(t, kAcademicOpen, in);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::invalid_argument);
    // Structural problems, the missing items together, then each item; in each language on its own
    // (the app shows one), and Chinese then English where both are printed.
    const std::string zh = "未知检查项 Z9; "
                           "检查项 F2 重复作答; "
                           "缺少检查项 T3, A1 的答案; "
                           "检查项 L1 不合格，须填写说明; "
                           "检查项 L1 不合格，须至少拍摄一张照片; "
                           "检查项 L3 的结果“ok”无效，应为 pass、fail 或 na; "
                           "检查项 X4 选择不适用，须说明原因";
    const std::string en = "unknown checklist item Z9; "
                           "item F2 answered more than once; "
                           "missing answers for T3, A1; "
                           "item L1 failed: a note is required; "
                           "item L1 failed: at least one photo is required; "
                           "item L3: invalid result \"ok\" (expected pass, fail or na); "
                           "item X4 marked not applicable: give the reason in a note";
    CHECK(r.error().what == Msg::problem_list);
    CHECK(r.error().text(Lang::zh) == zh);
    CHECK(r.error().text(Lang::en) == en);
    CHECK(r.error().message() == zh + " / " + en);

    const auto ps = checklist_problems(t, kAcademicOpen, in);
    for (const auto& p : ps) {
        INFO(p.words.message());
        if (p.what == AnswerProblem::not_answered) {
            CHECK(contains(r.error().message(), p.code));
        } else {
            CHECK(contains(r.error().text(Lang::zh), p.words.text(Lang::zh)));
            CHECK(contains(r.error().text(Lang::en), p.words.text(Lang::en)));
        }
    }
    CHECK(ps.size() == 8);
}
