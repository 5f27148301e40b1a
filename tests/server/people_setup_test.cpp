// Putting Ducha into service without the demo, through the `ducha` CLI and a real server on
// 127.0.0.1: from an empty `init`, the admin enrolls with the init code, adds the districts,
// imports the people from a CSV file and syncs; the server holds them; a volunteer gets a code
// (`ducha-server enrollment-code`), enrolls and syncs. A coordinator's import of anyone but their
// own district's volunteers is refused before anything is queued.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "server/service/server_app.h"
#include "server/storage/record_table.h"
#include "shared/domain/collections.h"
#include "support/cli_steps.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using nlohmann::json;

namespace {

template <typename M>
M on_server(const TestServer& srv, std::string_view collection, const std::string& id) {
    auto db = test::server_db(srv.data_dir());
    REQUIRE(db);
    auto r = server::RecordTable{*db}.get(collection, id);
    REQUIRE(r.has_value());
    REQUIRE(r->has_value());
    REQUIRE_FALSE((*r)->deleted());
    M m;
    REQUIRE(m.ParseFromString((*r)->payload()));
    return m;
}


std::int64_t pending(const std::filesystem::path& profile) {
    auto r = must(profile, {"status", "--json"});
    return json::parse(r.out).at(0).at("outbox_pending").get<std::int64_t>();
}

}  // namespace

TEST_CASE("from an empty init: the admin adds districts and imports people, who enroll and sync", "[people][cli]") {
    TestServerOptions opt;
    opt.demo = false;
    TestServer srv{opt};
    TempDir tmp;
    const auto admin = tmp / "admin";
    must(admin, {"enroll", "--server", srv.url(), "--code", srv.admin_code(), "--pin", srv.pin()});
    CHECK(srv.count("district") == 0);
    CHECK(srv.count("user") == 1);  // the admin init made

    const std::string tiedong = trim(must(admin, {"district", "add", "--name", "铁东区", "--code", "210302"}).out);
    const std::string tiexi = trim(must(admin, {"district", "add", "--name", "铁西区"}).out);
    auto again = run(admin, {"district", "add", "--name", "铁东区"});
    CHECK(again.rc == 1);
    CHECK(contains(again.err, "a district named 铁东区 already exists (" + tiedong + ")"));
    auto listed = cli_json(admin, {"district", "list", "--json"});
    REQUIRE(listed.size() == 2);

    write_file(tmp / "people.csv",
               "name,phone,role,district,school\n"
               "陈静,138-0000-0001,coordinator,铁东区,\n"
               "王芳,13800000002,volunteer,铁东区,第一中学\n"
               "李强,13800000003,volunteer,铁东区,第二中学\n"
               "刘洋,13800000004,volunteer," + tiexi + ",实验小学\n");
    auto imported = must(admin, {"user", "import", (tmp / "people.csv").string()});
    CHECK(contains(imported.out, "imported 4 people"));
    const auto ids = printed_ids(imported.out);
    REQUIRE(ids.size() == 4);
    must(admin, {"sync"});
    CHECK(pending(admin) == 0);

    CHECK(srv.count("district") == 2);
    CHECK(srv.count("user") == 5);
    const auto d = on_server<pb::District>(srv, domain::kDistrict, tiedong);
    CHECK(d.name() == "铁东区");
    CHECK(d.code() == "210302");
    const auto coord = on_server<pb::User>(srv, domain::kUser, ids[0]);
    CHECK(coord.name() == "陈静");
    CHECK(coord.role() == "coordinator");
    CHECK(coord.district_id() == tiedong);
    CHECK(coord.active());
    CHECK_FALSE(coord.badge_token().empty());
    const auto liu = on_server<pb::User>(srv, domain::kUser, ids[3]);
    CHECK(liu.role() == "volunteer");
    CHECK(liu.district_id() == tiexi);
    CHECK(liu.school() == "实验小学");
    CHECK(liu.phone() == "13800000004");
    auto people = cli_json(admin, {"user", "list", "--district", tiedong, "--json"});
    CHECK(people.size() == 3);

    // A volunteer gets a code from the server's command line, enrolls and syncs.
    auto code = server::issue_enrollment_code(srv.data_dir(), ids[1], 3600, test::suite_database_of(srv.data_dir()));
    REQUIRE(code.has_value());
    const auto wang = tmp / "wang";
    auto enrolled = must(wang, {"enroll", "--server", srv.url(), "--code", *code, "--pin", srv.pin()});
    CHECK(contains(enrolled.out, "王芳"));
    must(wang, {"sync"});
    auto status = json::parse(must(wang, {"status", "--json"}).out).at(0);
    CHECK(status["user_id"] == ids[1]);
    CHECK(status["role"] == "volunteer");
    CHECK(status["district_id"] == tiedong);

    // The coordinator enrolls; their import of an admin is refused before anything is queued.
    auto ccode = server::issue_enrollment_code(srv.data_dir(), ids[0], 3600, test::suite_database_of(srv.data_dir()));
    REQUIRE(ccode.has_value());
    const auto chen = tmp / "chen";
    must(chen, {"enroll", "--server", srv.url(), "--code", *ccode, "--pin", srv.pin()});
    must(chen, {"sync"});
    write_file(tmp / "bad.csv",
               "姓名,电话,角色,区县\n"
               "赵敏,13800000005,volunteer,铁东区\n"
               "孙管,13800000006,admin,\n");
    auto refused = run(chen, {"user", "import", (tmp / "bad.csv").string()});
    CHECK(refused.rc == 1);
    CHECK(contains(refused.err, "第 3 行：协调员只能导入本区县的督查员 / line 3: a coordinator imports only volunteers of their own district"));
    CHECK(contains(refused.err, "nothing imported: 1 problem(s) to fix"));
    CHECK(pending(chen) == 0);
    // Their own district's volunteer goes through, and the server takes it.
    write_file(tmp / "good.csv", "姓名,电话,角色\n赵敏,13800000005,volunteer\n");
    auto ok = must(chen, {"user", "import", (tmp / "good.csv").string()});
    const auto zhao = printed_ids(ok.out);
    REQUIRE(zhao.size() == 1);
    must(chen, {"sync"});
    CHECK(srv.count("user") == 6);
    CHECK(on_server<pb::User>(srv, domain::kUser, zhao[0]).district_id() == tiedong);
}
