// The one durable write (shared/common/durable_file.h) on real files: replace, keep, the directory
// fsync, and a real full disk (a small tmpfs in a child's own mount namespace).
#include <catch2/catch.hpp>

#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "shared/common/durable_file.h"
#include "shared/support/temp_dir.h"

using namespace ducha;
namespace fs = std::filesystem;
using ducha::test::TempDir;

namespace {

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

TEST_CASE("write_file_durably replaces a file whole, with the mode asked for", "[common][durable]") {
    TempDir dir;
    const fs::path p = dir.path / "server-signing.key";
    REQUIRE(write_file_durably(p, "first"));
    CHECK(slurp(p) == "first");
    struct stat st{};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(write_file_durably(p, std::string("second\0bytes", 12), 0644));
    CHECK(slurp(p) == std::string("second\0bytes", 12));
    REQUIRE(::stat(p.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777 & ~0644u) == 0);  // 0644 less the umask, never more
    CHECK((st.st_mode & 0600) == 0600);
    CHECK(entries(dir.path) == 1);  // no temporary file beside it
}

TEST_CASE("write_file_durably with Replace::never keeps an existing file", "[common][durable]") {
    TempDir dir;
    const fs::path p = dir.path / "keystore.key";
    REQUIRE(write_file_durably(p, "the key", 0600, Replace::never));
    auto again = write_file_durably(p, "another key", 0600, Replace::never);
    REQUIRE_FALSE(again);
    CHECK(again.error().code == Errc::already_exists);
    CHECK(again.error().message().find("keystore.key") != std::string::npos);
    CHECK(slurp(p) == "the key");
    CHECK(entries(dir.path) == 1);
}

TEST_CASE("sync_directory flushes a directory and names the one it cannot open", "[common][durable]") {
    TempDir dir;
    CHECK(sync_directory(dir.path));
    auto missing = sync_directory(dir.path / "missing");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == Errc::storage);
    CHECK(missing.error().message().find("missing") != std::string::npos);
    REQUIRE(write_file_durably(dir.path / "plain", "x"));
    auto not_dir = sync_directory(dir.path / "plain");
    REQUIRE_FALSE(not_dir);
    CHECK(not_dir.error().code == Errc::storage);
}

TEST_CASE("write_file_durably fails cleanly and leaves the old file", "[common][durable]") {
    TempDir dir;
    SECTION("into a directory that does not exist") {
        auto st = write_file_durably(dir.path / "missing" / "cert.pem", "x");
        REQUIRE_FALSE(st);
        CHECK(st.error().code == Errc::storage);
        CHECK(st.error().message().find("cert.pem") != std::string::npos);
        CHECK(entries(dir.path) == 0);
    }
    SECTION("over a non-empty directory: the rename fails and the temporary file goes") {
        fs::create_directories(dir.path / "taken" / "inside");
        auto st = write_file_durably(dir.path / "taken", "payload");
        REQUIRE_FALSE(st);
        CHECK(st.error().code == Errc::storage);
        CHECK(entries(dir.path) == 1);
    }
}

// A real full disk: a 64 KiB tmpfs in a private mount namespace of a child process. The test
// machine may mount (root); where it may not, this fails and says so rather than pass untested.
TEST_CASE("write_file_durably reports a full disk as disk_full and keeps the old file", "[common][durable]") {
    TempDir dir;
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        if (::unshare(CLONE_NEWNS) != 0) ::_exit(77);
        if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) ::_exit(77);
        if (::mount("tmpfs", dir.path.c_str(), "tmpfs", 0, "size=64k") != 0) ::_exit(77);
        if (!write_file_durably(dir.path / "device.key", "old")) ::_exit(10);
        auto st = write_file_durably(dir.path / "device.key", std::string(512 * 1024, 'x'));
        if (st) ::_exit(11);
        if (st.error().code != Errc::disk_full) ::_exit(12);
        if (st.error().message().find("device.key") == std::string::npos) ::_exit(13);
        if (entries(dir.path) != 1 || slurp(dir.path / "device.key") != "old") ::_exit(14);
        ::umount(dir.path.c_str());
        ::_exit(0);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    INFO("exit 77: cannot mount a tmpfs in a private mount namespace (run as root, or where namespaces are allowed)");
    CHECK(WEXITSTATUS(status) == 0);
}
