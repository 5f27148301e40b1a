#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "shared/common/config_file.h"

using namespace ducha;

namespace {
constexpr std::string_view kFlags = "no-fsync";
constexpr std::string_view kValues = "data listen cert key";

std::string refusal(std::string_view text) {
    auto r = config_text_words(text, "ducha.conf", kFlags, kValues);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::invalid_argument);
    return r.error().text(Lang::en);
}
}  // namespace

TEST_CASE("a settings file becomes the words of the command line", "[common][config]") {
    auto r = config_text_words(
        "# Ducha server\n"
        "data = /var/lib/ducha\n"
        "\n"
        "  listen=0.0.0.0:443   # every address\n"
        "--cert = /etc/ducha/tls/fullchain.pem\r\n"
        "key = /etc/ducha/tls/privkey.pem\n"
        "no-fsync = no\n",
        "ducha.conf", kFlags, kValues);
    REQUIRE(r);
    CHECK(*r == std::vector<std::string>{"--data", "/var/lib/ducha", "--listen", "0.0.0.0:443", "--cert",
                                         "/etc/ducha/tls/fullchain.pem", "--key", "/etc/ducha/tls/privkey.pem"});
    auto on = config_text_words("no-fsync = yes\n", "x", kFlags, kValues);
    REQUIRE(on);
    CHECK(*on == std::vector<std::string>{"--no-fsync"});
    auto empty = config_text_words("", "x", kFlags, kValues);
    REQUIRE(empty);
    CHECK(empty->empty());
}

TEST_CASE("every mistake in a settings file names its file and line", "[common][config]") {
    CHECK(refusal("data = /d\nlsiten = 0.0.0.0:443\n") == "ducha.conf:2: there is no setting 'lsiten'");
    CHECK(refusal("listen 0.0.0.0:443\n") == "ducha.conf:1: expected name = value, got \"listen 0.0.0.0:443\"");
    CHECK(refusal("data = /a\ndata = /b\n") == "ducha.conf:2: 'data' is set twice");
    CHECK(refusal("\n\ncert =   \n") == "ducha.conf:3: 'cert' needs a value");
    CHECK(refusal("no-fsync = maybe\n") == "ducha.conf:1: 'no-fsync' takes yes or no, not \"maybe\"");
    CHECK(refusal("config = other.conf\n") == "ducha.conf:1: there is no setting 'config'");
    CHECK(refusal("= value\n") == "ducha.conf:1: there is no setting ''");
}

TEST_CASE("a settings file that cannot be read is said by its path", "[common][config]") {
    const auto missing = std::filesystem::temp_directory_path() / "ducha-no-such-config.conf";
    std::filesystem::remove(missing);
    auto r = config_file_words(missing, kFlags, kValues);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::not_found);
    CHECK(r.error().text(Lang::en).find(missing.string()) != std::string::npos);

    const auto file = std::filesystem::temp_directory_path() / "ducha-config-test.conf";
    { std::ofstream(file) << "data = /srv/ducha\n"; }
    auto ok = config_file_words(file, kFlags, kValues);
    std::filesystem::remove(file);
    REQUIRE(ok);
    CHECK(*ok == std::vector<std::string>{"--data", "/srv/ducha"});
}
