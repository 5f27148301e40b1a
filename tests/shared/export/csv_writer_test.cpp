#include <catch2/catch.hpp>

#include "shared/export/csv_writer.h"

using namespace ducha::exporting;

namespace {
const std::string kBom = "\xEF\xBB\xBF";
}

TEST_CASE("CSV starts with a BOM and ends every line with CRLF", "[export][csv]") {
    const Table t{"reports", {"id", "机构"}, {{"r1", "鞍山市培优教育"}, {"r2", "立山区书法"}}};
    CHECK(to_csv(t) == kBom + "id,机构\r\nr1,鞍山市培优教育\r\nr2,立山区书法\r\n");
}

TEST_CASE("CSV quotes commas, quotes, CR and LF and doubles inner quotes", "[export][csv]") {
    const Table t{"x", {"a", "b", "c", "d", "e"},
                  {{"1,2", "说\"停课\"", "line1\nline2", "cr\rhere", "plain 中文，全角逗号"}}};
    CHECK(to_csv(t) == kBom + "a,b,c,d,e\r\n\"1,2\",\"说\"\"停课\"\"\",\"line1\nline2\",\"cr\rhere\",plain 中文，全角逗号\r\n");
}

TEST_CASE("CSV pads short rows to the header width and keeps empty fields", "[export][csv]") {
    const Table t{"x", {"a", "b", "c"}, {{"1"}, {"", "", ""}, {"1", "2", "3", "4"}}};
    CHECK(to_csv(t) == kBom + "a,b,c\r\n1,,\r\n,,\r\n1,2,3,4\r\n");
}

TEST_CASE("CSV of a table without headers or rows is just the BOM", "[export][csv]") {
    CHECK(to_csv(Table{}) == kBom);
    CHECK(to_csv(Table{"x", {}, {{"\""}}}) == kBom + "\"\"\"\"\r\n");
}

TEST_CASE("CSV neutralises cells a spreadsheet would run as formulas, and keeps signed numbers", "[export][csv]") {
    Table t{"x", {"a", "b", "c", "d", "e"}, {{"=HYPERLINK(\"http://x\")", "+SUM(A1)", "@cmd", "-3.5", "-rm -rf"}}};
    const std::string csv = to_csv(t);
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);
    CHECK(csv.find(",'+SUM(A1),'@cmd,-3.5,'-rm -rf\r\n") != std::string::npos);
}
