#pragma once
// The rows of the public results feed (一公开), read from the server database: the SQL side of
// GET /v1/public/results. The service caches what this reads and filters it per request.
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
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ducha.pb.h"
#include "server/storage/record_table.h"
#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

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

// Everything the feed can show, before any request's filters.
struct PublishedResults {
    std::vector<PublicResult> rows;  // every published row, newest first
    std::vector<std::pair<std::string, std::string>> districts;  // id -> name
};

// Reads the published rows in one pass over the reports. Call read() inside one read transaction
// so every row comes from the same snapshot. One reader per read: it keeps each task,
// institution and checklist it looked up, however many reports point at it.
class PublicResultsReader {
public:
    explicit PublicResultsReader(store::Connection& db) : m_table(db) {}

    Result<PublishedResults> read();

    // The collections read() looks at: a change to any other leaves its answer as it was.
    static const std::vector<std::string_view>& collections_read();

private:
    // A published row with what links it to its correction, which only the whole set can decide.
    struct Candidate {
        std::string report_id, task_id, amends;
        PublicResult row;
    };
    using ItemTexts = std::map<std::string, std::pair<std::string, std::string>>;  // code -> (zh, en)

    Status read_districts(PublishedResults& out);
    Status read_decisions();
    Result<std::vector<Candidate>> read_reports();
    Result<std::optional<Candidate>> published_row(const pb::Record& rec, const std::optional<std::string>& receipt_payload);
    Result<const ItemTexts*> item_texts(const std::string& template_id);
    static void link_corrections(std::vector<Candidate>& found);

    RecordTable m_table;
    std::unordered_map<std::string, std::string> m_district_names;
    // Cases by the report they were opened on.
    std::unordered_map<std::string, PublicDecision> m_decisions;
    std::unordered_map<std::string, std::optional<pb::Task>> m_tasks;
    std::unordered_map<std::string, std::optional<pb::Institution>> m_institutions;
    // checklist template id -> item code -> (text_zh, text_en)
    std::unordered_map<std::string, ItemTexts> m_templates;
};

}  // namespace ducha::server
