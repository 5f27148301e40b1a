#pragma once
// Sign-in challenges for devices whose tokens are gone: at most one open challenge per device
// (asking again replaces it), used once, short-lived. Only its SHA-256 is kept.
#include <cstdint>
#include <string>

#include "shared/common/bytes.h"
#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

class DeviceChallenges {
public:
    explicit DeviceChallenges(store::Connection& db) : m_db(db) {}

    [[nodiscard]] Status put(const std::string& device_id, const Bytes& challenge_hash, std::int64_t expires_at_ms);
    // Removes the device's open challenge and says whether it was this one and still open at `now_ms`.
    [[nodiscard]] Result<bool> take(const std::string& device_id, const Bytes& challenge_hash, std::int64_t now_ms);

private:
    store::Connection& m_db;
};

}  // namespace ducha::server
