#pragma once
// The --database option the ducha-server commands that open the records share (init, serve,
// enrollment-code, enrollment-sheets, verify).
#include <string>

#include "shared/cli/cli_args.h"
#include "shared/common/result.h"

namespace ducha::server {

// Absent: "" (the records are SQLite in DIR). A postgresql:// or postgres:// URL: that URL. Anything
// else, or the option without a value: Msg::database_url_not_postgresql as invalid_argument, a
// usage mistake (exit 2 with the usage).
Result<std::string> database_option(const cli::Args& a);

}  // namespace ducha::server
