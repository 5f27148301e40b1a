#include "server/service/auth_service.h"

#include "server/service/audit_service.h"
#include "server/service/mutation_applier.h"
#include "server/storage/device_challenges.h"
#include "server/storage/enrollment_codes.h"
#include "server/storage/record_table.h"
#include "server/storage/token_store.h"
#include "shared/common/wire_error.h"
#include "shared/crypto/aes_gcm.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"
#include "shared/domain/device_sign_in.h"
#include "shared/domain/enrollment_code.h"

namespace ducha::server {

using namespace ducha::domain;

namespace {

// Codes are typed by hand from a printout: no 0/O, 1/I/L.
std::string new_code() {
    static constexpr char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    auto raw = crypto::random_bytes(12);
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (i && i % 4 == 0) out.push_back('-');
        out.push_back(kAlphabet[static_cast<unsigned char>(raw[i]) % (sizeof(kAlphabet) - 1)]);
    }
    return out;
}

Status issue_tokens(WriteBatch& b, const ServerLimits& lim, const std::string& device_id, const std::string& user_id,
                    pb::TokenResponse& out) {
    out.set_access_token(crypto::random_token());
    out.set_refresh_token(crypto::random_token());
    std::int64_t now = b.server_time_ms / 1000;
    out.set_access_expires_at(now + lim.access_token_ttl_s);
    TokenStore tokens{b.db};
    if (auto r = tokens.insert(crypto::sha256(out.access_token()), TokenKind::access, device_id, user_id,
                               now + lim.access_token_ttl_s);
        !r)
        return r;
    return tokens.insert(crypto::sha256(out.refresh_token()), TokenKind::refresh, device_id, user_id,
                         now + lim.refresh_token_ttl_s);
}

// The key a rotation's answer is sealed under: derived from the used refresh token, which the
// server never keeps, so only that token's holder can open the answer again.
Bytes answer_key(std::string_view refresh_token) {
    return crypto::sha256("ducha refresh answer v1\n" + std::string(refresh_token));
}

// The person, as a token answer names them.
Status fill_identity(RecordTable& table, const std::string& user_id, pb::TokenResponse& out, pb::User* user) {
    auto usr = table.get(kUser, user_id);
    if (!usr) return fail(usr.error());
    pb::User u;
    if (*usr && u.ParseFromString((*usr)->payload())) {
        out.set_role(u.role());
        out.set_user_name(u.name());
        out.set_district_id(u.district_id());
    }
    if (user) *user = std::move(u);
    return {};
}

// Who acted, as an audit entry names them; role and district from the user record when it can be read.
AuditEntry actor_entry(RecordTable& table, const std::string& user_id, const std::string& device_id) {
    AuditEntry e;
    e.actor = user_id;
    e.device = device_id;
    if (user_id.empty()) return e;
    pb::User u;
    if (auto r = table.get(kUser, user_id); r && *r && u.ParseFromString((*r)->payload())) {
        e.role = u.role();
        e.district = u.district_id();
    }
    return e;
}

// The code a client is answered with, as the audit entry of a refusal names it (the wire registry's).
std::string error_code_of(const Error& e) { return std::string(wire::name_of(e.code)); }

// A refusal and whom it concerns, carried out of a job that rolls back, for its audit entry.
struct Refusal {
    AuditEntry entry;  // actor fields, once known
    Error error;       // set when the job refused (the job's error is then this one)
};

// The end of a job that may refuse. A refusal rolled the job back: it goes on record in a job of
// its own (naming the device, once known), then the caller hears it. Other failures pass as they
// are. Returns whether `s` was a failure (and `done` is taken care of).
template <typename T>
bool settle_failure(ServerContext& ctx, const Status& s, const Refusal& refusal, std::string_view action,
                    const std::function<void(Result<T>)>& done) {
    if (s) return false;
    if (s.error() != refusal.error) {  // not a refusal: another code, sentence or arguments
        done(fail(s.error()));
        return true;
    }
    AuditEntry e = refusal.entry;
    e.action = std::string(action);
    e.collection = e.device.empty() ? "" : std::string(kDevice);
    e.record_id = e.device;
    e.outcome = std::string(kRefused);
    e.code = error_code_of(refusal.error);
    e.reason = refusal.error.message();
    submit_audit(ctx, std::move(e), [done, err = refusal.error](Status) { done(fail(err)); });
    return true;
}

}  // namespace

Result<std::string> AuthService::create_enrollment_code(WriteBatch& b, const std::string& user_id,
                                                        const std::string& created_by, std::int64_t ttl_s,
                                                        const AuditEntry& by) {
    std::string code = new_code();
    if (auto r = EnrollmentCodes{b.db}.insert(crypto::sha256(normalize_enrollment_code(code)), user_id,
                                              b.server_time_ms / 1000 + ttl_s, created_by);
        !r)
        return fail(r.error());
    AuditEntry e = by;
    e.at_ms = b.server_time_ms;
    e.action = "enrollment_code.create";
    e.collection = std::string(kUser);
    e.record_id = user_id;
    e.outcome = std::string(kAccepted);
    if (e.actor.empty()) e.reason = "issued by " + created_by;
    if (auto r = append_audit(b.db, e); !r) return fail(r.error());
    return code;
}

Result<Caller> AuthService::authenticate(std::string_view header) {
    constexpr std::string_view kBearer = "Bearer ";
    if (header.substr(0, kBearer.size()) != kBearer || header.size() == kBearer.size()) {
        m_ctx.counters.auth_failures++;
        return fail(Errc::unauthorized, Msg::missing_access_token_enroll_device);
    }
    auto token = header.substr(kBearer.size());
    auto lease = m_ctx.readers->acquire();
    if (!lease) return fail(lease.error());
    auto& db = lease->db();
    auto row = TokenStore{db}.find(crypto::sha256(token), TokenKind::access);
    if (!row) return fail(row.error());
    if (!*row) {
        m_ctx.counters.auth_failures++;
        return fail(Errc::unauthorized, Msg::unknown_access_token_enroll_device);
    }
    Caller c;
    c.device_id = (*row)->device_id;
    c.user_id = (*row)->user_id;
    if ((*row)->revoked) {
        m_ctx.counters.auth_failures++;
        return fail(Errc::unauthorized, Msg::access_token_was_revoked);
    }
    if ((*row)->expires_at <= m_ctx.clock->now_s()) {
        m_ctx.counters.auth_failures++;
        return fail(Errc::token_expired, Msg::access_token_expired_refresh);
    }
    RecordTable table{db};
    auto dev = table.get(kDevice, c.device_id);
    if (!dev) return fail(dev.error());
    pb::Device d;
    if (!*dev || !d.ParseFromString((*dev)->payload()) || d.revoked()) {
        m_ctx.counters.auth_failures++;
        return fail(Errc::device_revoked, Msg::device_was_revoked_contact_your);
    }
    c.device_public_key = d.public_key();
    auto usr = table.get(kUser, c.user_id);
    if (!usr) return fail(usr.error());
    if (!*usr || !c.user.ParseFromString((*usr)->payload()) || !c.user.active()) {
        m_ctx.counters.auth_failures++;
        return fail(Errc::forbidden, Msg::account_disabled);
    }
    return c;
}

Result<Principal> AuthService::principal_of(const Caller& c) {
    auto lease = m_ctx.readers->acquire();
    if (!lease) return fail(lease.error());
    RecordTable table{lease->db()};
    return make_principal(c.user_id, c.user, c.device_id, table.lookup());
}

namespace {

// The enrollment itself, in the writer's transaction: the code must be known, unused, unexpired
// and its account active (else a refusal, recorded in `refusal` for its own audit entry); then the
// code is used up, the device recorded, its tokens issued and the enrollment audited. The device a
// code enrolled may ask again with the same key while the code would still be valid.
Status enroll_job(WriteBatch& b, const pb::EnrollRequest& req, const ServerContext& ctx, pb::TokenResponse& out,
                  Refusal& refusal) {
    auto refuse = [&refusal](Errc code, Msg words) -> Status {
        refusal.error = Error{code, words};
        return fail(refusal.error);
    };
    EnrollmentCodes codes{b.db};
    const Bytes code_hash = crypto::sha256(normalize_enrollment_code(req.code()));
    auto row = codes.find(code_hash);
    if (!row) return fail(row.error());
    if (!*row) return refuse(Errc::unauthorized, Msg::unknown_enrollment_code_check_and);
    const EnrollmentCodeRow code = **row;
    const std::string& user_id = code.user_id;
    const std::int64_t now_s = b.server_time_ms / 1000;
    RecordTable table{b.db};
    refusal.entry = actor_entry(table, user_id, "");
    if (code.expires_at <= now_s && !code.used)
        return refuse(Errc::code_expired, Msg::enrollment_code_expired_ask_your);
    auto usr = table.get(kUser, user_id);
    if (!usr) return fail(usr.error());
    pb::User u;
    if (!*usr || !u.ParseFromString((*usr)->payload()) || !u.active())
        return refuse(Errc::forbidden, Msg::account_disabled);

    // What every accepted enrollment answers: new tokens for the device, the person, the server.
    auto answer = [&](const std::string& device_id, const std::string& note) -> Status {
        if (auto r = issue_tokens(b, ctx.limits, device_id, user_id, out); !r) return r;
        out.set_device_id(device_id);
        out.set_user_id(user_id);
        out.set_role(u.role());
        out.set_user_name(u.name());
        out.set_district_id(u.district_id());
        out.set_server_public_key(ctx.server_key.public_key());
        out.set_generation(ctx.generation.id);
        AuditEntry e = actor_entry(table, user_id, device_id);
        e.at_ms = b.server_time_ms;
        e.action = "enroll";
        e.collection = std::string(kDevice);
        e.record_id = device_id;
        e.outcome = std::string(kAccepted);
        e.reason = note;
        return append_audit(b.db, e);
    };

    if (code.used) {
        // The device this code enrolled, asking again with the same key before the code would have
        // expired: its answer was lost on the way. It gets tokens again (the ones it never saw are
        // revoked). Anyone else, or later, is told the code was used.
        if (code.device_id.empty() || code.expires_at <= now_s)
            return refuse(Errc::unauthorized, Msg::enrollment_code_was_already_used);
        auto dev = table.get(kDevice, code.device_id);
        if (!dev) return fail(dev.error());
        pb::Device known;
        if (!*dev || (*dev)->deleted() || !known.ParseFromString((*dev)->payload()) || known.revoked() ||
            known.public_key() != req.public_key())
            return refuse(Errc::unauthorized, Msg::enrollment_code_was_already_used);
        if (auto n = TokenStore{b.db}.revoke_device(code.device_id); !n) return fail(n.error());
        return answer(code.device_id, known.name() + " (again: the first answer was lost)");
    }

    // A device enrolling again keeps its id (and key): only for its own user, and only when the
    // server does not know that id at all (a revoked phone stays revoked). The code stays unused.
    std::string device_id = crypto::new_uuid();
    if (!req.device_id().empty()) {
        if (req.user_id() != user_id) return refuse(Errc::forbidden, Msg::code_is_for_another_user);
        auto known = table.get(kDevice, req.device_id());
        if (!known) return fail(known.error());
        if (*known) return refuse(Errc::already_exists, Msg::device_still_known_to_server);
        device_id = req.device_id();
    }
    if (auto r = codes.mark_used(code_hash, now_s, device_id); !r) return r;

    pb::Device d;
    d.set_user_id(user_id);
    d.set_public_key(req.public_key());
    d.set_name(req.device_name().substr(0, 100));
    d.set_enrolled_at(now_s);
    d.set_last_contact(now_s);
    MutationApplier ap{b, table};
    if (auto w = ap.write(kDevice, device_id, 1, d.SerializeAsString(), false); !w) return fail(w.error());
    return answer(device_id, d.name());
}

}  // namespace

void AuthService::enroll(const pb::EnrollRequest& req, std::function<void(Result<pb::TokenResponse>)> done) {
    if (req.public_key().size() != 32) {
        done(fail(Errc::invalid_argument, Msg::public_key_must_32_byte));
        return;
    }
    if (req.code().empty()) {
        done(fail(Errc::invalid_argument, Msg::enrollment_code_missing));
        return;
    }
    if (req.device_id().size() > 64) {
        done(fail(Errc::invalid_argument, Msg::request_must_name_device));
        return;
    }
    auto out = std::make_shared<pb::TokenResponse>();
    auto refusal = std::make_shared<Refusal>();
    ServerContext& ctx = m_ctx;
    m_ctx.writer->submit(
        [req, out, refusal, &ctx](WriteBatch& b) -> Status { return enroll_job(b, req, ctx, *out, *refusal); },
        [out, refusal, done, &ctx](Status s) {
            if (settle_failure(ctx, s, *refusal, "enroll", done)) return;
            ctx.counters.enrollments++;
            done(*out);
        });
}

void AuthService::issue_code(const Caller& c, const std::string& user_id, std::function<void(Result<std::string>)> done) {
    auto p = principal_of(c);
    if (!p) return done(fail(p.error()));
    auto code = std::make_shared<std::string>();
    auto principal = std::make_shared<Principal>(std::move(*p));
    AuditEntry by = audit_entry(c, "enrollment_code.create", kAccepted);
    by.collection = std::string(kUser);
    by.record_id = user_id;
    ServerContext& ctx = m_ctx;
    m_ctx.writer->submit(
        [user_id, code, principal, by, &ctx](WriteBatch& b) -> Status {
            RecordTable table{b.db};
            auto u = table.get(kUser, user_id);
            if (!u) return fail(u.error());
            pb::User target;
            if (!*u || (*u)->deleted() || !target.ParseFromString((*u)->payload()))
                return fail(Errc::not_found, Msg::no_such_user, user_id);
            if (auto ok = can_issue_code(*principal, target); !ok) return ok;
            auto r = create_enrollment_code(b, user_id, principal->user_id, ctx.limits.enrollment_code_ttl_s, by);
            if (!r) return fail(r.error());
            *code = *r;
            return {};
        },
        [code, by, done, &ctx](Status s) {
            if (s) return done(*code);
            if (s.error().code != Errc::forbidden && s.error().code != Errc::not_found) return done(fail(s.error()));
            AuditEntry e = by;
            e.outcome = std::string(kRefused);
            e.code = error_code_of(s.error());
            e.reason = s.error().message();
            submit_audit(ctx, std::move(e), [done, err = s.error()](Status) { done(fail(err)); });
        });
}

void AuthService::refresh(const pb::RefreshRequest& req, std::function<void(Result<pb::TokenResponse>)> done) {
    auto out = std::make_shared<pb::TokenResponse>();
    auto refusal = std::make_shared<Refusal>();
    auto reused = std::make_shared<bool>(false);  // a reuse commits its revocation and still answers no
    ServerContext& ctx = m_ctx;
    m_ctx.writer->submit(
        [req, out, refusal, reused, &ctx](WriteBatch& b) -> Status {
            auto refuse = [&refusal](Errc code, Msg words) -> Status {
                refusal->error = Error{code, words};
                return fail(refusal->error);
            };
            TokenStore tokens{b.db};
            const Bytes hash = crypto::sha256(req.refresh_token());
            auto row = tokens.find(hash, TokenKind::refresh);
            if (!row) return fail(row.error());
            if (!*row)
                return refuse(Errc::unauthorized, Msg::unknown_refresh_token_sign_in_again);
            const TokenRow t = **row;
            RecordTable table{b.db};
            refusal->entry = actor_entry(table, t.user_id, t.device_id);
            if (t.revoked || t.expires_at <= b.server_time_ms / 1000)
                return refuse(Errc::unauthorized, Msg::refresh_token_no_longer_valid);
            auto dev = table.get(kDevice, t.device_id);
            if (!dev) return fail(dev.error());
            pb::Device d;
            if (!*dev || !d.ParseFromString((*dev)->payload()) || d.revoked())
                return refuse(Errc::device_revoked, Msg::device_was_revoked);
            AuditEntry e = refusal->entry;
            e.at_ms = b.server_time_ms;
            e.action = "token.refresh";
            e.collection = std::string(kDevice);
            e.record_id = t.device_id;
            if (t.used_at_ms) {
                // Asked again. An answer lost on its way is given again within the grace period,
                // as long as the token it handed out has not been used: that device never got it.
                auto next = tokens.find(t.successor, TokenKind::refresh);
                if (!next) return fail(next.error());
                const bool in_grace = b.server_time_ms - t.used_at_ms <= ctx.limits.refresh_grace_s * 1000;
                if (in_grace && *next && !(*next)->used_at_ms && !(*next)->revoked) {
                    auto answer = crypto::aes_gcm_open(answer_key(req.refresh_token()), t.sealed_answer);
                    if (answer && out->ParseFromString(*answer)) {
                        e.outcome = std::string(kAccepted);
                        e.reason = "the same refresh again: the same answer";
                        return append_audit(b.db, e);
                    }
                }
                // A used token used again (RFC 9700 4.14.2): someone else may hold a copy. Every
                // token of the device stops working; the device itself signs in with its key.
                auto n = tokens.revoke_device(t.device_id);
                if (!n) return fail(n.error());
                *reused = true;
                refusal->error = Error{Errc::unauthorized, Msg::refresh_token_reused};
                e.outcome = std::string(kRefused);
                e.code = error_code_of(refusal->error);
                e.reason = "refresh token reused: " + std::to_string(*n) + " tokens of the device revoked";
                return append_audit(b.db, e);
            }
            // Rotate: the device's access tokens stop working; the used refresh token stays on
            // record with the answer sealed under a key derived from it.
            if (auto r = tokens.revoke_access(t.device_id); !r) return r;
            if (auto r = issue_tokens(b, ctx.limits, t.device_id, t.user_id, *out); !r) return r;
            out->set_device_id(t.device_id);
            out->set_user_id(t.user_id);
            out->set_server_public_key(ctx.server_key.public_key());
            if (auto r = fill_identity(table, t.user_id, *out, nullptr); !r) return r;
            const Bytes sealed = crypto::aes_gcm_seal(answer_key(req.refresh_token()), out->SerializeAsString());
            if (auto r = tokens.mark_used(hash, b.server_time_ms, crypto::sha256(out->refresh_token()), sealed); !r)
                return r;
            e.outcome = std::string(kAccepted);
            return append_audit(b.db, e);
        },
        [out, refusal, reused, done, &ctx](Status s) {
            if (s && *reused) return done(fail(refusal->error));
            if (settle_failure(ctx, s, *refusal, "token.refresh", done)) return;
            done(*out);
        });
}

void AuthService::challenge(const pb::DeviceChallengeRequest& req, std::function<void(Result<pb::DeviceChallenge>)> done) {
    if (req.device_id().empty() || req.device_id().size() > 64)
        return done(fail(Errc::invalid_argument, Msg::request_must_name_device));
    auto out = std::make_shared<pb::DeviceChallenge>();
    ServerContext& ctx = m_ctx;
    m_ctx.writer->submit(
        [req, out, &ctx](WriteBatch& b) -> Status {
            RecordTable table{b.db};
            auto dev = table.get(kDevice, req.device_id());
            if (!dev) return fail(dev.error());
            pb::Device d;
            if (!*dev || !d.ParseFromString((*dev)->payload()))
                return fail(Errc::unauthorized, Msg::no_such_device_enroll_again);
            if (d.revoked()) return fail(Errc::device_revoked, Msg::device_was_revoked);
            const Bytes challenge = crypto::random_bytes(32);
            const std::int64_t expires = b.server_time_ms + ctx.limits.device_challenge_ttl_s * 1000;
            if (auto r = DeviceChallenges{b.db}.put(req.device_id(), crypto::sha256(challenge), expires); !r) return r;
            out->set_challenge(challenge);
            out->set_expires_at_ms(expires);
            return {};
        },
        [out, done](Status s) {
            if (!s) return done(fail(s.error()));
            done(*out);
        });
}

void AuthService::sign_in(const pb::DeviceSignInRequest& req, std::function<void(Result<pb::TokenResponse>)> done) {
    if (req.device_id().empty() || req.challenge().size() != 32 || req.signature().size() != 64)
        return done(fail(Errc::invalid_argument, Msg::sign_in_needs_device_challenge_signature));
    auto out = std::make_shared<pb::TokenResponse>();
    auto refusal = std::make_shared<Refusal>();
    ServerContext& ctx = m_ctx;
    m_ctx.writer->submit(
        [req, out, refusal, &ctx](WriteBatch& b) -> Status {
            auto refuse = [&refusal](Errc code, Msg words) -> Status {
                refusal->error = Error{code, words};
                return fail(refusal->error);
            };
            RecordTable table{b.db};
            auto dev = table.get(kDevice, req.device_id());
            if (!dev) return fail(dev.error());
            pb::Device d;
            if (!*dev || !d.ParseFromString((*dev)->payload()))
                return refuse(Errc::unauthorized, Msg::no_such_device_enroll_again);
            refusal->entry = actor_entry(table, d.user_id(), req.device_id());
            auto open = DeviceChallenges{b.db}.take(req.device_id(), crypto::sha256(req.challenge()), b.server_time_ms);
            if (!open) return fail(open.error());
            if (!*open)
                return refuse(Errc::unauthorized, Msg::sign_in_challenge_unknown);
            if (d.revoked()) return refuse(Errc::device_revoked, Msg::device_was_revoked);
            if (!crypto::ed25519_verify(d.public_key(), domain::device_sign_in_message(req.device_id(), req.challenge()),
                                        req.signature()))
                return refuse(Errc::unauthorized, Msg::signature_does_not_match_device_key);
            pb::User u;
            if (auto r = fill_identity(table, d.user_id(), *out, &u); !r) return r;
            if (!u.active()) return refuse(Errc::forbidden, Msg::account_disabled);
            // Whatever tokens the device had stop working: it starts over with one new pair.
            TokenStore tokens{b.db};
            auto n = tokens.revoke_device(req.device_id());
            if (!n) return fail(n.error());
            if (auto r = issue_tokens(b, ctx.limits, req.device_id(), d.user_id(), *out); !r) return r;
            out->set_device_id(req.device_id());
            out->set_user_id(d.user_id());
            out->set_server_public_key(ctx.server_key.public_key());
            AuditEntry e = refusal->entry;
            e.at_ms = b.server_time_ms;
            e.action = "token.device_sign_in";
            e.collection = std::string(kDevice);
            e.record_id = req.device_id();
            e.outcome = std::string(kAccepted);
            e.reason = std::to_string(*n) + " earlier tokens revoked";
            return append_audit(b.db, e);
        },
        [out, refusal, done, &ctx](Status s) {
            if (settle_failure(ctx, s, *refusal, "token.device_sign_in", done)) return;
            done(*out);
        });
}

}  // namespace ducha::server
