#pragma once
#include <span>

#include "shared/store/migrations.h"

namespace ducha::sync {

// The device database's numbered migrations (append only).
std::span<const store::Migration> local_migrations();

}  // namespace ducha::sync
