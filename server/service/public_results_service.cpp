#include "server/service/public_results_service.h"

#include "server/http/html_text.h"
#include "shared/common/query_string.h"
#include "shared/common/shanghai_time.h"
#include "shared/export/csv_writer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "ducha.pb.h"
#include "server/storage/record_table.h"
#include "shared/domain/collections.h"
#include "shared/store/statement.h"
#include "shared/store/transaction.h"

namespace ducha::server {

using namespace ducha::domain;
using nlohmann::json;

namespace {

constexpr int kMaxLimit = 1000;
constexpr std::int64_t kMaxOffset = 1'000'000'000;

// ------------------------------------------------------------------ query


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

// ------------------------------------------------------------------ labels

const char* kind_label(const std::string& kind) {
    if (kind == "routine") return "例行检查 / routine";
    if (kind == "spot_check") return "随机抽查 / spot check";
    if (kind == "complaint") return "投诉核查 / complaint follow-up";
    if (kind == "reinspection") return "整改复查 / re-inspection";
    if (kind == "joint") return "联合检查 / joint inspection";
    return nullptr;
}

const char* status_label(const std::string& status) {
    if (status == "open") return "已立案 / case opened";
    if (status == "rectification") return "整改中 / under rectification";
    if (status == "reinspection") return "待复查 / awaiting re-inspection";
    if (status == "closed") return "已整改销号 / rectified and closed";
    if (status == "no_violation") return "未发现违规 / no violation found";
    return nullptr;
}

const char* tier_en(const std::string& tier) {
    if (tier == "从轻") return "lenient";
    if (tier == "较轻") return "minor";
    if (tier == "一般") return "ordinary";
    if (tier == "较重") return "serious";
    if (tier == "严重") return "severe";
    return "";
}

std::string or_raw(const char* label, const std::string& raw) { return label ? label : raw; }

std::string tier_text(const std::string& tier) {
    std::string en = tier_en(tier);
    return en.empty() ? tier : tier + " / " + en;
}

const char* result_label(const PublicResult& r) { return r.problems.empty() ? "合格 / pass" : "发现问题 / problems found"; }

// A corrected row says so first: its own result is what was first reported, the amendment's stands.
const char* correction_note(const PublicResult& r) {
    if (r.amended_by) return "已更正 / amended";
    if (r.amends) return "更正 / amendment";
    return nullptr;
}

std::string number_or_empty(const std::optional<std::int64_t>& n) { return n ? std::to_string(*n) : std::string(); }

// ------------------------------------------------------------------ output helpers


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

// A public list: cacheable for a minute (a decision or a correction shows within that), and its
// form depends on Accept.
void common_headers(HttpResponse& r) {
    r.headers.emplace_back("Cache-Control", "public, max-age=60");
    r.headers.emplace_back("Vary", "Accept");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("Access-Control-Allow-Origin", "*");
}

template <typename M>
std::optional<M> parse_payload(const std::string& payload) {
    M m;
    if (!m.ParseFromString(payload)) return std::nullopt;
    return m;
}

// A record's parsed payload, read once per build however many reports point at it.
template <typename M>
Result<const std::optional<M>*> memo_get(std::unordered_map<std::string, std::optional<M>>& memo, const RecordTable& table,
                                         std::string_view collection, const std::string& id, bool live_only) {
    auto it = memo.find(id);
    if (it != memo.end()) return &it->second;
    std::optional<M> value;
    if (!id.empty()) {
        auto rec = table.get(collection, id);
        if (!rec) return fail(rec.error());
        if (*rec && !(live_only && (*rec)->deleted())) value = parse_payload<M>((*rec)->payload());
    }
    return &memo.emplace(id, std::move(value)).first->second;
}

}  // namespace

// ------------------------------------------------------------------ query parsing

Result<PublicQuery> PublicResultsService::parse_query(std::string_view raw, std::string_view accept) {
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

// ------------------------------------------------------------------ reading

void PublicResultsService::list(PublicQuery q, std::function<void(Result<PublicResultsPage>)> done) {
    m_ctx.workers->post([this, q = std::move(q), done = std::move(done)] { done(list_now(q)); });
}

Result<PublicResultsPage> PublicResultsService::list_now(const PublicQuery& q) {
    auto snap = snapshot();
    if (!snap) return fail(snap.error());
    PublicResultsPage page;
    page.query = q;
    page.generated_at = unix_now_s();
    for (const auto& [id, name] : (*snap)->districts)
        if (id == q.district) page.district_name = name;
    for (const auto& r : (*snap)->rows) {
        if (!q.district.empty() && r.district_id != q.district) continue;
        if (!q.from.empty() && r.date < q.from) continue;
        if (!q.to.empty() && r.date > q.to) continue;
        if (page.total >= q.offset && page.total < q.offset + q.limit) page.results.push_back(r);
        ++page.total;
    }
    return page;
}

// Caching: the list is computed once and kept with the database's last seq. A request first reads
// MAX(seq) (the rowid: instant); if it moved, one range scan of the changes since asks whether any
// of them touched a collection the list reads. Syncs that only move devices' status or audit
// events leave the list as it is; a new report, task, case or registry edit rebuilds it. A
// rebuild scans the report collection once with one statement, plus indexed look-ups of each
// task, institution and template (each read once per build) and one scan each of the districts
// and cases, so its cost grows with the reports (a few thousand a month), not with the requests.
// Requests arriving during a rebuild get the list before it, which the minute of Cache-Control
// allows anyway.
Result<std::shared_ptr<const PublicResultsService::Snapshot>> PublicResultsService::snapshot() {
    std::unique_lock building(m_build_mu, std::try_to_lock);
    if (!building.owns_lock()) {
        // Another request is bringing the list up to date: answer from the list before (one
        // rebuild old at most) instead of parking a worker thread the syncs need. Only the very
        // first build is waited for.
        {
            std::lock_guard lk(m_cache_mu);
            if (m_cache) return m_cache;
        }
        building.lock();
    }
    auto lease = m_ctx.readers->acquire();
    if (!lease) return fail(lease.error());
    auto& db = lease->db();
    // One read transaction: the seq and everything built from it come from one snapshot.
    store::Transaction tx(db, store::Transaction::Deferred);
    if (!tx.begun()) return fail(tx.begun().error());
    auto last = RecordTable{db}.max_seq();
    if (!last) return fail(last.error());
    if (m_cache && *last == m_valid_through) return m_cache;
    if (m_cache && *last > m_valid_through) {
        auto changed = RecordTable{db}.changed_since(
            m_valid_through, {kReport, kReceipt, kTask, kInstitution, kDistrict, kChecklistTemplate, kCase});
        if (!changed) return fail(changed.error());
        if (!*changed) {
            m_valid_through = *last;
            return m_cache;
        }
    }
    auto built = build(db);
    if (!built) return fail(built.error());
    {
        std::lock_guard lk(m_cache_mu);
        m_cache = std::move(*built);
    }
    m_valid_through = *last;
    return m_cache;
}

Result<std::shared_ptr<const PublicResultsService::Snapshot>> PublicResultsService::build(store::Database& db) {
    auto snap = std::make_shared<Snapshot>();
    RecordTable table{db};

    std::unordered_map<std::string, std::string> district_names;
    auto districts = table.for_each_live(kDistrict, [&](const pb::Record& r) {
        if (auto d = parse_payload<pb::District>(r.payload())) {
            district_names[r.id()] = d->name();
            snap->districts.emplace_back(r.id(), d->name());
        }
        return true;
    });
    if (!districts) return fail(districts.error());

    // Cases by the report they were opened on; in seq order, so the newest case of a report wins.
    std::unordered_map<std::string, PublicDecision> decisions;
    auto cases = table.for_each_live(kCase, [&](const pb::Record& r) {
        auto c = parse_payload<pb::Case>(r.payload());
        if (!c || c->report_id().empty()) return true;
        PublicDecision d;
        d.status = c->status();
        // The tier is a decision: an open case has none yet, a case without violation needs none.
        if (c->status() != "open" && c->status() != "no_violation") d.tier = c->tier();
        if ((c->status() == "rectification" || c->status() == "reinspection") && c->deadline() > 0)
            d.deadline = shanghai_date(c->deadline());
        decisions[c->report_id()] = std::move(d);
        return true;
    });
    if (!cases) return fail(cases.error());

    std::unordered_map<std::string, std::optional<pb::Task>> tasks;
    std::unordered_map<std::string, std::optional<pb::Institution>> insts;
    // checklist template id -> item code -> (text_zh, text_en)
    std::unordered_map<std::string, std::map<std::string, std::pair<std::string, std::string>>> templates;

    struct Candidate {
        std::string report_id, task_id, amends;
        PublicResult row;
    };
    std::vector<Candidate> found;
    // The one scan of the report collection, with each report's receipt joined in.
    Status failed;
    auto scan = table.for_each_report([&](const pb::Record& rec, const std::optional<std::string>& receipt_payload) {
        auto report = parse_payload<pb::Report>(rec.payload());
        if (!report || report->covert() || report->unlisted()) return true;
        // A deleted task keeps its payload, so its covert flag can still be read. A report whose task
        // cannot be read is left out: nothing could show it was not covert.
        auto task = memo_get(tasks, table, kTask, report->task_id(), false);
        if (!task) {
            failed = fail(task.error());
            return false;
        }
        if (!**task || (**task)->covert()) return true;
        // The public sees the official inspection: a report by one of the task's inspectors, not
        // evidence someone else filed on the task (an inspector reassigned while offline).
        const auto& assignees = (**task)->assignees();
        if (std::find(assignees.begin(), assignees.end(), report->user_id()) == assignees.end()) return true;
        auto inst = memo_get(insts, table, kInstitution, report->institution_id(), true);
        if (!inst) {
            failed = fail(inst.error());
            return false;
        }
        if (!**inst || (**inst)->field_reported()) return true;  // only sites of the registry
        const pb::Institution& in = ***inst;

        PublicResult r;
        r.id = rec.seq();
        if (receipt_payload)
            if (auto receipt = parse_payload<pb::Receipt>(*receipt_payload); receipt && receipt->seq() > 0) r.id = receipt->seq();
        r.received_ms = rec.updated_at();
        r.date = shanghai_date(r.received_ms / 1000);
        r.district_id = in.district_id().empty() ? report->district_id() : in.district_id();
        if (auto d = district_names.find(r.district_id); d != district_names.end()) r.district = d->second;
        r.institution = in.name();
        r.address = in.address();
        r.licensed = in.licensed();
        r.category = in.category();
        r.task_kind = (**task)->kind();

        auto tpl = templates.find(report->template_id());
        if (tpl == templates.end()) {
            std::map<std::string, std::pair<std::string, std::string>> texts;
            auto tpl_rec = table.get(kChecklistTemplate, report->template_id());
            if (!tpl_rec) {
                failed = fail(tpl_rec.error());
                return false;
            }
            if (*tpl_rec)
                if (auto t = parse_payload<pb::ChecklistTemplate>((*tpl_rec)->payload()))
                    for (const auto& item : t->items()) texts[item.code()] = {item.text_zh(), item.text_en()};
            tpl = templates.emplace(report->template_id(), std::move(texts)).first;
        }
        for (const auto& a : report->answers()) {
            if (a.result() != "fail") continue;
            PublicProblem p{a.code(), "", ""};
            if (auto t = tpl->second.find(a.code()); t != tpl->second.end()) std::tie(p.text_zh, p.text_en) = t->second;
            r.problems.push_back(std::move(p));
        }
        const std::string& id = rec.id();
        if (auto d = decisions.find(id); d != decisions.end()) r.decision = d->second;
        found.push_back({id, report->task_id(), report->amends(), std::move(r)});
        return true;
    });
    if (!scan) return fail(scan.error());
    if (!failed) return fail(failed.error());

    // An amendment and the report it corrects are both published (what was first reported stays
    // on record) and point at each other by number. Only a published original is named: an
    // amendment of anything else shows no link, so it cannot hint at a report that is not public.
    // A report amended more than once points at its newest amendment, whose result stands.
    std::unordered_map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < found.size(); ++i) by_id.emplace(found[i].report_id, i);
    auto newer = [](const PublicResult& a, const PublicResult& b) {
        return a.received_ms != b.received_ms ? a.received_ms > b.received_ms : a.id > b.id;
    };
    std::unordered_map<std::size_t, std::size_t> newest_amendment;  // original -> amendment, as indexes of found
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (found[i].amends.empty()) continue;
        auto o = by_id.find(found[i].amends);
        if (o == by_id.end() || o->second == i || found[o->second].task_id != found[i].task_id) continue;
        found[i].row.amends = found[o->second].row.id;
        auto [it, fresh] = newest_amendment.emplace(o->second, i);
        if (!fresh && newer(found[i].row, found[it->second].row)) it->second = i;
    }
    for (auto [orig, amendment] : newest_amendment) found[orig].row.amended_by = found[amendment].row.id;
    for (auto& c : found) snap->rows.push_back(std::move(c.row));
    std::sort(snap->rows.begin(), snap->rows.end(), newer);
    return std::shared_ptr<const Snapshot>(std::move(snap));
}

// ------------------------------------------------------------------ answers

HttpResponse PublicResultsService::response(const PublicResultsPage& page) {
    switch (page.query.format) {
        case PublicFormat::csv: return csv_response(page);
        case PublicFormat::html: return html_response(page);
        case PublicFormat::json: break;
    }
    return json_response(page);
}

HttpResponse PublicResultsService::json_response(const PublicResultsPage& page) {
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
                           {"task_kind_label", or_raw(kind_label(r.task_kind), r.task_kind)},
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

HttpResponse PublicResultsService::csv_response(const PublicResultsPage& page) {
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
                          r.category, or_raw(kind_label(r.task_kind), r.task_kind), result_label(r),
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

HttpResponse PublicResultsService::html_response(const PublicResultsPage& page) {
    const auto& q = page.query;
    std::string h;
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
    for (const auto& r : page.results) {
        const std::string num = std::to_string(r.id);
        h += "<tr id=\"r" + num + "\"><td class=\"num\">" + num + "</td><td class=\"nowrap\">" + r.date + "</td><td>" +
             html_escape(r.district) + "</td><td>" + html_escape(r.institution) + "</td><td>" + html_escape(r.address) +
             "</td><td>" + (r.licensed ? "是 / yes" : "否 / no") + "</td><td>" + html_escape(r.category) + "</td><td>" +
             html_escape(or_raw(kind_label(r.task_kind), r.task_kind)) + "</td><td>";
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
