// Every `ducha` command refuses an option it does not take (a misspelt flag is a usage error,
// exit 2, with the command's usage), and an option that needs a value without one.
#include <catch2/catch.hpp>

#include "support/cli_steps.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;

TEST_CASE("a misspelt or unknown option is a usage error (exit 2) naming it, before anything runs", "[cli]") {
    TempDir tmp;
    const auto profile = tmp / "p";
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"tasks", "--jsn"},
             {"sync", "--retry", "3"},
             {"inspect", "--task", "T", "--answer", "a.json"},
             {"registry", "list", "--serch", "x"},
             {"draw", "commit", "--k", "1", "--covrt"},
             {"export", "cases", "--output", "x.csv"}}) {
        auto r = cli([&] {
            std::vector<std::string> v{"--profile", profile.string()};
            v.insert(v.end(), args.begin(), args.end());
            return v;
        }());
        INFO(describe(args, r));
        CHECK(r.rc == 2);
        CHECK(contains(r.err, "has no option"));
        CHECK(contains(r.err, "Usage:"));
    }
    auto missing = cli({"--profile", profile.string(), "task-status", "--task"});
    CHECK(missing.rc == 2);
    CHECK(contains(missing.err, "--task needs a value"));
    // Nothing was created for the mistyped commands: no profile appeared.
    CHECK_FALSE(std::filesystem::exists(profile / "device.db"));
    // A correct option of a command goes through to the command itself.
    auto fine = cli({"--profile", profile.string(), "tasks", "--json"});
    CHECK(fine.rc == 1);
    CHECK(contains(fine.err, "enroll"));
}
