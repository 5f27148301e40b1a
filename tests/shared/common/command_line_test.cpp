// The one option checker and word reader every program's subcommands share.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "shared/common/command_line.h"

using namespace ducha;

TEST_CASE("positional_word skips options and their values, and flags alone", "[command_line]") {
    const std::vector<std::string> words{"show", "--district", "d1", "--json", "ID-7", "--k", "5", "extra"};
    const std::string_view flags = "json all";
    CHECK(positional_word(words, 0, flags) == "show");
    CHECK(positional_word(words, 1, flags) == "ID-7");  // --json takes no value
    CHECK(positional_word(words, 2, flags) == "extra");
    CHECK_FALSE(positional_word(words, 3, flags).has_value());
    // Without --json among the flags it would swallow ID-7 as its value.
    CHECK(positional_word(words, 1, "") == "extra");
    CHECK_FALSE(positional_word({}, 0, flags).has_value());
}

TEST_CASE("check_command_options refuses an unknown option and a value option without its value", "[command_line]") {
    CHECK(check_command_options("ducha", "zone", {"list", "--json", "--district", "d1"}, "json", "district").has_value());
    auto unknown = check_command_options("ducha", "zone", {"list", "--jsn"}, "json", "district");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message() == "`zone` 没有选项 --jsn / `ducha zone` has no option --jsn");
    auto bare = check_command_options("ducha", "zone", {"list", "--district", "--json"}, "json", "district");
    REQUIRE_FALSE(bare);
    CHECK(bare.error().message() == "选项 --district 需要一个值 / option --district needs a value");
}
