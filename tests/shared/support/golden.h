#pragma once
// Golden files: expected values checked in under tests/data/golden/ and compared byte for byte
// (tests/data/golden/README.md says what each one pins). With DUCHA_WRITE_GOLDEN=1 in the
// environment, check_golden writes the value it computed instead of comparing: a deliberate
// format change only, never to make a failing test pass.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace ducha::test {

inline std::filesystem::path golden_dir() { return std::filesystem::path(DUCHA_SOURCE_DIR) / "tests" / "data" / "golden"; }

inline bool writing_golden() {
    const char* v = std::getenv("DUCHA_WRITE_GOLDEN");
    return v && std::string(v) == "1";
}

// The file's bytes as checked in.
inline std::string read_golden(const std::string& name) {
    std::ifstream in(golden_dir() / name, std::ios::binary);
    INFO("golden file tests/data/golden/" << name);
    REQUIRE(in.good());
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

// Hex, 32 bytes a line, for long values (a change then shows where it is in a diff).
inline std::string hex_lines(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i < hex.size(); i += 64) out += hex.substr(i, 64) + "\n";
    return out;
}

// Compares `actual` with the file's bytes; on a difference, says where the first one is.
inline void check_golden(const std::string& name, const std::string& actual) {
    const auto path = golden_dir() / name;
    INFO("golden file tests/data/golden/" << name);
    if (writing_golden()) {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << actual;
        REQUIRE(out.good());
        WARN("DUCHA_WRITE_GOLDEN=1: wrote tests/data/golden/" << name);
        return;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in.good()) {
        FAIL_CHECK("missing: a new golden file is written once with DUCHA_WRITE_GOLDEN=1 (see the README there)");
        return;
    }
    const std::string expected((std::istreambuf_iterator<char>(in)), {});
    if (expected == actual) {
        SUCCEED();
        return;
    }
    std::size_t at = 0, line = 1, column = 1;
    for (; at < expected.size() && at < actual.size() && expected[at] == actual[at]; ++at) {
        if (expected[at] == '\n') {
            ++line;
            column = 0;
        }
        ++column;
    }
    INFO("expected " << expected.size() << " bytes, got " << actual.size() << "; first difference on line " << line
                     << ", column " << column);
    INFO("expected from there: " << expected.substr(at, 64));
    INFO("got from there:      " << actual.substr(at, 64));
    FAIL_CHECK("the value differs from its golden file: this changes a signed or wire format");
}

}  // namespace ducha::test
