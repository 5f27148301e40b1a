#include <catch2/catch.hpp>

#include "server/service/server_app.h"
#include "server/storage/record_table.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;

TEST_CASE("an online backup taken while the server runs holds every record and opens", "[server][backup]") {
    TestServer srv;
    TempDir out;
    auto v = srv.account("volunteer");
    TempDir profile;
    REQUIRE(cli({"--profile", profile.path.string(), "enroll", "--server", srv.url(), "--code", v.code, "--pin", srv.pin()}).rc == 0);
    REQUIRE(cli({"--profile", profile.path.string(), "sync"}).rc == 0);
    auto dest = out.path / "backup.db";
    REQUIRE(server::backup_database(srv.data_dir(), dest));
    auto copy = store::Database::open(dest);
    REQUIRE(copy);
    server::RecordTable t{*copy};
    CHECK(*t.count("institution") == srv.count("institution"));
    CHECK(*t.count("device") == 1);
    auto again = server::backup_database(srv.data_dir(), dest);
    REQUIRE_FALSE(again);
    CHECK(again.error().code == Errc::already_exists);
}
