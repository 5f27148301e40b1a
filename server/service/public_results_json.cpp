#include "server/service/public_results_json.h"

#include <nlohmann/json.hpp>

#include "server/service/public_results_labels.h"
#include "shared/common/shanghai_time.h"

namespace ducha::server {

using namespace ducha::server::public_labels;
using nlohmann::json;

HttpResponse public_results_json(const PublicResultsPage& page) {
    auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    json results = json::array();
    for (const auto& r : page.results) {
        json problems = json::array();
        for (const auto& p : r.problems) problems.push_back({{"code", p.code}, {"text_zh", p.text_zh}, {"text_en", p.text_en}});
        json decision = nullptr;
        if (r.decision)
            decision = {{"status", r.decision->status},
                        {"status_label", or_raw(status_label(r.decision->status), r.decision->status)},
                        {"tier", or_null(r.decision->tier)},
                        {"tier_en", or_null(tier_en(r.decision->tier))},
                        {"deadline", or_null(r.decision->deadline)}};
        results.push_back({{"id", r.id},
                           {"date", r.date},
                           {"district_id", r.district_id},
                           {"district", r.district},
                           {"institution", r.institution},
                           {"address", r.address},
                           {"licensed", r.licensed},
                           {"category", r.category},
                           {"task_kind", r.task_kind},
                           {"task_kind_label", kind_label(r.task_kind)},
                           {"result", r.problems.empty() ? "pass" : "problems_found"},
                           {"result_label", result_label(r)},
                           {"problem_count", r.problems.size()},
                           {"problems", std::move(problems)},
                           {"decision", std::move(decision)},
                           {"amends", r.amends ? json(*r.amends) : json(nullptr)},
                           {"amended_by", r.amended_by ? json(*r.amended_by) : json(nullptr)},
                           {"status_note", correction_note(r) ? json(correction_note(r)) : json(nullptr)}});
    }
    json j{{"generated_at", shanghai_time_iso(page.generated_at * 1000)},
           {"total", page.total},
           {"limit", page.query.limit},
           {"offset", page.query.offset},
           {"filters", {{"district", or_null(page.query.district)}, {"from", or_null(page.query.from)}, {"to", or_null(page.query.to)}}},
           {"results", std::move(results)}};
    HttpResponse r;
    r.content_type = "application/json; charset=utf-8";
    r.body = j.dump(-1, ' ', false, json::error_handler_t::replace);
    common_headers(r);
    return r;
}

}  // namespace ducha::server
