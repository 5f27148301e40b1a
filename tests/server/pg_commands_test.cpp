// The admin commands of ducha-server on a PostgreSQL deployment, through the real binary:
// `enrollment-code` and `enrollment-sheets` issue codes devices enroll with, `verify` re-checks the
// records in PostgreSQL (and finds a row changed there behind the server's back), and each command
// refuses a directory whose records live elsewhere than it was told.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

#include "server/pg/pg_connection.h"
#include "server/storage/record_table.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/store/statement.h"
#include "shared/support/temp_dir.h"
#include "support/cli_steps.h"
#include "support/run_program.h"
#include "support/suite_database.h"
#include "support/test_server.h"
#include "support/throwaway_postgres.h"

using namespace ducha;
using namespace ducha::test;
namespace fs = std::filesystem;

namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }
std::string quoted(const fs::path& p) { return quoted(p.string()); }

// The value after "PREFIX" on a line of `out`, up to the line's end ("" if no line has it).
std::string printed_after(const std::string& out, const std::string& prefix) {
    const auto at = out.find(prefix);
    if (at == std::string::npos) return "";
    const auto from = at + prefix.size();
    return out.substr(from, out.find('\n', from) - from);
}

// A pg-backed demo server (the caller sets nothing else).
TestServerOptions on_postgresql(const std::string& url) {
    TestServerOptions opt;
    opt.demo = true;
    opt.database_url = url;
    return opt;
}

// One report of a volunteer, with a photo, synced to `srv`.
void sync_a_report(TestServer& srv, const fs::path& dir) {
    const auto volunteer = synced_volunteer(srv, dir, srv.account("volunteer"));
    const auto photo = dir / "photo.jpg";
    write_file(photo, crypto::random_bytes(20 * 1024));
    must(volunteer, {"inspect", "--task", first_open_task(volunteer), "--answers", write_answers(dir).string(), "--photo",
                     photo.string(), "--gps", "41.1,122.9"});
    must(volunteer, {"sync"});
    REQUIRE(cli_json(volunteer, {"outbox", "--json"}).empty());
}

}  // namespace

TEST_CASE("enrollment-code and enrollment-sheets with --database issue codes devices enroll with on a PostgreSQL server",
          "[pg]") {
    const std::string url = fresh_database_url("codes");
    TestServer srv{on_postgresql(url)};
    TempDir tmp;
    const std::string dir = quoted(srv.data_dir());
    const auto& first = srv.account("volunteer", 1);
    const auto& second = srv.account("volunteer", 2);

    // enrollment-code: the code and the link with the running server's pin.
    auto [rc, out] = run_server_binary("enrollment-code --data " + dir + " --database " + quoted(url) + " --user " +
                                       first.user_id + " --server-url " + srv.url());
    INFO(out);
    REQUIRE(rc == 0);
    const std::string code = printed_after(out, "enrollment code: ");
    REQUIRE_FALSE(code.empty());
    CHECK(contains(printed_after(out, "enrollment link: "), "code=" + code));
    const auto phone = tmp / "first";
    must(phone, {"enroll", "--server", srv.url(), "--code", code, "--pin", srv.pin()});
    must(phone, {"sync"});

    // enrollment-sheets: the PDF, and a code on it another phone enrolls with.
    const auto pdf = tmp / "sheets.pdf";
    auto [src, sout] = run_server_binary("enrollment-sheets --data " + dir + " --database " + quoted(url) +
                                         " --server-url " + srv.url() + " --out " + quoted(pdf) + " --user " +
                                         second.user_id);
    INFO(sout);
    REQUIRE(src == 0);
    CHECK(contains(sout, "1 pages written to " + pdf.string()));
    REQUIRE(fs::exists(pdf));
    CHECK(read_file(pdf).rfind("%PDF-", 0) == 0);
    std::string sheet_code = printed_after(sout, second.user_id + "\t");
    sheet_code = sheet_code.substr(sheet_code.rfind('\t') + 1);
    REQUIRE(sheet_code.size() >= 6);
    const auto other = tmp / "second";
    must(other, {"enroll", "--server", srv.url(), "--code", sheet_code, "--pin", srv.pin()});

    // Without --database, both say to give it, and issue nothing.
    const auto refused_pdf = tmp / "refused.pdf";
    for (const std::string& args :
         {"enrollment-code --data " + dir + " --user " + first.user_id,
          "enrollment-sheets --data " + dir + " --server-url " + srv.url() + " --out " + quoted(refused_pdf)}) {
        auto [nrc, nout] = run_server_binary(args);
        INFO(args << " -> " << nout);
        CHECK(nrc == 1);
        CHECK(contains(nout, "give --database postgresql://"));
        CHECK(contains(nout, "请加 --database"));
    }
    CHECK_FALSE(fs::exists(refused_pdf));
    CHECK_FALSE(fs::exists(srv.data_dir() / "ducha.db"));
    // A --database that is not a PostgreSQL URL is a usage error, as for init and serve.
    for (const std::string& args :
         {"enrollment-code --data " + dir + " --database mysql://x/ducha --user " + first.user_id,
          "enrollment-sheets --data " + dir + " --database mysql://x/ducha --server-url " + srv.url() + " --out " +
              quoted(refused_pdf),
          "verify --data " + dir + " --database mysql://x/ducha"}) {
        auto [brc, bout] = run_server_binary(args);
        INFO(args << " -> " << bout);
        CHECK(brc == 2);
        CHECK(contains(bout, "needs a postgresql:// or postgres:// URL"));
        CHECK(contains(bout, "Usage:"));
    }
}

TEST_CASE("verify re-checks the records in PostgreSQL and finds a report row changed there", "[pg]") {
    const std::string url = fresh_database_url("verify");
    TestServer srv{on_postgresql(url)};
    TempDir tmp;
    sync_a_report(srv, tmp.path);
    const std::string verify = "verify --data " + quoted(srv.data_dir()) + " --database " + quoted(url);

    // While the server runs: one report, its receipt, the photo, all valid.
    auto [rc, out] = run_server_binary(verify);
    INFO(out);
    CHECK(rc == 0);
    CHECK(contains(out, "checked 1 reports, 1 receipts, 1 evidence files: all valid"));

    // Someone with access to the database changes the report's notes: its signature and its
    // receipt no longer hold.
    std::string report_id;
    {
        auto pg = pg::PgConnection::open(url);
        REQUIRE(pg.has_value());
        pb::Report r;
        auto scan = server::RecordTable{*pg}.for_each_report([&](const pb::Record& rec, const std::optional<std::string>&) {
            report_id = rec.id();
            REQUIRE(r.ParseFromString(rec.payload()));
            return false;  // the only report
        });
        REQUIRE(scan.has_value());
        REQUIRE_FALSE(report_id.empty());
        r.set_notes("changed in the database");
        store::Statement st{*pg, "UPDATE record SET payload = ?1 WHERE collection = 'report' AND id = ?2"};
        st.bind_blob(1, r.SerializeAsString()).bind(2, report_id);
        REQUIRE(st.run().has_value());
    }
    auto [trc, tout] = run_server_binary(verify);
    INFO(tout);
    CHECK(trc == 1);
    CHECK(contains(tout, "FAIL signature " + report_id + ": "));
    CHECK(contains(tout, "the report changed after it was signed"));
    CHECK(contains(tout, "FAIL receipt " + report_id + ": "));
    CHECK(contains(tout, "checked 1 reports, 1 receipts, 1 evidence files: 2 failed"));
    CHECK(contains(tout, "2 problem(s) found in the server's records"));

    // Without --database the directory is refused, naming the option.
    auto [nrc, nout] = run_server_binary("verify --data " + quoted(srv.data_dir()));
    INFO(nout);
    CHECK(nrc == 1);
    CHECK(contains(nout, "give --database postgresql://"));
    CHECK_FALSE(fs::exists(srv.data_dir() / "ducha.db"));
}

// On both backends: the suite's SQLite run and its PostgreSQL run (suite_database.h).
TEST_CASE("verify on the suite's backend: a changed evidence file fails it", "[verify]") {
    TestServer srv{true};
    TempDir tmp;
    sync_a_report(srv, tmp.path);
    std::string verify = "verify --data " + quoted(srv.data_dir());
    if (auto url = test::suite_database_of(srv.data_dir()); !url.empty()) verify += " --database '" + url + "'";
    auto [rc, out] = run_server_binary(verify);
    INFO(out);
    CHECK(rc == 0);
    CHECK(contains(out, "checked 1 reports, 1 receipts, 1 evidence files: all valid"));

    // The photo's bytes change on disk: the file no longer hashes to its name.
    std::optional<fs::path> photo;
    for (const auto& e : fs::recursive_directory_iterator(srv.data_dir() / "blobs"))
        if (e.is_regular_file() && e.path().parent_path().filename() != "partial") photo = e.path();
    REQUIRE(photo);
    write_file(*photo, crypto::random_bytes(20 * 1024));
    auto [trc, tout] = run_server_binary(verify);
    INFO(tout);
    CHECK(trc == 1);
    CHECK(contains(tout, "FAIL evidence " + photo->filename().string() + ": "));
    CHECK(contains(tout, "no longer matches the SHA-256 it is named by"));
    CHECK(contains(tout, "1 failed"));
}

TEST_CASE("a directory initialised for SQLite refuses --database, and backup and restore refuse a PostgreSQL one",
          "[pg]") {
    TempDir tmp;
    const auto sqlite_dir = tmp / "sqlite";
    init_data_dir(sqlite_dir, true);
    const auto users = read_codes(sqlite_dir);
    REQUIRE_FALSE(users.empty());
    const std::string url = fresh_database_url("refuse");
    const std::string with_url = " --data " + quoted(sqlite_dir) + " --database " + quoted(url);

    // serve would serve the (empty) PostgreSQL database instead of DIR's records.
    server::ServeOptions serve;
    serve.data_dir = sqlite_dir;
    serve.database_url = url;
    serve.listen = "127.0.0.1:0";
    auto refused = server::ServerApp::start(serve);
    REQUIRE_FALSE(refused.has_value());
    CHECK(contains(refused.error().message(), "leave out --database"));
    CHECK(contains(refused.error().message(), "请去掉 --database"));
    for (const std::string& args :
         {"enrollment-code" + with_url + " --user " + users.front().user_id,
          "enrollment-sheets" + with_url + " --server-url https://127.0.0.1:8443 --trust-ca --out " + quoted(tmp / "s.pdf"),
          "verify" + with_url}) {
        auto [rc, out] = run_server_binary(args);
        INFO(args << " -> " << out);
        CHECK(rc == 1);
        CHECK(contains(out, "live in its SQLite database"));
        CHECK(contains(out, "leave out --database"));
    }
    CHECK_FALSE(fs::exists(tmp / "s.pdf"));
    CHECK_FALSE(fs::exists(sqlite_dir / "records-in-postgresql"));
    // Nothing reached the PostgreSQL database: not even the schema.
    {
        auto pg = pg::PgConnection::open(url);
        REQUIRE(pg.has_value());
        store::Statement st{*pg, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"};
        auto row = st.step();
        REQUIRE(row.has_value());
        REQUIRE(*row);
        CHECK(st.col_int(0) == 0);
    }
    // The SQLite directory still works without it.
    auto [rc, out] = run_server_binary("enrollment-code --data " + quoted(sqlite_dir) + " --user " + users.front().user_id);
    INFO(out);
    CHECK(rc == 0);

    // A PostgreSQL directory: serve without --database, backup and restore are refused.
    const auto pg_dir = tmp / "pg";
    init_data_dir(pg_dir, false, fresh_database_url("refuse_pg"));
    server::ServeOptions plain;
    plain.data_dir = pg_dir;
    plain.listen = "127.0.0.1:0";
    auto no_url = server::ServerApp::start(plain);
    REQUIRE_FALSE(no_url.has_value());
    CHECK(contains(no_url.error().message(), "give --database postgresql://"));
    for (const std::string& args : {"backup --data " + quoted(pg_dir) + " --to " + quoted(tmp / "b.backup"),
                                    "restore --from " + quoted(tmp / "b.backup") + " --data " + quoted(pg_dir)}) {
        auto [brc, bout] = run_server_binary(args);
        INFO(args << " -> " << bout);
        CHECK(brc == 1);
        CHECK(contains(bout, "pg_dump"));
    }
    CHECK_FALSE(fs::exists(pg_dir / "ducha.db"));
}
