// `ducha-server migrate --from DIR --to postgresql://...`: a SQLite deployment a volunteer has
// synced with moves to PostgreSQL, and the same phone syncs on against it (nothing re-sent, nothing
// lost, receipts still verify, the change feed and the audit log continue after the copied rows).
// And what it refuses: a misspelt option, a directory without a database, a running server, a used
// database, a table PostgreSQL lacks, a copy that does not compare equal, a directory already moved.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <utility>

#include "server/pg/pg_connection.h"
#include "server/pg/pg_migrations.h"
#include "server/storage/feed_sequencer.h"
#include "server/storage/pg_server_schema.h"
#include "server/storage/record_table.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/store/database.h"
#include "shared/store/statement.h"
#include "shared/support/temp_dir.h"
#include "support/cli_steps.h"
#include "support/suite_database.h"
#include "support/test_server.h"
#include "support/throwaway_postgres.h"

using namespace ducha;
using namespace ducha::test;
namespace fs = std::filesystem;

namespace {

std::pair<int, std::string> run_server_binary(const std::string& args) {
    std::string cmd = std::string("'") + DUCHA_SERVER_BIN + "' " + args + " 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    int status = ::pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::pair<int, std::string> migrate(const fs::path& data, const std::string& url) {
    return run_server_binary("migrate --from '" + data.string() + "' --to '" + url + "'");
}

std::string text_scalar(store::Connection& db, const std::string& sql) {
    store::Statement st{db, sql};
    auto row = st.step();
    REQUIRE(row.has_value());
    REQUIRE(*row);
    return st.col_text(0);
}

pg::PgConnection pg_open(const std::string& url) {
    auto pg = pg::PgConnection::open(url);
    REQUIRE(pg.has_value());
    return std::move(*pg);
}

store::Database sqlite_open(const fs::path& file) {
    auto db = store::Database::open(file);
    REQUIRE(db.has_value());
    return std::move(*db);
}

// A server on PostgreSQL on the port the devices know. Right after the old server closed it another
// test's connection may hold the port for a moment (as TestServer::restart knows).
std::unique_ptr<server::ServerApp> serve_on_postgresql(const fs::path& data, const std::string& url, std::uint16_t port) {
    server::ServeOptions o;
    o.data_dir = data;
    o.database_url = url;
    o.listen = "127.0.0.1:" + std::to_string(port);
    for (int attempt = 0;; ++attempt) {
        auto app = server::ServerApp::start(o);
        if (app) return std::move(*app);
        INFO(app.error().message());
        REQUIRE((app.error().code == Errc::network && attempt < 50));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

// The non-covert tasks on the profile, in the list's order.
std::vector<std::string> open_tasks(const fs::path& profile) {
    std::vector<std::string> ids;
    for (const auto& t : cli_json(profile, {"tasks", "--json"}))
        if (!t.value("covert", false)) ids.push_back(t["id"]);
    return ids;
}

}  // namespace

TEST_CASE("migrate moves a SQLite deployment to PostgreSQL and its volunteer syncs on with nothing lost", "[pg]") {
    TempDir tmp;
    const fs::path data = tmp.path / "data";
    const std::string url = fresh_database_url("migrate");
    std::uint16_t port = 0;
    fs::path profile;
    std::string first_report_task;
    {
        TestServerOptions opt;
        opt.demo = true;
        opt.data_dir = data;
        TestServer srv{opt};
        port = srv.app().port();
        profile = synced_volunteer(srv, tmp.path, srv.account("volunteer"));
        const auto tasks = open_tasks(profile);
        REQUIRE(tasks.size() >= 2);
        first_report_task = tasks[0];
        const auto photo = tmp.path / "photo.jpg";
        write_file(photo, crypto::random_bytes(50 * 1024));
        must(profile, {"inspect", "--task", tasks[0], "--answers", write_answers(tmp.path).string(), "--photo",
                       photo.string(), "--gps", "41.1,122.9"});
        must(profile, {"sync"});
        REQUIRE(cli_json(profile, {"outbox", "--json"}).empty());
        REQUIRE(srv.count(std::string(domain::kReceipt)) == 1);
    }  // the server stops: migrate needs DIR to itself

    // What the SQLite deployment holds, to compare with what PostgreSQL holds afterwards.
    std::int64_t records = 0, max_seq = 0, audit_rows = 0, max_audit_id = 0, tokens = 0, blob_refs = 0;
    std::string generation;
    {
        auto db = sqlite_open(data / "ducha.db");
        records = scalar(db, "SELECT COUNT(*) FROM record");
        max_seq = scalar(db, "SELECT MAX(seq) FROM record");
        audit_rows = scalar(db, "SELECT COUNT(*) FROM audit_log");
        max_audit_id = scalar(db, "SELECT MAX(id) FROM audit_log");
        tokens = scalar(db, "SELECT COUNT(*) FROM token");
        blob_refs = scalar(db, "SELECT COUNT(*) FROM blob_ref");
        REQUIRE(scalar(db, "SELECT COUNT(DISTINCT sha256) FROM blob_ref") == 1);  // the photo
        generation = text_scalar(db, "SELECT value FROM meta WHERE key = 'generation'");
    }
    REQUIRE(tokens > 0);

    auto [rc, out] = migrate(data, url);
    INFO(out);
    REQUIRE(rc == 0);
    for (const char* table : {"record ", "record_key ", "audit_log ", "token ", "blob_ref ", "meta ", "chain_head ", "applied "})
        CHECK(contains(out, table));
    CHECK(contains(out, "copied and verified"));
    CHECK(contains(out, "evidence files: 1 referenced, all present"));
    CHECK(contains(out, "ducha-server serve --data '" + data.string() + "' --database '" + url + "'"));
    // DIR is marked, its SQLite file kept under a name nothing serves.
    CHECK(fs::exists(data / "records-in-postgresql"));
    CHECK_FALSE(fs::exists(data / "ducha.db"));
    CHECK(fs::exists(data / "ducha.db.migrated-to-postgresql"));

    {
        auto pg = pg_open(url);
        CHECK(scalar(pg, "SELECT COUNT(*) FROM record") == records);
        CHECK(scalar(pg, "SELECT MAX(seq) FROM record") == max_seq);
        CHECK(scalar(pg, "SELECT COUNT(*) FROM audit_log") == audit_rows);
        CHECK(scalar(pg, "SELECT COUNT(*) FROM token") == tokens);
        CHECK(scalar(pg, "SELECT COUNT(*) FROM blob_ref") == blob_refs);
        CHECK(text_scalar(pg, "SELECT value FROM meta WHERE key = 'generation'") == generation);
        auto handed_out = server::FeedSequencer{pg}.last_seq();
        REQUIRE(handed_out.has_value());
        CHECK(*handed_out == max_seq);
    }

    // Without --database the directory is refused now, pointing to --database.
    server::ServeOptions sqlite;
    sqlite.data_dir = data;
    sqlite.listen = "127.0.0.1:0";
    auto refused = server::ServerApp::start(sqlite);
    REQUIRE_FALSE(refused.has_value());
    CHECK(contains(refused.error().message(), "--database"));
    CHECK_FALSE(fs::exists(data / "ducha.db"));

    auto app = serve_on_postgresql(data, url, port);
    // The same phone: the same generation, so nothing is sent again and nothing new comes down.
    auto again = must(profile, {"sync"});
    CHECK(contains(again.out, "pushed 0,"));
    CHECK(contains(again.out, "pulled 0,"));
    // A new report goes through, and every receipt (the one SQLite signed too) verifies.
    std::string second_task;
    for (const auto& t : open_tasks(profile))
        if (t != first_report_task) second_task = t;
    REQUIRE_FALSE(second_task.empty());
    must(profile, {"inspect", "--task", second_task, "--answers", write_answers(tmp.path).string(), "--gps", "41.1,122.9"});
    auto pushed = must(profile, {"sync"});
    CHECK_FALSE(contains(pushed.out, "pushed 0,"));
    CHECK(cli_json(profile, {"outbox", "--json"}).empty());
    auto verified = run(profile, {"verify"});
    INFO(verified.out << verified.err);
    CHECK(verified.rc == 0);
    CHECK(contains(verified.out, "all valid"));
    auto reports = cli_json(profile, {"reports", "--json"});
    REQUIRE(reports.size() == 2);
    for (const auto& r : reports) CHECK_FALSE(r["receipt"].is_null());

    // The change feed continued right after the copied seqs, and the audit log after its ids.
    auto pg = pg_open(url);
    CHECK(scalar(pg, "SELECT MIN(seq) FROM record WHERE seq > " + std::to_string(max_seq)) == max_seq + 1);
    CHECK(scalar(pg, "SELECT COUNT(*) FROM record WHERE collection = 'receipt'") == 2);
    CHECK(scalar(pg, "SELECT MIN(id) FROM audit_log WHERE id > " + std::to_string(max_audit_id)) == max_audit_id + 1);
    app->stop();
}

TEST_CASE("migrate refuses a misspelt option, no database, a running server, a used database, a table PostgreSQL lacks, a copy that differs, and a second run",
          "[pg]") {
    TempDir tmp;
    const fs::path data = tmp.path / "data";
    const std::string url = fresh_database_url("migrate_refused");

    // Usage mistakes: exit 2 with the usage, like every other command.
    for (const std::string& args : {"migrate --from '" + data.string() + "' --to '" + url + "' --form x",
                                   "migrate --from '" + data.string() + "'",
                                   "migrate --from '" + data.string() + "' --to mysql://x/ducha"}) {
        auto [rc, out] = run_server_binary(args);
        INFO(args << "\n" << out);
        CHECK(rc == 2);
        CHECK(contains(out, "Usage:"));
    }
    // A directory without a SQLite database.
    fs::create_directories(tmp.path / "empty");
    {
        auto [rc, out] = migrate(tmp.path / "empty", url);
        INFO(out);
        CHECK(rc == 1);
        CHECK(contains(out, "ducha.db"));
    }

    TestServerOptions opt;
    opt.demo = false;
    opt.data_dir = data;
    auto srv = std::make_unique<TestServer>(opt);
    // A running server holds DIR: refused before PostgreSQL is touched.
    {
        auto [rc, out] = migrate(data, url);
        INFO(out);
        CHECK(rc == 1);
        CHECK(contains(out, "stop it first"));
        auto pg = pg_open(url);
        CHECK(scalar(pg, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()") == 0);
    }
    srv.reset();

    // A database that already holds a deployment's records.
    {
        const std::string used = fresh_database_url("migrate_used");
        init_data_dir(tmp.path / "other", false, used);
        auto [rc, out] = migrate(data, used);
        INFO(out);
        CHECK(rc == 1);
        CHECK(contains(out, "already holds records"));
    }
    // A SQLite table with no PostgreSQL twin stops it before anything is copied.
    {
        auto db = sqlite_open(data / "ducha.db");
        REQUIRE(db.exec("CREATE TABLE extra_notes(note TEXT); INSERT INTO extra_notes VALUES ('kept')").has_value());
    }
    {
        auto [rc, out] = migrate(data, url);
        INFO(out);
        CHECK(rc == 1);
        CHECK(contains(out, "extra_notes"));
        auto pg = pg_open(url);
        CHECK(scalar(pg, "SELECT COUNT(*) FROM record") == 0);
    }
    {
        auto db = sqlite_open(data / "ducha.db");
        REQUIRE(db.exec("DROP TABLE extra_notes").has_value());
    }
    // A copy that does not read back the same (here a trigger changes what arrives): rolled back.
    {
        auto pg = pg_open(url);
        REQUIRE(pg.exec(R"sql(
CREATE FUNCTION shift_expiry() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN NEW.expires_at := NEW.expires_at + 1; RETURN NEW; END
$body$;
CREATE TRIGGER shift_expiry BEFORE INSERT ON enrollment_code FOR EACH ROW EXECUTE FUNCTION shift_expiry();
)sql").has_value());
    }
    {
        auto [rc, out] = migrate(data, url);
        INFO(out);
        CHECK(rc == 1);
        CHECK(contains(out, "verification failed"));
        CHECK(contains(out, "enrollment_code"));
        auto pg = pg_open(url);
        CHECK(scalar(pg, "SELECT COUNT(*) FROM record") == 0);
        CHECK(scalar(pg, "SELECT COUNT(*) FROM enrollment_code") == 0);
        CHECK(scalar(pg, "SELECT last_seq FROM feed_sequencer") == 0);
    }
    // Every refusal left DIR as it was: on SQLite, unmarked.
    CHECK_FALSE(fs::exists(data / "records-in-postgresql"));
    CHECK(fs::exists(data / "ducha.db"));

    // A record referencing an evidence file DIR lacks: migrated, with a warning.
    {
        auto db = sqlite_open(data / "ducha.db");
        REQUIRE(db.exec("INSERT INTO blob_ref(sha256, collection, id) VALUES ('" + std::string(64, 'a') +
                        "', 'report', 'r1')").has_value());
    }
    const std::string clean = fresh_database_url("migrate_clean");
    {
        auto [rc, out] = migrate(data, clean);
        INFO(out);
        CHECK(rc == 0);
        CHECK(contains(out, "of 1 evidence files the records reference, 1 are not in"));
        CHECK(fs::exists(data / "records-in-postgresql"));
    }
    // Moved once: a second run is refused and changes nothing.
    {
        auto [rc, out] = migrate(data, fresh_database_url("migrate_twice"));
        INFO(out);
        CHECK(rc == 1);
        CHECK(contains(out, "already live in PostgreSQL"));
        CHECK(fs::exists(data / "ducha.db.migrated-to-postgresql"));
    }
}
