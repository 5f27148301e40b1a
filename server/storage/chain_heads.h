#pragma once
// Each device's report chain as the server holds it (invariant 5): the position and hash of its
// newest report, and the position after which the chain may continue past a report the server
// could not verify.
#include <cstdint>
#include <string>

#include "shared/common/bytes.h"
#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

struct ChainHead {
    std::int64_t index = 0;  // 0: no report yet
    Bytes hash;              // the newest report's hash (32 zero bytes before the first)
    std::int64_t break_after = 0;
};

class ChainHeads {
public:
    explicit ChainHeads(store::Connection& db) : m_db(db) {}

    [[nodiscard]] Result<ChainHead> get(const std::string& device_id);
    [[nodiscard]] Status advance(const std::string& device_id, std::int64_t index, const Bytes& hash);
    // A report at `index` could not be verified: the chain may continue right after it.
    [[nodiscard]] Status allow_break(const std::string& device_id, std::int64_t index);

private:
    store::Connection& m_db;
};

}  // namespace ducha::server
