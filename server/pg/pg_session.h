#pragma once
// What a PgConnection owns, at a stable address: its statements point here, so moving the
// connection does not invalidate them. Internal to server/pg/.
#include <libpq-fe.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "server/pg/pg_connection.h"
#include "server/pg/pg_statement.h"

namespace ducha::pg {

struct PgConnection::Session {
    PGconn* conn = nullptr;
    int changes = 0;  // rows the last statement touched (PQcmdTuples)
    std::unordered_map<std::string, std::unique_ptr<PgStatement>> cache;  // PgConnection::cached
};

}  // namespace ducha::pg
