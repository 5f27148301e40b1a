#include "shared/common/command_line.h"

namespace ducha {

bool option_listed(std::string_view list, std::string_view word) {
    while (!list.empty()) {
        auto sp = list.find(' ');
        if (list.substr(0, sp) == word) return true;
        list = sp == std::string_view::npos ? std::string_view{} : list.substr(sp + 1);
    }
    return false;
}

Status check_command_options(std::string_view program, std::string_view command, const std::vector<std::string>& words,
                             std::string_view flags, std::string_view values) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.rfind("--", 0) != 0 || w.size() == 2) continue;
        const std::string_view name = std::string_view(w).substr(2);
        if (option_listed(flags, name) || name == "help") continue;
        if (option_listed(values, name)) {
            if (i + 1 >= words.size() || words[i + 1].rfind("--", 0) == 0)
                return fail(Errc::invalid_argument, Msg::option_needs_value, w);
            ++i;
            continue;
        }
        return fail(Errc::invalid_argument, Msg::command_has_no_option, command, w, program);
    }
    return {};
}

std::optional<std::string> positional_word(const std::vector<std::string>& words, std::size_t n, std::string_view flags) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].rfind("--", 0) == 0) {
            if (!option_listed(flags, std::string_view(words[i]).substr(2))) ++i;
            continue;
        }
        if (seen++ == n) return words[i];
    }
    return std::nullopt;
}

}  // namespace ducha
