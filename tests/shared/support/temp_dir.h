#pragma once
// A directory of its own for one test, removed with everything in it when the test ends.
#include <filesystem>
#include <string>
#include <system_error>

#include "shared/crypto/random.h"

namespace ducha::test {

struct TempDir {
    TempDir() : path(std::filesystem::temp_directory_path() / ("ducha-test-" + crypto::random_token(9))) {
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path path;
    std::filesystem::path operator/(const std::string& s) const { return path / s; }
};

}  // namespace ducha::test
