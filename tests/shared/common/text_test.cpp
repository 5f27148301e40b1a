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
