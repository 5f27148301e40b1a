// ducha-server on PostgreSQL (`init` and `serve --database postgresql://...`): a volunteer enrolls,
// syncs, inspects and syncs through a real server whose records live in a real PostgreSQL cluster;
// DIR keeps the key, TLS and codes. And the command line refuses what is not a PostgreSQL URL.
#include <catch2/catch.hpp>
#include <atomic>
#include <filesystem>
#include <string>
#include <utility>

#include "server/pg/pg_connection.h"
#include "server/storage/feed_sequencer.h"
#include "server/storage/record_table.h"
#include "shared/domain/collections.h"
#include "shared/support/temp_dir.h"
#include "support/cli_steps.h"
#include "support/run_program.h"
#include "support/test_server.h"
#include "support/throwaway_postgres.h"

using namespace ducha;
using namespace ducha::test;
namespace fs = std::filesystem;

TEST_CASE("A volunteer inspects through ducha-server whose records live in PostgreSQL", "[pg]") {
    const std::string url = fresh_database_url("serve");
    TestServerOptions opt;
    opt.demo = true;
    opt.database_url = url;
    TestServer srv{opt};
    // DIR holds the key, the TLS pair and the codes, and no SQLite database.
    CHECK(fs::exists(srv.data_dir() / "server-signing.key"));
    CHECK(fs::exists(srv.data_dir() / "tls" / "cert.pem"));
    CHECK(fs::exists(srv.data_dir() / "enrollment-codes.csv"));
    CHECK_FALSE(fs::exists(srv.data_dir() / "ducha.db"));

    TempDir tmp;
    const auto volunteer = synced_volunteer(srv, tmp.path, srv.account("volunteer"));
    const std::string task = first_open_task(volunteer);
    must(volunteer, {"inspect", "--task", task, "--answers", write_answers(tmp.path).string(), "--gps", "41.1,122.9"});
    must(volunteer, {"sync"});
    CHECK(cli_json(volunteer, {"outbox", "--json"}).empty());
    auto again = must(volunteer, {"sync"});
    CHECK(contains(again.out, "pushed 0,"));
    CHECK(contains(again.out, "pulled 0,"));

    // The report and its signed receipt are rows of PostgreSQL.
    auto pg = pg::PgConnection::open(url);
    REQUIRE(pg.has_value());
    server::RecordTable table{*pg};
    int reports = 0, with_receipt = 0;
    auto scan = table.for_each_report([&](const pb::Record&, const std::optional<std::string>& receipt) {
        ++reports;
        if (receipt) ++with_receipt;
        return true;
    });
    REQUIRE(scan.has_value());
    CHECK(reports == 1);
    CHECK(with_receipt == 1);
    CHECK(srv.count(std::string(domain::kReceipt)) == 1);
    // The sequencer row was moved along with every batch.
    auto handed_out = server::FeedSequencer{*pg}.last_seq();
    auto max_seq = table.max_seq();
    REQUIRE(handed_out.has_value());
    REQUIRE(max_seq.has_value());
    CHECK(*handed_out >= *max_seq);
    CHECK(*max_seq > 0);

    // Without --database the directory is refused, instead of an empty SQLite database beside it.
    srv.stop();
    server::ServeOptions sqlite;
    sqlite.data_dir = srv.data_dir();
    sqlite.listen = "127.0.0.1:0";
    auto refused = server::ServerApp::start(sqlite);
    REQUIRE_FALSE(refused.has_value());
    CHECK(contains(refused.error().message(), "PostgreSQL"));
    CHECK_FALSE(fs::exists(srv.data_dir() / "ducha.db"));
    auto backup = run_server_binary("backup --data '" + srv.data_dir().string() + "' --to '" +
                                    (tmp.path / "b.backup").string() + "'");
    CHECK(backup.first == 1);
    CHECK(contains(backup.second, "pg_dump"));
}

TEST_CASE("ducha-server refuses a --database that is not a PostgreSQL URL (exit 2 with usage) and names an unreachable one",
          "[pg]") {
    TempDir dir;
    for (const std::string cmd : {"init", "serve"}) {
        auto [rc, out] = run_server_binary(cmd + " --data '" + (dir.path / "d").string() + "' --database mysql://x/ducha");
        INFO(out);
        CHECK(rc == 2);
        CHECK(contains(out, "postgresql://"));
        CHECK(contains(out, "Usage:"));
    }
    CHECK_FALSE(fs::exists(dir.path / "d" / "server-signing.key"));
    // A database that is not there: exit 1, naming host and database, never the password.
    auto& cluster = ThrowawayPostgres::shared();
    std::string missing = cluster.url_of("no_such_database");
    missing.insert(missing.find('?') + 1, "password=s3cret&");
    auto [rc, out] = run_server_binary("init --data '" + (dir.path / "e").string() + "' --database '" + missing + "'");
    INFO(out);
    CHECK(rc == 1);
    CHECK(contains(out, "no_such_database"));
    CHECK_FALSE(contains(out, "s3cret"));
    CHECK_FALSE(fs::exists(dir.path / "e" / "server-signing.key"));
}

TEST_CASE("PostgreSQL restarts under a running ducha-server: syncs fail while it is down, then go on without a server restart",
          "[pg]") {
    ThrowawayPostgres cluster("restart");  // its own: the test stops it
    TestServerOptions opt;
    opt.demo = true;
    opt.database_url = cluster.url();
    TestServer srv{opt};
    TempDir tmp;
    const auto volunteer = synced_volunteer(srv, tmp.path, srv.account("volunteer"));
    const std::string task = first_open_task(volunteer);

    // The database goes away: the report waits in the outbox, the one sync attempt fails.
    cluster.stop();
    must(volunteer, {"inspect", "--task", task, "--answers", write_answers(tmp.path).string(), "--gps", "41.1,122.9"});
    auto down = run(volunteer, {"sync", "--retries", "1", "--timeout", "10"});
    INFO(down.out << down.err);
    CHECK(down.rc != 0);
    CHECK(cli_json(volunteer, {"outbox", "--json"}).size() == 1);

    // It comes back: the readers' and the writer's closed sessions are replaced, the report goes through.
    cluster.start();
    auto up = run(volunteer, {"sync", "--retries", "3", "--timeout", "30"});
    INFO(up.out << up.err);
    REQUIRE(up.rc == 0);
    CHECK(contains(up.out, "pushed 1,"));
    CHECK(cli_json(volunteer, {"outbox", "--json"}).empty());
    CHECK(srv.count(std::string(domain::kReport)) >= 1);
    CHECK(must(volunteer, {"verify"}).rc == 0);
}
