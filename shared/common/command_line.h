#pragma once
// Every program's subcommands refuse an option they do not take: a misspelt flag is a usage error
// (exit 2), never silently ignored, and an option that needs a value must have one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/common/result.h"

namespace ducha {

// Whether `name` is one of the space-separated option names in `names` ("data listen cert").
bool option_listed(std::string_view names, std::string_view name);

// `flags` and `values` are space-separated option names without "--". Errc::invalid_argument names
// the first word of `words` that is an unknown option, or a value option without its value.
[[nodiscard]] Status check_command_options(std::string_view program, std::string_view command,
                                           const std::vector<std::string>& words, std::string_view flags,
                                           std::string_view values);

// The n-th word of `words` that is neither an option nor an option's value: an option ("--x") not
// named in `flags` takes the word after it as its value. Read after check_command_options.
std::optional<std::string> positional_word(const std::vector<std::string>& words, std::size_t n, std::string_view flags);

}  // namespace ducha
