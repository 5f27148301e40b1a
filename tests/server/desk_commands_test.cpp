// The desk commands' table: every subcommand it runs is in the help text, as its row says.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "shared/cli/desk_commands.h"

using namespace ducha;

TEST_CASE("every desk subcommand in the command tables is shown in the help text", "[cli]") {
    const std::string help = cli::kDeskUsage;
    // Known gap: `campaign cancel` runs but the help text does not show it yet.
    const std::set<std::string> undocumented{"campaign cancel"};
    std::set<std::string> seen;
    for (const auto& c : cli::desk_subcommand_usages()) {
        const std::string name = std::string(c.command) + " " + std::string(c.subcommand);
        INFO(name << ": " << c.usage);
        CHECK_FALSE(c.usage.empty());
        CHECK(seen.insert(name).second);  // one row per subcommand
        if (undocumented.count(name)) {
            CHECK(help.find(std::string(c.usage)) == std::string::npos);  // documented now: drop it from the list
            continue;
        }
        CHECK(help.find(std::string(c.usage)) != std::string::npos);
    }
    CHECK(seen.count("registry list"));
    CHECK(seen.count("registry history"));
    CHECK(seen.count("review "));  // `ducha review` alone lists the queue
    CHECK(seen.count("complaint reopen"));
}
