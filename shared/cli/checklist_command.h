#pragma once
// `ducha checklist ...`: the checklist's versions (shared/desk/checklist_desk.h). Reading works on
// any profile; publishing is an admin's, queued on the device and sent by `sync`.
#include <iosfwd>

#include "shared/cli/cli_args.h"
#include "shared/sync/device_profile.h"

namespace ducha::cli {

// Exit codes: 0 ok, 1 refused (the reason on err), 2 usage.
int run_checklist_command(sync::DeviceProfile& profile, const Args& args, std::ostream& out, std::ostream& err);

extern const char* const kChecklistUsage;

}  // namespace ducha::cli
