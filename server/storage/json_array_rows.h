#pragma once
// A JSON array bound as one text parameter, as rows of a one-column `value` table: how the
// storage passes a list (keys, collections, outcomes) to `x IN (...)` on either backend.
#include <string>

#include "shared/store/connection.h"

namespace ducha::server {

// The subquery `SELECT value FROM ...` over parameter ?N, in the connection's dialect
// (SQLite's json_each, PostgreSQL's json_array_elements_text).
std::string json_array_rows(const store::Connection& db, int param);

}  // namespace ducha::server
