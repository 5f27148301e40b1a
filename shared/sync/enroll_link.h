#pragma once
// The enrollment QR carries a link: ducha://enroll?server=<url>&code=<code>&pin=<sha256//...>
// (values percent-encoded). The app reads it from a camera or an image; the CLI takes it as text.
#include <string>

#include "shared/common/result.h"

namespace ducha::sync {

struct EnrollLink {
    std::string server_url, code, pin;
};

Result<EnrollLink> parse_enroll_link(const std::string& text);
std::string make_enroll_link(const EnrollLink& link);

}  // namespace ducha::sync
