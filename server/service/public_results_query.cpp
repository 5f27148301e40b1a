#include "server/service/public_results_query.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <optional>

#include "shared/common/query_string.h"
#include "shared/common/shanghai_time.h"

namespace ducha::server {

namespace {

constexpr int kMaxLimit = 1000;
constexpr std::int64_t kMaxOffset = 1'000'000'000;

std::optional<std::int64_t> whole_number(std::string_view v) {
    if (v.empty() || v.size() > 12) return std::nullopt;
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc{} || end != v.data() + v.size() || v[0] == '-' || v[0] == '+') return std::nullopt;
    return n;
}

bool valid_record_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

// Whether Accept ranks text/html above application/json (each judged by its most specific media
// range: exact, type/*, */*). A tie, "*/*" alone or no header keeps JSON, the API's default.
bool prefers_html(std::string_view accept) {
    struct Best {
        int specificity = -1;
        double q = 0;
    };
    Best html, json_;
    auto trim = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        return s;
    };
    auto lower = [](std::string_view s) {
        std::string out(s);
        for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    while (!accept.empty()) {
        auto comma = accept.find(',');
        std::string_view range = accept.substr(0, comma);
        accept = comma == std::string_view::npos ? std::string_view{} : accept.substr(comma + 1);
        auto semi = range.find(';');
        std::string type = lower(trim(range.substr(0, semi)));
        double q = 1;
        while (semi != std::string_view::npos) {
            range = range.substr(semi + 1);
            semi = range.find(';');
            std::string param = lower(trim(range.substr(0, semi)));
            if (param.rfind("q=", 0) == 0) {
                char* end = nullptr;
                q = std::strtod(param.c_str() + 2, &end);
                if (end == param.c_str() + 2 || q < 0) q = 0;
            }
        }
        auto consider = [&](Best& b, const std::string& exact, const std::string& family) {
            int s = type == exact ? 2 : type == family ? 1 : type == "*/*" ? 0 : -1;
            if (s > b.specificity) b = {s, q};
        };
        consider(html, "text/html", "text/*");
        consider(json_, "application/json", "application/*");
    }
    return html.q > 0 && html.q > json_.q;
}

}  // namespace

Result<PublicQuery> parse_public_query(std::string_view raw, std::string_view accept) {
    PublicQuery q;
    bool format_given = false;
    auto params = parse_query_string(raw);
    if (!params) return fail(params.error());
    for (const auto& [key, v] : *params) {
        if (key == "district") {
            if (!v.empty() && !valid_record_id(v))
                return fail(Errc::invalid_argument, Msg::district_must_district_id_got, quoted_value(v));
            q.district = v;
        } else if (key == "from" || key == "to") {
            std::string day;
            if (!v.empty()) {
                auto d = parse_shanghai_date(v);
                if (!d) return fail(Errc::invalid_argument, Msg::must_date_as_yyyy_mm, key, quoted_value(v));
                day = shanghai_date(*d);  // canonical: orders like the day itself, so filters compare strings
            }
            (key == "from" ? q.from : q.to) = day;
        } else if (key == "limit") {
            auto n = whole_number(v);
            if (!n || *n < 1 || *n > kMaxLimit)
                return fail(Errc::invalid_argument, Msg::limit_must_whole_number_from, quoted_value(v));
            q.limit = static_cast<int>(*n);
        } else if (key == "offset") {
            auto n = whole_number(v);
            if (!n || *n > kMaxOffset)
                return fail(Errc::invalid_argument, Msg::offset_must_whole_number_0, quoted_value(v));
            q.offset = *n;
        } else if (key == "format") {
            if (v == "json") q.format = PublicFormat::json;
            else if (v == "csv") q.format = PublicFormat::csv;
            else if (v == "html") q.format = PublicFormat::html;
            else return fail(Errc::invalid_argument, Msg::format_must_json_csv_or, quoted_value(v));
            format_given = true;
        }
        // Other parameters (a browser's cache buster, a tracking tag) change nothing.
    }
    if (!q.from.empty() && !q.to.empty() && q.from > q.to)
        return fail(Errc::invalid_argument, Msg::from_after_to, q.from, q.to);
    if (!format_given && prefers_html(accept)) q.format = PublicFormat::html;
    return q;
}

}  // namespace ducha::server
