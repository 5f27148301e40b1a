#include "shared/sync/http_transport.h"

#include <nlohmann/json.hpp>

namespace ducha::sync {

wire::WireError reply_error(const HttpReply& r) { return wire::from_reply(r.status, r.body, r.headers); }

ServerError parse_server_error(const HttpReply& r) {
    ServerError e;
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    if (j.is_object() && j.contains("error") && j["error"].is_string()) e.code = j["error"].get<std::string>();
    e.message = reply_error(r).error.message();
    return e;
}

}  // namespace ducha::sync
