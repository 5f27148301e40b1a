#include <catch2/catch.hpp>

#include <filesystem>

#include "shared/crypto/random.h"
#include "shared/store/database.h"
#include "shared/store/migrations.h"
#include "shared/store/statement.h"
#include "shared/store/transaction.h"

using namespace ducha;
using namespace ducha::store;
namespace fs = std::filesystem;

namespace {
struct TmpDb {
    fs::path dir = fs::temp_directory_path() / ("ducha-store-" + crypto::random_token(8));
    TmpDb() { fs::create_directories(dir); }
    ~TmpDb() { fs::remove_all(dir); }
    fs::path file() const { return dir / "t.db"; }
};
constexpr Migration kV1[] = {{1, "CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT NOT NULL, b BLOB)"}};
constexpr Migration kV2[] = {{1, "CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT NOT NULL, b BLOB)"},
                             {2, "ALTER TABLE t ADD COLUMN extra INTEGER NOT NULL DEFAULT 7"}};
}  // namespace

TEST_CASE("migrations apply once, in order, and upgrade an older file", "[store]") {
    TmpDb t;
    {
        auto db = Database::open(t.file());
        REQUIRE(db);
        REQUIRE(apply_migrations(*db, kV1));
        REQUIRE(*schema_version(*db) == 1);
        REQUIRE(db->exec("INSERT INTO t(k, v) VALUES(1, 'kept')"));
    }
    auto db = Database::open(t.file());
    REQUIRE(db);
    REQUIRE(apply_migrations(*db, kV2));
    REQUIRE(apply_migrations(*db, kV2));  // idempotent
    CHECK(*schema_version(*db) == 2);
    Statement st{*db, "SELECT v, extra FROM t WHERE k=1"};
    REQUIRE(*st.step());
    CHECK(st.col_text(0) == "kept");
    CHECK(st.col_int(1) == 7);
}

TEST_CASE("a database newer than the program is refused, untouched", "[store]") {
    TmpDb t;
    auto db = Database::open(t.file());
    REQUIRE(apply_migrations(*db, kV2));
    auto r = apply_migrations(*db, kV1);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::storage);
    CHECK(r.error().message().find("newer") != std::string::npos);
    CHECK(*schema_version(*db) == 2);
}

TEST_CASE("a transaction rolls back unless committed - nested ones are savepoints", "[store]") {
    TmpDb t;
    auto db = Database::open(t.file());
    REQUIRE(apply_migrations(*db, kV1));
    {
        Transaction tx{*db};
        REQUIRE(tx.begun());
        REQUIRE(db->exec("INSERT INTO t(k, v) VALUES(1, 'a')"));
    }  // no commit
    Statement count{*db, "SELECT COUNT(*) FROM t"};
    REQUIRE(*count.step());
    CHECK(count.col_int(0) == 0);
    count.reset();
    {
        Transaction outer{*db};
        REQUIRE(db->exec("INSERT INTO t(k, v) VALUES(1, 'a')"));
        {
            Transaction inner{*db};
            REQUIRE(db->exec("INSERT INTO t(k, v) VALUES(2, 'b')"));
        }  // inner rolled back only
        {
            Transaction inner{*db};
            REQUIRE(db->exec("INSERT INTO t(k, v) VALUES(3, 'c')"));
            REQUIRE(inner.commit());
        }
        REQUIRE(outer.commit());
    }
    REQUIRE(*count.step());
    CHECK(count.col_int(0) == 2);
}

TEST_CASE("statements bind and read text, blobs with zero bytes, and report constraint errors", "[store]") {
    TmpDb t;
    auto db = Database::open(t.file());
    REQUIRE(apply_migrations(*db, kV1));
    std::string blob("a\0b\xff", 4);
    Statement ins{*db, "INSERT INTO t(k, v, b) VALUES(?1, ?2, ?3)"};
    REQUIRE(ins.bind(1, 1).bind(2, std::string_view{}).bind_blob(3, blob).run());
    Statement sel{*db, "SELECT v, b, v IS NULL FROM t WHERE k=1"};
    REQUIRE(*sel.step());
    CHECK(sel.col_text(0).empty());
    CHECK(sel.col_int(2) == 0);  // an empty string_view is '' not NULL
    CHECK(sel.col_blob(1) == blob);
    auto dup = ins.bind(1, 1).bind(2, "x").bind_blob(3, "").run();
    REQUIRE_FALSE(dup);
    CHECK(dup.error().code == Errc::already_exists);
    CHECK_THROWS(Statement{*db, "SELEKT nonsense"});
    // cached statements come back reset and unbound
    auto& c1 = db->cached("SELECT COUNT(*) FROM t WHERE k=?1");
    c1.bind(1, 1);
    REQUIRE(*c1.step());
    CHECK(c1.col_int(0) == 1);
    auto& c2 = db->cached("SELECT COUNT(*) FROM t WHERE k=?1");
    REQUIRE(&c1 == &c2);
    REQUIRE(*c2.step());
    CHECK(c2.col_int(0) == 0);  // ?1 unbound = NULL
}
