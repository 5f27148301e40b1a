// The public results feed (GET /v1/public/results, 一公开) against a real server on 127.0.0.1 with
// real TLS, fetched with libcurl (sync::CurlTransport, pinned to the server's key). A demo
// volunteer and their district's coordinator are real `ducha` CLI profiles: the coordinator sets
// tasks (one covert) and renames two institutions, the volunteer inspects and syncs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "server/service/server_app.h"
#include "server/service/writer.h"
#include "server/storage/record_table.h"
#include "shared/common/bytes.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"
#include "shared/store/statement.h"
#include "shared/sync/curl_transport.h"
#include "support/cli_steps.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDay = 24 * 3600;
constexpr const char* kGpsLat = "41.123457";
constexpr const char* kGpsLon = "122.987653";
// Markup, an ampersand, quotes and a comma: the page must escape them, the CSV quote them.
const std::string kTrickyName = "星光<艺术>&\"培训\",中心";

// Live records of one collection, read straight from the server database.
std::vector<pb::Record> server_records(const fs::path& data_dir, std::string_view collection) {
    auto db = test::server_db(data_dir);
    REQUIRE(db);
    store::Statement st{*db, "SELECT id, payload, seq, updated_at FROM record WHERE collection=?1 AND deleted=0 ORDER BY seq"};
    st.bind(1, collection);
    std::vector<pb::Record> out;
    for (;;) {
        auto row = st.step();
        REQUIRE(row.has_value());
        if (!*row) break;
        pb::Record r;
        r.set_collection(std::string(collection));
        r.set_id(st.col_text(0));
        r.set_payload(st.col_blob(1));
        r.set_seq(st.col_int(2));
        r.set_updated_at(st.col_int(3));
        out.push_back(std::move(r));
    }
    return out;
}

template <typename M>
M parse_as(const std::string& payload) {
    M m;
    REQUIRE(m.ParseFromString(payload));
    return m;
}


std::string add_days(const std::string& day, int n) {
    int y = 0;
    unsigned m = 0, d = 0;
    REQUIRE(std::sscanf(day.c_str(), "%d-%u-%u", &y, &m, &d) == 3);
    std::chrono::sys_days sd{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
    sd += std::chrono::days{n};
    std::chrono::year_month_day ymd{sd};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

struct Visit {
    std::string task_id, report_id, institution_id, institution;
};

// A demo server where one volunteer made three inspections: one passed, one with a failed item
// (T3, with a photo and a note) on which a supervisor opened a case, and one covert.
struct PublicWorld {
    TestServer srv;
    TempDir tmp;
    DemoAccount vol, coord;
    fs::path vprof, cprof;
    std::string district_id, device_id, photo_hex, note, decision_note, order;
    std::int64_t deadline = 0;
    Visit passed, failed, covert;
    std::vector<std::string> secrets;  // must appear in no public body

    PublicWorld() {
        vol = srv.account("volunteer");
        coord = srv.account("coordinator", 0, vol.district);
        vprof = tmp / "volunteer";
        cprof = tmp / "coordinator";
        must(vprof, {"enroll", "--server", srv.url(), "--code", vol.code, "--pin", srv.pin()});
        must(cprof, {"enroll", "--server", srv.url(), "--code", coord.code, "--pin", srv.pin()});
        must(vprof, {"sync"});
        must(cprof, {"sync"});
        auto status = cli_json(vprof, {"status", "--json"});
        device_id = status.at(0)["id"];
        district_id = status.at(0)["district_id"];

        // Three registry institutions of the district.
        std::vector<std::string> insts;
        for (const auto& r : server_records(srv.data_dir(), domain::kInstitution)) {
            auto i = parse_as<pb::Institution>(r.payload());
            if (i.district_id() == district_id && !i.field_reported()) insts.push_back(r.id());
            if (insts.size() == 3) break;
        }
        REQUIRE(insts.size() == 3);
        const std::string tag = crypto::random_token(6);
        passed = {"", "", insts[0], kTrickyName + tag};
        failed = {"", "", insts[1], "启明学科辅导" + tag};
        covert = {"", "", insts[2], "保密机构" + tag};
        for (auto* v : {&passed, &failed, &covert}) {
            must(cprof, {"edit", "institution", v->institution_id, "name=" + v->institution});
        }
        passed.task_id = trim(must(cprof, {"admin", "task", "add", "--institution", passed.institution_id,
                                           "--assignee", vol.user_id, "--kind", "routine"}).out);
        failed.task_id = trim(must(cprof, {"admin", "task", "add", "--institution", failed.institution_id,
                                           "--assignee", vol.user_id, "--kind", "spot_check"}).out);
        covert.task_id = trim(must(cprof, {"admin", "task", "add", "--institution", covert.institution_id,
                                           "--assignee", vol.user_id, "--kind", "routine", "--covert"}).out);
        must(cprof, {"sync"});
        must(vprof, {"sync"});

        const std::string gps = std::string(kGpsLat) + "," + kGpsLon;
        const std::string photo_bytes = crypto::random_bytes(4096);
        photo_hex = hex_encode(crypto::sha256(photo_bytes));
        const auto photo = tmp / "t3.jpg";
        write_file(photo, photo_bytes);
        note = "21:40 仍在上课 NOTE-" + tag;
        passed.report_id = trim(must(vprof, {"inspect", "--task", passed.task_id, "--answers",
                                             write_answers(tmp.path).string(), "--gps", gps, "--notes", "NOTES-" + tag}).out);
        failed.report_id = trim(must(vprof, {"inspect", "--task", failed.task_id, "--answers",
                                             write_answers(tmp.path, {{"T3", {{"result", "fail"}, {"note", note}}}}).string(),
                                             "--photo", "T3=" + photo.string(), "--gps", gps}).out);
        covert.report_id = trim(must(vprof, {"inspect", "--task", covert.task_id, "--answers",
                                             write_answers(tmp.path).string(), "--gps", gps}).out);
        must(vprof, {"sync"});
        REQUIRE(srv.count("report") == 3);
        REQUIRE(srv.count("receipt") == 3);

        // A supervisor's decision on the failed inspection, written as the server stores a case.
        decision_note = "DECISION-NOTE-" + tag;
        order = "ORDER-" + tag;
        deadline = std::time(nullptr) + 15 * kDay;
        pb::Case c;
        c.set_report_id(failed.report_id);
        c.set_institution_id(failed.institution_id);
        c.set_district_id(district_id);
        c.set_status("rectification");
        c.set_tier("较轻");
        c.set_deadline(deadline);
        c.set_decided_by(coord.user_id);
        c.set_decision_note(decision_note);
        c.set_rectification_order(order);
        c.set_rectification_days(15);
        c.set_decided_at(std::time(nullptr));
        put_record(domain::kCase, crypto::new_uuid(), c.SerializeAsString(), 0);

        secrets = {vol.name, vol.user_id, coord.name, coord.user_id, device_id, kGpsLat, kGpsLon, photo_hex, note,
                   "NOTES-" + tag, decision_note, order, covert.institution, covert.report_id, covert.task_id,
                   passed.report_id, failed.report_id, passed.task_id, failed.task_id, "暗访"};
    }

    // Writes a record through the running server's writer, as the server's own change.
    // updated_at_ms 0 = the batch's time.
    void put_record(std::string_view collection, const std::string& id, const std::string& payload,
                    std::int64_t updated_at_ms) {
        auto r = srv.app().context().writer->run_sync([&](server::WriteBatch& b) -> Status {
            pb::Record rec;
            rec.set_collection(std::string(collection));
            rec.set_id(id);
            rec.set_version(1);
            rec.set_payload(payload);
            rec.set_seq(b.next_seq());
            rec.set_updated_at(updated_at_ms ? updated_at_ms : b.server_time_ms);
            return server::RecordTable{b.db}.put(rec, {"sup"});
        });
        REQUIRE(r.has_value());
    }

    sync::HttpReply get(const std::string& target, const std::map<std::string, std::string>& headers = {}) const {
        sync::CurlTransport http{sync::TransportConfig{.base_url = srv.url(), .pin = srv.pin()}};
        auto r = http.request("GET", target, "", headers);  // no Authorization header
        REQUIRE(r.has_value());
        return *r;
    }

    json get_json(const std::string& query) const {
        auto r = get("/v1/public/results" + query);
        INFO("HTTP " << r.status << " " << r.header("content-type") << ": " << r.body);
        REQUIRE(r.status == 200);
        CHECK(r.header("content-type") == "application/json; charset=utf-8");
        check_no_secrets(r.body);
        auto j = json::parse(r.body, nullptr, false);
        REQUIRE(j.is_object());
        return j;
    }

    void check_no_secrets(const std::string& body) const {
        for (const auto& s : secrets) {
            INFO("must not be published: " << s);
            CHECK_FALSE(contains(body, s));
        }
    }
};

const json* row_of(const json& page, const std::string& institution) {
    for (const auto& r : page["results"])
        if (r["institution"] == institution) return &r;
    return nullptr;
}

std::vector<std::string> crlf_lines(const std::string& body) {
    std::vector<std::string> out;
    std::size_t p = 0;
    while (p < body.size()) {
        auto e = body.find("\r\n", p);
        REQUIRE(e != std::string::npos);  // every line, the last too, ends with CRLF
        out.push_back(body.substr(p, e - p));
        p = e + 2;
    }
    return out;
}

}  // namespace

TEST_CASE("public results list open inspections with their result and never a covert one or personal data",
          "[public]") {
    PublicWorld w;
    const auto reports = cli_json(w.vprof, {"reports", "--json"});
    std::map<std::string, std::int64_t> receipt_seq;
    for (const auto& r : reports) receipt_seq[r["id"]] = r["receipt"]["seq"];
    std::map<std::string, pb::Institution> registry;
    for (const auto& r : server_records(w.srv.data_dir(), domain::kInstitution))
        registry[r.id()] = parse_as<pb::Institution>(r.payload());
    std::int64_t received_s = 0;
    for (const auto& r : server_records(w.srv.data_dir(), domain::kReport))
        if (r.id() == w.passed.report_id) received_s = r.updated_at() / 1000;

    // Reports the device would never send, as a tampered or older client might: one that does not
    // say it is covert though its task is, one about an unlisted site. Neither is published.
    std::string covert_payload, passed_payload;
    for (const auto& r : server_records(w.srv.data_dir(), domain::kReport)) {
        if (r.id() == w.covert.report_id) covert_payload = r.payload();
        if (r.id() == w.passed.report_id) passed_payload = r.payload();
    }
    auto unflagged = parse_as<pb::Report>(covert_payload);
    REQUIRE(unflagged.covert());
    unflagged.set_covert(false);
    w.put_record(domain::kReport, crypto::new_uuid(), unflagged.SerializeAsString(), 0);
    auto unlisted = parse_as<pb::Report>(passed_payload);
    unlisted.set_unlisted(true);
    w.put_record(domain::kReport, crypto::new_uuid(), unlisted.SerializeAsString(), 0);
    REQUIRE(w.srv.count("report") == 5);

    auto j = w.get_json("");
    CHECK(j["total"] == 2);
    CHECK(j["limit"] == 200);
    CHECK(j["offset"] == 0);
    CHECK(j["generated_at"].get<std::string>().ends_with("+08:00"));
    REQUIRE(j["results"].size() == 2);

    const json* p = row_of(j, w.passed.institution);
    const json* f = row_of(j, w.failed.institution);
    REQUIRE(p != nullptr);
    REQUIRE(f != nullptr);
    CHECK(row_of(j, w.covert.institution) == nullptr);

    const auto& pi = registry.at(w.passed.institution_id);
    CHECK((*p)["id"] == receipt_seq.at(w.passed.report_id));
    CHECK((*p)["date"] == china_date(received_s));
    CHECK((*p)["district_id"] == w.district_id);
    CHECK((*p)["district"] == w.vol.district);
    CHECK((*p)["address"] == pi.address());
    CHECK((*p)["licensed"] == pi.licensed());
    CHECK((*p)["category"] == pi.category());
    CHECK((*p)["task_kind"] == "routine");
    CHECK((*p)["result"] == "pass");
    CHECK((*p)["result_label"] == "合格 / pass");
    CHECK((*p)["problem_count"] == 0);
    CHECK((*p)["problems"].empty());
    CHECK((*p)["decision"].is_null());

    CHECK((*f)["id"] == receipt_seq.at(w.failed.report_id));
    CHECK((*f)["task_kind"] == "spot_check");
    CHECK((*f)["result"] == "problems_found");
    CHECK((*f)["result_label"] == "发现问题 / problems found");
    CHECK((*f)["problem_count"] == 1);
    REQUIRE((*f)["problems"].size() == 1);
    CHECK((*f)["problems"][0]["code"] == "T3");
    CHECK((*f)["problems"][0]["text_zh"] == "线下培训结束时间不晚于20:30");
    CHECK((*f)["problems"][0]["text_en"] == "in-person classes end by 20:30");
    REQUIRE((*f)["decision"].is_object());
    CHECK((*f)["decision"]["status"] == "rectification");
    CHECK((*f)["decision"]["status_label"] == "整改中 / under rectification");
    CHECK((*f)["decision"]["tier"] == "较轻");
    CHECK((*f)["decision"]["tier_en"] == "minor");
    CHECK((*f)["decision"]["deadline"] == china_date(w.deadline));

    // Exactly the published fields: nothing else of the report, task, institution or case.
    std::set<std::string> keys;
    for (const auto& [k, v] : f->items()) keys.insert(k);
    CHECK(keys == std::set<std::string>{"id", "date", "district_id", "district", "institution", "address", "licensed",
                                        "category", "task_kind", "task_kind_label", "result", "result_label",
                                        "problem_count", "problems", "decision", "amends", "amended_by",
                                        "status_note"});
    // Neither row was corrected.
    for (const json* row : {p, f}) {
        CHECK((*row)["amends"].is_null());
        CHECK((*row)["amended_by"].is_null());
        CHECK((*row)["status_note"].is_null());
    }
    // The institution's phone is the registry's, not for this list.
    for (const auto& v : {w.passed, w.failed})
        if (!registry.at(v.institution_id).contact_phone().empty())
            CHECK_FALSE(contains(j.dump(), registry.at(v.institution_id).contact_phone()));

    // The same guarantee in every form.
    auto csv = w.get("/v1/public/results?format=csv");
    CHECK(csv.status == 200);
    w.check_no_secrets(csv.body);
    CHECK(contains(csv.body, "T3"));
    auto html = w.get("/v1/public/results?format=html");
    CHECK(html.status == 200);
    w.check_no_secrets(html.body);
    CHECK(contains(html.body, "发现问题 / problems found"));
    CHECK(contains(html.body, "T3 线下培训结束时间不晚于20:30"));
    CHECK(contains(html.body, "整改中 / under rectification"));
    // HEAD answers the headers only.
    sync::CurlTransport http{sync::TransportConfig{.base_url = w.srv.url(), .pin = w.srv.pin()}};
    auto head = http.request("HEAD", "/v1/public/results", "");
    REQUIRE(head.has_value());
    CHECK(head->status == 200);
    CHECK(head->body.empty());
}

TEST_CASE("an amended report and its amendment are both published, each marked with the other's number",
          "[public][amend]") {
    PublicWorld w;
    std::string failed_payload, covert_payload;
    for (const auto& r : server_records(w.srv.data_dir(), domain::kReport)) {
        if (r.id() == w.failed.report_id) failed_payload = r.payload();
        if (r.id() == w.covert.report_id) covert_payload = r.payload();
    }
    REQUIRE_FALSE(failed_payload.empty());
    // The inspector's correction as the server stores it (the write rules let only the author
    // amend, within 7 days: tests/server/amendment_test.cpp): T3 passed after all.
    auto amendment = parse_as<pb::Report>(failed_payload);
    amendment.set_amends(w.failed.report_id);
    for (auto& a : *amendment.mutable_answers())
        if (a.code() == "T3") a.set_result("pass");
    const std::string amendment_id = crypto::new_uuid();
    w.put_record(domain::kReport, amendment_id, amendment.SerializeAsString(), 0);
    // An amendment of the covert visit is as secret as the visit: neither row, nor any mark.
    auto covert_fix = parse_as<pb::Report>(covert_payload);
    covert_fix.set_amends(w.covert.report_id);
    w.put_record(domain::kReport, crypto::new_uuid(), covert_fix.SerializeAsString(), 0);
    // A report naming as its original one that is not published (the covert one) gets no link:
    // nothing may hint that such a report exists.
    auto stray = parse_as<pb::Report>(failed_payload);
    stray.set_amends(w.covert.report_id);
    const std::string stray_id = crypto::new_uuid();
    w.put_record(domain::kReport, stray_id, stray.SerializeAsString(), 0);
    w.secrets.insert(w.secrets.end(), {amendment_id, stray_id});

    std::map<std::string, std::int64_t> seq;
    for (const auto& r : server_records(w.srv.data_dir(), domain::kReport)) seq[r.id()] = r.seq();
    std::int64_t seq_failed = 0;  // the number on the inspector's receipt
    for (const auto& r : cli_json(w.vprof, {"reports", "--json"}))
        if (r["id"] == w.failed.report_id) seq_failed = r["receipt"]["seq"];
    REQUIRE(seq_failed > 0);

    auto j = w.get_json("");
    REQUIRE(j["total"] == 4);  // passed, failed, its amendment, the stray one
    auto row = [&](std::int64_t id) -> const json& {
        for (const auto& r : j["results"])
            if (r["id"] == id) return r;
        FAIL("no public row " << id);
        return j;
    };
    const json& orig = row(seq_failed);
    const json& fix = row(seq.at(amendment_id));
    const json& lone = row(seq.at(stray_id));
    // What was first reported stays, marked as amended and naming the amendment; its case too.
    CHECK(orig["result"] == "problems_found");
    CHECK(orig["status_note"] == "已更正 / amended");
    CHECK(orig["amended_by"] == seq.at(amendment_id));
    CHECK(orig["amends"].is_null());
    CHECK(orig["decision"]["status"] == "rectification");
    // The amendment: its own result (T3 passed), naming the original.
    CHECK(fix["result"] == "pass");
    CHECK(fix["institution"] == w.failed.institution);
    CHECK(fix["status_note"] == "更正 / amendment");
    CHECK(fix["amends"] == seq_failed);
    CHECK(fix["amended_by"].is_null());
    CHECK(fix["decision"].is_null());
    CHECK(lone["amends"].is_null());
    CHECK(lone["status_note"].is_null());
    CHECK(row_of(j, w.covert.institution) == nullptr);

    // Amended again: the original names its newest amendment, each amendment still names it.
    auto second = amendment;
    second.set_notes("second");
    const std::string second_id = crypto::new_uuid();
    w.put_record(domain::kReport, second_id, second.SerializeAsString(), 0);
    w.secrets.push_back(second_id);
    for (const auto& r : server_records(w.srv.data_dir(), domain::kReport)) seq[r.id()] = r.seq();
    j = w.get_json("");
    CHECK(j["total"] == 5);
    CHECK(row(seq_failed)["amended_by"] == seq.at(second_id));
    CHECK(row(seq.at(amendment_id))["amends"] == seq_failed);
    CHECK(row(seq.at(second_id))["amends"] == seq_failed);

    // CSV: the pair of columns; HTML: the tag, and the rows linked on the page, escaped as ever.
    auto csv = w.get("/v1/public/results?format=csv");
    w.check_no_secrets(csv.body);
    bool orig_line = false, fix_line = false;
    for (const auto& l : crlf_lines(csv.body.substr(3))) {
        if (l.rfind(std::to_string(seq_failed) + ",", 0) == 0) {
            orig_line = true;
            CHECK(l.ends_with(",," + std::to_string(seq.at(second_id))));
        }
        if (l.rfind(std::to_string(seq.at(amendment_id)) + ",", 0) == 0) {
            fix_line = true;
            CHECK(l.ends_with("," + std::to_string(seq_failed) + ","));
        }
    }
    CHECK(orig_line);
    CHECK(fix_line);
    auto html = w.get("/v1/public/results?format=html");
    w.check_no_secrets(html.body);
    const std::string o = std::to_string(seq_failed), n = std::to_string(seq.at(second_id));
    CHECK(contains(html.body, "<tr id=\"r" + o + "\">"));
    CHECK(contains(html.body, "<span class=\"tag\">已更正 / amended</span>"));
    CHECK(contains(html.body, "see No. <a href=\"#r" + n + "\">" + n + "</a>"));
    CHECK(contains(html.body, "corrects No. <a href=\"#r" + o + "\">" + o + "</a>"));
    CHECK_FALSE(contains(html.body, "http"));
    // On a page without the other row, the number is named but not linked.
    auto first = w.get("/v1/public/results?format=html&limit=1");
    CHECK(contains(first.body, "corrects No. " + o + "</span>"));
}

TEST_CASE("public results as CSV with a BOM and as a printable HTML page that escapes every text", "[public]") {
    PublicWorld w;

    auto csv = w.get("/v1/public/results?format=csv");
    INFO(csv.body);
    REQUIRE(csv.status == 200);
    CHECK(csv.header("content-type") == "text/csv; charset=utf-8; header=present");
    CHECK(contains(csv.header("content-disposition"), "attachment"));
    REQUIRE(csv.body.rfind("\xEF\xBB\xBF", 0) == 0);
    auto lines = crlf_lines(csv.body.substr(3));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] ==
          "编号 / ID,检查日期 / Date,区县 / District,机构名称 / Institution,地址 / Address,办学许可 / Licensed,"
          "类别 / Category,检查类型 / Kind,检查结果 / Result,问题数 / Problems,问题项 / Failed items,"
          "处理状态 / Case status,裁量档次 / Tier,整改期限 / Deadline,更正编号 / Amends No.,被更正为 / Amended by No.");
    // RFC 4180: a field with a comma or quotes is quoted, its quotes doubled.
    const std::string tag = w.passed.institution.substr(kTrickyName.size());
    CHECK(contains(csv.body, ",\"星光<艺术>&\"\"培训\"\",中心" + tag + "\","));
    bool failed_row = false;
    for (const auto& l : lines)
        if (contains(l, w.failed.institution)) {
            failed_row = true;
            CHECK(contains(l, "发现问题 / problems found,1,T3 线下培训结束时间不晚于20:30 / in-person classes end by 20:30,"));
            CHECK(contains(l, "整改中 / under rectification,较轻 / minor," + china_date(w.deadline) + ",,"));
        }
    CHECK(failed_row);

    const std::string escaped = "星光&lt;艺术&gt;&amp;&quot;培训&quot;,中心";
    for (auto r : {w.get("/v1/public/results?format=html"),
                   w.get("/v1/public/results", {{"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}})}) {
        INFO(r.body);
        CHECK(r.status == 200);
        CHECK(r.header("content-type") == "text/html; charset=utf-8");
        CHECK(contains(r.header("content-security-policy"), "default-src 'none'"));
        CHECK(contains(r.body, "<title>鞍山市校外培训机构检查结果公示 / Anshan tutoring institution inspection results</title>"));
        CHECK(contains(r.body, "@media print"));
        CHECK(contains(r.body, "<table>"));
        CHECK(contains(r.body, "生成时间 / Generated"));
        CHECK(contains(r.body, "筛选条件 / Filter: 全市全部 / whole city"));
        CHECK(contains(r.body, escaped));
        CHECK_FALSE(contains(r.body, "<艺术>"));
        CHECK_FALSE(contains(r.body, "<script"));
        CHECK_FALSE(contains(r.body, "http"));  // self-contained: no outside resource
        CHECK(contains(r.body, w.failed.institution));
        CHECK(contains(r.body, "合格 / pass"));
    }
    // JSON carries the name as it is; format=json wins over Accept, and JSON stays the default.
    for (auto r : {w.get("/v1/public/results?format=json", {{"Accept", "text/html"}}),
                   w.get("/v1/public/results", {{"Accept", "application/json, text/html;q=0.5"}}),
                   w.get("/v1/public/results", {{"Accept", "*/*"}})}) {
        CHECK(r.header("content-type") == "application/json; charset=utf-8");
        auto j = json::parse(r.body, nullptr, false);
        REQUIRE(j.is_object());
        CHECK(row_of(j, w.passed.institution) != nullptr);
    }
}

TEST_CASE("public results filter by district and Shanghai days, page newest first", "[public]") {
    PublicWorld w;
    CHECK(w.get_json("")["total"] == 2);
    CHECK(w.get_json("?format=json&limit=5")["total"] == 2);  // the list computed once serves both
    // A report received ten days ago: the passed visit's report as the server would hold it. The
    // list computed above must notice it.
    std::string payload;
    for (const auto& r : server_records(w.srv.data_dir(), domain::kReport))
        if (r.id() == w.passed.report_id) payload = r.payload();
    REQUIRE_FALSE(payload.empty());
    const std::int64_t old_ms = (std::time(nullptr) - 10 * kDay) * 1000;
    w.put_record(domain::kReport, crypto::new_uuid(), payload, old_ms);
    const std::string old_day = china_date(old_ms / 1000);

    auto all = w.get_json("");
    REQUIRE(all["total"] == 3);
    REQUIRE(all["results"].size() == 3);
    // Newest first: today's two (one batch: the higher number first), then the old one.
    CHECK(all["results"][0]["id"].get<std::int64_t>() > all["results"][1]["id"].get<std::int64_t>());
    CHECK(all["results"][1]["date"] >= all["results"][2]["date"]);
    CHECK(all["results"][2]["date"] == old_day);
    const std::string today = all["results"][0]["date"];
    REQUIRE(today != old_day);

    auto total = [&](const std::string& q) { return w.get_json(q)["total"].get<int>(); };
    CHECK(total("?district=" + w.district_id) == 3);
    std::string other;
    for (const auto& r : server_records(w.srv.data_dir(), domain::kDistrict))
        if (r.id() != w.district_id) other = r.id();
    REQUIRE_FALSE(other.empty());
    CHECK(total("?district=" + other) == 0);
    CHECK(total("?district=") == 3);  // empty = whole city
    CHECK(total("?from=" + today) == 2);
    CHECK(total("?to=" + today) == 3);
    CHECK(total("?from=" + add_days(today, 1)) == 0);
    CHECK(total("?to=" + add_days(old_day, -1)) == 0);
    CHECK(total("?from=" + old_day + "&to=" + old_day) == 1);
    CHECK(total("?from=" + add_days(old_day, 1) + "&to=" + add_days(today, -1)) == 0);
    CHECK(total("?district=" + w.district_id + "&from=" + old_day + "&to=" + today) == 3);
    CHECK(total("?district=" + other + "&from=" + old_day + "&to=" + today) == 0);

    auto one = w.get_json("?limit=1");
    CHECK(one["total"] == 3);
    REQUIRE(one["results"].size() == 1);
    CHECK(one["results"][0]["id"] == all["results"][0]["id"]);
    auto second = w.get_json("?limit=1&offset=1");
    REQUIRE(second["results"].size() == 1);
    CHECK(second["results"][0]["id"] == all["results"][1]["id"]);
    auto beyond = w.get_json("?offset=3");
    CHECK(beyond["total"] == 3);
    CHECK(beyond["results"].empty());
    CHECK(w.get_json("?limit=1000")["results"].size() == 3);
    CHECK(w.get_json("?foo=bar&_=123")["total"] == 3);  // unknown parameters change nothing

    // The same filters in the other forms; the page names the district and the days.
    auto csv = w.get("/v1/public/results?format=csv&from=" + old_day + "&to=" + old_day);
    CHECK(crlf_lines(csv.body.substr(3)).size() == 2);
    auto html = w.get("/v1/public/results?format=html&district=" + w.district_id + "&from=" + today);
    CHECK(contains(html.body, "区县 / district: " + w.vol.district));
    CHECK(contains(html.body, "检查日期 / dates: " + today + " – …"));
    CHECK(contains(html.body, "共 2 条"));
    auto none = w.get("/v1/public/results?format=html&district=" + other);
    CHECK(contains(none.body, "没有符合条件的检查结果 / no results match"));
}

TEST_CASE("bad public results parameters get 400 with a bilingual message", "[public]") {
    TestServer srv(false);
    sync::CurlTransport http{sync::TransportConfig{.base_url = srv.url(), .pin = srv.pin()}};
    auto get = [&](const std::string& q, const std::map<std::string, std::string>& headers = {}) {
        auto r = http.request("GET", "/v1/public/results" + q, "", headers);
        REQUIRE(r.has_value());
        return *r;
    };
    for (const std::string q : {"?limit=0", "?limit=1001", "?limit=abc", "?limit=", "?limit=-1", "?limit=1.5",
                                "?offset=-1", "?offset=x", "?from=2025-13-01", "?from=2025-02-30", "?from=20250101",
                                "?to=yesterday", "?to=2025-1-01", "?from=2025-05-02&to=2025-05-01",
                                "?district=a%2Fb", "?district=%3Cscript%3E", "?format=xml", "?format=", "?from=%ZZ"}) {
        auto r = get(q, {{"Accept", "text/html"}});  // errors are JSON even for a browser
        INFO(q << " -> HTTP " << r.status << ": " << r.body);
        CHECK(r.status == 400);
        CHECK(contains(r.header("content-type"), "application/json"));
        auto j = json::parse(r.body, nullptr, false);
        REQUIRE(j.is_object());
        CHECK(j["error"] == "invalid_argument");
        const std::string msg = j["message"];
        auto slash = msg.find(" / ");
        REQUIRE(slash != std::string::npos);
        // Chinese first, then English.
        const std::string zh = msg.substr(0, slash);
        CHECK(std::any_of(zh.begin(), zh.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
        CHECK(msg.size() > slash + 3);
    }
    CHECK(contains(get("?limit=abc").body, "limit"));
    CHECK(contains(get("?from=2025-02-30").body, "2025-02-30"));

    // Good edges: an empty city is an empty list, not an error.
    auto ok = get("?limit=1000&offset=0&from=2024-02-29&to=2024-02-29");
    CHECK(ok.status == 200);
    auto j = json::parse(ok.body, nullptr, false);
    CHECK(j["total"] == 0);
    CHECK(j["results"].empty());
    CHECK(j["filters"]["from"] == "2024-02-29");

    auto post = http.request("POST", "/v1/public/results", "x");
    REQUIRE(post.has_value());
    CHECK(post->status == 405);
}
