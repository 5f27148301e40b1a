// The server's PostgreSQL schema (server/storage/pg_server_schema.cpp) against what the nine SQLite
// steps leave (server_schema.cpp): the same tables with the same columns, indexes and audit
// triggers; a row goes into every table; the audit log refuses UPDATE, DELETE and TRUNCATE; and the
// feed's sequencer row makes a second writer wait for the first one's commit.
#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <set>
#include <string>

#include "server/pg/pg_migrations.h"
#include "server/storage/pg_server_schema.h"
#include "server/storage/server_schema.h"
#include "shared/store/migrations.h"
#include "shared/store/statement.h"
#include "shared/support/temp_dir.h"
#include "support/throwaway_postgres.h"

using namespace ducha;
using pg::PgConnection;

namespace {

// A new database of the shared cluster with the server schema applied: its URL.
std::string server_database_url(const std::string& stem) {
    const std::string url = test::fresh_database_url(stem);
    auto db = PgConnection::open(url);
    INFO((db ? "" : db.error().message()));
    REQUIRE(db.has_value());
    auto applied = pg::apply_pg_migrations(*db, server::pg_server_migrations());
    INFO((applied ? "" : applied.error().message()));
    REQUIRE(applied.has_value());
    return url;
}

PgConnection connect(const std::string& url) {
    auto db = PgConnection::open(url);
    INFO((db ? "" : db.error().message()));
    REQUIRE(db.has_value());
    return std::move(*db);
}

PgConnection server_database(const std::string& stem) { return connect(server_database_url(stem)); }

void run(store::Statement& st) {
    auto r = st.run();
    INFO((r ? "" : r.error().message()));
    REQUIRE(r.has_value());
}

std::int64_t scalar(PgConnection& db, const std::string& sql) {
    store::Statement st{db, sql};
    auto row = st.step();
    INFO(sql << ": " << (row ? "" : row.error().message()));
    REQUIRE(row.has_value());
    REQUIRE(*row);
    return st.col_int(0);
}

using Columns = std::map<std::string, std::set<std::string>>;  // table -> its columns

Columns sqlite_columns(store::Database& db) {
    Columns out;
    store::Statement st{db, "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                            "WHERE m.type='table' AND m.name NOT LIKE 'sqlite_%'"};
    for (auto row = st.step(); row && *row; row = st.step()) out[st.col_text(0)].insert(st.col_text(1));
    return out;
}

Columns pg_columns(PgConnection& db) {
    Columns out;
    store::Statement st{db, "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema='public'"};
    for (auto row = st.step(); row && *row; row = st.step()) out[st.col_text(0)].insert(st.col_text(1));
    return out;
}

std::set<std::string> names(store::Database& db, const std::string& type) {
    std::set<std::string> out;
    store::Statement st{db, "SELECT name FROM sqlite_master WHERE type=?1 AND name NOT LIKE 'sqlite_%'"};
    st.bind(1, type);
    for (auto row = st.step(); row && *row; row = st.step()) out.insert(st.col_text(0));
    return out;
}

std::set<std::string> names(PgConnection& db, const std::string& sql) {
    std::set<std::string> out;
    store::Statement st{db, sql};
    for (auto row = st.step(); row && *row; row = st.step()) out.insert(st.col_text(0));
    return out;
}

}  // namespace

TEST_CASE("The PostgreSQL server schema has the tables, columns, indexes and triggers SQLite's steps leave", "[pg]") {
    test::TempDir dir;
    auto lite = store::Database::open(dir / "ducha.db");
    REQUIRE(lite.has_value());
    REQUIRE(store::apply_migrations(*lite, server::server_migrations()));
    auto db = server_database("schema_shape");
    CHECK(*pg::pg_schema_version(db) == server::pg_server_migrations().back().version);

    Columns want = sqlite_columns(*lite);
    REQUIRE(want.size() >= 12);
    Columns have = pg_columns(db);
    for (const auto& [table, columns] : want) {
        INFO("table " << table);
        REQUIRE(have.count(table) == 1);
        CHECK(have.at(table) == columns);
    }
    // PostgreSQL's own additions: the migration record and the feed's sequencer.
    std::set<std::string> extra;
    for (const auto& [table, columns] : have)
        if (!want.count(table)) extra.insert(table);
    CHECK(extra == std::set<std::string>{"feed_sequencer", "schema_version"});

    std::set<std::string> pg_indexes = names(db, "SELECT indexname FROM pg_indexes WHERE schemaname='public'");
    for (const auto& index : names(*lite, "index")) {
        INFO("index " << index);
        CHECK(pg_indexes.count(index) == 1);
    }
    std::set<std::string> pg_triggers =
        names(db, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = 'audit_log'::regclass");
    for (const auto& trigger : names(*lite, "trigger")) {
        INFO("trigger " << trigger);
        CHECK(pg_triggers.count(trigger) == 1);
    }

    auto again = pg::apply_pg_migrations(db, server::pg_server_migrations());
    REQUIRE(again.has_value());
    CHECK(*again == 0);
}

TEST_CASE("The PostgreSQL server schema takes a row in every table", "[pg]") {
    auto db = server_database("schema_rows");
    const std::string bytes{"\x0a\x00\x01", 3};

    store::Statement record{db, "INSERT INTO record(seq, collection, id, version, payload, deleted, updated_at, field_clock) "
                                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"};
    record.bind(1, 1).bind(2, "task").bind(3, "t1").bind(4, 1).bind_blob(5, bytes).bind(6, false).bind(7, 1700000000000);
    record.bind(8, "{}");
    run(record);
    record.bind(1, 2);  // another seq, the same (collection, id): refused
    auto dup = record.run();
    REQUIRE_FALSE(dup.has_value());
    CHECK(dup.error().code == Errc::already_exists);

    store::Statement key{db, "INSERT INTO record_key(collection, id, key, active) VALUES('task', 't1', ?1, 1)"};
    run(key.bind(1, "u:v1"));
    store::Statement applied{db, "INSERT INTO applied(device_id, client_seq, ack) VALUES('dev', 1, ?1)"};
    run(applied.bind_blob(1, bytes));
    store::Statement code{db, "INSERT INTO enrollment_code(code_hash, user_id, expires_at) VALUES(?1, 'u1', 5)"};
    run(code.bind_blob(1, bytes));
    store::Statement token{db, "INSERT INTO token(token_hash, device_id, user_id, kind, expires_at, used_at, successor, "
                                 "sealed_answer) VALUES(?1, 'dev', 'u1', 'refresh', 9, ?2, ?3, ?4)"};
    run(token.bind_blob(1, bytes).bind(2, 3).bind_blob(3, "next").bind_blob(4, bytes));
    store::Statement history{db, "INSERT INTO field_history(collection, id, field, value, hlc, winner_hlc, at) "
                                   "VALUES('task', 't1', 'status', ?1, 1, 2, 3)"};
    run(history.bind_blob(1, bytes));
    store::Statement head{db, "INSERT INTO chain_head(device_id, chain_index, hash, break_after) VALUES('dev', 4, ?1, 1)"};
    run(head.bind_blob(1, bytes));
    store::Statement audit{db, "INSERT INTO audit_log(at, actor, device, role, district, action, collection, record_id, "
                                 "outcome, code, reason) VALUES(1, 'u1', 'dev', 'volunteer', 'd1', 'write', 'task', 't1', "
                                 "'accepted', '', ?1)"};
    run(audit.bind(1, "已接受"));
    run(audit.bind(1, "second"));
    store::Statement blob{db, "INSERT INTO blob_ref(sha256, collection, id) VALUES(?1, 'report', 'r1')"};
    run(blob.bind(1, std::string(64, 'a')));
    store::Statement challenge{db, "INSERT INTO device_challenge(device_id, challenge_hash, expires_at) VALUES('dev', ?1, 7)"};
    run(challenge.bind_blob(1, bytes));
    store::Statement risk{db, "INSERT INTO risk_fact(collection, id, institution_id) VALUES('complaint', 'c1', ?1)"};
    run(risk.bind(1, "i1"));
    store::Statement meta{db, "INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value=excluded.value"};
    run(meta.bind(1, "restored_through_seq").bind(2, "12"));

    for (const char* table : {"record", "record_key", "applied", "enrollment_code", "token", "field_history",
                              "chain_head", "blob_ref", "device_challenge", "risk_fact"}) {
        INFO(table);
        CHECK(scalar(db, std::string("SELECT COUNT(*) FROM ") + table) == 1);
    }
    CHECK(scalar(db, "SELECT COUNT(*) FROM audit_log") == 2);
    CHECK(scalar(db, "SELECT MAX(id) - MIN(id) FROM audit_log") == 1);  // ids given by the table

    store::Statement read_meta{db, "SELECT key, value FROM meta ORDER BY key"};
    auto row = read_meta.step();
    REQUIRE((row && *row));
    CHECK(read_meta.col_text(0) == "generation");
    std::string generation = read_meta.col_text(1);
    CHECK(generation.size() == 32);
    CHECK(generation.find_first_not_of("0123456789abcdef") == std::string::npos);
    row = read_meta.step();
    REQUIRE((row && *row));
    CHECK(read_meta.col_text(1) == "12");

    store::Statement payload{db, "SELECT payload, deleted FROM record WHERE collection=?1 AND id=?2"};
    row = payload.bind(1, "task").bind(2, "t1").step();
    REQUIRE((row && *row));
    CHECK(payload.col_blob(0) == bytes);
    CHECK(payload.col_int(1) == 0);
}

TEST_CASE("The PostgreSQL audit log refuses UPDATE, DELETE and TRUNCATE", "[pg]") {
    auto db = server_database("schema_audit");
    REQUIRE(db.exec("INSERT INTO audit_log(at, actor, device, role, district, action, collection, record_id, outcome, "
                    "code, reason) VALUES(1, 'u1', 'dev', 'admin', '', 'export', '', '', 'accepted', '', '')"));
    for (const char* sql : {"UPDATE audit_log SET reason = 'changed'", "DELETE FROM audit_log", "TRUNCATE audit_log"}) {
        INFO(sql);
        store::Statement st{db, sql};
        auto r = st.run();
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::storage);
        CHECK(r.error().message().find("append-only") != std::string::npos);
    }
    CHECK(scalar(db, "SELECT COUNT(*) FROM audit_log WHERE reason = ''") == 1);
}

TEST_CASE("The feed's sequencer row hands out seqs in commit order: a second writer waits for the first", "[pg]") {
    const std::string url = server_database_url("schema_sequencer");
    auto first = connect(url);
    auto second = connect(url);
    constexpr std::string_view take = "UPDATE feed_sequencer SET last_seq = last_seq + ?1 WHERE id = 1 RETURNING last_seq";

    REQUIRE(first.exec("BEGIN"));
    store::Statement mine{first, take};
    auto row = mine.bind(1, 3).step();
    REQUIRE((row && *row));
    CHECK(mine.col_int(0) == 3);
    mine.reset();

    // While the first writer's transaction is open, the second cannot take seqs (it would wait;
    // the lock timeout turns that wait into an error to look at).
    REQUIRE(second.exec("SET lock_timeout = '300ms'"));
    store::Statement theirs{second, take};
    auto blocked = theirs.bind(1, 1).step();
    REQUIRE_FALSE(blocked.has_value());
    CHECK(blocked.error().message().find("55P03") != std::string::npos);

    REQUIRE(first.exec("COMMIT"));
    theirs.reset();
    row = theirs.step();
    REQUIRE((row && *row));
    CHECK(theirs.col_int(0) == 4);  // after the first writer's seqs 1..3: none skipped, none reused
}
