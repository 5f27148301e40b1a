#include "server/service/inspector_roster_service.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "server/http/html_text.h"
#include "server/service/badge_service.h"
#include "server/storage/record_table.h"
#include "shared/common/shanghai_time.h"
#include "shared/domain/collections.h"

namespace ducha::server {

using namespace ducha::domain;

namespace {

int role_order(const std::string& role) { return role == "supervisor" ? 0 : role == "coordinator" ? 1 : 2; }

const char* role_label(const std::string& role) {
    if (role == "volunteer") return "志愿督查员 / Volunteer inspector";
    if (role == "coordinator") return "区协调员 / District coordinator";
    if (role == "supervisor") return "督导 / Supervisor";
    return "—";
}

// The list changes when anyone is switched off or renewed: never cached by a browser or proxy.
void common_headers(HttpResponse& r) {
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("Vary", "Accept");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
}

}  // namespace

void InspectorRosterService::list(std::string district, std::function<void(Result<InspectorRoster>)> done) {
    m_ctx.workers->post([this, district = std::move(district), done = std::move(done)] { done(list_now(district)); });
}

Result<InspectorRoster> InspectorRosterService::list_now(const std::string& district) {
    InspectorRoster out;
    out.district_filter = district;
    out.checked_at = m_ctx.clock->now_s();
    auto lease = m_ctx.readers->acquire();
    if (!lease) return fail(lease.error());
    RecordTable table{lease->db()};
    std::map<std::string, std::string> district_names;
    auto names = table.for_each_live(kDistrict, [&](const pb::Record& r) {
        pb::District d;
        if (d.ParseFromString(r.payload())) district_names[r.id()] = d.name();
        return true;
    });
    if (!names) return fail(names.error());
    auto users = table.for_each_live(kUser, [&](const pb::Record& r) {
        pb::User u;
        if (!u.ParseFromString(r.payload())) return true;
        if (!district.empty() && u.district_id() != district) return true;
        if (BadgeService::badge_status(u, out.checked_at) != "valid") return true;
        auto d = district_names.find(u.district_id());
        out.inspectors.push_back({u.name(), u.role(), d == district_names.end() ? std::string() : d->second,
                                  u.badge_valid_until()});
        return true;
    });
    if (!users) return fail(users.error());
    std::sort(out.inspectors.begin(), out.inspectors.end(), [](const PublicInspector& a, const PublicInspector& b) {
        return std::forward_as_tuple(a.district, role_order(a.role), a.name) <
               std::forward_as_tuple(b.district, role_order(b.role), b.name);
    });
    return out;
}

HttpResponse InspectorRosterService::json_response(const InspectorRoster& r) {
    nlohmann::json j;
    j["checked_at"] = r.checked_at;
    j["count"] = r.inspectors.size();
    auto& arr = j["inspectors"] = nlohmann::json::array();
    for (const auto& i : r.inspectors)
        arr.push_back({{"name", i.name}, {"role", i.role}, {"district", i.district}, {"valid_until", i.valid_until}});
    HttpResponse out;
    out.status = 200;
    out.content_type = "application/json; charset=utf-8";
    out.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    common_headers(out);
    return out;
}

HttpResponse InspectorRosterService::html_response(const InspectorRoster& r) {
    std::string h;
    h += "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>督查员公示 / Inspectors in service</title><style>"
         "body{font-family:system-ui,-apple-system,\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;margin:0;"
         "padding:1em;background:#f2f2f2;color:#222}main{max-width:48em;margin:0 auto;background:#fff;"
         "border-radius:12px;padding:1.2em;box-shadow:0 1px 4px rgba(0,0,0,.15)}"
         "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4em;border-bottom:1px solid #ddd}"
         "th{color:#666;font-weight:normal}.note{color:#666;font-size:.85em;margin-top:1.2em}"
         "</style></head><body><main>\n"
         "<h1>督查员公示 / Inspectors in service</h1>\n"
         "<p>以下人员的督查证件当前有效。上门督查时可扫描其证件二维码核验。</p>\n"
         "<p lang=\"en\">The badges of the people below are valid now. Scan an inspector's badge QR to check it at the door.</p>\n";
    if (r.inspectors.empty()) {
        h += "<p>暂无 / none</p>\n";
    } else {
        h += "<table><tr><th>所属区 / District</th><th>身份 / Role</th><th>姓名 / Name</th><th>有效期至 / Valid until</th></tr>\n";
        for (const auto& i : r.inspectors)
            h += "<tr><td>" + (i.district.empty() ? std::string("全市 / city-wide") : html_escape(i.district)) + "</td><td>" +
                 html_escape(role_label(i.role)) + "</td><td>" + html_escape(i.name) + "</td><td>" +
                 shanghai_date(i.valid_until) + "</td></tr>\n";
        h += "</table>\n";
    }
    h += "<p class=\"note\">共 " + std::to_string(r.inspectors.size()) + " 人 / " + std::to_string(r.inspectors.size()) +
         " in all · 更新于 / as of " + shanghai_minute(r.checked_at * 1000) + "（北京时间 / Beijing time）</p>\n</main></body></html>\n";
    HttpResponse out;
    out.status = 200;
    out.content_type = "text/html; charset=utf-8";
    out.body = std::move(h);
    common_headers(out);
    out.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    return out;
}

}  // namespace ducha::server
