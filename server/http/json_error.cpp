#include "server/http/json_error.h"

namespace ducha::server {

HttpResponse error_response(const wire::WireError& e) {
    wire::Reply w = wire::to_reply(e);
    HttpResponse r;
    r.status = w.status;
    r.content_type = std::string(wire::kContentType);
    r.headers = std::move(w.headers);
    r.body = std::move(w.body);
    return r;
}

HttpResponse json_error(int status, std::string_view code, Msg words, std::vector<std::string> args) {
    HttpResponse r;
    r.status = status;
    r.content_type = std::string(wire::kContentType);
    r.body = wire::error_body(code, Error{wire::code_named(code).value_or(Errc::internal), words, std::move(args)});
    // As every registry reply: the code again in a header, for whoever reads only the headers.
    r.headers.emplace_back(std::string(wire::kErrorHeader), std::string(code));
    return r;
}

}  // namespace ducha::server
