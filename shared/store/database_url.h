#pragma once
// What names a PostgreSQL database on the command line and in settings: a libpq URI. One rule for
// the server's commands and the benchmark, which does not link the server.
#include <string_view>

namespace ducha::store {

inline bool is_postgresql_url(std::string_view url) {
    return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

}  // namespace ducha::store
