// PgConnection and its statements (store::Statement over PgStatement) on a real PostgreSQL
// cluster (ThrowawayPostgres, one per process): every bind and column type round-trips,
// SQLite-style placeholders become PostgreSQL's outside literals, errors come back as typed values
// (a duplicate key, a retryable serialization failure, a deadlock, a server that went away), and
// store::Statement's stepping rules hold.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <thread>

#include "server/pg/pg_connection.h"
#include "server/pg/pg_statement.h"
#include "shared/store/statement.h"
#include "support/throwaway_postgres.h"

using namespace ducha;
using pg::PgConnection;
using pg::PgStatement;

namespace {

PgConnection connect(const std::string& url) {
    auto db = PgConnection::open(url);
    INFO((db ? "" : db.error().message()));
    REQUIRE(db.has_value());
    return std::move(*db);
}

void exec(PgConnection& db, const std::string& sql) {
    auto r = db.exec(sql);
    INFO(sql << ": " << (r ? "" : r.error().message()));
    REQUIRE(r.has_value());
}

// Runs a one-row query and leaves the statement on its row.
void one_row(store::Statement& st) {
    auto row = st.step();
    INFO((row ? "" : row.error().message()));
    REQUIRE(row.has_value());
    REQUIRE(*row);
}

}  // namespace

TEST_CASE("PgStatement round-trips every bind and column type", "[pg]") {
    auto db = connect(test::ThrowawayPostgres::shared().url());
    exec(db, "CREATE TEMP TABLE t(k INTEGER PRIMARY KEY, big BIGINT, small INTEGER, flag INTEGER, "
             "real DOUBLE PRECISION, words TEXT, bytes BYTEA, nothing TEXT)");

    const std::string chinese = "双减督查：校外培训机构检查 ✓";
    std::string bytes{"\0a\0\xff\x00\x7f", 6};
    for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
    REQUIRE(bytes.size() == 262);
    const std::int64_t big = std::numeric_limits<std::int64_t>::min();

    store::Statement ins{db, "INSERT INTO t(k, big, small, flag, real, words, bytes, nothing) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)"};
    REQUIRE(PgStatement(db, "INSERT INTO t VALUES(?1,?2,?3,?4,?5,?6,?7,?8)").parameter_count() == 8);
    ins.bind(1, 1).bind(2, big).bind(3, -42).bind(4, true).bind(5, 0.1).bind(6, chinese).bind_blob(7, bytes).bind_null(8);
    REQUIRE(ins.run());
    CHECK(db.changes() == 1);
    // The other extremes, an empty text and an empty byte string (empty, not NULL), reusing the statement.
    ins.bind(1, 2).bind(2, std::numeric_limits<std::int64_t>::max()).bind(3, std::uint64_t{7}).bind(4, false);
    ins.bind(5, -1.5e300).bind(6, std::string_view{}).bind_blob(7, std::string_view{}).bind(8, "set");
    REQUIRE(ins.run());

    store::Statement sel{db, "SELECT big, small, flag, real, words, bytes, nothing, k FROM t WHERE k=?1"};
    sel.bind(1, 1);
    one_row(sel);
    CHECK(sel.col_int(0) == big);
    CHECK(sel.col_int(1) == -42);
    CHECK(sel.col_int(2) == 1);
    CHECK(sel.col_double(3) == 0.1);
    CHECK(sel.col_text(4) == chinese);
    CHECK(sel.col_blob(5) == bytes);
    CHECK(sel.col_null(6));
    CHECK_FALSE(sel.col_null(5));
    // SQLite's conversions: NULL reads as 0 and "", a number's text is its decimal form.
    CHECK(sel.col_int(6) == 0);
    CHECK(sel.col_text(6).empty());
    CHECK(sel.col_text(1) == "-42");
    CHECK(sel.col_double(1) == -42.0);
    auto done = sel.step();
    REQUIRE(done.has_value());
    CHECK_FALSE(*done);

    sel.reset();
    sel.bind(1, 2);
    one_row(sel);
    CHECK(sel.col_int(0) == std::numeric_limits<std::int64_t>::max());
    CHECK(sel.col_int(1) == 7);
    CHECK(sel.col_int(2) == 0);
    CHECK(sel.col_double(3) == -1.5e300);
    CHECK(sel.col_text(4).empty());
    CHECK_FALSE(sel.col_null(4));
    CHECK(sel.col_blob(5).empty());
    CHECK_FALSE(sel.col_null(5));
    CHECK(sel.col_text(6) == "set");

    // Computed columns: numeric (SUM of BIGINT), boolean, and the text of a bound value.
    store::Statement sums{db, "SELECT SUM(small), 12.3400::numeric(8,4), -0.0005::numeric, "
                                "123456789012345678901234::numeric, COUNT(*) > 1, octet_length(?1) FROM t"};
    sums.bind(1, chinese);
    one_row(sums);
    CHECK(sums.col_int(0) == -35);
    CHECK(sums.col_text(1) == "12.3400");
    CHECK(sums.col_double(1) == 12.34);
    CHECK(sums.col_text(2) == "-0.0005");
    CHECK(sums.col_text(3) == "123456789012345678901234");
    CHECK(sums.col_int(4) == 1);
    CHECK(sums.col_int(5) == static_cast<std::int64_t>(chinese.size()));
}

TEST_CASE("PgStatement rewrites ?N to $N outside literals, identifiers, comments and bodies", "[pg]") {
    int count = 0;
    const std::string sql = "SELECT ?1, '?2 it''s', \"col?3\", E'\\'?4', ?12 -- ?5\n/* ?6 /* ?7 */ */ $f$?8$f$, "
                            "x ? 'k', $2, ?3";
    CHECK(PgStatement::rewrite_placeholders(sql, count) ==
          "SELECT $1, '?2 it''s', \"col?3\", E'\\'?4', $12 -- ?5\n/* ?6 /* ?7 */ */ $f$?8$f$, x ? 'k', $2, $3");
    CHECK(count == 12);

    auto db = connect(test::ThrowawayPostgres::shared().url());
    store::Statement st{db, "SELECT ?1 || '?', '?2', ?2::bigint + 1"};
    CHECK(PgStatement(db, "SELECT ?1 || '?', '?2', ?2::bigint + 1").parameter_count() == 2);
    st.bind(1, "a").bind(2, 41);
    one_row(st);
    CHECK(st.col_text(0) == "a?");
    CHECK(st.col_text(1) == "?2");
    CHECK(st.col_int(2) == 42);
}

TEST_CASE("PgStatement steps like store::Statement: to the end, again after it, bindings kept", "[pg]") {
    auto db = connect(test::ThrowawayPostgres::shared().url());
    store::Statement st{db, "SELECT n FROM generate_series(1, ?1::int) AS n ORDER BY n"};
    st.bind(1, 3);
    for (int want = 1; want <= 3; ++want) {
        one_row(st);
        CHECK(st.col_int(0) == want);
    }
    auto end = st.step();
    REQUIRE(end.has_value());
    CHECK_FALSE(*end);
    one_row(st);  // a step after the end runs it again, with the same binding
    CHECK(st.col_int(0) == 1);
    st.reset();
    st.clear_bindings();
    auto none = st.step();  // an unbound parameter is NULL: generate_series(1, NULL) has no rows
    REQUIRE(none.has_value());
    CHECK_FALSE(*none);

    exec(db, "CREATE TEMP TABLE c(x INTEGER); INSERT INTO c VALUES (1), (2), (3)");
    store::Statement upd{db, "UPDATE c SET x = x + ?1 WHERE x >= ?2"};
    REQUIRE(upd.bind(1, 10).bind(2, 2).run());
    CHECK(db.changes() == 2);

    // A cached statement comes back reset and unbound, and survives moving its connection.
    auto& cached = db.cached("SELECT COUNT(*) FROM c WHERE x > ?1");
    cached.bind(1, 11);
    one_row(cached);
    CHECK(cached.col_int(0) == 2);
    PgConnection moved = std::move(db);
    auto& again = moved.cached("SELECT COUNT(*) FROM c WHERE x > ?1");
    CHECK(&again == &cached);
    one_row(again);
    CHECK(again.col_int(0) == 0);  // unbound: x > NULL holds for no row
    db = std::move(moved);

    store::Statement bad{db, "SELECT ?1"};
    bad.bind(2, 1);
    auto r = bad.step();
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::storage);
    store::Statement syntax{db, "SELEKT 1"};
    auto s = syntax.step();
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code == Errc::storage);
    CHECK(s.error().message().find("42601") != std::string::npos);
}

TEST_CASE("PostgreSQL errors are typed: a duplicate key, and a serialization failure to retry", "[pg]") {
    const std::string url = test::ThrowawayPostgres::shared().url();
    auto a = connect(url);
    exec(a, "DROP TABLE IF EXISTS probe; CREATE TABLE probe(id TEXT PRIMARY KEY, n INTEGER NOT NULL)");
    store::Statement ins{a, "INSERT INTO probe(id, n) VALUES(?1, ?2)"};
    REQUIRE(ins.bind(1, "x").bind(2, 1).run());
    auto dup = ins.run();
    REQUIRE_FALSE(dup.has_value());
    CHECK(dup.error().code == Errc::already_exists);
    CHECK(dup.error().what == Msg::database_duplicate_key);
    CHECK(dup.error().message().find("23505") != std::string::npos);
    CHECK_FALSE(pg::is_retryable(dup.error()));

    // A repeatable-read transaction that updates a row another one changed after its snapshot.
    auto b = connect(url);
    exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    store::Statement read{a, "SELECT n FROM probe WHERE id=?1"};
    read.bind(1, "x");
    one_row(read);
    read.reset();
    exec(b, "UPDATE probe SET n = 2 WHERE id = 'x'");
    store::Statement write{a, "UPDATE probe SET n = n + 1 WHERE id=?1"};
    auto lost = write.bind(1, "x").run();
    REQUIRE_FALSE(lost.has_value());
    CHECK(lost.error().code == Errc::unavailable);
    CHECK(pg::is_retryable(lost.error()));
    CHECK_FALSE(pg::is_connection_lost(lost.error()));
    CHECK(a.in_transaction());
    exec(a, "ROLLBACK");
    CHECK_FALSE(a.in_transaction());
    // The connection is still good after the error.
    one_row(read);
    CHECK(read.col_int(0) == 2);
}

TEST_CASE("A deadlock between two transactions fails one of them with a retryable error", "[pg]") {
    const std::string url = test::ThrowawayPostgres::shared().url();
    auto a = connect(url);
    auto b = connect(url);
    exec(a, "DROP TABLE IF EXISTS deadlock_probe; CREATE TABLE deadlock_probe(id INTEGER PRIMARY KEY, n INTEGER);"
            "INSERT INTO deadlock_probe VALUES (1, 0), (2, 0)");
    // b looks for the cycle soon after it starts waiting; a only later, in case b waited first.
    exec(a, "SET deadlock_timeout = '1s'");
    exec(b, "SET deadlock_timeout = '100ms'");
    exec(a, "BEGIN; UPDATE deadlock_probe SET n = 1 WHERE id = 1");
    exec(b, "BEGIN; UPDATE deadlock_probe SET n = 2 WHERE id = 2");

    Status a_result;
    std::thread a_waits([&] {  // a waits for b's row (its connection is used on this thread only)
        store::Statement st{a, "UPDATE deadlock_probe SET n = 1 WHERE id = ?1"};
        a_result = st.bind(1, 2).run();
        // The one chosen to fail rolls back at once, which lets the other go on.
        auto ended = a.exec(a_result ? "COMMIT" : "ROLLBACK");
        if (!ended) a_result = fail(ended.error());
    });
    store::Statement st{b, "UPDATE deadlock_probe SET n = 2 WHERE id = ?1"};
    Status b_result = st.bind(1, 1).run();  // b waits for a's row: a cycle
    exec(b, b_result ? "COMMIT" : "ROLLBACK");
    a_waits.join();

    REQUIRE(a_result.has_value() != b_result.has_value());  // exactly one was chosen to fail
    const Error& e = a_result ? b_result.error() : a_result.error();
    CHECK(e.message().find("40P01") != std::string::npos);
    CHECK(e.code == Errc::unavailable);
    CHECK(pg::is_retryable(e));
}

TEST_CASE("A statement after the PostgreSQL server stopped is an error value, not a crash", "[pg]") {
    test::ThrowawayPostgres own;
    auto db = connect(own.url());
    store::Statement st{db, "SELECT ?1::int + 1"};
    st.bind(1, 1);
    one_row(st);
    CHECK(st.col_int(0) == 2);
    st.reset();

    own.stop();
    auto r = st.step();
    REQUIRE_FALSE(r.has_value());
    CHECK(pg::is_connection_lost(r.error()));
    CHECK(r.error().code == Errc::unavailable);
    CHECK_FALSE(db.connected());
    auto again = db.exec("SELECT 1");
    REQUIRE_FALSE(again.has_value());
    CHECK(pg::is_connection_lost(again.error()));
    CHECK(st.col_null(0));  // no row to read: reads as NULL, never past the end

    auto reopen = PgConnection::open(own.url());
    REQUIRE_FALSE(reopen.has_value());
    CHECK(reopen.error().what == Msg::cannot_open_database);
    CHECK(reopen.error().message().find("?host") == std::string::npos);  // the URL is not echoed

    own.start();
    auto back = PgConnection::open(own.url());
    REQUIRE(back.has_value());
    CHECK(back->connected());
}
