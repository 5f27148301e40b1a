// The server's storage classes on both backends: each case runs on a fresh SQLite server database
// and on a fresh PostgreSQL one (the shared ThrowawayPostgres cluster, migrated by
// pg_server_schema), through the same store::Connection&. Plus what only PostgreSQL has to prove:
// the writer's BEGIN takes the feed_sequencer lock (a second writer waits for the first's COMMIT),
// and store::Transaction's rollback paths end a transaction a failed statement aborted.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "ducha.pb.h"
#include "server/pg/pg_connection.h"
#include "server/pg/pg_migrations.h"
#include "server/storage/applied_log.h"
#include "server/storage/audit_log.h"
#include "server/storage/blob_refs.h"
#include "server/storage/chain_heads.h"
#include "server/storage/device_challenges.h"
#include "server/storage/enrollment_codes.h"
#include "server/storage/pg_server_schema.h"
#include "server/storage/record_table.h"
#include "server/storage/risk_facts.h"
#include "server/storage/server_generation.h"
#include "server/storage/server_schema.h"
#include "server/storage/token_store.h"
#include "shared/domain/report_signing.h"
#include "shared/store/database.h"
#include "shared/store/migrations.h"
#include "shared/store/statement.h"
#include "shared/store/transaction.h"
#include "shared/support/temp_dir.h"
#include "support/throwaway_postgres.h"

using namespace ducha;
using server::AuditEntry;
using server::AuditQuery;
using server::RecordTable;
using store::Dialect;

namespace {

const char* name_of(Dialect d) { return d == Dialect::sqlite ? "sqlite" : "postgresql"; }

// A new database of the shared cluster with the server schema applied: its URL.
std::string pg_server_database_url(const std::string& stem) {
    const std::string url = test::fresh_database_url(stem);
    auto db = pg::PgConnection::open(url);
    INFO((db ? "" : db.error().message()));
    REQUIRE(db.has_value());
    auto applied = pg::apply_pg_migrations(*db, server::pg_server_migrations());
    INFO((applied ? "" : applied.error().message()));
    REQUIRE(applied.has_value());
    return url;
}

std::unique_ptr<pg::PgConnection> pg_connect(const std::string& url) {
    auto db = pg::PgConnection::open(url);
    INFO((db ? "" : db.error().message()));
    REQUIRE(db.has_value());
    return std::make_unique<pg::PgConnection>(std::move(*db));
}

// A fresh, migrated server database on one backend, as the storage classes see it.
class ServerDatabase {
public:
    explicit ServerDatabase(Dialect which) {
        if (which == Dialect::postgresql) {
            m_db = pg_connect(pg_server_database_url("storage"));
            return;
        }
        auto db = store::Database::open(m_dir / "server.db");
        INFO((db ? "" : db.error().message()));
        REQUIRE(db.has_value());
        auto applied = store::apply_migrations(*db, server::server_migrations());
        INFO((applied ? "" : applied.error().message()));
        REQUIRE(applied.has_value());
        m_db = std::make_unique<store::Database>(std::move(*db));
    }
    store::Connection& operator*() { return *m_db; }

private:
    test::TempDir m_dir;
    std::unique_ptr<store::Connection> m_db;
};

template <typename T>
T must(Result<T> r) {
    INFO((r ? "" : r.error().message()));
    REQUIRE(r.has_value());
    return std::move(*r);
}

void must(const Status& s) {
    INFO((s ? "" : s.error().message()));
    REQUIRE(s.has_value());
}

pb::Record record(const std::string& collection, const std::string& id, std::int64_t version, std::int64_t seq,
                  const std::string& payload, bool deleted = false) {
    pb::Record r;
    r.set_collection(collection);
    r.set_id(id);
    r.set_version(version);
    r.set_seq(seq);
    r.set_payload(payload);
    r.set_deleted(deleted);
    r.set_updated_at(1'700'000'000'000 + seq);
    return r;
}

// Writes as the writer does: in an immediate transaction, the next seq after the highest.
void put_next(store::Connection& db, pb::Record r, const std::vector<std::string>& keys) {
    store::Transaction tx{db, store::Transaction::Immediate};
    must(tx.begun());
    RecordTable table{db};
    r.set_seq(must(table.max_seq()) + 1);
    must(table.put(r, keys));
    must(tx.commit());
}

std::vector<std::string> ids_of(const server::PullPage& page) {
    std::vector<std::string> out;
    for (const auto& r : page.records) out.push_back(r.collection() + "/" + r.id() + (r.deleted() ? " deleted" : ""));
    return out;
}

server::Principal principal(std::vector<std::string> keys) {
    server::Principal p;
    p.user_id = "u1";
    p.keys = std::move(keys);
    return p;
}

AuditEntry audit_entry(std::int64_t at_ms, const std::string& actor, const std::string& action,
                       const std::string& outcome, const std::string& district) {
    AuditEntry e;
    e.at_ms = at_ms;
    e.actor = actor;
    e.device = "dev-" + actor;
    e.role = "admin";
    e.district = district;
    e.action = action;
    e.collection = "report";
    e.record_id = "r-" + actor;
    e.outcome = outcome;
    e.code = outcome == "refused" ? "forbidden" : "";
    e.reason = "原因";
    return e;
}

std::vector<std::string> actors_of(const std::vector<AuditEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.actor);
    return out;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("RecordTable puts, gets, pulls and reports changes alike on SQLite and PostgreSQL", "[pg]") {
    const Dialect which = GENERATE(Dialect::sqlite, Dialect::postgresql);
    INFO(name_of(which));
    ServerDatabase server{which};
    store::Connection& db = *server;
    REQUIRE(db.dialect() == which);
    RecordTable table{db};
    CHECK(must(table.max_seq()) == 0);

    const std::string bytes{"\0payload\xff\x01", 10};
    put_next(db, record("task", "t1", 1, 0, bytes), {"d:1", "u:a"});
    put_next(db, record("report", "r1", 1, 0, "report"), {"d:2"});
    put_next(db, record("district", "d1", 1, 0, "district"), {"all"});
    CHECK(must(table.max_seq()) == 3);

    auto got = must(table.get("task", "t1"));
    REQUIRE(got.has_value());
    CHECK(got->payload() == bytes);
    CHECK(got->seq() == 1);
    CHECK(got->version() == 1);
    CHECK_FALSE(got->deleted());
    CHECK_FALSE(must(table.get("task", "nope")).has_value());
    CHECK(must(table.count("task")) == 1);

    CHECK(must(table.changed_since(1, {"report"})));
    CHECK(must(table.changed_since(0, {"user", "district"})));
    CHECK_FALSE(must(table.changed_since(2, {"report", "task"})));
    CHECK_FALSE(must(table.changed_since(0, {"user"})));
    CHECK_FALSE(must(table.changed_since(0, {})));

    auto page = must(table.pull({"d:1"}, 0, 10, 100));
    CHECK(ids_of(page) == Names{"task/t1"});
    CHECK(page.cursor == 3);
    CHECK_FALSE(page.more);
    CHECK(ids_of(must(table.pull({"u:a", "d:2", "all"}, 0, 10, 100))) == Names{"task/t1", "report/r1", "district/d1"});
    CHECK(ids_of(must(table.pull({}, 0, 10, 100))).empty());

    // The task leaves d:1 for d:2: its d:1 holders get a payload-less deletion, d:2 the record.
    put_next(db, record("task", "t1", 2, 0, "moved"), {"d:2"});
    page = must(table.pull({"d:1"}, 3, 10, 100));
    REQUIRE(ids_of(page) == Names{"task/t1 deleted"});
    CHECK(page.records[0].payload().empty());
    CHECK(page.cursor == 4);
    // A receipt goes where its report goes; a page stops at page_size with more to come.
    put_next(db, record("receipt", "r1", 1, 0, "receipt"), {});
    page = must(table.pull({"d:2"}, 0, 2, 100));
    CHECK(ids_of(page) == Names{"report/r1", "task/t1"});
    CHECK(page.cursor == 4);
    CHECK(page.more);
    page = must(table.pull({"d:2"}, page.cursor, 2, 100));
    CHECK(ids_of(page) == Names{"receipt/r1"});
    CHECK_FALSE(page.more);

    auto by_key = must(table.by_key("task", "d:2"));
    REQUIRE(by_key.size() == 1);
    CHECK(by_key[0].first == "t1");
    CHECK(by_key[0].second == "moved");
    CHECK(must(table.by_key("task", "d:1")).empty());

    put_next(db, record("district", "d2", 1, 0, "gone", true), {"all"});
    Names live;
    must(table.for_each_live("district", [&](const pb::Record& r) {
        live.push_back(r.id());
        return true;
    }));
    CHECK(live == Names{"d1"});

    Names reports;
    must(table.for_each_report([&](const pb::Record& r, const std::optional<std::string>& receipt) {
        reports.push_back(r.id() + ":" + receipt.value_or("none"));
        return true;
    }));
    CHECK(reports == Names{"r1:receipt"});

    must(table.keep_lost_value("task", "t1", "status", std::string{"\0old", 4}, 5, 6, 7));
    CHECK(must(table.field_clock("task", "t1")).empty());
}

TEST_CASE("Blob references and blob_access alike on SQLite and PostgreSQL", "[pg]") {
    const Dialect which = GENERATE(Dialect::sqlite, Dialect::postgresql);
    INFO(name_of(which));
    ServerDatabase server{which};
    store::Connection& db = *server;
    const std::string open_hash(64, 'a'), covert_hash(64, 'b');

    put_next(db, record("report", "open", 1, 0, "p"), {"d:1", "u:author"});
    put_next(db, record("report", "covert", 1, 0, "p"), {"u:author", "u:creator"});
    {
        store::Transaction tx{db};
        must(tx.begun());
        must(server::add_blob_refs(db, "report", "open", {open_hash}));
        must(server::add_blob_refs(db, "report", "covert", {covert_hash, open_hash}));
        must(server::add_blob_refs(db, "report", "open", {open_hash}));  // again: nothing new
        must(tx.commit());
    }

    auto access = must(server::blob_access(db, principal({"d:1"}), open_hash));
    REQUIRE(access.has_value());
    CHECK(access->record_id == "open");
    CHECK_FALSE(access->covert);
    // The author reaches both; the open report is preferred (its read needs no audit entry).
    access = must(server::blob_access(db, principal({"u:author"}), open_hash));
    REQUIRE(access.has_value());
    CHECK(access->record_id == "open");
    access = must(server::blob_access(db, principal({"u:creator"}), covert_hash));
    REQUIRE(access.has_value());
    CHECK(access->collection == "report");
    CHECK(access->record_id == "covert");
    CHECK(access->covert);

    CHECK_FALSE(must(server::blob_access(db, principal({"d:1"}), covert_hash)).has_value());
    CHECK_FALSE(must(server::blob_access(db, principal({}), open_hash)).has_value());
    CHECK_FALSE(must(server::blob_access(db, principal({"u:creator"}), std::string(64, 'c'))).has_value());
}

TEST_CASE("The audit log appends and query_audit filters alike on SQLite and PostgreSQL", "[pg]") {
    const Dialect which = GENERATE(Dialect::sqlite, Dialect::postgresql);
    INFO(name_of(which));
    ServerDatabase server{which};
    store::Connection& db = *server;
    constexpr std::int64_t t0 = 1'700'000'000'000;  // past 32 bits: a parameter typed int4 would refuse it
    {
        store::Transaction tx{db};
        must(tx.begun());
        must(server::append_audit(db, audit_entry(t0, "a", "write", "accepted", "d1")));
        must(server::append_audit(db, audit_entry(t0 + 10, "b", "token.refresh", "refused", "d1")));
        must(server::append_audit(db, audit_entry(t0 + 20, "c", "token.device_sign_in", "conflict", "d2")));
        must(server::append_audit(db, audit_entry(t0 + 30, "d", "export.csv", "accepted", "")));
        must(tx.commit());
    }

    auto query = [&](AuditQuery q) { return actors_of(must(server::query_audit(db, q))); };
    AuditQuery all;
    auto entries = must(server::query_audit(db, all));
    REQUIRE(actors_of(entries) == Names{"d", "c", "b", "a"});
    CHECK(entries[3].at_ms == t0);
    CHECK(entries[3].device == "dev-a");
    CHECK(entries[3].reason == "原因");
    CHECK(entries[2].code == "forbidden");
    CHECK(entries[0].id > entries[1].id);

    AuditQuery q;
    q.newest_first = false;
    CHECK(query(q) == Names{"a", "b", "c", "d"});
    q.limit = 2;
    CHECK(query(q) == Names{"a", "b"});
    q.after_id = entries[2].id;  // b's
    CHECK(query(q) == Names{"c", "d"});

    q = AuditQuery{};
    q.actor = "b";
    CHECK(query(q) == Names{"b"});
    q = AuditQuery{};
    q.action = "token.refresh";
    CHECK(query(q) == Names{"b"});
    q.action = "token.*";
    CHECK(query(q) == Names{"c", "b"});
    q.action = "TOKEN.*";  // the prefix ignores case on both backends
    CHECK(query(q) == Names{"c", "b"});
    q.action = "token";
    CHECK(query(q).empty());
    q = AuditQuery{};
    q.collection = "report";
    CHECK(query(q).size() == 4);
    q.collection = "task";
    CHECK(query(q).empty());
    q = AuditQuery{};
    q.record_id = "r-c";
    CHECK(query(q) == Names{"c"});
    q = AuditQuery{};
    q.outcome = "accepted";
    CHECK(query(q) == Names{"d", "a"});
    q = AuditQuery{};
    q.district = "d1";
    CHECK(query(q) == Names{"b", "a"});
    q = AuditQuery{};
    q.outcome_in = {"refused", "conflict"};
    CHECK(query(q) == Names{"c", "b"});
    q = AuditQuery{};
    q.since_ms = t0 + 10;
    CHECK(query(q) == Names{"d", "c", "b"});
    q.until_ms = t0 + 30;
    CHECK(query(q) == Names{"c", "b"});
    q = AuditQuery{};
    q.until_ms = t0 + 1;
    CHECK(query(q) == Names{"a"});
}

TEST_CASE("Tokens, enrollment codes, chain heads, the applied log, challenges, the generation and risk facts "
          "alike on SQLite and PostgreSQL",
          "[pg]") {
    const Dialect which = GENERATE(Dialect::sqlite, Dialect::postgresql);
    INFO(name_of(which));
    ServerDatabase server{which};
    store::Connection& db = *server;
    const Bytes hash{"\0token-hash\xff", 12}, other{"\0other-hash\xfe", 12};

    SECTION("tokens") {
        server::TokenStore tokens{db};
        must(tokens.insert(hash, server::TokenKind::refresh, "dev1", "u1", 100));
        must(tokens.insert(other, server::TokenKind::access, "dev1", "u1", 50));
        CHECK_FALSE(tokens.insert(hash, server::TokenKind::refresh, "dev2", "u2", 1).has_value());
        CHECK_FALSE(must(tokens.find(hash, server::TokenKind::access)).has_value());
        auto row = must(tokens.find(hash, server::TokenKind::refresh));
        REQUIRE(row.has_value());
        CHECK(row->device_id == "dev1");
        CHECK(row->expires_at == 100);
        CHECK(row->used_at_ms == 0);
        CHECK(row->successor.empty());
        must(tokens.mark_used(hash, 1'700'000'000'123, other, std::string{"\0sealed", 7}));
        row = must(tokens.find(hash, server::TokenKind::refresh));
        REQUIRE(row.has_value());
        CHECK(row->used_at_ms == 1'700'000'000'123);
        CHECK(row->successor == other);
        CHECK(row->sealed_answer == std::string{"\0sealed", 7});
        must(tokens.revoke_access("dev1"));
        CHECK(must(tokens.find(other, server::TokenKind::access))->revoked);
        CHECK_FALSE(must(tokens.find(hash, server::TokenKind::refresh))->revoked);
        CHECK(must(tokens.revoke_device("dev1")) == 1);  // the access token was revoked already
        CHECK(must(tokens.find(hash, server::TokenKind::refresh))->revoked);
    }
    SECTION("enrollment codes") {
        server::EnrollmentCodes codes{db};
        must(codes.insert(hash, "u1", 500, "admin1"));
        auto row = must(codes.find(hash));
        REQUIRE(row.has_value());
        CHECK(row->user_id == "u1");
        CHECK(row->expires_at == 500);
        CHECK_FALSE(row->used);
        must(codes.mark_used(hash, 400, "dev9"));
        row = must(codes.find(hash));
        REQUIRE(row.has_value());
        CHECK(row->used);
        CHECK(row->used_at == 400);
        CHECK(row->device_id == "dev9");
        CHECK_FALSE(must(codes.find(other)).has_value());
    }
    SECTION("chain heads") {
        server::ChainHeads heads{db};
        auto head = must(heads.get("dev1"));
        CHECK(head.index == 0);
        CHECK(head.hash == domain::zero_hash());
        must(heads.allow_break("dev1", 3));
        must(heads.advance("dev1", 4, hash));
        must(heads.allow_break("dev1", 2));  // an older allowance does not lower it
        head = must(heads.get("dev1"));
        CHECK(head.index == 4);
        CHECK(head.hash == hash);
        CHECK(head.break_after == 3);
    }
    SECTION("applied log") {
        server::AppliedLog applied{db};
        CHECK_FALSE(must(applied.seen("dev1", 7)));
        must(applied.mark("dev1", 7));
        CHECK(must(applied.seen("dev1", 7)));
        CHECK_FALSE(must(applied.seen("dev2", 7)));
        pb::Ack ack;
        ack.set_client_seq(7);
        ack.set_seq(42);
        ack.set_message("已应用");
        must(applied.store_ack("dev1", 7, ack));
        auto stored = must(applied.ack("dev1", 7));
        REQUIRE(stored.has_value());
        CHECK(stored->seq() == 42);
        CHECK(stored->message() == "已应用");
        CHECK_FALSE(must(applied.ack("dev1", 8)).has_value());
    }
    SECTION("device challenges") {
        server::DeviceChallenges challenges{db};
        must(challenges.put("dev1", other, 1'700'000'000'000));
        must(challenges.put("dev1", hash, 1'700'000'000'000));  // asking again replaces it
        CHECK_FALSE(must(challenges.take("dev1", other, 1'600'000'000'000)));
        must(challenges.put("dev1", hash, 1'700'000'000'000));
        CHECK(must(challenges.take("dev1", hash, 1'600'000'000'000)));
        CHECK_FALSE(must(challenges.take("dev1", hash, 1'600'000'000'000)));  // used once
    }
    SECTION("server generation") {
        server::ServerGeneration generation{db};
        auto first = must(generation.get());
        CHECK(first.id.size() == 32);
        CHECK(first.restored_through_seq == 0);
        auto next = must(generation.start_new(41));
        CHECK(next.id != first.id);
        auto read = must(generation.get());
        CHECK(read.id == next.id);
        CHECK(read.restored_through_seq == 41);
    }
    SECTION("risk facts") {
        server::RiskFacts facts{db};
        CHECK_FALSE(must(facts.set("complaint", "c1", std::string{"i1"})).has_value());
        must(facts.set("complaint", "c2", std::string{"i1"}));
        must(facts.set("case", "k1", std::string{"i1"}));
        CHECK(must(facts.set("complaint", "c2", std::string{"i2"})) == std::optional<std::string>{"i1"});
        auto counts = must(facts.counts("i1"));
        CHECK(counts.complaints == 1);
        CHECK(counts.violations == 1);
        CHECK(must(facts.set("case", "k1", std::nullopt)) == std::optional<std::string>{"i1"});
        CHECK(must(facts.counts("i1")).violations == 0);
        CHECK(must(facts.counts("i2")).complaints == 1);
    }
}

TEST_CASE("A failed statement inside a nested transaction is rolled back to its savepoint on both backends", "[pg]") {
    const Dialect which = GENERATE(Dialect::sqlite, Dialect::postgresql);
    INFO(name_of(which));
    ServerDatabase server{which};
    store::Connection& db = *server;
    server::AppliedLog applied{db};
    {
        store::Transaction outer{db};
        must(outer.begun());
        must(applied.mark("dev1", 1));
        {
            store::Transaction job{db};
            must(job.begun());
            must(applied.mark("dev1", 2));
            auto dup = applied.mark("dev1", 1);  // a duplicate key: PostgreSQL aborts the transaction
            REQUIRE_FALSE(dup.has_value());
            CHECK(dup.error().code == Errc::already_exists);
        }  // rolled back to the savepoint: the outer transaction carries on
        must(applied.mark("dev1", 3));
        must(outer.commit());
    }
    CHECK(must(applied.seen("dev1", 1)));
    CHECK_FALSE(must(applied.seen("dev1", 2)));
    CHECK(must(applied.seen("dev1", 3)));
    CHECK_FALSE(db.in_transaction());
}

TEST_CASE("PostgreSQL: committing a transaction a failed statement aborted is an error, and nothing is kept", "[pg]") {
    ServerDatabase server{Dialect::postgresql};
    store::Connection& db = *server;
    server::AppliedLog applied{db};
    must(applied.mark("dev1", 1));
    {
        store::Transaction tx{db};
        must(tx.begun());
        must(applied.mark("dev1", 2));
        REQUIRE_FALSE(applied.mark("dev1", 1).has_value());
        CHECK(db.in_transaction());
        auto committed = tx.commit();
        CHECK_FALSE(committed.has_value());
    }
    CHECK_FALSE(db.in_transaction());
    CHECK_FALSE(must(applied.seen("dev1", 2)));
    // The connection is usable again, in and out of a transaction.
    store::Transaction tx{db};
    must(tx.begun());
    must(applied.mark("dev1", 3));
    must(tx.commit());
    CHECK(must(applied.seen("dev1", 3)));
}

TEST_CASE("PostgreSQL: a writer's BEGIN waits for the writer holding the feed lock, then sees its seqs", "[pg]") {
    const std::string url = pg_server_database_url("storage_writers");
    auto first = pg_connect(url);
    auto second = pg_connect(url);
    auto watcher = pg_connect(url);
    store::Statement pid_of{*second, "SELECT pg_backend_pid()"};
    REQUIRE(must(pid_of.step()));
    const std::int64_t second_pid = pid_of.col_int(0);

    // While the first writer holds the lock, the second's writer BEGIN cannot get it.
    store::Transaction holder{*first, store::Transaction::Immediate};
    must(holder.begun());
    RecordTable mine{*first};
    CHECK(must(mine.max_seq()) == 0);
    must(mine.put(record("task", "t1", 1, 1, "first"), {"d:1"}));
    {
        must(second->exec("SET lock_timeout = '200ms'"));
        store::Transaction refused{*second, store::Transaction::Immediate};
        REQUIRE_FALSE(refused.begun().has_value());
        CHECK(refused.begun().error().message().find("55P03") != std::string::npos);  // lock_not_available
        CHECK_FALSE(second->in_transaction());  // the failed BEGIN left nothing open
        must(second->exec("SET lock_timeout = 0"));
    }

    // Without a timeout it waits; it reads the highest seq only once the first has committed.
    std::atomic<bool> second_begun{false};
    std::int64_t second_saw = -1;
    Status second_wrote;
    std::thread writer{[&] {
        store::Transaction tx{*second, store::Transaction::Immediate};
        second_begun = true;
        if (!tx.begun()) {
            second_wrote = fail(tx.begun().error());
            return;
        }
        RecordTable theirs{*second};
        auto seq = theirs.max_seq();
        if (!seq) {
            second_wrote = fail(seq.error());
            return;
        }
        second_saw = *seq;
        second_wrote = theirs.put(record("task", "t2", 1, *seq + 1, "second"), {"d:1"});
        if (second_wrote) second_wrote = tx.commit();
    }};
    // The second backend waiting on a lock is a state that lasts until our COMMIT.
    store::Statement waiting{*watcher, "SELECT COUNT(*) FROM pg_stat_activity WHERE pid=?1 AND wait_event_type='Lock'"};
    bool seen_waiting = false;
    for (int i = 0; i < 500 && !seen_waiting; ++i) {
        waiting.reset();
        waiting.bind(1, second_pid);
        seen_waiting = must(waiting.step()) && waiting.col_int(0) == 1;
        if (!seen_waiting) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(seen_waiting);
    CHECK_FALSE(second_begun.load());
    must(holder.commit());
    writer.join();
    must(second_wrote);
    CHECK(second_saw == 1);
    auto t2 = must(RecordTable{*first}.get("task", "t2"));
    REQUIRE(t2.has_value());
    CHECK(t2->seq() == 2);
}
