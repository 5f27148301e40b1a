#include "server/storage/json_array_rows.h"

namespace ducha::server {

std::string json_array_rows(const store::Connection& db, int param) {
    const std::string p = "?" + std::to_string(param);
    if (db.dialect() == store::Dialect::postgresql)
        return "SELECT value FROM json_array_elements_text(CAST(" + p + " AS json)) AS j(value)";
    return "SELECT value FROM json_each(" + p + ")";
}

}  // namespace ducha::server
