#include "shared/domain/checklist.h"

#include <map>
#include <set>

#include "shared/common/text.h"

namespace ducha::domain {

namespace {

struct StepDef {
    const char* code;
    const char* zh;
    const char* en;
    bool open_only;
};

struct ItemDef {
    const char* code;
    const char* step;
    const char* zh;
    const char* en;
    const char* severity;
    bool photo_on_fail;
    const char* applies;
};

// shared/CHECKLIST.md, template v1. Codes are stable forever; edit texts only in a new version.
constexpr StepDef kSteps[] = {
    {"S1", "到达签到", "check in: time and GPS, compared with the site's location", false},
    {"S2", "亮证表明身份 (明查)", "show the inspector badge (open visits only)", true},
    {"S3", "核查证照与公示", "licences and public notices", false},
    {"S4", "检查培训活动", "classes in progress: subject, grade, time", false},
    {"S5", "核查人员资质", "staff qualifications", false},
    {"S6", "核查收费与合同", "fees, prepayments, contracts", false},
    {"S7", "检查场所安全", "premises and safety", false},
    {"S8", "取证、告知与签字", "evidence, telling the result, on-site signature (signature: open visits only)",
     false},
};

constexpr ItemDef kItems[] = {
    {"L1", "S3", "持有有效办学许可证并在显著位置公示", "valid school-running permit, displayed", "critical", true,
     "all"},
    {"L2", "S3", "持有营业执照或民办非企业单位登记证书", "business or non-profit registration certificate",
     "critical", true, "all"},
    {"L3", "S3", "实际培训地址与许可证登记地址一致", "actual address matches the permit", "major", true, "all"},
    {"L4", "S3", "公示收费项目、标准、培训内容、班次及教师信息", "fees, courses, classes and teachers posted",
     "minor", true, "all"},
    {"T1", "S4", "未违规面向义务教育阶段学生开展学科类培训",
     "no unapproved academic tutoring of compulsory-education pupils", "critical", true, "all"},
    {"T2", "S4", "未占用法定节假日、休息日及寒暑假开展学科类培训",
     "no academic tutoring on public holidays, weekends or school vacations", "critical", true, "academic"},
    {"T3", "S4", "线下培训结束时间不晚于20:30", "in-person classes end by 20:30", "major", true, "all"},
    {"T4", "S4", "无超标超前培训", "no teaching beyond or ahead of the school syllabus", "major", false, "academic"},
    {"T5", "S4", "未以家政服务、住家教师、众筹私教、游学研学、冬夏令营、托管服务等名义变相开展学科类培训",
     "no disguised academic tutoring (housekeeping, live-in tutor, crowd-funded private tutor, study tours, "
     "camps, day care)",
     "critical", true, "all"},
    {"T6", "S4", "未给学生布置家庭作业", "no homework assigned to pupils", "minor", false, "academic"},
    {"P1", "S5", "从事学科类培训的人员具备相应教师资格", "academic tutors hold teacher qualification certificates",
     "major", true, "academic"},
    {"P2", "S5", "未聘用中小学在职教师", "no serving primary/secondary school teachers employed", "critical", true,
     "all"},
    {"F1", "S6", "未一次性或变相收取超过3个月或60课时的费用",
     "no prepayment covering more than 3 months or 60 class hours", "critical", true, "all"},
    {"F2", "S6", "预收费纳入资金监管", "prepaid fees held in a supervised account", "major", true, "all"},
    {"F3", "S6", "使用校外培训服务合同示范文本", "the model training-service contract is used", "minor", true, "all"},
    {"F4", "S6", "执行政府指导价", "government guidance prices applied", "major", false, "academic"},
    {"A1", "S6", "未发布违规培训广告", "no prohibited advertising", "major", true, "all"},
    {"X1", "S7", "消防设施完好，安全出口和疏散通道畅通", "fire equipment working, exits and escape routes clear",
     "critical", true, "all"},
    {"X2", "S7", "未在居民住宅、地下室等不符合安全条件的场所培训", "not in flats, basements or other unsafe premises",
     "critical", true, "all"},
    {"X3", "S7", "场所面积与在训人数相适应", "room size fits the number of pupils", "major", true, "all"},
    {"X4", "S7", "建立学生安全管理和接送制度", "pupil safety and pick-up rules in place", "minor", false, "all"},
};

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

const pb::ChecklistStep* find_step(const pb::ChecklistTemplate& tpl, const std::string& code) {
    for (const auto& s : tpl.steps())
        if (s.code() == code) return &s;
    return nullptr;
}

}  // namespace

pb::ChecklistTemplate default_checklist() {
    pb::ChecklistTemplate t;
    t.set_name("双减统一检查清单");
    t.set_template_version(1);
    for (const auto& d : kSteps) {
        auto* s = t.add_steps();
        s->set_code(d.code);
        s->set_text_zh(d.zh);
        s->set_text_en(d.en);
        s->set_open_only(d.open_only);
    }
    for (const auto& d : kItems) {
        auto* i = t.add_items();
        i->set_code(d.code);
        i->set_step(d.step);
        i->set_text_zh(d.zh);
        i->set_text_en(d.en);
        i->set_severity(d.severity);
        i->set_photo_on_fail(d.photo_on_fail);
        i->set_applies(d.applies);
    }
    return t;
}

bool item_applies(const pb::ChecklistItem& item, const pb::ChecklistStep* step, const InspectionContext& ctx) {
    if (item.applies() == "academic" && !ctx.academic) return false;
    if (ctx.covert && (item.applies() == "open" || (step && step->open_only()))) return false;
    return true;
}

std::vector<ChecklistProblem> checklist_problems(const pb::ChecklistTemplate& tpl, const InspectionContext& ctx,
                                                 const std::vector<AnswerInput>& answers) {
    std::map<std::string, const pb::ChecklistItem*> known;
    for (const auto& item : tpl.items()) known.emplace(item.code(), &item);

    // Structural problems first, in the order the answers came.
    std::vector<ChecklistProblem> out;
    std::map<std::string, const AnswerInput*> by_code;  // the first answer of each code counts
    std::set<std::string> reported_dup;
    for (const auto& a : answers) {
        if (!known.contains(a.code)) {
            out.push_back({AnswerProblem::unknown_item, a.code, {}, {},
                           Error{Errc::invalid_argument, Msg::unknown_checklist_item, a.code}});
            continue;
        }
        if (!by_code.emplace(a.code, &a).second && reported_dup.insert(a.code).second)
            out.push_back({AnswerProblem::answered_twice, a.code, known.at(a.code)->step(), {},
                           Error{Errc::invalid_argument, Msg::item_answered_twice, a.code}});
    }

    for (const auto& item : tpl.items()) {
        const std::string& code = item.code();
        if (!item_applies(item, find_step(tpl, item.step()), ctx)) continue;  // recorded as na: never a problem
        auto problem = [&](AnswerProblem what, Msg words, std::string result = {}) {
            Error e = result.empty() ? Error{Errc::invalid_argument, words, code}
                                     : Error{Errc::invalid_argument, words, code, result};
            out.push_back({what, code, item.step(), std::move(result), std::move(e)});
        };
        auto it = by_code.find(code);
        if (it == by_code.end()) {
            problem(AnswerProblem::not_answered, Msg::item_not_answered);
            continue;
        }
        const AnswerInput& a = *it->second;
        if (a.result == "fail") {
            if (is_blank_text(a.note))
                problem(AnswerProblem::fail_needs_note, Msg::item_failed_needs_note);
            if (item.photo_on_fail() && a.photo_count < 1)
                problem(AnswerProblem::fail_needs_photo, Msg::item_failed_needs_photo);
        } else if (a.result == "na") {
            if (is_blank_text(a.note))
                problem(AnswerProblem::na_needs_reason, Msg::item_na_needs_reason);
        } else if (a.result != "pass") {
            problem(AnswerProblem::invalid_result, Msg::item_result_invalid, a.result);
        }
    }
    return out;
}

Result<std::vector<pb::Answer>> validate_answers(const pb::ChecklistTemplate& tpl, const InspectionContext& ctx,
                                                 const std::vector<AnswerInput>& answers) {
    // The problems in words: the structural ones, then the unanswered items in one text, then the rest.
    const auto found = checklist_problems(tpl, ctx, answers);
    if (!found.empty()) {
        std::vector<Error> structural, per_item;
        std::vector<std::string> missing;
        for (const auto& p : found) {
            if (p.what == AnswerProblem::unknown_item || p.what == AnswerProblem::answered_twice)
                structural.push_back(p.words);
            else if (p.what == AnswerProblem::not_answered)
                missing.push_back(p.code);
            else
                per_item.push_back(p.words);
        }
        if (!missing.empty()) structural.push_back(Error{Errc::invalid_argument, Msg::missing_answers_for, join(missing, ", ")});
        structural.insert(structural.end(), per_item.begin(), per_item.end());
        return fail(one_error_of(structural));
    }

    // No problem: every code is known and answered once, every item that applies is answered.
    std::map<std::string, const AnswerInput*> by_code;
    for (const auto& a : answers) by_code.emplace(a.code, &a);
    std::vector<pb::Answer> out;
    out.reserve(static_cast<std::size_t>(tpl.items_size()));
    for (const auto& item : tpl.items()) {
        pb::Answer ans;
        ans.set_code(item.code());
        // An item that does not apply is recorded as na whatever the phone sent.
        if (!item_applies(item, find_step(tpl, item.step()), ctx)) {
            ans.set_result("na");
            ans.set_note(kNotApplicableNote);
        } else {
            const AnswerInput& a = *by_code.at(item.code());
            ans.set_result(a.result);
            ans.set_note(a.note);
        }
        out.push_back(std::move(ans));
    }
    return out;
}

bool is_flagged(const pb::ChecklistTemplate& tpl, const std::vector<pb::Answer>& answers, bool unlisted,
                bool repeat_offender) {
    if (unlisted) return true;
    std::map<std::string, std::string> severity;
    for (const auto& item : tpl.items()) severity[item.code()] = item.severity();
    int major_fails = 0;
    for (const auto& a : answers) {
        if (a.result() != "fail") continue;
        auto it = severity.find(a.code());
        if (it == severity.end()) continue;
        if (it->second == "critical") return true;
        if (it->second == "major") ++major_fails;
    }
    return major_fails >= 2 || (major_fails >= 1 && repeat_offender);
}

}  // namespace ducha::domain
