#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <sys/wait.h>
#include <sched.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "shared/export/file_output.h"
#include "shared/support/temp_dir.h"

using namespace ducha;
using namespace ducha::exporting;
namespace fs = std::filesystem;

namespace {

using ducha::test::TempDir;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::size_t entries(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("write_file_atomically writes and replaces a file", "[export][file]") {
    TempDir dir;
    const fs::path p = dir.path / "记录.csv";
    REQUIRE(write_file_atomically(p, "first"));
    CHECK(slurp(p) == "first");
    REQUIRE(write_file_atomically(p, std::string("second\0binary", 13)));
    CHECK(slurp(p) == std::string("second\0binary", 13));
    REQUIRE(write_file_atomically(p, ""));
    CHECK(fs::file_size(p) == 0);
    CHECK(entries(dir.path) == 1);  // no temporary file left beside it
}

TEST_CASE("write_file_atomically fails cleanly", "[export][file]") {
    TempDir dir;
    SECTION("into a directory that does not exist") {
        auto st = write_file_atomically(dir.path / "missing" / "out.xlsx", "x");
        REQUIRE_FALSE(st);
        CHECK(st.error().code == Errc::storage);
        CHECK(st.error().message().find("missing") != std::string::npos);
        CHECK(entries(dir.path) == 0);
    }
    SECTION("over a directory: the temporary file is written, the rename fails, nothing stays") {
        fs::create_directory(dir.path / "taken");
        fs::create_directory(dir.path / "taken" / "inside");  // non-empty, so no rename can replace it
        auto st = write_file_atomically(dir.path / "taken", "payload");
        REQUIRE_FALSE(st);
        CHECK(st.error().code == Errc::storage);
        CHECK(entries(dir.path) == 1);
        CHECK(fs::is_directory(dir.path / "taken" / "inside"));
    }
    SECTION("with no file name") {
        auto st = write_file_atomically(dir.path / "", "x");
        REQUIRE_FALSE(st);
        CHECK(st.error().code == Errc::invalid_argument);
    }
}

// A real full disk: a 64 KiB tmpfs in a private mount namespace of a child process. Needs the
// right to mount (root in a sandbox that allows namespaces); elsewhere it says so and passes.
TEST_CASE("write_file_atomically reports a full disk and leaves no partial file", "[export][file]") {
    TempDir dir;
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        if (::unshare(CLONE_NEWNS) != 0) ::_exit(77);
        if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) ::_exit(77);
        if (::mount("tmpfs", dir.path.c_str(), "tmpfs", 0, "size=64k") != 0) ::_exit(77);
        if (!write_file_atomically(dir.path / "small.txt", "fits")) ::_exit(10);
        auto st = write_file_atomically(dir.path / "big.pdf", std::string(512 * 1024, 'x'));
        if (st) ::_exit(11);
        if (st.error().code != Errc::disk_full) ::_exit(12);
        if (st.error().message().find("big.pdf") == std::string::npos) ::_exit(13);
        if (entries(dir.path) != 1 || slurp(dir.path / "small.txt") != "fits") ::_exit(14);
        ::umount(dir.path.c_str());
        ::_exit(0);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 77) {
        WARN("cannot mount a tmpfs here: the full-disk path was not exercised");
        return;
    }
    CHECK(WEXITSTATUS(status) == 0);
}
