#pragma once
// The server database's schema on PostgreSQL: the shape the nine SQLite steps of
// server_schema.cpp leave, as numbered PostgreSQL steps (append only).
#include <span>

#include "server/pg/pg_migrations.h"

namespace ducha::server {

std::span<const pg::PgMigration> pg_server_migrations();

}  // namespace ducha::server
