#include "shared/common/config_file.h"

#include <fstream>
#include <iterator>
#include <set>

#include "shared/common/command_line.h"
#include "shared/common/text.h"

namespace ducha {

Result<std::vector<std::string>> config_text_words(std::string_view text, const std::string& name,
                                                   std::string_view flags, std::string_view values) {
    std::vector<std::string> words;
    std::set<std::string, std::less<>> seen;
    int line_no = 0;
    while (!text.empty()) {
        ++line_no;
        const auto nl = text.find('\n');
        std::string_view raw = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        if (const auto hash = raw.find('#'); hash != std::string_view::npos) raw = raw.substr(0, hash);
        const std::string line = trimmed(raw);
        if (line.empty()) continue;
        const std::string where = name + ":" + std::to_string(line_no);
        const auto eq = line.find('=');
        if (eq == std::string::npos) return fail(Errc::invalid_argument, Msg::config_line_malformed, where, line);
        std::string key = trimmed(std::string_view(line).substr(0, eq));
        const std::string value = trimmed(std::string_view(line).substr(eq + 1));
        if (key.rfind("--", 0) == 0) key = key.substr(2);  // "--listen = …" means listen
        const bool is_flag = option_listed(flags, key), is_value = option_listed(values, key);
        if (key.empty() || key == "config" || (!is_flag && !is_value))
            return fail(Errc::invalid_argument, Msg::config_unknown_setting, where, key);
        if (!seen.insert(key).second) return fail(Errc::invalid_argument, Msg::config_setting_repeated, where, key);
        if (value.empty()) return fail(Errc::invalid_argument, Msg::config_setting_needs_value, where, key);
        if (is_flag) {
            if (value == "yes" || value == "true" || value == "on") words.push_back("--" + key);
            else if (value != "no" && value != "false" && value != "off")
                return fail(Errc::invalid_argument, Msg::config_switch_value, where, key, value);
            continue;
        }
        words.push_back("--" + key);
        words.push_back(value);
    }
    return words;
}

Result<std::vector<std::string>> config_file_words(const std::filesystem::path& file, std::string_view flags,
                                                   std::string_view values) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(Errc::not_found, Msg::cannot_read_file, file.string());
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    return config_text_words(text, file.string(), flags, values);
}

}  // namespace ducha
