#include "shared/domain/phone_number.h"

namespace ducha::domain {

bool phone_well_formed(std::string_view phone) {
    std::size_t i = 0, digits = 0;
    if (!phone.empty() && phone[0] == '+') i = 1;
    bool last_was_digit = false;
    for (; i < phone.size(); ++i) {
        const char c = phone[i];
        if (c >= '0' && c <= '9') {
            ++digits;
            last_was_digit = true;
        } else if ((c == '-' || c == ' ') && last_was_digit) {
            last_was_digit = false;  // a separator stands between two digits, never twice
        } else {
            return false;
        }
    }
    return last_was_digit && digits >= 7 && digits <= 15;
}

std::string phone_digits(std::string_view phone) {
    std::string out;
    for (char c : phone)
        if (c >= '0' && c <= '9') out += c;
    return out;
}

}  // namespace ducha::domain
