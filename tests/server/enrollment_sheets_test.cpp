// `ducha-server enrollment-sheets` against a real data directory with a running server: the
// people of a district without a phone get one page each, the codes printed are the codes on the
// pages and really enroll a phone, and every mistake is caught before any code is issued.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

#include "server/service/server_app.h"
#include "shared/store/statement.h"
#include "shared/sync/enroll_link.h"
#include "support/cli_steps.h"
#include "support/qr_scan.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;

namespace {

struct Run {
    int rc = -1;
    std::string out, err;
};

// The real ducha-server binary; stdout and stderr apart.
Run sheets_command(const TempDir& tmp, const std::vector<std::string>& args) {
    std::string cmd = std::string("'") + DUCHA_SERVER_BIN + "' enrollment-sheets";
    for (const auto& a : with_suite_database(args)) cmd += " '" + a + "'";
    const auto err_file = tmp / "stderr.txt";
    cmd += " 2>'" + err_file.string() + "'";
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    Run r;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
    const int st = ::pclose(p);
    r.rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.err = read_file(err_file);
    return r;
}

std::int64_t codes_issued(const TestServer& srv) {
    auto db = test::server_db(srv.data_dir());
    REQUIRE(db);
    store::Statement st{*db, "SELECT COUNT(*) FROM enrollment_code"};
    auto row = st.step();
    REQUIRE(row.has_value());
    REQUIRE(*row);
    return st.col_int(0);
}

std::int64_t pdf_pages(const std::filesystem::path& pdf) {
    FILE* p = ::popen(("pdfinfo '" + pdf.string() + "'").c_str(), "r");
    REQUIRE(p != nullptr);
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    REQUIRE(::pclose(p) == 0);
    const auto at = out.find("Pages:");
    REQUIRE(at != std::string::npos);
    return std::stoll(out.substr(at + 6));
}

struct Printed {
    std::string user_id, name, code;
};

// "USER_ID<TAB>NAME<TAB>CODE" lines.
std::vector<Printed> printed(const std::string& out) {
    std::vector<Printed> rows;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        const auto a = line.find('\t');
        const auto b = a == std::string::npos ? a : line.find('\t', a + 1);
        if (b == std::string::npos) continue;
        rows.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
    }
    return rows;
}


}  // namespace

TEST_CASE("enrollment sheets: one page per person of the district without a phone, whose printed code "
          "enrolls a phone",
          "[people][cli][sheets]") {
    if (std::system("command -v pdfinfo >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1") != 0)
        FAIL("pdfinfo and pdftoppm (Debian poppler-utils, in deploy/setup-debian.sh) are needed");
    TestServerOptions opt;
    opt.demo = false;
    TestServer srv{opt};
    TempDir tmp;
    const auto admin = tmp / "admin";
    must(admin, {"enroll", "--server", srv.url(), "--code", srv.admin_code(), "--pin", srv.pin()});
    const std::string tiedong = trim(must(admin, {"district", "add", "--name", "铁东区"}).out);
    const std::string tiexi = trim(must(admin, {"district", "add", "--name", "铁西区"}).out);
    write_file(tmp / "people.csv",
               "name,phone,role,district,school\n"
               "陈静,13800000001,coordinator,铁东区,\n"
               "王芳,13800000002,volunteer,铁东区,第一中学\n"
               "李强,13800000003,volunteer,铁东区,第二中学\n"
               "刘洋,13800000004,volunteer,铁西区,实验小学\n");
    const auto ids = printed_ids(must(admin, {"user", "import", (tmp / "people.csv").string()}).out);
    REQUIRE(ids.size() == 4);
    must(admin, {"sync"});
    // 王芳 already has a phone.
    auto code = server::issue_enrollment_code(srv.data_dir(), ids[1], 3600, test::suite_database_of(srv.data_dir()));
    REQUIRE(code.has_value());
    must(tmp / "wang", {"enroll", "--server", srv.url(), "--code", *code, "--pin", srv.pin()});
    const auto before = codes_issued(srv);

    const auto pdf = tmp / "tiedong.pdf";
    auto r = sheets_command(tmp, {"--data", srv.data_dir().string(), "--server-url", srv.url() + "/", "--out",
                                  pdf.string(), "--district", tiedong});
    INFO(r.out << r.err);
    REQUIRE(r.rc == 0);
    const auto rows = printed(r.out);
    REQUIRE(rows.size() == 2);  // 陈静 and 李强: not 王芳 (enrolled), not 刘洋 (铁西区)
    CHECK(rows[0].user_id == ids[0]);
    CHECK(rows[0].name == "陈静");
    CHECK(rows[1].user_id == ids[2]);
    CHECK(rows[1].name == "李强");
    CHECK(contains(r.out, "written to " + pdf.string()));
    CHECK(pdf_pages(pdf) == 2);
    CHECK(codes_issued(srv) == before + 2);

    // Each page's QR code is that person's link to this server, with its pin.
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto found = scan_qr_in_pdf(pdf, static_cast<int>(i + 1), 150);
        REQUIRE(found.size() == 1);
        CHECK(found[0].text == sync::make_enroll_link({srv.url(), rows[i].code, srv.pin()}));
    }

    // A printed code enrolls 李强's phone against the running server.
    auto li = must(tmp / "li", {"enroll", "--server", srv.url(), "--code", rows[1].code, "--pin", srv.pin()});
    CHECK(contains(li.out, "李强"));
    must(tmp / "li", {"sync"});

    // --all includes people who have a phone (a replacement); --user picks people by id.
    const auto all = tmp / "all.pdf";
    auto everyone = sheets_command(tmp, {"--data", srv.data_dir().string(), "--server-url", srv.url(), "--out",
                                         all.string(), "--district", tiedong, "--all", "--days", "3"});
    REQUIRE(everyone.rc == 0);
    CHECK(printed(everyone.out).size() == 3);
    CHECK(pdf_pages(all) == 3);
    const auto one = tmp / "one.pdf";
    auto picked = sheets_command(tmp, {"--data", srv.data_dir().string(), "--server-url", srv.url(), "--out",
                                       one.string(), "--user", ids[3], "--user", ids[0]});
    REQUIRE(picked.rc == 0);
    const auto picked_rows = printed(picked.out);
    REQUIRE(picked_rows.size() == 2);
    CHECK(picked_rows[0].user_id == ids[3]);
    CHECK(picked_rows[1].user_id == ids[0]);
    CHECK(pdf_pages(one) == 2);
    // Someone named who already has a phone is left out, and told so.
    const auto two = tmp / "two.pdf";
    auto named = sheets_command(tmp, {"--data", srv.data_dir().string(), "--server-url", srv.url(), "--out",
                                      two.string(), "--user", ids[1], "--user", ids[3]});
    REQUIRE(named.rc == 0);
    REQUIRE(printed(named.out).size() == 1);
    CHECK(printed(named.out)[0].user_id == ids[3]);
    CHECK(contains(named.err, ids[1] + " (王芳) already has an enrolled phone: no sheet"));
}

TEST_CASE("enrollment sheets: every mistake is caught before a code is issued, and no half file is left",
          "[people][cli][sheets]") {
    TestServerOptions opt;
    opt.demo = false;
    TestServer srv{opt};
    TempDir tmp;
    const auto admin = tmp / "admin";
    must(admin, {"enroll", "--server", srv.url(), "--code", srv.admin_code(), "--pin", srv.pin()});
    const std::string tiedong = trim(must(admin, {"district", "add", "--name", "铁东区"}).out);
    write_file(tmp / "people.csv", "name,phone,role,district\n王芳,13800000002,volunteer,铁东区\n");
    must(admin, {"user", "import", (tmp / "people.csv").string()});
    must(admin, {"sync"});
    const auto before = codes_issued(srv);
    const std::string data = srv.data_dir().string();
    const auto pdf = tmp / "sheets.pdf";

    SECTION("an unknown district, user or certificate") {
        auto r = sheets_command(tmp, {"--data", data, "--server-url", srv.url(), "--out", pdf.string(), "--district", "nowhere"});
        CHECK(r.rc == 1);
        CHECK(contains(r.err, "no such district: nowhere"));
        auto u = sheets_command(tmp, {"--data", data, "--server-url", srv.url(), "--out", pdf.string(), "--user", "nobody"});
        CHECK(u.rc == 1);
        CHECK(contains(u.err, "no such user: nobody"));
        const auto missing = tmp / "missing.pem";
        auto c = sheets_command(tmp, {"--data", data, "--server-url", srv.url(), "--cert", missing.string(), "--out", pdf.string()});
        CHECK(c.rc == 1);
        CHECK(contains(c.err, "cannot compute the pin from " + missing.string()));
    }
    SECTION("nobody to enroll: a district without people") {
        const std::string tiexi = trim(must(admin, {"district", "add", "--name", "铁西区"}).out);
        must(admin, {"sync"});
        auto r = sheets_command(tmp, {"--data", data, "--server-url", srv.url(), "--out", pdf.string(), "--district", tiexi});
        CHECK(r.rc == 1);
        CHECK(contains(r.err, "nobody to enroll"));
    }
    SECTION("a server URL that is not https, a missing --out, a misspelt flag: usage, exit 2") {
        auto http = sheets_command(tmp, {"--data", data, "--server-url", "http://127.0.0.1:8443", "--out", pdf.string()});
        CHECK(http.rc == 2);
        CHECK(contains(http.err, "--server-url must be https://HOST[:PORT], got http://127.0.0.1:8443"));
        CHECK(contains(http.err, "ducha-server enrollment-sheets"));
        auto no_out = sheets_command(tmp, {"--data", data, "--server-url", srv.url()});
        CHECK(no_out.rc == 2);
        CHECK(contains(no_out.err, "--out FILE.pdf"));
        auto typo = sheets_command(tmp, {"--data", data, "--server-url", srv.url(), "--out", pdf.string(), "--distrct", tiedong});
        CHECK(typo.rc == 2);
        CHECK(contains(typo.err, "--distrct"));
        CHECK(contains(typo.err, "Usage:"));
        auto help = sheets_command(tmp, {"--help"});
        CHECK(help.rc == 0);
        CHECK(contains(help.out, "ducha-server enrollment-sheets --data DIR --server-url https://HOST:PORT"));
        auto days = sheets_command(tmp, {"--data", data, "--server-url", srv.url(), "--out", pdf.string(), "--days", "0"});
        CHECK(days.rc == 2);
        CHECK(contains(days.err, "--days needs a whole number from 1 to 365"));
    }
    SECTION("an output file that cannot be written: exit 1, the codes rolled back") {
        write_file(tmp / "a-file", "x");
        const auto bad = tmp / "a-file" / "sheets.pdf";  // a file is no directory, even for root
        auto r = sheets_command(tmp, {"--data", data, "--server-url", srv.url(), "--out", bad.string()});
        CHECK(r.rc == 1);
        CHECK(contains(r.err, "no enrollment code was issued"));
        CHECK(r.out.empty());
    }
    CHECK(codes_issued(srv) == before);
    CHECK_FALSE(std::filesystem::exists(pdf));
}
