#pragma once
// One-time enrollment codes as the server holds them: only the SHA-256 of the normalised code.
#include <cstdint>
#include <optional>
#include <string>

#include "shared/common/bytes.h"
#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

struct EnrollmentCodeRow {
    std::string user_id;
    std::int64_t expires_at = 0;  // unix seconds
    bool used = false;
    std::int64_t used_at = 0;  // unix seconds
    std::string device_id;     // the device it enrolled (empty before migration 8)
};

class EnrollmentCodes {
public:
    explicit EnrollmentCodes(store::Connection& db) : m_db(db) {}

    [[nodiscard]] Status insert(const Bytes& code_hash, const std::string& user_id, std::int64_t expires_at,
                                const std::string& created_by);
    [[nodiscard]] Result<std::optional<EnrollmentCodeRow>> find(const Bytes& code_hash);
    [[nodiscard]] Status mark_used(const Bytes& code_hash, std::int64_t at_s, const std::string& device_id);

private:
    store::Connection& m_db;
};

}  // namespace ducha::server
