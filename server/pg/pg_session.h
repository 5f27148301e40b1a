#pragma once
// What a PgConnection owns, at a stable address: its statements point here, so moving the
// connection does not invalidate them. Internal to server/pg/.
#include <libpq-fe.h>

#include <string>
#include <unordered_map>

#include "server/pg/pg_connection.h"

namespace ducha::pg {

struct PgConnection::Session {
    PGconn* conn = nullptr;
    int changes = 0;  // rows the last statement touched (PQcmdTuples)
    // Server-side prepared statements of this session: (SQL, parameter types) -> name. Each SQL is
    // parsed and planned once per session instead of at every execution; prepared statements
    // outlive a rolled-back transaction, and a new session starts with none.
    std::unordered_map<std::string, std::string> prepared;
    static constexpr std::size_t kMaxPrepared = 512;  // beyond it (SQL built at run time) run unnamed
};

}  // namespace ducha::pg
