#pragma once
// What a PgConnection owns, at a stable address: its statements point here, so moving the
// connection does not invalidate them. Internal to server/pg/.
#include <libpq-fe.h>

#include "server/pg/pg_connection.h"

namespace ducha::pg {

struct PgConnection::Session {
    PGconn* conn = nullptr;
    int changes = 0;  // rows the last statement touched (PQcmdTuples)
};

}  // namespace ducha::pg
