#pragma once
// What a device signs to sign in with its key (POST /v1/token/device): a fixed label, its device
// id and the server's challenge. The label keeps the signature from ever passing for a signed
// report (reports sign other bytes, report_signing.h). Golden bytes: tests/data/golden.
#include <string>
#include <string_view>

#include "shared/common/bytes.h"

namespace ducha::domain {

Bytes device_sign_in_message(std::string_view device_id, std::string_view challenge);

}  // namespace ducha::domain
