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
    std::string pin;         // sha256//BASE64
};

// `server_url` must be https://HOST[:PORT] with no spaces or control characters (trailing slashes
// are dropped): else Errc::invalid_argument, a usage mistake. The pin is that of `cert` when
// given, else of DATA_DIR/tls/cert.pem (the one serve makes), computed by the same function serve
// prints it with; when it cannot be, Msg::enroll_pin_unavailable says what to do.
Result<EnrollLinkTarget> enroll_link_target(const std::filesystem::path& data_dir, std::string server_url,
                                            const std::optional<std::string>& cert);

}  // namespace ducha::server
