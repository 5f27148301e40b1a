#include <catch2/catch.hpp>

#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "shared/export/file_output.h"
#include "shared/export/xlsx_writer.h"

using namespace ducha;
using namespace ducha::exporting;
namespace fs = std::filesystem;

namespace {

// Every member of a ZIP archive, read back with libzip (the library that wrote it).
std::map<std::string, std::string> unzip_all(const std::string& bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    REQUIRE(src != nullptr);
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!za) zip_source_free(src);
    INFO(zip_error_strerror(&err));
    REQUIRE(za != nullptr);
    std::map<std::string, std::string> files;
    const zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        REQUIRE(zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) == 0);
        zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
        REQUIRE(f != nullptr);
        std::string data(st.size, '\0');
        REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
        zip_fclose(f);
        files[st.name] = data;
    }
    zip_close(za);
    zip_error_fini(&err);
    return files;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("sheet names are made acceptable to Excel", "[export][xlsx]") {
    CHECK(sanitize_sheet_name("reports") == "reports");
    CHECK(sanitize_sheet_name("a[b]:c*d?e/f\\g") == "a_b__c_d_e_f_g");
    CHECK(sanitize_sheet_name("") == "Sheet");
    CHECK(sanitize_sheet_name("''") == "Sheet");
    CHECK(sanitize_sheet_name("'quoted'") == "quoted");
    CHECK(sanitize_sheet_name("History") == "History_");
    CHECK(sanitize_sheet_name(std::string(40, 'x')) == std::string(31, 'x'));
    // 31 characters, not bytes: Chinese is cut between characters.
    std::string zh;
    for (int i = 0; i < 40; ++i) zh += "检";
    const std::string cut = sanitize_sheet_name(zh);
    CHECK(cut.size() == 31 * 3);
    CHECK(cut.substr(0, 3) == "检");
}

TEST_CASE("XLSX holds two sheets with escaped inline strings and a frozen bold header", "[export][xlsx]") {
    const std::vector<Table> sheets{
        Table{"reports/2025:Q1", {"机构", "结果", "备注"},
              {{"鞍山市<培优>教育", "不合格", "A & B say \"stop\""}, {"R&D 'lab'", "", "line1\nline2"}}},
        Table{"reports\\2025:Q1", {"n"}, {{"=1+1"}, {" padded "}}},
    };
    auto bytes = to_xlsx(sheets);
    REQUIRE(bytes);
    CHECK(bytes->substr(0, 4) == std::string("PK\x03\x04", 4));

    const auto files = unzip_all(*bytes);
    for (const char* part : {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                             "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
        INFO(part);
        CHECK(files.count(part) == 1);
    }
    const std::string& wb = files.at("xl/workbook.xml");
    // Both names sanitise to the same text; the second is made unique.
    CHECK(contains(wb, "<sheet name=\"reports_2025_Q1\" sheetId=\"1\" r:id=\"rId1\"/>"));
    CHECK(contains(wb, "<sheet name=\"reports_2025_Q1 (2)\" sheetId=\"2\" r:id=\"rId2\"/>"));
    const std::string& ct = files.at("[Content_Types].xml");
    CHECK(contains(ct, "/xl/worksheets/sheet2.xml"));

    const std::string& s1 = files.at("xl/worksheets/sheet1.xml");
    CHECK(contains(s1, "<c r=\"A1\" t=\"inlineStr\" s=\"1\"><is><t>机构</t></is></c>"));
    CHECK(contains(s1, "<c r=\"A2\" t=\"inlineStr\"><is><t>鞍山市&lt;培优&gt;教育</t></is></c>"));
    CHECK(contains(s1, "<t>不合格</t>"));
    CHECK(contains(s1, "<t>A &amp; B say &quot;stop&quot;</t>"));
    CHECK(contains(s1, "<t>R&amp;D &apos;lab&apos;</t>"));
    CHECK_FALSE(contains(s1, "r=\"B3\""));  // an empty cell is left out
    CHECK(contains(s1, "<c r=\"C3\" t=\"inlineStr\" s=\"2\"><is><t>line1\nline2</t></is></c>"));
    CHECK(contains(s1, "state=\"frozen\""));
    CHECK(contains(s1, "<dimension ref=\"A1:C3\"/>"));

    const std::string& s2 = files.at("xl/worksheets/sheet2.xml");
    CHECK(contains(s2, "<c r=\"A2\" t=\"inlineStr\"><is><t>=1+1</t></is></c>"));  // text, never a formula
    CHECK(contains(s2, "<t xml:space=\"preserve\"> padded </t>"));
    CHECK(contains(files.at("xl/styles.xml"), "<b/>"));
}

TEST_CASE("XLSX drops characters XML cannot carry and repairs invalid UTF-8", "[export][xlsx]") {
    auto bytes = to_xlsx({Table{"s", {}, {{std::string("a\x01" "b\x1F" "c\tok", 8), std::string("bad\xFF" "byte")}}}});
    REQUIRE(bytes);
    const std::string s = unzip_all(*bytes).at("xl/worksheets/sheet1.xml");
    CHECK(contains(s, "<t>abc\tok</t>"));
    CHECK(contains(s, "<t>bad\xEF\xBF\xBD" "byte</t>"));
    CHECK_FALSE(contains(s, "state=\"frozen\""));  // no header row to freeze
}

TEST_CASE("XLSX refuses an empty workbook and an oversized cell", "[export][xlsx]") {
    auto none = to_xlsx({});
    REQUIRE_FALSE(none);
    CHECK(none.error().code == Errc::invalid_argument);
    auto big = to_xlsx({Table{"s", {"h"}, {{std::string(32'768, 'x')}}}});
    REQUIRE_FALSE(big);
    CHECK(big.error().code == Errc::too_large);
    CHECK(contains(big.error().message(), "A2"));
}

// Hidden (LibreOffice starts slowly and is no build dependency): run it by hand with
// `core_tests "[libreoffice]"` on a machine with libreoffice-calc-nogui.
TEST_CASE("XLSX opens in LibreOffice", "[.][libreoffice]") {
    if (std::system("command -v soffice >/dev/null 2>&1") != 0) {
        WARN("soffice not installed: LibreOffice check skipped");
        return;
    }
    std::string tmpl = (fs::temp_directory_path() / "ducha-xlsx-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    const fs::path dir = tmpl;
    auto bytes = to_xlsx({Table{"检查", {"机构", "结果"}, {{"鞍山市培优教育", "不合格"}}}});
    REQUIRE(bytes);
    REQUIRE(write_file_atomically(dir / "t.xlsx", *bytes));
    const std::string cmd = "cd '" + dir.string() + "' && HOME='" + dir.string() +
                            "' soffice --headless --convert-to csv:\"Text - txt - csv (StarCalc)\":44,34,76 t.xlsx "
                            ">/dev/null 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);
    std::ifstream in(dir / "t.csv", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK(contains(ss.str(), "鞍山市培优教育,不合格"));
    std::error_code ec;
    fs::remove_all(dir, ec);
}
