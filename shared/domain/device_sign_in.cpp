#include "shared/domain/device_sign_in.h"

namespace ducha::domain {

Bytes device_sign_in_message(std::string_view device_id, std::string_view challenge) {
    Bytes m = "ducha device sign-in v1\n";
    m += device_id;
    m += '\n';
    m += challenge;
    return m;
}

}  // namespace ducha::domain
