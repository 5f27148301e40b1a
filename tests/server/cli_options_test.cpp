// Every `ducha` command refuses an option it does not take (a misspelt flag is a usage error,
// exit 2, with the command's usage), and an option that needs a value without one.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/cli_steps.h"
#include "support/run_program.h"
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

TEST_CASE("ducha-server and ducha-bench refuse a misspelt option with their usage (exit 2), before anything runs",
          "[cli]") {
    TempDir tmp;
    const std::string server = DUCHA_SERVER_BIN;
    const std::string bench = (std::filesystem::path(server).parent_path() / "ducha-bench").string();
    for (const auto& [bin, args, usage] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {server, "init --data '" + (tmp / "d").string() + "' --dmeo", "ducha-server init"},
             {server, "serve --data '" + (tmp / "d").string() + "' --listn 127.0.0.1:0", "ducha-server serve"},
             {server, "backup --data '" + (tmp / "d").string() + "' --too x", "ducha-server backup"},
             {server, "restore --data '" + (tmp / "d").string() + "' --form x", "ducha-server restore"},
             {bench, "ingest --devices 1 --report 1", "ducha-bench ingest"}}) {
        auto [rc, said] = run_program(bin, args);
        INFO(bin << " " << args << " -> " << rc << ": " << said);
        CHECK(rc == 2);
        CHECK(contains(said, "has no option"));
        CHECK(contains(said, usage));
    }
    // Nothing was initialised by the misspelt init.
    CHECK_FALSE(std::filesystem::exists(tmp / "d" / "ducha.db"));
    auto [rc, said] = run_program(server, "enrollment-code --data '" + (tmp / "d").string() + "' --user");
    CHECK(rc == 2);
    CHECK(contains(said, "--user needs a value"));
    // A count that is not a count is a usage error too, not a crash.
    for (const std::string bad : {"--max-connections many", "--io-threads 0", "--workers 2x", "--max-connections -5",
                                   "--max-uploads-per-device 0", "--max-upload-mib-per-device lots", "--stale-upload-days -1",
                                   "--max-sign-ins-per-minute none", "--max-sign-ins-per-minute -1"}) {
        auto [brc, bsaid] = run_program(server, "serve --data '" + (tmp / "d").string() + "' " + bad);
        INFO(bad << " -> " << brc << ": " << bsaid);
        CHECK(brc == 2);
        // The sign-in limit alone may be 0 (no limit: behind a load balancer, docs/OPERATIONS.md).
        const bool zero_allowed = bad.starts_with("--max-sign-ins-per-minute");
        CHECK(contains(bsaid, zero_allowed ? "needs a whole number from 0 to 1000000" : "needs a whole number from 1 to 1000000"));
    }
}
