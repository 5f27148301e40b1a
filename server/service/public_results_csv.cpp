#include "server/service/public_results_csv.h"

#include <string_view>

#include "server/service/public_results_labels.h"
#include "shared/export/csv_writer.h"

namespace ducha::server {

using namespace ducha::server::public_labels;

namespace {

// The failed items in one cell: each its code, then its Chinese and English texts.
std::string problems_text(const PublicResult& r, std::string_view sep) {
    std::string out;
    for (const auto& p : r.problems) {
        if (!out.empty()) out += sep;
        out += p.code;
        if (!p.text_zh.empty()) out += " " + p.text_zh;
        if (!p.text_en.empty()) out += " / " + p.text_en;
    }
    return out;
}

}  // namespace

HttpResponse public_results_csv(const PublicResultsPage& page) {
    exporting::Table t;
    t.headers = {"编号 / ID", "检查日期 / Date", "区县 / District", "机构名称 / Institution", "地址 / Address",
                 "办学许可 / Licensed", "类别 / Category", "检查类型 / Kind", "检查结果 / Result", "问题数 / Problems",
                 "问题项 / Failed items", "处理状态 / Case status", "裁量档次 / Tier", "整改期限 / Deadline",
                 "更正编号 / Amends No.", "被更正为 / Amended by No."};
    for (const auto& r : page.results) {
        std::string status, tier, deadline;
        if (r.decision) {
            status = or_raw(status_label(r.decision->status), r.decision->status);
            tier = tier_text(r.decision->tier);
            deadline = r.decision->deadline;
        }
        t.rows.push_back({std::to_string(r.id), r.date, r.district, r.institution, r.address, r.licensed ? "是 / yes" : "否 / no",
                          r.category, kind_label(r.task_kind), result_label(r),
                          std::to_string(r.problems.size()), problems_text(r, "; "), status, tier, deadline,
                          number_or_empty(r.amends), number_or_empty(r.amended_by)});
    }
    std::string out = exporting::to_csv(t);
    HttpResponse resp;
    resp.content_type = "text/csv; charset=utf-8; header=present";
    resp.body = std::move(out);
    common_headers(resp);
    resp.headers.emplace_back("Content-Disposition", "attachment; filename=\"anshan-inspection-results.csv\"");
    return resp;
}

}  // namespace ducha::server
