#pragma once
// The coordinator and supervisor command groups of `ducha` (registry, zone, task, campaign, draw,
// coverage, review, case, complaint, export): thin wrappers over shared/desk on the device's replica.
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/cli/cli_args.h"
#include "shared/sync/device_profile.h"

namespace ducha::cli {

// Runs `cmd` if it is a desk command group; nullopt when it is not one.
std::optional<int> run_desk_command(const std::string& cmd, sync::DeviceProfile& profile, const Args& args,
                                    std::ostream& out, std::ostream& err);

// The usage text of the desk command groups (part of `ducha --help`).
extern const char* const kDeskUsage;

// Each subcommand of the desk command tables with its synopsis ("" names what runs without one).
struct DeskSubcommandUsage {
    std::string_view command, subcommand, usage;
};
std::vector<DeskSubcommandUsage> desk_subcommand_usages();

}  // namespace ducha::cli
