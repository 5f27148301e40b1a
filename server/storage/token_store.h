#pragma once
// Access and refresh tokens as the server holds them: only their SHA-256, never the tokens.
// A refresh token, once used, stays on record (RFC 9700 rotation with reuse detection): when it
// was used, the hash of the token that replaced it, and the pair it was answered with, sealed
// under a key only the used token's holder can derive, so the same refresh repeated within the
// grace period gets the same answer (docs/SYNC.md, "Tokens").
#include <cstdint>
#include <optional>
#include <string>

#include "shared/common/bytes.h"
#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

enum class TokenKind : std::uint8_t { access, refresh };

struct TokenRow {
    std::string device_id, user_id;
    std::int64_t expires_at = 0;  // unix seconds
    bool revoked = false;
    std::int64_t used_at_ms = 0;  // a refresh token's rotation (0: not used yet)
    Bytes successor;              // the hash of the refresh token that replaced it
    Bytes sealed_answer;          // the TokenResponse of the rotation, sealed
};

class TokenStore {
public:
    explicit TokenStore(store::Connection& db) : m_db(db) {}

    [[nodiscard]] Status insert(const Bytes& hash, TokenKind kind, const std::string& device_id,
                                const std::string& user_id, std::int64_t expires_at);
    [[nodiscard]] Result<std::optional<TokenRow>> find(const Bytes& hash, TokenKind kind);
    // Records a refresh token's rotation. Its access tokens are revoked by revoke_access.
    [[nodiscard]] Status mark_used(const Bytes& hash, std::int64_t at_ms, const Bytes& successor,
                                   const Bytes& sealed_answer);
    // Every token of a device stops working (a lost phone, a reused refresh token, a sign-in with
    // the device key). Returns how many were live.
    [[nodiscard]] Result<int> revoke_device(const std::string& device_id);
    // The device's access tokens stop working (a rotation hands out a new one).
    [[nodiscard]] Status revoke_access(const std::string& device_id);

private:
    store::Connection& m_db;
};

}  // namespace ducha::server
