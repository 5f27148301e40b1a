#pragma once
// The server's generation: an id that is new after every restore from a backup, and the highest
// seq the restored backup held. A device that sees a new generation knows the server may lack
// what it acknowledged after that seq, and sends it again (docs/OPERATIONS.md).
#include <cstdint>
#include <string>

#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

struct Generation {
    std::string id;                         // 32 hex digits
    std::int64_t restored_through_seq = 0;  // 0: this server was never restored
};

class ServerGeneration {
public:
    explicit ServerGeneration(store::Connection& db) : m_db(db) {}

    [[nodiscard]] Result<Generation> get();
    // After a restore: a new id, and the backup's highest seq as the line devices recover above.
    [[nodiscard]] Result<Generation> start_new(std::int64_t restored_through_seq);

private:
    store::Connection& m_db;
};

}  // namespace ducha::server
