#include "server/cli/database_option.h"

#include "server/service/server_app.h"

namespace ducha::server {

Result<std::string> database_option(const cli::Args& a) {
    if (!a.has("--database")) return std::string();
    auto url = a.get("--database");
    if (!url || !is_postgresql_url(*url))
        return fail(Errc::invalid_argument, Msg::database_url_not_postgresql, url.value_or(""));
    return *url;
}

}  // namespace ducha::server
