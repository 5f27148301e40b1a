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
    CHECK(open.error().message.find("line 2") != std::string::npos);
    auto gbk = parse_csv("a,b\n\xC4\xE3,1\n");  // GBK bytes, not UTF-8
    REQUIRE_FALSE(gbk.has_value());
    CHECK(gbk.error().message.find("UTF-8") != std::string::npos);
    CHECK_FALSE(parse_csv("").has_value());
}

TEST_CASE("yes/no cells in Chinese and English", "[csv-reader]") {
    CHECK(parse_yes_no("是") == true);
    CHECK(parse_yes_no("YES") == true);
    CHECK(parse_yes_no("0") == false);
    CHECK(parse_yes_no("否") == false);
    CHECK_FALSE(parse_yes_no("也许"));
}
