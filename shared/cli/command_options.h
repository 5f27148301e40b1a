#pragma once
// The options each `ducha` command takes, in one table: a misspelt or unknown option is refused
// with a usage error (exit 2) instead of being silently ignored, and an option that needs a value
// must have one.
#include <string_view>

#include "shared/cli/cli_args.h"
#include "shared/common/result.h"

namespace ducha::cli {

struct CommandOptions {
    std::string_view command;
    std::string_view flags;   // options without a value, space separated, without the leading "--"
    std::string_view values;  // options followed by a value
};

const CommandOptions* command_options(std::string_view command);

// Errc::invalid_argument naming the first option `command` does not take, or one without its value.
[[nodiscard]] Status check_options(std::string_view command, const Args& args);

}  // namespace ducha::cli
