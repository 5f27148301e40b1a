#pragma once
// The `ducha district ...` and `ducha user ...` commands: putting a bureau's districts and people
// into service (shared/desk/people_desk.h). Queued on the device, sent by `sync`.
#include <iosfwd>
#include <optional>
#include <string>

#include "shared/cli/cli_args.h"
#include "shared/sync/device_profile.h"

namespace ducha::cli {

// Runs `cmd` if it is `district` or `user`; nullopt when it is neither.
std::optional<int> run_people_command(const std::string& cmd, sync::DeviceProfile& profile, const Args& args,
                                      std::ostream& out, std::ostream& err);

// Their usage text (part of `ducha --help`).
extern const char* const kPeopleUsage;

}  // namespace ducha::cli
