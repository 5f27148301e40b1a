#include "shared/domain/enrollment_code.h"

#include <cctype>

namespace ducha::domain {

std::string normalize_enrollment_code(std::string_view code) {
    std::string out;
    for (char c : code) {
        if (c == '-' || c == ' ') continue;
        out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return out;
}

}  // namespace ducha::domain
