#include "shared/common/text.h"

namespace ducha {

std::string trimmed(std::string_view s) {
    constexpr std::string_view kSpace = " \t\r\n\v\f";
    const auto b = s.find_first_not_of(kSpace);
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(kSpace);
    return std::string(s.substr(b, e - b + 1));
}

}  // namespace ducha
