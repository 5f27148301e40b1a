// The server storage statements rewritten in SQL both backends accept keep their meaning on
// SQLite: an idempotent blob reference, the larger break_after, the risk counts, the audit filter
// with a trailing '*'. Each runs through a store::Connection& on a real server database.
#include <catch2/catch.hpp>

#include "server/service/server_app.h"
#include "server/storage/audit_log.h"
#include "server/storage/blob_refs.h"
#include "server/storage/chain_heads.h"
#include "server/storage/risk_facts.h"
#include "shared/domain/report_signing.h"
#include "shared/store/statement.h"
#include "shared/support/temp_dir.h"
#include "support/suite_database.h"

using namespace ducha;
using test::scalar;

TEST_CASE("blob references are added once however often they are added", "[server][storage]") {
    test::TempDir dir;
    auto opened = server::open_server_connection(dir.path, test::new_suite_database(dir.path));
    REQUIRE(opened);
    store::Connection& db = **opened;
    const std::vector<std::string> refs{std::string(64, 'a'), std::string(64, 'b')};
    REQUIRE(server::add_blob_refs(db, "report", "r1", refs));
    REQUIRE(server::add_blob_refs(db, "report", "r1", refs));
    REQUIRE(server::add_blob_refs(db, "evidence", "e1", {refs[0]}));
    CHECK(scalar(db, "SELECT COUNT(*) FROM blob_ref") == 3);
    CHECK(scalar(db, "SELECT COUNT(*) FROM blob_ref WHERE sha256='" + refs[0] + "'") == 2);
}

TEST_CASE("a chain's break point only moves forward and leaves its head alone", "[server][storage]") {
    test::TempDir dir;
    auto opened = server::open_server_connection(dir.path, test::new_suite_database(dir.path));
    REQUIRE(opened);
    store::Connection& db = **opened;
    server::ChainHeads heads{db};
    const Bytes hash(32, '\x07');

    REQUIRE(heads.allow_break("new-device", 4));  // no row yet: one is made at index 0
    auto fresh = heads.get("new-device");
    REQUIRE(fresh);
    CHECK(fresh->index == 0);
    CHECK(fresh->hash == domain::zero_hash());
    CHECK(fresh->break_after == 4);

    REQUIRE(heads.advance("d1", 10, hash));
    REQUIRE(heads.allow_break("d1", 5));
    REQUIRE(heads.allow_break("d1", 3));  // an older break point does not move it back
    auto h = heads.get("d1");
    REQUIRE(h);
    CHECK(h->break_after == 5);
    CHECK(h->index == 10);
    CHECK(h->hash == hash);
    REQUIRE(heads.allow_break("d1", 9));
    CHECK(heads.get("d1")->break_after == 9);
    REQUIRE(heads.advance("d1", 11, hash));
    CHECK(heads.get("d1")->break_after == 9);  // advancing keeps it
}

TEST_CASE("risk facts count complaints and cases per institution", "[server][storage]") {
    test::TempDir dir;
    auto opened = server::open_server_connection(dir.path, test::new_suite_database(dir.path));
    REQUIRE(opened);
    store::Connection& db = **opened;
    server::RiskFacts facts{db};
    const std::string a = "inst-a", b = "inst-b";
    REQUIRE(facts.set("complaint", "c1", a));
    REQUIRE(facts.set("complaint", "c2", a));
    REQUIRE(facts.set("case", "k1", a));
    REQUIRE(facts.set("case", "k2", b));
    auto moved = facts.set("complaint", "c2", b);  // now counts against b
    REQUIRE(moved);
    CHECK(*moved == std::optional<std::string>{a});

    auto ca = facts.counts(a);
    REQUIRE(ca);
    CHECK(ca->complaints == 1);
    CHECK(ca->violations == 1);
    auto cb = facts.counts(b);
    REQUIRE(cb);
    CHECK(cb->complaints == 1);
    CHECK(cb->violations == 1);
    auto none = facts.counts("inst-none");
    REQUIRE(none);
    CHECK(none->complaints == 0);
    CHECK(none->violations == 0);
}

TEST_CASE("the audit filter matches an action exactly, or by prefix when it ends in *", "[server][storage]") {
    test::TempDir dir;
    auto opened = server::open_server_connection(dir.path, test::new_suite_database(dir.path));
    REQUIRE(opened);
    store::Connection& db = **opened;
    for (const char* action : {"token.refresh", "token.device_sign_in", "tokens", "enroll", "write"}) {
        server::AuditEntry e;
        e.at_ms = 1000;
        e.action = action;
        e.outcome = std::string(server::kAccepted);
        REQUIRE(server::append_audit(db, e));
    }
    auto count = [&](const std::string& action) {
        server::AuditQuery q;
        q.action = action;
        auto rows = server::query_audit(db, q);
        REQUIRE(rows);
        return rows->size();
    };
    CHECK(count("") == 5);
    CHECK(count("token.*") == 2);
    CHECK(count("token*") == 3);
    CHECK(count("token.refresh") == 1);
    CHECK(count("token.") == 0);  // no '*': an exact match only
    CHECK(count("*") == 5);
}
