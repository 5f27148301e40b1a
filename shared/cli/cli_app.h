#pragma once
// The `ducha` command line: a device with a profile directory, and an admin/coordinator tool,
// on the same core as the app. run_cli is main() without the process, so tests call it directly.
#include <iosfwd>
#include <string>
#include <vector>

namespace ducha::cli {

// Exit codes: 0 ok, 1 failed (message on err), 2 usage, 3 verification found problems,
// 4 sync incomplete (something still waits; run sync again).
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ducha::cli
