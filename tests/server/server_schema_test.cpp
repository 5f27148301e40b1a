// A server database made by the first schema version keeps every record, seq and scope through
// the later migrations (seq as rowid, partial key indexes, receipts on their report's keys).
#include <catch2/catch.hpp>

#include "ducha.pb.h"
#include "server/storage/blob_refs.h"
#include "server/storage/record_table.h"
#include "server/storage/server_schema.h"
#include "shared/store/migrations.h"
#include "shared/store/statement.h"
#include "support/test_server.h"

using namespace ducha;

namespace {

void exec(store::Database& db, const std::string& sql) {
    auto r = db.exec(sql);
    INFO(sql << ": " << (r ? "" : r.error().message()));
    REQUIRE(r.has_value());
}

std::int64_t scalar(store::Database& db, const std::string& sql) {
    store::Statement st{db, sql};
    auto row = st.step();
    REQUIRE(row.has_value());
    REQUIRE(*row);
    return st.col_int(0);
}

}  // namespace

TEST_CASE("server migrations keep records, seqs and scopes of a version-1 database", "[server][schema]") {
    test::TempDir dir;
    auto db = store::Database::open(dir / "ducha.db");
    REQUIRE(db.has_value());
    const auto steps = server::server_migrations();
    REQUIRE(steps.size() >= 4);
    REQUIRE(store::apply_migrations(*db, steps.first(1)));
    REQUIRE(*store::schema_version(*db) == 1);

    // Version-1 rows as its code wrote them: a task, a report on it, the report's receipt (with key
    // rows of its own), and a record that left a scope (inactive key).
    exec(*db, "INSERT INTO record(collection, id, version, payload, deleted, seq, updated_at) VALUES"
              "('task','t1',2,x'0a01',0,7,100),('report','r1',1,x'0a02',0,5,100),"
              "('receipt','r1',1,x'0a03',0,6,100),('institution','i1',3,x'0a04',0,9,100)");
    exec(*db, "INSERT INTO record_key(collection, id, key, active) VALUES"
              "('task','t1','u:v1',1),('task','t1','d:d1',1),('report','r1','u:v1',1),('report','r1','sup',1),"
              "('receipt','r1','u:v1',1),('receipt','r1','sup',1),('institution','i1','z:old',0),"
              "('institution','i1','d:d1',1)");

    REQUIRE(store::apply_migrations(*db, steps));
    CHECK(*store::schema_version(*db) == static_cast<int>(steps.back().version));

    server::RecordTable table{*db};
    auto task = table.get("task", "t1");
    REQUIRE(task.has_value());
    REQUIRE(task->has_value());
    CHECK((*task)->seq() == 7);
    CHECK((*task)->version() == 2);
    CHECK((*task)->payload() == std::string("\x0a\x01", 2));
    CHECK(*table.max_seq() == 9);
    CHECK(scalar(*db, "SELECT COUNT(*) FROM record_key WHERE collection='receipt'") == 0);

    // The volunteer's pull still sees the report, its receipt and the task, in seq order.
    auto page = table.pull({"u:v1"}, 0, 100, 1000);
    REQUIRE(page.has_value());
    std::vector<std::string> got;
    for (const auto& r : page->records) got.push_back(r.collection() + "/" + r.id() + (r.deleted() ? "-" : ""));
    CHECK(got == std::vector<std::string>{"report/r1", "receipt/r1", "task/t1"});
    // A holder of the old zone key is told the institution left its scope.
    auto old_zone = table.pull({"z:old"}, 0, 100, 1000);
    REQUIRE(old_zone.has_value());
    REQUIRE(old_zone->records.size() == 1);
    CHECK(old_zone->records[0].deleted());
    CHECK(old_zone->records[0].payload().empty());
    // Tasks are still found by key through the new partial index.
    auto by_key = table.by_key("task", "u:v1");
    REQUIRE(by_key.has_value());
    REQUIRE(by_key->size() == 1);
    CHECK(by_key->front().first == "t1");

    // New writes append after the highest seq, and a rewrite moves the record to the end.
    pb::Record rec = **task;
    rec.set_version(3);
    rec.set_seq(10);
    REQUIRE(table.put(rec, {"u:v1"}));
    auto moved = table.pull({"u:v1"}, 9, 100, 1000);
    REQUIRE(moved.has_value());
    REQUIRE(moved->records.size() == 1);
    CHECK(moved->records[0].id() == "t1");
    CHECK(moved->records[0].version() == 3);
    CHECK(scalar(*db, "SELECT COUNT(*) FROM record") == 4);
}

TEST_CASE("migration 5 indexes the evidence files of reports already held, so their readers keep them",
          "[server][schema]") {
    test::TempDir dir;
    auto db = store::Database::open(dir / "ducha.db");
    REQUIRE(db.has_value());
    const auto steps = server::server_migrations();
    REQUIRE(steps.size() >= 5);
    REQUIRE(store::apply_migrations(*db, steps.first(4)));
    // A version-4 report with a photo (blobs + an answer's photo) and its evidence row.
    pb::Report r;
    r.add_blobs()->set_sha256(std::string(32, '\x11'));
    auto* a = r.add_answers();
    a->set_code("L1");
    a->add_photo_sha256(std::string(32, '\x22'));
    pb::Evidence e;
    e.set_report_id("r1");
    e.mutable_blob()->set_sha256(std::string(32, '\x11'));
    store::Statement ins{*db, "INSERT INTO record(seq, collection, id, version, payload, deleted, updated_at) VALUES(?1,?2,?3,1,?4,0,100)"};
    ins.bind(1, 1).bind(2, "report").bind(3, "r1").bind_blob(4, r.SerializeAsString());
    REQUIRE(ins.run());
    ins.bind(1, 2).bind(2, "evidence").bind(3, "e1").bind_blob(4, e.SerializeAsString());
    REQUIRE(ins.run());
    exec(*db, "INSERT INTO record_key(collection, id, key, active) VALUES('report','r1','u:v1',1),('evidence','e1','u:v1',1)");

    REQUIRE(store::apply_migrations(*db, steps));
    CHECK(scalar(*db, "SELECT COUNT(*) FROM blob_ref WHERE sha256='" + std::string(64, '1') + "'") == 2);
    CHECK(scalar(*db, "SELECT COUNT(*) FROM blob_ref WHERE sha256='" + std::string(64, '2') + "'") == 1);
    server::Principal author;
    author.keys = {"u:v1"};
    auto seen = server::blob_access(*db, author, std::string(64, '2'));
    REQUIRE(seen.has_value());
    CHECK(seen->has_value());
    server::Principal stranger;
    stranger.keys = {"u:v2"};
    auto unseen = server::blob_access(*db, stranger, std::string(64, '2'));
    REQUIRE(unseen.has_value());
    CHECK_FALSE(unseen->has_value());
}
