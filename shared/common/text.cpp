#include "shared/common/text.h"

namespace ducha {

std::string trimmed(std::string_view s) {
    constexpr std::string_view kSpace = " \t\r\n\v\f";
    const auto b = s.find_first_not_of(kSpace);
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(kSpace);
    return std::string(s.substr(b, e - b + 1));
}

bool is_blank_text(std::string_view v) {
    while (!v.empty()) {
        if (v.front() == ' ' || v.front() == '\t' || v.front() == '\n' || v.front() == '\r') {
            v.remove_prefix(1);
        } else if (v.starts_with("\xE3\x80\x80")) {
            v.remove_prefix(3);
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace ducha
