#pragma once
// Exactly-once bookkeeping (invariant 2): which (device, client_seq) the server has answered, and
// the ack it gave, so a retry gets the original outcome and has no second effect.
#include <cstdint>
#include <optional>
#include <string>

#include "ducha.pb.h"
#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

class AppliedLog {
public:
    explicit AppliedLog(store::Connection& db) : m_db(db) {}

    [[nodiscard]] Result<bool> seen(const std::string& device_id, std::uint64_t client_seq);
    // Marks the mutation as answered at once (so a second delivery in the same commit is a
    // repeat); its final ack follows with store_ack.
    [[nodiscard]] Status mark(const std::string& device_id, std::uint64_t client_seq);
    [[nodiscard]] Status store_ack(const std::string& device_id, std::uint64_t client_seq, const pb::Ack& ack);
    [[nodiscard]] Result<std::optional<pb::Ack>> ack(const std::string& device_id, std::uint64_t client_seq);

private:
    store::Connection& m_db;
};

}  // namespace ducha::server
