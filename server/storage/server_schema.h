#pragma once
#include <span>

#include "shared/store/migrations.h"

namespace ducha::server {

// The server database's numbered migrations (append only).
std::span<const store::Migration> server_migrations();

}  // namespace ducha::server
