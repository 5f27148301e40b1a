// A CSV import's answer: a problem names its line in the reader's language, or in both.
#include <catch2/catch.hpp>

#include "shared/desk/import_result.h"

using namespace ducha;
using namespace ducha::desk;

TEST_CASE("import result: a row error names its line, in each language and in both", "[desk][import]") {
    RowError e{3, Error{Errc::invalid_argument, Msg::checklist_item_twice, "L1"}};
    CHECK(e.text(Lang::en) == "line 3: item L1 appears twice");
    CHECK(e.text(Lang::zh).find("3") != std::string::npos);
    CHECK(e.text(Lang::zh).find("检查项 L1 出现了两次") != std::string::npos);
    CHECK(e.message() == e.text(Lang::zh) + " / " + e.text(Lang::en));
    // Words that are not translated (a cell's own text) still get the line in each language.
    RowError v{2, Error{Errc::invalid_argument, Msg::verbatim, "x"}};
    CHECK(v.message() == "第 2 行：x / line 2: x");
}

TEST_CASE("import result: ok only without problems", "[desk][import]") {
    ImportResult r;
    CHECK(r.ok());
    r.ids = {"a", "b"};
    CHECK(r.ok());
    r.errors.emplace_back(5, Error{Errc::invalid_argument, Msg::checklist_needs_name});
    CHECK_FALSE(r.ok());
}
