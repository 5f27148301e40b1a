#pragma once
// A settings file for a command, so a service starts from one file instead of a long command line:
// one `name = value` per line, the names being the command's long options without "--"; `#`
// starts a comment; blank lines are skipped. A switch option takes yes/no (or true/false, on/off).
// The file is read into the words the command line would carry; place them after the real
// command line's words, so that a flag given there wins (options are read at their first mention).
// Every mistake names the file and line: a name the command does not know, a line without `=`,
// an empty value, a name given twice, a switch with another value.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "shared/common/result.h"

namespace ducha {

// `flags` and `values`: space-separated option names, as for check_command_options. `config`
// itself is not a setting (files do not include files).
[[nodiscard]] Result<std::vector<std::string>> config_file_words(const std::filesystem::path& file,
                                                                 std::string_view flags, std::string_view values);

// The same over text already read (`name` is the file's name in messages).
[[nodiscard]] Result<std::vector<std::string>> config_text_words(std::string_view text, const std::string& name,
                                                                 std::string_view flags, std::string_view values);

}  // namespace ducha
