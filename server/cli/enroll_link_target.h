#pragma once
// Where an enrollment link sends a device: the server URL it reaches and the pin of the
// certificate serve uses. `enrollment-code` and `enrollment-sheets` check and compute them here,
// before any code is issued, so a bad URL or a missing certificate wastes no code.
#include <filesystem>
#include <optional>
#include <string>

#include "shared/common/result.h"

namespace ducha::server {

struct EnrollLinkTarget {
    std::string server_url;  // https://HOST[:PORT], without trailing slashes
    std::string pin;         // sha256//BASE64; empty with a CA-issued certificate (trust_ca)
};

// `server_url` must be https://HOST[:PORT] with no spaces or control characters (trailing slashes
// are dropped): else Errc::invalid_argument, a usage mistake. The pin is that of `cert` when
// given, else of DATA_DIR/tls/cert.pem (the one serve makes), computed by the same function serve
// prints it with; when it cannot be, Msg::enroll_pin_unavailable says what to do.
// `trust_ca` (a certificate from a CA the phones trust, --trust-ca): the link carries no pin, and
// devices check the chain and the host name instead, so a renewal with a new key locks nobody out.
Result<EnrollLinkTarget> enroll_link_target(const std::filesystem::path& data_dir, std::string server_url,
                                            const std::optional<std::string>& cert, bool trust_ca = false);

}  // namespace ducha::server
