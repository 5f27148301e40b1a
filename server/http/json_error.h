#pragma once
// JSON error bodies for transport-level and API errors: {"error":code,"message":message}.
#include <string_view>

#include "server/http/http_server.h"

namespace ducha::server {

// Content-Type application/json; invalid UTF-8 in code/message is replaced, never thrown on.
HttpResponse json_error(int status, std::string_view code, std::string_view message);

}  // namespace ducha::server
