// The app does not grow its own copy of the vocabulary's words again: a scan of mobile/app for
// `en ? "…" : "…"` pairs (the words live in shared/domain/vocabulary_labels.h).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

TEST_CASE("the app spells no vocabulary word of its own", "[domain][labels]") {
    // A pair like  en ? "Closed" : "已结案"  (or with QString/QStringLiteral) is a second copy of
    // the catalogue's words; the app reads them from shared/domain/vocabulary_labels.h instead.
    const std::filesystem::path dir = std::filesystem::path(DUCHA_SOURCE_DIR) / "mobile" / "app";
    REQUIRE(std::filesystem::is_directory(dir));
    const std::regex pair(R"(\b(en|english)\s*\?\s*(QString(Literal)?\s*\(\s*)?")");
    std::vector<std::string> found;
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".h") continue;
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        for (int n = 1; std::getline(in, line); ++n)
            if (std::regex_search(line, pair)) found.push_back(entry.path().filename().string() + ":" + std::to_string(n) + ": " + line);
    }
    CHECK(files > 10);  // the scan saw the app's sources
    std::ostringstream all;
    for (const auto& f : found) all << f << "\n";
    INFO(all.str());
    CHECK(found.empty());
}

TEST_CASE("the scan for app copies recognises a copy", "[domain][labels]") {
    // The same expression as above, on the shapes it must catch and one it must leave alone.
    const std::regex pair(R"(\b(en|english)\s*\?\s*(QString(Literal)?\s*\(\s*)?")");
    CHECK(std::regex_search(std::string(R"(return en ? "Closed" : "已结案";)"), pair));
    CHECK(std::regex_search(std::string(R"(return en ? QString("critical") : QStringLiteral("关键项");)"), pair));
    CHECK_FALSE(std::regex_search(std::string(R"(qs(en ? i.text_en() : i.text_zh()))"), pair));
}
