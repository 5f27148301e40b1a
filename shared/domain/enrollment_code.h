#pragma once
// An enrollment code as people type it ("3ckv-xh8t swy2") and as the server keys it ("3CKVXH8TSWY2"):
// the one normalisation both sides use, so a device's retry of the same code is the same code.
#include <string>
#include <string_view>

namespace ducha::domain {

// Dashes and spaces dropped, letters upper-cased.
std::string normalize_enrollment_code(std::string_view code);

}  // namespace ducha::domain
