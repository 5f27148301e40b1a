#pragma once
// Enrollment, tokens and authentication of device requests.
#include <functional>
#include <string>

#include "ducha.pb.h"
#include "server/policy/policy.h"
#include "server/service/server_context.h"
#include "server/storage/audit_log.h"

namespace ducha::server {

struct Caller {
    std::string device_id;
    std::string user_id;
    pb::User user;
    Bytes device_public_key;
};

class AuthService {
public:
    explicit AuthService(ServerContext& ctx) : m_ctx(ctx) {}

    // "Bearer TOKEN" → the device and its user. unauthorized: missing, unknown or revoked token;
    // token_expired; device_revoked; forbidden: the account is disabled.
    Result<Caller> authenticate(std::string_view authorization_header);
    Result<Principal> principal_of(const Caller& c);

    // Redeems a one-time code: registers the device key, issues tokens (async via the writer).
    void enroll(const pb::EnrollRequest& req, std::function<void(Result<pb::TokenResponse>)> done);
    // Rotates the device's tokens (RFC 9700): the same refresh again within the grace period gets
    // the same answer (one lost on its way); a used token used again after that revokes every
    // token of the device, which then signs in with its key.
    void refresh(const pb::RefreshRequest& req, std::function<void(Result<pb::TokenResponse>)> done);
    // Sign-in with the device key, for a device whose tokens are gone: a challenge (one open per
    // device, short-lived), then the challenge signed by the key the device enrolled with.
    void challenge(const pb::DeviceChallengeRequest& req, std::function<void(Result<pb::DeviceChallenge>)> done);
    void sign_in(const pb::DeviceSignInRequest& req, std::function<void(Result<pb::TokenResponse>)> done);

    // POST /v1/admin/enrollment-code: a code for another user, if the policy allows.
    void issue_code(const Caller& c, const std::string& user_id, std::function<void(Result<std::string>)> done);

    // Creates a one-time code for `user_id` inside a writer batch (used by init and admin tools),
    // with its audit entry in the same transaction. `by` names the issuer (actor, device, role,
    // district); left empty, the server's own tool `created_by` issued it.
    static Result<std::string> create_enrollment_code(WriteBatch& b, const std::string& user_id,
                                                      const std::string& created_by, std::int64_t ttl_s,
                                                      const AuditEntry& by = {});

private:
    ServerContext& m_ctx;
};

}  // namespace ducha::server
