#pragma once
// Record rows of the server database, on whichever connection the caller holds
// (the writer's, inside its transaction, or a pooled reader's).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "server/policy/policy.h"
#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

struct PullPage {
    std::vector<pb::Record> records;  // in seq order; out-of-scope ones as payload-less deletions
    std::int64_t cursor = 0;          // the caller's next cursor
    bool more = false;
};

class RecordTable {
public:
    explicit RecordTable(store::Connection& db) : m_db(db) {}

    Result<std::optional<pb::Record>> get(std::string_view collection, const std::string& id) const;
    // Inserts or replaces the row and sets its scope keys (keys no longer held become inactive).
    Status put(const pb::Record& rec, const std::vector<std::string>& keys, const std::string* field_clock = nullptr);
    Result<std::string> field_clock(std::string_view collection, const std::string& id) const;
    // A last-writer-wins field value that lost (to a newer clock, or to the stored one), kept so a
    // coordinator can see what a concurrent edit replaced.
    Status keep_lost_value(std::string_view collection, const std::string& id, const std::string& field,
                           const std::string& value, std::uint64_t hlc, std::uint64_t winner_hlc, std::int64_t at_ms);

    // Payloads of live records of `collection` that carry key `key`.
    Result<std::vector<std::pair<std::string, std::string>>> by_key(std::string_view collection,
                                                                    const std::string& key) const;
    Result<std::int64_t> max_seq() const;
    // Calls `visit` with each live record of `collection`, in seq order, until it returns false.
    Status for_each_live(std::string_view collection, const std::function<bool(const pb::Record&)>& visit) const;
    // The same for reports, each with its receipt's payload when the server has signed one.
    Status for_each_report(const std::function<bool(const pb::Record& report, const std::optional<std::string>& receipt)>& visit) const;
    // Whether any record of these collections changed after `seq`.
    Result<bool> changed_since(std::int64_t seq, const std::vector<std::string_view>& collections) const;
    Result<std::int64_t> count(std::string_view collection) const;

    // Changes after `cursor` visible to `keys`. A narrow scope (keys_are_narrow) is read through
    // the key index, at a cost that follows the scope; any other scans the change feed, at most
    // scan_limit rows, so a page costs the same whatever share of the changes is in scope.
    Result<PullPage> pull(const std::vector<std::string>& keys, std::int64_t cursor, int page_size,
                          int scan_limit) const;
    // Whether every record these keys can see is found through the narrow key index (migration
    // 10): no supervisor's or district's key, which every report carries.
    static bool keys_are_narrow(const std::vector<std::string>& keys);

    // Lookups for the policy over this connection.
    PolicyLookup lookup() const;

private:
    Result<PullPage> pull_by_keys(const std::vector<std::string>& keys, std::int64_t cursor, int page_size) const;
    Result<PullPage> pull_by_scan(const std::vector<std::string>& keys, std::int64_t cursor, int page_size,
                                  int scan_limit) const;

    store::Connection& m_db;
};

}  // namespace ducha::server
