#include "server/http/json_error.h"

#include <nlohmann/json.hpp>

namespace ducha::server {

HttpResponse json_error(int status, std::string_view code, std::string_view message) {
    nlohmann::json j;
    j["error"] = std::string(code);
    j["message"] = std::string(message);
    HttpResponse r;
    r.status = status;
    r.content_type = "application/json; charset=utf-8";
    // replace, not throw: a message may quote bytes from a malformed request
    r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

}  // namespace ducha::server
