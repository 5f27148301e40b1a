#pragma once
// JSON error bodies for transport-level and API errors: {"error":code,"message":words,
// "message_id":name,"args":[...]} (wire::error_body). The
// status, the code's name and the headers of an API error come from the one wire-error registry
// (shared/common/wire_error.h), which devices read replies back with.
#include <string>
#include <string_view>
#include <vector>

#include "server/http/http_server.h"
#include "shared/common/wire_error.h"

namespace ducha::server {

// The reply for an error: the registry's status, name and headers (Retry-After, Upload-Offset);
// an error without words gets the registry's.
HttpResponse error_response(const wire::WireError& e);

// A reply the HTTP layer makes itself, before or instead of any service (http_server.cpp; one of
// its codes has no registry row: headers_too_large, read back by status). Content-Type
// application/json, the code again in Ducha-Error; invalid UTF-8 in code/words is replaced, never
// thrown on.
HttpResponse json_error(int status, std::string_view code, Msg words, std::vector<std::string> args);

}  // namespace ducha::server
