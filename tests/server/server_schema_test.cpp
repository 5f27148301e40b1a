// A server database made by the first schema version keeps every record, seq and scope through
// the later migrations (seq as rowid, partial key indexes, receipts on their report's keys).
#include <catch2/catch.hpp>

#include "ducha.pb.h"
#include "server/storage/blob_refs.h"
#include "server/storage/record_table.h"
#include "server/storage/risk_facts.h"
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

TEST_CASE("migration 9 recounts every institution's complaints and violations from a store written before it",
          "[server][schema][risk]") {
    test::TempDir dir;
    auto db = store::Database::open(dir / "ducha.db");
    REQUIRE(db.has_value());
    const auto steps = server::server_migrations();
    REQUIRE(steps.size() >= 9);
    REQUIRE(store::apply_migrations(*db, steps.first(8)));

    // Before: counts as the demo loader or a client wrote them, whatever the ledger says.
    pb::Institution forged, right;
    forged.set_name("甲机构");
    forged.set_complaint_count(7);  // the ledger holds 2
    right.set_name("乙机构");       // nothing counts against it, and it says so
    auto complaint = [](const std::string& inst, const std::string& status) {
        pb::Complaint c;
        c.set_institution_id(inst);
        c.set_status(status);
        return c.SerializeAsString();
    };
    auto decided = [](const std::string& inst, const std::string& status) {
        pb::Case c;
        c.set_institution_id(inst);
        c.set_status(status);
        return c.SerializeAsString();
    };
    store::Statement ins{*db, "INSERT INTO record(seq, collection, id, version, payload, deleted, updated_at) VALUES(?1,?2,?3,?4,?5,?6,100)"};
    auto put = [&](std::int64_t seq, const std::string& coll, const std::string& id, std::int64_t version,
                   const std::string& payload, bool deleted = false) {
        ins.bind(1, seq).bind(2, coll).bind(3, id).bind(4, version).bind_blob(5, payload).bind(6, deleted);
        REQUIRE(ins.run());
    };
    put(1, "institution", "i1", 2, forged.SerializeAsString());
    put(2, "institution", "i2", 1, right.SerializeAsString());
    put(3, "complaint", "c1", 1, complaint("i1", "open"));
    put(4, "complaint", "c2", 3, complaint("i1", "closed"));
    put(5, "complaint", "c3", 1, complaint("", "open"));      // names no institution
    put(6, "complaint", "c4", 2, complaint("i1", "open"), true);  // deleted: not in the ledger
    put(7, "case", "k1", 2, decided("i1", "rectification"));
    put(8, "case", "k2", 4, decided("i1", "closed"));
    put(9, "case", "k3", 2, decided("i1", "no_violation"));
    put(10, "case", "k4", 1, decided("i1", "open"));
    exec(*db, "INSERT INTO record_key(collection, id, key, active) VALUES('institution','i1','d:d1',1),('institution','i2','d:d1',1)");

    REQUIRE(store::apply_migrations(*db, steps));
    CHECK(*store::schema_version(*db) == static_cast<int>(steps.back().version));

    server::RecordTable table{*db};
    auto i1 = table.get("institution", "i1");
    REQUIRE(i1.has_value());
    REQUIRE(i1->has_value());
    pb::Institution after;
    REQUIRE(after.ParseFromString((*i1)->payload()));
    CHECK(after.complaint_count() == 2);
    CHECK(after.past_violations() == 2);
    CHECK(after.name() == "甲机构");
    // A new version after every stored seq, so a device that pulled before the upgrade gets it.
    CHECK((*i1)->version() == 3);
    CHECK((*i1)->seq() == 11);
    auto page = table.pull({"d:d1"}, 10, 100, 1000);
    REQUIRE(page.has_value());
    REQUIRE(page->records.size() == 1);
    CHECK(page->records[0].id() == "i1");

    // Already right: left alone.
    auto i2 = table.get("institution", "i2");
    REQUIRE(i2.has_value());
    REQUIRE(i2->has_value());
    CHECK((*i2)->version() == 1);
    CHECK((*i2)->seq() == 2);

    // The facts are indexed for the live recount.
    server::RiskFacts facts{*db};
    auto counts = facts.counts("i1");
    REQUIRE(counts.has_value());
    CHECK(counts->complaints == 2);
    CHECK(counts->violations == 2);
}
