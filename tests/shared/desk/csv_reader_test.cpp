#include <catch2/catch.hpp>

#include "shared/desk/csv_reader.h"

using namespace ducha::desk;

TEST_CASE("CSV reader: BOM, quotes, embedded newlines, CRLF, blank lines and line numbers", "[csv-reader]") {
    auto t = parse_csv("\xEF\xBB\xBF名称,地址\r\n\"甲,乙\",\"一号\r\n二楼\"\r\n\r\n\"说\"\"好\"\"\", 三号 \r\n");
    REQUIRE(t.has_value());
    CHECK(t->headers == std::vector<std::string>{"名称", "地址"});
    REQUIRE(t->rows.size() == 2);
    CHECK(t->rows[0].line == 2);
    CHECK(t->rows[0].cells == std::vector<std::string>{"甲,乙", "一号\r\n二楼"});
    CHECK(t->rows[1].line == 5);
    CHECK(t->rows[1].cells == std::vector<std::string>{"说\"好\"", "三号"});
    CHECK(t->column({"address", "地址"}) == 1u);
    CHECK_FALSE(t->column({"phone"}));
}

TEST_CASE("CSV reader: tab separated, and the errors it names", "[csv-reader]") {
    auto t = parse_csv("name\taddress\nA\tB\n");
    REQUIRE(t.has_value());
    CHECK(t->rows[0].cells == std::vector<std::string>{"A", "B"});
    auto open = parse_csv("a,b\n1,\"never closed\n");
    REQUIRE_FALSE(open.has_value());
    CHECK(open.error().message().find("line 2") != std::string::npos);
    auto gbk = parse_csv("a,b\n\xC4\xE3,1\n");  // GBK bytes, not UTF-8
    REQUIRE_FALSE(gbk.has_value());
    CHECK(gbk.error().message().find("UTF-8") != std::string::npos);
    CHECK_FALSE(parse_csv("").has_value());
}

TEST_CASE("yes/no cells in Chinese and English", "[csv-reader]") {
    CHECK(parse_yes_no("是") == true);
    CHECK(parse_yes_no("YES") == true);
    CHECK(parse_yes_no("0") == false);
    CHECK(parse_yes_no("否") == false);
    CHECK_FALSE(parse_yes_no("也许"));
}

TEST_CASE("CSV reader: headers are trimmed and matched without regard to case", "[csv-reader]") {
    auto t = parse_csv(" Name , ADDRESS ,Licensed\nA,B,yes\n");
    REQUIRE(t.has_value());
    CHECK(t->headers == std::vector<std::string>{"Name", "ADDRESS", "Licensed"});
    CHECK(t->column({"name"}) == 0u);
    CHECK(t->column({"address", "地址"}) == 1u);
    CHECK(t->column({"有证", "licensed"}) == 2u);
}

TEST_CASE("CSV reader: a header without rows, short rows, and a last line without a newline", "[csv-reader]") {
    auto only = parse_csv("名称,地址\n");
    REQUIRE(only.has_value());
    CHECK(only->headers.size() == 2);
    CHECK(only->rows.empty());

    auto t = parse_csv("a,b,c\n1\n2,3,4,5\n,,\n  \n6,7,8");
    REQUIRE(t.has_value());
    REQUIRE(t->rows.size() == 3);  // the blank lines (",," and spaces) are skipped
    CHECK(t->rows[0].cells == std::vector<std::string>{"1"});
    CHECK(t->rows[1].cells == std::vector<std::string>{"2", "3", "4", "5"});
    CHECK(t->rows[2].line == 6);
    CHECK(t->rows[2].cells == std::vector<std::string>{"6", "7", "8"});
}

TEST_CASE("CSV reader: the separator the header uses more, and quotes only at a cell's start", "[csv-reader]") {
    // The header has one comma inside a cell and two tabs: tab separated.
    auto tabs = parse_csv("名称,简称\t地址\t电话\n甲,乙\t一号\t123\n");
    REQUIRE(tabs.has_value());
    CHECK(tabs->headers == std::vector<std::string>{"名称,简称", "地址", "电话"});
    CHECK(tabs->rows[0].cells == std::vector<std::string>{"甲,乙", "一号", "123"});

    auto q = parse_csv("a,b\n5\"寸,\"x\"\"y\"\n\"\",\"\"\"\"\n");
    REQUIRE(q.has_value());
    REQUIRE(q->rows.size() == 2);
    CHECK(q->rows[0].cells == std::vector<std::string>{"5\"寸", "x\"y"});  // a quote inside a cell is a character
    CHECK(q->rows[1].cells == std::vector<std::string>{"", "\""});
}

TEST_CASE("CSV reader: line numbers after quoted newlines, and where an open quote began", "[csv-reader]") {
    auto t = parse_csv("a,b\n\"一\n二\n三\",x\ny,z\n");
    REQUIRE(t.has_value());
    REQUIRE(t->rows.size() == 2);
    CHECK(t->rows[0].line == 2);
    CHECK(t->rows[0].cells[0] == "一\n二\n三");
    CHECK(t->rows[1].line == 5);

    auto open = parse_csv("a,b\n1,2\n3,\"4\n5,6\n");
    REQUIRE_FALSE(open.has_value());
    CHECK(open.error().code == ducha::Errc::malformed);
    CHECK(open.error().message().find("unterminated quote starting on line 3") != std::string::npos);
}

TEST_CASE("CSV reader: UTF-8 is checked to the last byte, and a BOM alone is no file", "[csv-reader]") {
    auto emoji = parse_csv("name\n\xF0\x9F\x98\x80 教育\n");  // a four-byte character
    REQUIRE(emoji.has_value());
    CHECK(emoji->rows[0].cells[0] == "\xF0\x9F\x98\x80 教育");
    auto cut = parse_csv("name\n教\xE8\x82");  // the last character cut short
    REQUIRE_FALSE(cut.has_value());
    CHECK(cut.error().code == ducha::Errc::malformed);
    CHECK(cut.error().message().find("the file is not UTF-8") != std::string::npos);
    auto bom = parse_csv("\xEF\xBB\xBF");
    REQUIRE_FALSE(bom.has_value());
    CHECK(bom.error().message().find("the file is empty") != std::string::npos);
    CHECK_FALSE(parse_csv("\n\n  \n").has_value());
}

TEST_CASE("yes/no cells: every spelling the importer takes", "[csv-reader]") {
    for (auto y : {"true", "TRUE", "1", "yes", "Y", "y", "是", "有", "√"}) {
        INFO(y);
        CHECK(parse_yes_no(y) == true);
    }
    for (auto n : {"false", "False", "0", "no", "N", "否", "无", "×"}) {
        INFO(n);
        CHECK(parse_yes_no(n) == false);
    }
    for (auto x : {"", " yes", "2", "对", "ok"}) {
        INFO(x);
        CHECK_FALSE(parse_yes_no(x).has_value());
    }
}
