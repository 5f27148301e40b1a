// Numbered migrations on PostgreSQL (server/pg/pg_migrations.h), each test in a fresh database of
// the shared throwaway cluster: every step runs once, a newer database is refused, and a failing
// step leaves nothing behind.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>

#include "server/pg/pg_migrations.h"
#include "shared/store/statement.h"
#include "support/throwaway_postgres.h"

using namespace ducha;
using pg::PgConnection;
using pg::PgMigration;

namespace {

// A new empty database of the shared cluster, and a connection to it.
PgConnection fresh_database(const std::string& stem) {
    auto db = PgConnection::open(test::fresh_database_url(stem));
    INFO((db ? "" : db.error().message()));
    REQUIRE(db.has_value());
    return std::move(*db);
}

std::int64_t scalar(PgConnection& db, const std::string& sql) {
    store::Statement st{db, sql};
    auto row = st.step();
    INFO(sql << ": " << (row ? "" : row.error().message()));
    REQUIRE(row.has_value());
    REQUIRE(*row);
    return st.col_int(0);
}

constexpr PgMigration kThree[] = {
    {1, "CREATE TABLE step(n INTEGER NOT NULL); INSERT INTO step VALUES (1)"},
    {2, "INSERT INTO step VALUES (2)"},
    {3, "INSERT INTO step VALUES (3)"},
};

}  // namespace

TEST_CASE("PostgreSQL migrations apply each step once and record the version", "[pg]") {
    auto db = fresh_database("migrate_once");
    CHECK(*pg::pg_schema_version(db) == 0);

    auto first = pg::apply_pg_migrations(db, std::span{kThree}.first(2));
    INFO((first ? "" : first.error().message()));
    REQUIRE(first.has_value());
    CHECK(*first == 2);
    CHECK(*pg::pg_schema_version(db) == 2);

    auto second = pg::apply_pg_migrations(db, std::span{kThree}.first(2));  // a second start: nothing to do
    REQUIRE(second.has_value());
    CHECK(*second == 0);
    CHECK(scalar(db, "SELECT COUNT(*) FROM step") == 2);

    auto third = pg::apply_pg_migrations(db, kThree);  // a newer program: only the new step
    REQUIRE(third.has_value());
    CHECK(*third == 1);
    CHECK(*pg::pg_schema_version(db) == 3);
    CHECK(scalar(db, "SELECT COUNT(*) FROM step") == 3);
    CHECK(scalar(db, "SELECT SUM(n) FROM step") == 6);
    CHECK(scalar(db, "SELECT COUNT(*) FROM schema_version") == 1);
    CHECK_FALSE(db.in_transaction());
}

TEST_CASE("PostgreSQL migrations refuse a database newer than the program", "[pg]") {
    auto db = fresh_database("migrate_newer");
    REQUIRE(pg::apply_pg_migrations(db, kThree).has_value());
    auto older = pg::apply_pg_migrations(db, std::span{kThree}.first(1));
    REQUIRE_FALSE(older.has_value());
    CHECK(older.error().what == Msg::database_schema_newer_than_program);
    CHECK(older.error().args.at(0) == "3");
    CHECK(*pg::pg_schema_version(db) == 3);
    CHECK_FALSE(db.in_transaction());
}

TEST_CASE("A failing PostgreSQL migration step leaves the database as it was", "[pg]") {
    auto db = fresh_database("migrate_fail");
    constexpr PgMigration broken[] = {
        {1, "CREATE TABLE kept(n INTEGER)"},
        {2, "INSERT INTO no_such_table VALUES (1)"},
    };
    auto r = pg::apply_pg_migrations(db, broken);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().what == Msg::migration_failed);
    CHECK(r.error().args.at(0) == "2");
    CHECK_FALSE(db.in_transaction());
    CHECK(*pg::pg_schema_version(db) == 0);
    CHECK(scalar(db, "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'kept'") == 0);

    constexpr PgMigration gap[] = {{1, "SELECT 1"}, {3, "SELECT 1"}};
    CHECK_THROWS_AS(pg::apply_pg_migrations(db, gap), std::logic_error);
}
