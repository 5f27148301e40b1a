// The public results feed's parts that need no server: one page picked from a fixed set of
// published rows, and that page as CSV (byte for byte), JSON and HTML.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/service/public_results_csv.h"
#include "server/service/public_results_html.h"
#include "server/service/public_results_json.h"
#include "server/service/public_results_page.h"

using namespace ducha;
using namespace ducha::server;
using nlohmann::json;

namespace {

constexpr std::int64_t kGeneratedAt = 1746230400;  // 2025-05-03 08:00 in Shanghai

// Two rows of one district: a pass at a site whose name needs escaping and quoting, amended by a
// report that found a problem and on which a rectification runs.
PublishedResults fixed_rows() {
    PublishedResults p;
    p.districts = {{"d-tiedong", "铁东区"}, {"d-lishan", "立山区"}};
    PublicResult amendment;
    amendment.id = 15;
    amendment.received_ms = 1746316800000;
    amendment.date = "2025-05-04";
    amendment.district_id = "d-tiedong";
    amendment.district = "铁东区";
    amendment.institution = "启明学科辅导";
    amendment.address = "B路2号";
    amendment.category = "学科类";
    amendment.task_kind = "spot_check";
    amendment.problems = {{"T3", "未公示收费标准", "fees not posted"}};
    amendment.decision = PublicDecision{"rectification", "一般", "2025-05-20"};
    amendment.amends = 12;
    PublicResult original;
    original.id = 12;
    original.received_ms = 1746230400000;
    original.date = "2025-05-03";
    original.district_id = "d-tiedong";
    original.district = "铁东区";
    original.institution = "星光<艺术>&\"培训\",中心";
    original.address = "A路1号";
    original.category = "学科类";
    original.task_kind = "routine";
    original.licensed = true;
    original.amended_by = 15;
    PublicResult other;
    other.id = 9;
    other.received_ms = 1746144000000;
    other.date = "2025-05-02";
    other.district_id = "d-lishan";
    other.district = "立山区";
    other.institution = "立山某机构";
    other.task_kind = "complaint";
    p.rows = {amendment, original, other};  // newest first, as the reader gives them
    return p;
}

PublicResultsPage tiedong_page() {
    PublicQuery q;
    q.district = "d-tiedong";
    return select_public_results(fixed_rows(), q, kGeneratedAt);
}

std::string header(const HttpResponse& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return "";
}

}  // namespace

TEST_CASE("public results page: filters by district and days, counts before paging, pages newest first", "[public][render]") {
    auto page = tiedong_page();
    CHECK(page.district_name == "铁东区");
    CHECK(page.generated_at == kGeneratedAt);
    CHECK(page.total == 2);
    REQUIRE(page.results.size() == 2);
    CHECK(page.results[0].id == 15);
    CHECK(page.results[1].id == 12);

    PublicQuery days;
    days.from = "2025-05-02";
    days.to = "2025-05-03";
    days.limit = 1;
    days.offset = 1;
    auto second = select_public_results(fixed_rows(), days, kGeneratedAt);
    CHECK(second.total == 2);  // rows 12 and 9
    REQUIRE(second.results.size() == 1);
    CHECK(second.results[0].id == 9);
    CHECK(second.district_name.empty());

    PublicQuery unknown;
    unknown.district = "d-nowhere";
    auto none = select_public_results(fixed_rows(), unknown, kGeneratedAt);
    CHECK(none.total == 0);
    CHECK(none.results.empty());
    CHECK(none.district_name.empty());
}

TEST_CASE("public results as CSV: BOM, header row, quoted fields, labels, byte for byte", "[public][render]") {
    auto r = public_results_csv(tiedong_page());
    CHECK(r.status == 200);
    CHECK(r.content_type == "text/csv; charset=utf-8; header=present");
    CHECK(header(r, "Content-Disposition") == "attachment; filename=\"anshan-inspection-results.csv\"");
    CHECK(header(r, "Cache-Control") == "public, max-age=60");
    CHECK(header(r, "Vary") == "Accept");
    const std::string expected =
        "\xEF\xBB\xBF"
        "编号 / ID,检查日期 / Date,区县 / District,机构名称 / Institution,地址 / Address,办学许可 / Licensed,"
        "类别 / Category,检查类型 / Kind,检查结果 / Result,问题数 / Problems,问题项 / Failed items,"
        "处理状态 / Case status,裁量档次 / Tier,整改期限 / Deadline,更正编号 / Amends No.,被更正为 / Amended by No.\r\n"
        "15,2025-05-04,铁东区,启明学科辅导,B路2号,否 / no,学科类,双随机抽查 / Random spot check,发现问题 / problems found,1,"
        "T3 未公示收费标准 / fees not posted,整改中 / under rectification,一般 / ordinary,2025-05-20,12,\r\n"
        "12,2025-05-03,铁东区,\"星光<艺术>&\"\"培训\"\",中心\",A路1号,是 / yes,学科类,例行检查 / Routine,合格 / pass,0,"
        ",,,,,15\r\n";
    CHECK(r.body == expected);
}

TEST_CASE("public results as JSON: codes with their labels, corrections by number, filters echoed", "[public][render]") {
    auto r = public_results_json(tiedong_page());
    CHECK(r.content_type == "application/json; charset=utf-8");
    CHECK(header(r, "Access-Control-Allow-Origin") == "*");
    auto j = json::parse(r.body);
    CHECK(j["generated_at"] == "2025-05-03T08:00:00+08:00");
    CHECK(j["total"] == 2);
    CHECK(j["limit"] == 200);
    CHECK(j["offset"] == 0);
    CHECK(j["filters"] == json{{"district", "d-tiedong"}, {"from", nullptr}, {"to", nullptr}});
    REQUIRE(j["results"].size() == 2);
    const auto& a = j["results"][0];
    CHECK(a["id"] == 15);
    CHECK(a["task_kind"] == "spot_check");
    CHECK(a["task_kind_label"] == "双随机抽查 / Random spot check");
    CHECK(a["result"] == "problems_found");
    CHECK(a["result_label"] == "发现问题 / problems found");
    CHECK(a["problem_count"] == 1);
    CHECK(a["problems"] == json::array({{{"code", "T3"}, {"text_zh", "未公示收费标准"}, {"text_en", "fees not posted"}}}));
    CHECK(a["decision"] == json{{"status", "rectification"},
                                {"status_label", "整改中 / under rectification"},
                                {"tier", "一般"},
                                {"tier_en", "ordinary"},
                                {"deadline", "2025-05-20"}});
    CHECK(a["amends"] == 12);
    CHECK(a["amended_by"] == nullptr);
    CHECK(a["status_note"] == "更正 / amendment");
    const auto& o = j["results"][1];
    CHECK(o["institution"] == "星光<艺术>&\"培训\",中心");
    CHECK(o["licensed"] == true);
    CHECK(o["result"] == "pass");
    CHECK(o["decision"] == nullptr);
    CHECK(o["amended_by"] == 15);
    CHECK(o["status_note"] == "已更正 / amended");
}

TEST_CASE("public results as HTML: every text escaped, corrections linked on the page, nothing outside it", "[public][render]") {
    auto r = public_results_html(tiedong_page());
    CHECK(r.content_type == "text/html; charset=utf-8");
    CHECK(header(r, "Content-Security-Policy") == "default-src 'none'; style-src 'unsafe-inline'");
    const std::string& h = r.body;
    auto has = [&](const std::string& s) { return h.find(s) != std::string::npos; };
    CHECK(has("<td>星光&lt;艺术&gt;&amp;&quot;培训&quot;,中心</td>"));
    CHECK_FALSE(has("<艺术>"));
    CHECK(has("区县 / district: 铁东区"));
    CHECK(has("共 2 条，本页第 1–2 条 / 2 results, showing 1–2"));
    CHECK(has("生成时间 / Generated 2025-05-03 08:00"));
    CHECK(has("<tr id=\"r15\">"));
    CHECK(has("以第 <a href=\"#r15\">15</a> 号为准 / see No. <a href=\"#r15\">15</a>"));
    CHECK(has("更正第 <a href=\"#r12\">12</a> 号 / corrects No. <a href=\"#r12\">12</a>"));
    CHECK(has("<li>T3 未公示收费标准 / <span lang=\"en\">fees not posted</span></li>"));
    CHECK(has("裁量 / tier: 一般 / ordinary"));
    CHECK(has("整改期限 / deadline: 2025-05-20"));
    CHECK_FALSE(has("<script"));

    // A correction whose other row is on another page is named by its number, not linked.
    PublicQuery first;
    first.district = "d-tiedong";
    first.limit = 1;
    auto alone = public_results_html(select_public_results(fixed_rows(), first, kGeneratedAt));
    CHECK(alone.body.find("更正第 12 号 / corrects No. 12") != std::string::npos);

    PublicQuery nothing;
    nothing.district = "d-nowhere";
    auto empty = public_results_html(select_public_results(fixed_rows(), nothing, kGeneratedAt));
    CHECK(empty.body.find("没有符合条件的检查结果 / no results match") != std::string::npos);
    CHECK(empty.body.find("区县 / district: d-nowhere") != std::string::npos);
}
