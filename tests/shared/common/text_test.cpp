#include <catch2/catch.hpp>

#include "shared/common/text.h"

using ducha::trimmed;

TEST_CASE("trimmed drops ASCII white space at both ends only", "[common][text]") {
    CHECK(trimmed("") == "");
    CHECK(trimmed(" \t\r\n\v\f") == "");
    CHECK(trimmed("  张三 ") == "张三");
    CHECK(trimmed("\tline one\nline two\r\n") == "line one\nline two");
    CHECK(trimmed("a b") == "a b");
    // A full-width space (U+3000) is text, not padding.
    CHECK(trimmed("\u3000名称\u3000") == "\u3000名称\u3000");
}

TEST_CASE("is_blank_text: white space only, the ideographic space counting as space", "[common][text]") {
    CHECK(ducha::is_blank_text(""));
    CHECK(ducha::is_blank_text(" \t\r\n"));
    CHECK(ducha::is_blank_text("\u3000\u3000 "));
    CHECK_FALSE(ducha::is_blank_text("\u3000无证\u3000"));
    CHECK_FALSE(ducha::is_blank_text(" x "));
    CHECK_FALSE(ducha::is_blank_text("\xE3\x80"));  // a cut-off U+3000 is not a space
}
