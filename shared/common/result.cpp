#include "shared/common/result.h"

namespace ducha {

std::string_view errc_name(Errc e) {
    switch (e) {
        case Errc::ok: return "ok";
        case Errc::invalid_argument: return "invalid_argument";
        case Errc::not_found: return "not_found";
        case Errc::already_exists: return "already_exists";
        case Errc::conflict: return "conflict";
        case Errc::rejected: return "rejected";
        case Errc::unauthorized: return "unauthorized";
        case Errc::forbidden: return "forbidden";
        case Errc::malformed: return "malformed";
        case Errc::too_large: return "too_large";
        case Errc::integrity: return "integrity";
        case Errc::storage: return "storage";
        case Errc::disk_full: return "disk_full";
        case Errc::network: return "network";
        case Errc::timeout: return "timeout";
        case Errc::server_error: return "server_error";
        case Errc::unavailable: return "unavailable";
        case Errc::internal: return "internal";
    }
    return "internal";
}

std::string Error::to_string() const { return std::string(errc_name(code)) + ": " + message; }

}  // namespace ducha
