// The vocabulary's words: every value has both languages and a wire spelling finds its words.
#include <catch2/catch.hpp>

#include <string>

#include "shared/domain/vocabulary_labels.h"

using namespace ducha;
using namespace ducha::domain;

namespace {

template <typename Array, typename NameOf, typename WordsOf>
void check_all(const Array& values, NameOf name_of, WordsOf words_of) {
    for (auto v : values) {
        const std::string wire(name_of(v));
        INFO("value " << wire);
        CHECK_FALSE(wire.empty());
        CHECK_FALSE(words(v).zh.empty());
        CHECK_FALSE(words(v).en.empty());
        CHECK(label(v, Lang::zh) == words(v).zh);
        CHECK(label(v, Lang::en) == words(v).en);
        // The wire spelling finds the same words.
        auto by_wire = words_of(wire);
        REQUIRE(by_wire.has_value());
        CHECK(by_wire->zh == words(v).zh);
        CHECK(by_wire->en == words(v).en);
    }
}

}  // namespace

TEST_CASE("every vocabulary value has Chinese and English words", "[domain][labels]") {
    check_all(kAllRoles, role_name, role_words);
    check_all(kAllTaskKinds, task_kind_name, task_kind_words);
    check_all(kAllTaskStatuses, task_status_name, task_status_words);
    check_all(kAllCaseStatuses, case_status_name, case_status_words);
    check_all(kAllComplaintStatuses, complaint_status_name, complaint_status_words);
    check_all(kAllComplaintSources, complaint_source_name, complaint_source_words);
    check_all(kAllSeverities, severity_name, severity_words);
    check_all(kAllAnswers, answer_name, answer_words);
}

TEST_CASE("a word the vocabulary does not know has no words", "[domain][labels]") {
    CHECK_FALSE(task_kind_words("patrol").has_value());
    CHECK_FALSE(case_status_words("").has_value());
    CHECK_FALSE(severity_words("Critical").has_value());  // wire spellings are exact
}

TEST_CASE("the words where copies once differed are the product's", "[domain][labels]") {
    CHECK(label(TaskKind::routine, Lang::zh) == "例行检查");
    CHECK(label(TaskKind::spot_check, Lang::zh) == "双随机抽查");
    CHECK(label(CaseStatus::closed, Lang::zh) == "已销号");
    CHECK(label(Severity::critical, Lang::zh) == "关键项");
    CHECK(words(Answer::fail).both() == "不合格 FAIL");
}
