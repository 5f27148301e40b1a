#pragma once
// Text into the server's HTML pages (badge check, public results): every user-supplied string
// goes through html_escape.
#include <string>
#include <string_view>

namespace ducha::server {

std::string html_escape(std::string_view s);

}  // namespace ducha::server
