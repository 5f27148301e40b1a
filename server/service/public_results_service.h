#pragma once
// GET /v1/public/results (一公开): the results of completed open inspections, for anyone, without
// logging in — JSON, CSV or a printable HTML page. Read-only and not audited, like the badge check.
//
// What is published is decided here and nowhere else: one row per live report that is neither
// covert (the report's flag or its task's) nor about an unlisted site, whose task is known and
// whose institution is in the registry. An amended report and its amendment are both published,
// each marked with the other's number. A row carries the institution as the registry names it,
// the day the server received the report (Asia/Shanghai), the task's kind, the codes and checklist
// texts of the failed items and, when a case was opened on the report, its status, tier and
// deadline. Never an inspector, user or device id, a name, a note, GPS, a photo or signature hash,
// a phone number or who decided a case.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http/http_server.h"
#include "server/service/server_context.h"
#include "shared/store/database.h"

namespace ducha::server {

enum class PublicFormat { json, csv, html };

struct PublicQuery {
    std::string district;  // a district record id; empty = the whole city
    std::string from, to;  // YYYY-MM-DD, inclusive, Shanghai days; empty = open-ended
    int limit = 200;       // 1..1000
    std::int64_t offset = 0;
    PublicFormat format = PublicFormat::json;
};

struct PublicProblem {
    std::string code, text_zh, text_en;  // texts from the checklist template the report names
};

// The public part of a case opened on the report.
struct PublicDecision {
    std::string status;    // open | rectification | reinspection | closed | no_violation
    std::string tier;      // 从轻 | 较轻 | 一般 | 较重 | 严重; empty until decided
    std::string deadline;  // YYYY-MM-DD (Shanghai) while a rectification runs, else empty
};

struct PublicResult {
    std::int64_t id = 0;           // the receipt's seq (the number on the inspector's receipt)
    std::int64_t received_ms = 0;  // server time the report arrived (sort key)
    std::string date;              // YYYY-MM-DD of received_ms in Shanghai
    std::string district_id, district, institution, address, category, task_kind;
    bool licensed = false;
    std::vector<PublicProblem> problems;  // failed items, in checklist order
    std::optional<PublicDecision> decision;
    // Corrections (更正), by the published numbers of both rows, never by report id: the row this
    // one amends, and the newest row that amends this one. Both rows stay published.
    std::optional<std::int64_t> amends, amended_by;
};

struct PublicResultsPage {
    PublicQuery query;
    std::string district_name;      // the filtered district's name, if the filter names a known one
    std::int64_t generated_at = 0;  // unix seconds
    std::int64_t total = 0;         // rows matching the filters, before limit/offset
    std::vector<PublicResult> results;
};

class PublicResultsService {
public:
    explicit PublicResultsService(ServerContext& ctx) : m_ctx(ctx) {}

    // Parses the query string (percent-encoded). The format comes from ?format=json|csv|html, else
    // from Accept (HTML when it ranks text/html above application/json). Errc::invalid_argument
    // with a bilingual message names the bad parameter.
    static Result<PublicQuery> parse_query(std::string_view raw_query, std::string_view accept);

    // Reads on a worker thread (off the I/O threads); `done` runs there.
    void list(PublicQuery q, std::function<void(Result<PublicResultsPage>)> done);
    // The same, synchronously on the caller's thread.
    Result<PublicResultsPage> list_now(const PublicQuery& q);

    // The page in q.format.
    static HttpResponse response(const PublicResultsPage& page);
    // {"generated_at","total","limit","offset","results":[...]}
    static HttpResponse json_response(const PublicResultsPage& page);
    // UTF-8 with a BOM (so spreadsheet programs read it as UTF-8), a header row, RFC 4180 quoting.
    static HttpResponse csv_response(const PublicResultsPage& page);
    // A self-contained printable page: inline CSS only, every text escaped.
    static HttpResponse html_response(const PublicResultsPage& page);

private:
    struct Snapshot {
        std::vector<PublicResult> rows;  // every published row, newest first
        std::vector<std::pair<std::string, std::string>> districts;  // id -> name
    };
    Result<std::shared_ptr<const Snapshot>> snapshot();
    static Result<std::shared_ptr<const Snapshot>> build(store::Database& db);

    ServerContext& m_ctx;
    // The computed list, valid as long as no record of a collection it reads changed since
    // m_valid_through (a seq). One request at a time checks and rebuilds it (m_build_mu, which
    // also guards m_valid_through); m_cache is written under both mutexes, read under either.
    std::mutex m_build_mu, m_cache_mu;
    std::shared_ptr<const Snapshot> m_cache;
    std::int64_t m_valid_through = -1;
};

}  // namespace ducha::server
