#include <catch2/catch.hpp>

#include <limits>

#include "shared/store/connection.h"
#include "shared/store/database.h"
#include "shared/store/migrations.h"
#include "shared/store/statement.h"
#include "shared/store/transaction.h"
#include "shared/support/temp_dir.h"

// The backend-neutral seam on its SQLite implementation: everything here goes through a
// store::Connection& and must behave exactly as it did on the concrete Database.

using namespace ducha;
using namespace ducha::store;

namespace {

Status create_table(Connection& db) {
    return db.exec("CREATE TABLE v(k INTEGER PRIMARY KEY, i INTEGER, d REAL, t TEXT, b BLOB)");
}

std::int64_t count_rows(Connection& db) {
    Statement st{db, "SELECT COUNT(*) FROM v"};
    auto row = st.step();
    REQUIRE(row);
    REQUIRE(*row);
    return st.col_int(0);
}

// A migration step's `after` hook sees only the neutral interface.
Status add_row_after(Connection& db) {
    Statement st{db, "INSERT INTO v(k, t) VALUES(?1, ?2)"};
    return st.bind(1, 42).bind(2, "from after").run();
}
constexpr Migration kSteps[] = {
    {1, "CREATE TABLE v(k INTEGER PRIMARY KEY, i INTEGER, d REAL, t TEXT, b BLOB)", add_row_after}};
}  // namespace

TEST_CASE("an SQLite database is a Connection whose dialect is sqlite", "[store]") {
    test::TempDir t;
    auto db = Database::open(t / "c.db");
    REQUIRE(db);
    Connection& conn = *db;
    CHECK(conn.dialect() == Dialect::sqlite);
    CHECK(conn.transaction_sql(TransactionStep::begin_immediate) == "BEGIN IMMEDIATE");
    CHECK(conn.transaction_sql(TransactionStep::begin_deferred) == "BEGIN");
    CHECK_FALSE(conn.in_transaction());
}

TEST_CASE("a statement through a Connection binds and reads every type", "[store]") {
    test::TempDir t;
    auto db = Database::open(t / "c.db");
    REQUIRE(db);
    Connection& conn = *db;
    REQUIRE(create_table(conn));

    const std::string blob("\0a\xff\0", 4);
    const std::string text = "双减督查 text";
    const auto big = std::numeric_limits<std::int64_t>::max();
    Statement ins{conn, "INSERT INTO v(k, i, d, t, b) VALUES(?1, ?2, ?3, ?4, ?5)"};
    REQUIRE(ins.bind(1, 1).bind(2, big).bind(3, 2.5).bind(4, text).bind_blob(5, blob).run());
    CHECK(conn.changes() == 1);
    REQUIRE(ins.bind(1, 2).bind(2, std::uint64_t{7}).bind(3, -0.125).bind(4, std::string_view{}).bind_blob(5, "").run());
    REQUIRE(ins.bind(1, 3).bind(2, true).bind_null(3).bind_null(4).bind_null(5).run());
    REQUIRE(ins.bind(1, 4).bind(2, false).bind(3, 1.0).bind(4, std::string("s")).bind_blob(5, "x").run());

    Statement sel{conn, "SELECT i, d, t, b, t IS NULL, b IS NULL, typeof(b) FROM v WHERE k=?1"};
    REQUIRE(*sel.bind(1, 1).step());
    CHECK(sel.col_int(0) == big);
    CHECK(sel.col_double(1) == 2.5);
    CHECK(sel.col_text(2) == text);
    CHECK(sel.col_blob(3) == blob);
    CHECK_FALSE(sel.col_null(2));
    CHECK_FALSE(*sel.step());  // one row per key
    sel.reset();

    REQUIRE(*sel.bind(1, 2).step());
    CHECK(sel.col_int(0) == 7);
    CHECK(sel.col_double(1) == -0.125);
    CHECK(sel.col_text(2).empty());
    CHECK(sel.col_int(4) == 0);  // an empty text is '' not NULL
    CHECK(sel.col_blob(3).empty());
    CHECK(sel.col_int(5) == 0);  // a zero-byte blob is a blob, not NULL
    CHECK(sel.col_text(6) == "blob");
    sel.reset();

    REQUIRE(*sel.bind(1, 3).step());
    CHECK(sel.col_int(0) == 1);  // true
    CHECK(sel.col_null(1));
    CHECK(sel.col_null(2));
    CHECK(sel.col_null(3));
    CHECK(sel.col_text(2).empty());
    CHECK(sel.col_blob(3).empty());
    sel.reset();

    REQUIRE(*sel.bind(1, 4).step());
    CHECK(sel.col_int(0) == 0);  // false
    CHECK(sel.col_text(2) == "s");
    sel.reset();

    // clear_bindings: ?1 is NULL again, so no row matches
    sel.clear_bindings();
    CHECK_FALSE(*sel.step());
}

TEST_CASE("statement errors through a Connection are values, bad SQL throws", "[store]") {
    test::TempDir t;
    auto db = Database::open(t / "c.db");
    REQUIRE(db);
    Connection& conn = *db;
    REQUIRE(create_table(conn));
    CHECK_THROWS_AS(Statement(conn, "SELEKT nonsense"), std::logic_error);

    Statement ins{conn, "INSERT INTO v(k) VALUES(?1)"};
    REQUIRE(ins.bind(1, 1).run());
    auto dup = ins.bind(1, 1).run();
    REQUIRE_FALSE(dup);
    CHECK(dup.error().code == Errc::already_exists);
    // A bind out of range is kept and reported by the next step, then forgotten.
    auto bad = ins.bind(1, 2).bind(9, 1).run();
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == Errc::storage);
    REQUIRE(ins.bind(1, 3).run());
    CHECK(count_rows(conn) == 2);
    auto exec_bad = conn.exec("INSERT INTO missing VALUES(1)");
    REQUIRE_FALSE(exec_bad);
    CHECK(exec_bad.error().code == Errc::storage);
}

TEST_CASE("cached statements through a Connection are kept, reset and unbound", "[store]") {
    test::TempDir t;
    auto db = Database::open(t / "c.db");
    REQUIRE(db);
    Connection& conn = *db;
    REQUIRE(create_table(conn));
    REQUIRE(conn.exec("INSERT INTO v(k, t) VALUES(1, 'one'), (2, 'two')"));

    auto& c1 = conn.cached("SELECT t FROM v WHERE k=?1");
    REQUIRE(*c1.bind(1, 1).step());
    CHECK(c1.col_text(0) == "one");  // left mid-cursor on purpose
    auto& c2 = conn.cached("SELECT t FROM v WHERE k=?1");
    CHECK(&c1 == &c2);
    CHECK_FALSE(*c2.step());  // unbound: ?1 is NULL
    REQUIRE(*conn.cached("SELECT t FROM v WHERE k=?1").bind(1, 2).step());
    CHECK(c1.col_text(0) == "two");
    CHECK(&conn.cached("SELECT t FROM v WHERE k=?2") != &c1);  // another SQL text, another statement

    // The cache moves with the Database it belongs to.
    Database moved = std::move(*db);
    Connection& again = moved;
    auto& c3 = again.cached("SELECT t FROM v WHERE k=?1");
    CHECK(&c3 == &c1);
    REQUIRE(*c3.bind(1, 1).step());
    CHECK(c3.col_text(0) == "one");
}

TEST_CASE("a transaction through a Connection rolls back unless committed, nested ones are savepoints", "[store]") {
    test::TempDir t;
    auto db = Database::open(t / "c.db");
    REQUIRE(db);
    Connection& conn = *db;
    REQUIRE(create_table(conn));
    {
        Transaction tx{conn};
        REQUIRE(tx.begun());
        CHECK(conn.in_transaction());
        REQUIRE(conn.exec("INSERT INTO v(k) VALUES(1)"));
    }  // no commit
    CHECK_FALSE(conn.in_transaction());
    CHECK(count_rows(conn) == 0);
    {
        Transaction outer{conn, Transaction::Deferred};
        REQUIRE(outer.begun());
        REQUIRE(conn.exec("INSERT INTO v(k) VALUES(1)"));
        {
            Transaction inner{conn};
            REQUIRE(inner.begun());
            REQUIRE(conn.exec("INSERT INTO v(k) VALUES(2)"));
        }  // the inner one alone is undone
        CHECK(conn.in_transaction());
        {
            Transaction inner{conn};
            REQUIRE(conn.exec("INSERT INTO v(k) VALUES(3)"));
            REQUIRE(inner.commit());
            CHECK_FALSE(inner.commit());  // a second commit has nothing to commit
        }
        REQUIRE(outer.commit());
    }
    CHECK_FALSE(conn.in_transaction());
    CHECK(count_rows(conn) == 2);
    {
        Transaction outer{conn};
        {
            Transaction inner{conn};
            REQUIRE(conn.exec("INSERT INTO v(k) VALUES(4)"));
            REQUIRE(inner.commit());
        }
    }  // the outer rollback undoes what the inner one committed
    CHECK(count_rows(conn) == 2);
}

TEST_CASE("an immediate transaction through a Connection takes the write lock at once, a deferred one does not", "[store]") {
    test::TempDir t;
    Database::Options quick;
    quick.busy_timeout_ms = 0;  // a locked database answers busy at once
    auto a = Database::open(t / "c.db", quick);
    auto b = Database::open(t / "c.db", quick);
    REQUIRE(a);
    REQUIRE(b);
    Connection& first = *a;
    Connection& second = *b;
    REQUIRE(create_table(first));
    {
        Transaction deferred{first, Transaction::Deferred};
        REQUIRE(deferred.begun());
        CHECK(second.exec("INSERT INTO v(k) VALUES(1)"));  // nothing held yet
    }
    {
        Transaction immediate{first, Transaction::Immediate};
        REQUIRE(immediate.begun());
        auto blocked = second.exec("INSERT INTO v(k) VALUES(2)");
        REQUIRE_FALSE(blocked);
        CHECK(blocked.error().code == Errc::storage);
    }
    CHECK(count_rows(second) == 1);
}

TEST_CASE("a migration step's after hook runs on the Connection in the same transaction", "[store]") {
    test::TempDir t;
    auto db = Database::open(t / "c.db");
    REQUIRE(db);
    REQUIRE(apply_migrations(*db, kSteps));
    CHECK(*schema_version(*db) == 1);
    Statement st{*db, "SELECT t FROM v WHERE k=42"};
    REQUIRE(*st.step());
    CHECK(st.col_text(0) == "from after");
}
