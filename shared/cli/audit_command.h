#pragma once
// `ducha audit`: the server's audit log, online (admins see every entry; supervisors the refused
// and conflicting ones). A table in Shanghai time, or --json.
#include <iosfwd>

#include "shared/cli/cli_args.h"
#include "shared/sync/device_profile.h"

namespace ducha::cli {

// Exit codes: 0 ok, 1 failed (the server's message on err, e.g. a role that may not read it),
// 2 usage (an unknown or misspelt option, a bad value).
int run_audit_command(sync::DeviceProfile& profile, const Args& args, std::ostream& out, std::ostream& err);

extern const char* const kAuditUsage;

}  // namespace ducha::cli
