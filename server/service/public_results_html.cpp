#include "server/service/public_results_html.h"

#include <algorithm>
#include <functional>
#include <string>

#include "server/http/html_text.h"
#include "server/service/public_results_labels.h"
#include "shared/common/shanghai_time.h"

namespace ducha::server {

using namespace ducha::server::public_labels;

namespace {

// The document up to the heading: the title and the inline style (print: A4 landscape).
void page_head(std::string& h) {
    h += "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>鞍山市校外培训机构检查结果公示 / Anshan tutoring institution inspection results</title><style>"
         "body{font-family:system-ui,-apple-system,\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;margin:0;"
         "padding:1em;color:#222;background:#fff}"
         "h1{font-size:1.4em;margin:0 0 .3em}p{margin:.3em 0}.meta{color:#555;font-size:.9em}"
         "table{border-collapse:collapse;width:100%;margin-top:.8em;font-size:.9em}"
         "th,td{border:1px solid #bbb;padding:.3em .45em;text-align:left;vertical-align:top}"
         "th{background:#eee}tbody tr:nth-child(even){background:#f7f7f7}"
         ".pass{color:#1b7f3b;font-weight:bold}.problems{color:#b71c1c;font-weight:bold}"
         "ul{margin:.2em 0 0;padding-left:1.1em}.num{text-align:right;white-space:nowrap}"
         ".nowrap{white-space:nowrap}.empty{text-align:center;color:#666;padding:1.5em}"
         ".tag{display:inline-block;border:1px solid #9a5b00;color:#9a5b00;border-radius:3px;padding:0 .3em;"
         "font-size:.85em}.note{color:#555;font-size:.9em}"
         "@page{size:A4 landscape;margin:12mm}"
         "@media print{body{padding:0;font-size:9pt}table{font-size:8.5pt}thead{display:table-header-group}"
         "tr{break-inside:avoid}tbody tr:nth-child(even){background:none}th{background:none}}"
         "</style></head><body>\n";
    h += "<h1>鞍山市校外培训机构检查结果公示<br><span lang=\"en\">Anshan tutoring institution inspection results</span></h1>\n";
}

// What the page shows: its filters, which rows of how many, and when it was made.
void page_meta(std::string& h, const PublicResultsPage& page) {
    const auto& q = page.query;
    std::string filter;
    if (!q.district.empty())
        filter += "区县 / district: " + html_escape(page.district_name.empty() ? q.district : page.district_name);
    if (!q.from.empty() || !q.to.empty()) {
        if (!filter.empty()) filter += "；";
        filter += "检查日期 / dates: " + (q.from.empty() ? std::string("…") : q.from) + " – " +
                  (q.to.empty() ? std::string("…") : q.to);
    }
    h += "<p class=\"meta\">筛选条件 / Filter: " + (filter.empty() ? std::string("全市全部 / whole city, all dates") : filter) + "</p>\n";
    const std::int64_t first = page.results.empty() ? 0 : q.offset + 1;
    const std::int64_t last = q.offset + static_cast<std::int64_t>(page.results.size());
    h += "<p class=\"meta\">共 " + std::to_string(page.total) + " 条，本页第 " + std::to_string(first) + "–" +
         std::to_string(last) + " 条 / " + std::to_string(page.total) + " results, showing " + std::to_string(first) +
         "–" + std::to_string(last) + "</p>\n";
    h += "<p class=\"meta\">生成时间 / Generated " + shanghai_minute(page.generated_at * 1000) +
         "（北京时间 / Beijing time）。仅公示公开检查的结果，不含个人信息 / Results of open inspections only; "
         "no personal data.</p>\n";
}

// One table row. `ref` names the other row of a correction.
void result_row(std::string& h, const PublicResult& r, const std::function<std::string(std::int64_t)>& ref) {
    const std::string num = std::to_string(r.id);
    h += "<tr id=\"r" + num + "\"><td class=\"num\">" + num + "</td><td class=\"nowrap\">" + r.date + "</td><td>" +
         html_escape(r.district) + "</td><td>" + html_escape(r.institution) + "</td><td>" + html_escape(r.address) +
         "</td><td>" + (r.licensed ? "是 / yes" : "否 / no") + "</td><td>" + html_escape(r.category) + "</td><td>" +
         html_escape(kind_label(r.task_kind)) + "</td><td>";
    if (r.amended_by)
        h += "<span class=\"tag\">已更正 / amended</span> <span class=\"note\">以第 " + ref(*r.amended_by) +
             " 号为准 / see No. " + ref(*r.amended_by) + "</span><br>";
    if (r.amends)
        h += "<span class=\"tag\">更正 / amendment</span> <span class=\"note\">更正第 " + ref(*r.amends) +
             " 号 / corrects No. " + ref(*r.amends) + "</span><br>";
    if (r.problems.empty()) {
        h += "<span class=\"pass\">合格 / pass</span>";
    } else {
        h += "<span class=\"problems\">发现问题 / problems found（" + std::to_string(r.problems.size()) + "）</span><ul>";
        for (const auto& p : r.problems) {
            h += "<li>" + html_escape(p.code);
            if (!p.text_zh.empty()) h += " " + html_escape(p.text_zh);
            if (!p.text_en.empty()) h += " / <span lang=\"en\">" + html_escape(p.text_en) + "</span>";
            h += "</li>";
        }
        h += "</ul>";
    }
    h += "</td><td>";
    if (r.decision) {
        h += html_escape(or_raw(status_label(r.decision->status), r.decision->status));
        if (!r.decision->tier.empty()) h += "<br>裁量 / tier: " + html_escape(tier_text(r.decision->tier));
        if (!r.decision->deadline.empty()) h += "<br>整改期限 / deadline: " + r.decision->deadline;
    } else {
        h += "—";
    }
    h += "</td></tr>\n";
}

}  // namespace

HttpResponse public_results_html(const PublicResultsPage& page) {
    std::string h;
    page_head(h);
    page_meta(h, page);

    h += "<table><thead><tr><th>编号<br>No.</th><th>检查日期<br>Date</th><th>区县<br>District</th>"
         "<th>机构名称<br>Institution</th><th>地址<br>Address</th><th>办学许可<br>Licensed</th>"
         "<th>类别<br>Category</th><th>检查类型<br>Kind</th><th>检查结果<br>Result</th>"
         "<th>处理情况<br>Follow-up</th></tr></thead>\n<tbody>\n";
    // The other row of a correction, linked when it is on this page, else named by its number.
    auto ref = [&](std::int64_t n) {
        const bool here =
            std::any_of(page.results.begin(), page.results.end(), [&](const PublicResult& x) { return x.id == n; });
        const std::string num = std::to_string(n);
        return here ? "<a href=\"#r" + num + "\">" + num + "</a>" : num;
    };
    for (const auto& r : page.results) result_row(h, r, ref);
    if (page.results.empty())
        h += "<tr><td colspan=\"10\" class=\"empty\">没有符合条件的检查结果 / no results match</td></tr>\n";
    h += "</tbody></table>\n</body></html>\n";

    HttpResponse resp;
    resp.content_type = "text/html; charset=utf-8";
    resp.body = std::move(h);
    common_headers(resp);
    // Self-contained: no script, no outside resource, only the inline style above.
    resp.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    return resp;
}

}  // namespace ducha::server
