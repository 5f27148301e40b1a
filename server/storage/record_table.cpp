#include "server/storage/record_table.h"

#include <algorithm>
#include <iterator>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "server/storage/json_array_rows.h"
#include "shared/domain/collections.h"
#include "shared/store/statement.h"

namespace ducha::server {

using store::Statement;

namespace {

pb::Record read_record(const Statement& st) {
    pb::Record r;
    r.set_collection(st.col_text(0));
    r.set_id(st.col_text(1));
    r.set_version(st.col_int(2));
    r.set_payload(st.col_blob(3));
    r.set_deleted(st.col_int(4) != 0);
    r.set_seq(st.col_int(5));
    r.set_updated_at(st.col_int(6));
    return r;
}

constexpr std::string_view kSelect =
    "SELECT collection, id, version, payload, deleted, seq, updated_at FROM record ";

template <typename M>
std::optional<M> parsed(const Result<std::optional<pb::Record>>& r) {
    if (!r || !*r || (*r)->deleted()) return std::nullopt;
    M m;
    if (!m.ParseFromString((*r)->payload())) return std::nullopt;
    return m;
}

}  // namespace

Result<std::optional<pb::Record>> RecordTable::get(std::string_view collection, const std::string& id) const {
    auto& st = m_db.cached(std::string(kSelect) + "WHERE collection=?1 AND id=?2");
    st.bind(1, collection).bind(2, id);
    auto row = st.step();
    if (!row) return fail(row.error());
    if (!*row) return std::optional<pb::Record>{};
    auto rec = read_record(st);
    st.reset();
    return std::optional<pb::Record>{std::move(rec)};
}

Result<std::string> RecordTable::field_clock(std::string_view collection, const std::string& id) const {
    auto& st = m_db.cached("SELECT field_clock FROM record WHERE collection=?1 AND id=?2");
    st.bind(1, collection).bind(2, id);
    auto row = st.step();
    if (!row) return fail(row.error());
    std::string out = *row ? st.col_text(0) : std::string{};
    st.reset();
    return out;
}

Status RecordTable::keep_lost_value(std::string_view collection, const std::string& id, const std::string& field,
                                   const std::string& value, std::uint64_t hlc, std::uint64_t winner_hlc,
                                   std::int64_t at_ms) {
    auto& st = m_db.cached(
        "INSERT INTO field_history(collection, id, field, value, hlc, winner_hlc, at) VALUES(?1,?2,?3,?4,?5,?6,?7)");
    st.bind(1, collection).bind(2, id).bind(3, field).bind_blob(4, value);
    st.bind(5, static_cast<std::int64_t>(hlc)).bind(6, static_cast<std::int64_t>(winner_hlc)).bind(7, at_ms);
    return st.run();
}

Status RecordTable::put(const pb::Record& rec, const std::vector<std::string>& keys, const std::string* field_clock) {
    auto& ins = m_db.cached(
        "INSERT INTO record(collection, id, version, payload, deleted, seq, updated_at, field_clock) "
        "VALUES(?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT(collection, id) DO UPDATE SET version=excluded.version, "
        "payload=excluded.payload, deleted=excluded.deleted, seq=excluded.seq, updated_at=excluded.updated_at, "
        "field_clock=COALESCE(excluded.field_clock, record.field_clock)");
    ins.bind(1, rec.collection()).bind(2, rec.id()).bind(3, rec.version()).bind_blob(4, rec.payload());
    ins.bind(5, rec.deleted()).bind(6, rec.seq()).bind(7, rec.updated_at());
    if (field_clock) ins.bind(8, *field_clock); else ins.bind_null(8);
    if (auto r = ins.run(); !r) return r;

    // A receipt has no key rows of its own: the pull reads its report's (same id), so a receipt
    // goes exactly where its report goes, for the price of no extra index writes.
    if (rec.collection() == domain::kReceipt) return {};

    // Keys: the current ones are active; a key the record lost stays, inactive, which is how a pull
    // tells its old holders the record left their scope. A rewrite usually keeps its keys (a task
    // moved to submitted): only the difference is written.
    std::vector<std::string> wanted = keys;
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::vector<std::string> lost;
    if (rec.version() > 1) {
        auto& cur = m_db.cached("SELECT key FROM record_key WHERE collection=?1 AND id=?2 AND active=1");
        cur.bind(1, rec.collection()).bind(2, rec.id());
        std::vector<std::string> active;
        for (;;) {
            auto row = cur.step();
            if (!row) {
                cur.reset();
                return fail(row.error());
            }
            if (!*row) break;
            active.push_back(cur.col_text(0));
        }
        cur.reset();
        std::sort(active.begin(), active.end());
        std::set_difference(active.begin(), active.end(), wanted.begin(), wanted.end(), std::back_inserter(lost));
        std::vector<std::string> gained;
        std::set_difference(wanted.begin(), wanted.end(), active.begin(), active.end(), std::back_inserter(gained));
        wanted = std::move(gained);
    }
    auto& off = m_db.cached("UPDATE record_key SET active=0 WHERE collection=?1 AND id=?2 AND key=?3");
    for (const auto& k : lost) {
        off.bind(1, rec.collection()).bind(2, rec.id()).bind(3, k);
        if (auto r = off.run(); !r) return r;
    }
    auto& on = m_db.cached(
        "INSERT INTO record_key(collection, id, key, active) VALUES(?1,?2,?3,1) "
        "ON CONFLICT(collection, id, key) DO UPDATE SET active=1");
    for (const auto& k : wanted) {
        on.bind(1, rec.collection()).bind(2, rec.id()).bind(3, k);
        if (auto r = on.run(); !r) return r;
    }
    return {};
}

Result<std::vector<std::pair<std::string, std::string>>> RecordTable::by_key(std::string_view collection,
                                                                             const std::string& key) const {
    // The collection is spelled out in the SQL (it is one of our constants, never user input) so
    // SQLite can use that collection's partial index on record_key(key).
    if (collection != domain::kTask && collection != domain::kAssignment)
        throw std::logic_error("by_key is indexed for tasks and assignments only");
    auto& st = m_db.cached(
        "SELECT r.id, r.payload FROM record_key k JOIN record r ON r.collection=k.collection AND r.id=k.id "
        "WHERE k.key=?1 AND k.collection='" + std::string(collection) + "' AND k.active=1 AND r.deleted=0");
    st.bind(1, key);
    std::vector<std::pair<std::string, std::string>> out;
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) break;
        out.emplace_back(st.col_text(0), st.col_blob(1));
    }
    st.reset();
    return out;
}

Result<std::int64_t> RecordTable::max_seq() const {
    auto& st = m_db.cached("SELECT COALESCE(MAX(seq), 0) FROM record");
    auto row = st.step();
    if (!row) {
        st.reset();
        return fail(row.error());
    }
    const std::int64_t seq = st.col_int(0);
    st.reset();
    return seq;
}

Status RecordTable::for_each_live(std::string_view collection, const std::function<bool(const pb::Record&)>& visit) const {
    Statement st{m_db, std::string(kSelect) + "WHERE collection=?1 AND deleted=0 ORDER BY seq"};
    st.bind(1, collection);
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row || !visit(read_record(st))) return {};
    }
}

Status RecordTable::for_each_report(
    const std::function<bool(const pb::Record& report, const std::optional<std::string>& receipt)>& visit) const {
    Statement st{m_db,
                 "SELECT r.collection, r.id, r.version, r.payload, r.deleted, r.seq, r.updated_at, c.payload FROM record r "
                 "LEFT JOIN record c ON c.collection='receipt' AND c.id=r.id AND c.deleted=0 "
                 "WHERE r.collection='report' AND r.deleted=0"};
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) return {};
        std::optional<std::string> receipt;
        if (!st.col_null(7)) receipt = st.col_blob(7);
        if (!visit(read_record(st), receipt)) return {};
    }
}

Result<bool> RecordTable::changed_since(std::int64_t seq, const std::vector<std::string_view>& collections) const {
    nlohmann::json names = nlohmann::json::array();
    for (auto c : collections) names.push_back(std::string(c));
    Statement st{m_db, "SELECT EXISTS(SELECT 1 FROM record WHERE seq > ?1 AND collection IN (" + json_array_rows(m_db, 2) + "))"};
    st.bind(1, seq).bind(2, names.dump());
    auto row = st.step();
    if (!row) return fail(row.error());
    return *row && st.col_int(0) != 0;
}

Result<std::int64_t> RecordTable::count(std::string_view collection) const {
    Statement st{m_db, "SELECT COUNT(*) FROM record WHERE collection=?1 AND deleted=0"};
    st.bind(1, collection);
    auto row = st.step();
    if (!row) return fail(row.error());
    return st.col_int(0);
}

bool RecordTable::keys_are_narrow(const std::vector<std::string>& keys) {
    for (const auto& k : keys)
        if (k == "sup" || k.rfind("d:", 0) == 0) return false;
    return true;
}

Result<PullPage> RecordTable::pull(const std::vector<std::string>& keys, std::int64_t cursor, int page_size,
                                   int scan_limit) const {
    // A volunteer's scope is a few hundred records among millions: scanning the feed for them
    // would cost a fresh device one request per scan_limit rows of the whole store.
    if (keys_are_narrow(keys)) return pull_by_keys(keys, cursor, page_size);
    return pull_by_scan(keys, cursor, page_size, scan_limit);
}

Result<PullPage> RecordTable::pull_by_keys(const std::vector<std::string>& keys, std::int64_t cursor,
                                           int page_size) const {
    // The head first: whatever commits after it has a higher seq, so a cursor moved to it skips
    // nothing (a record committed meanwhile may come twice, which a device takes as a no-op).
    auto head = max_seq();
    if (!head) return fail(head.error());
    // The key rows' condition repeats the narrow index's (migration 10) word for word, which is
    // how SQLite knows it may use it. A receipt goes where its report goes (it has no key rows).
    Statement st{m_db,
                 "WITH hit AS (SELECT collection, id, MAX(active) AS vis FROM record_key WHERE key IN (" +
                     json_array_rows(m_db, 2) +
                     ") AND (collection <> 'report' OR substr(key, 1, 2) = 'u:') GROUP BY collection, id), "
                     "cand AS (SELECT r.seq AS seq, h.vis AS vis FROM hit h JOIN record r ON r.collection = h.collection "
                     "AND r.id = h.id WHERE r.seq > ?1 UNION ALL SELECT r.seq AS seq, h.vis AS vis FROM hit h JOIN record r "
                     "ON r.collection = 'receipt' AND r.id = h.id WHERE h.collection = 'report' AND r.seq > ?1) "
                     "SELECT r.collection, r.id, r.version, r.payload, r.deleted, r.seq, r.updated_at, c.vis "
                     "FROM cand c JOIN record r ON r.seq = c.seq ORDER BY c.seq LIMIT ?3"};
    nlohmann::json arr = keys;
    st.bind(1, cursor).bind(2, arr.dump()).bind(3, static_cast<std::int64_t>(page_size) + 1);
    PullPage page;
    page.cursor = cursor;
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) break;
        if (static_cast<int>(page.records.size()) >= page_size) {
            page.more = true;
            break;
        }
        auto rec = read_record(st);
        page.cursor = rec.seq();
        if (st.col_int(7) == 0) {
            rec.clear_payload();
            rec.set_deleted(true);
        }
        page.records.push_back(std::move(rec));
    }
    if (!page.more) page.cursor = std::max(page.cursor, *head);
    return page;
}

Result<PullPage> RecordTable::pull_by_scan(const std::vector<std::string>& keys, std::int64_t cursor, int page_size,
                                           int scan_limit) const {
    Statement st{m_db,
                 "SELECT collection, id, version, payload, deleted, seq, updated_at, "
                 "(SELECT MAX(k.active) FROM record_key k WHERE "
                 "k.collection=(CASE r.collection WHEN 'receipt' THEN 'report' ELSE r.collection END) AND k.id=r.id AND "
                 "k.key IN (" + json_array_rows(m_db, 2) + ")) AS vis FROM record r WHERE seq > ?1 ORDER BY seq"};
    nlohmann::json arr = keys;
    st.bind(1, cursor).bind(2, arr.dump());
    PullPage page;
    page.cursor = cursor;
    int scanned = 0;
    for (;;) {
        if (static_cast<int>(page.records.size()) >= page_size || scanned >= scan_limit) {
            auto row = st.step();  // is there anything after what we return?
            if (!row) return fail(row.error());
            page.more = *row;
            break;
        }
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) break;
        ++scanned;
        page.cursor = st.col_int(5);
        if (st.col_null(7)) continue;  // never in this caller's scope
        auto rec = read_record(st);
        if (st.col_int(7) == 0) {
            // Was in scope, is no more: the device removes its copy; the payload does not leave.
            rec.clear_payload();
            rec.set_deleted(true);
        }
        page.records.push_back(std::move(rec));
    }
    return page;
}

PolicyLookup RecordTable::lookup() const {
    using namespace ducha::domain;
    PolicyLookup l;
    l.task = [this](const std::string& id) { return parsed<pb::Task>(get(kTask, id)); };
    l.user = [this](const std::string& id) { return parsed<pb::User>(get(kUser, id)); };
    l.report = [this](const std::string& id) { return parsed<pb::Report>(get(kReport, id)); };
    l.assignments_of = [this](const std::string& user_id) {
        std::vector<pb::Assignment> out;
        if (auto rows = by_key(kAssignment, "u:" + user_id)) {
            for (const auto& [id, payload] : *rows) {
                pb::Assignment a;
                if (a.ParseFromString(payload) && a.user_id() == user_id) out.push_back(std::move(a));
            }
        }
        return out;
    };
    l.task_institutions_of = [this](const std::string& user_id) {
        std::vector<std::string> out;
        if (auto rows = by_key(kTask, "u:" + user_id)) {
            for (const auto& [id, payload] : *rows) {
                pb::Task t;
                if (!t.ParseFromString(payload)) continue;
                for (const auto& a : t.assignees())
                    if (a == user_id) out.push_back(t.institution_id());
            }
        }
        return out;
    };
    l.district_ids = [this]() {
        std::vector<std::string> out;
        Statement st{m_db, "SELECT id FROM record WHERE collection='district' AND deleted=0"};
        while (auto row = st.step()) {
            if (!*row) break;
            out.push_back(st.col_text(0));
        }
        return out;
    };
    return l;
}

}  // namespace ducha::server
