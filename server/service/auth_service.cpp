#include "server/service/auth_service.h"

#include <chrono>

#include "server/service/audit_service.h"
#include "server/service/mutation_applier.h"
#include "server/storage/record_table.h"
#include "shared/common/wire_error.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"
#include "shared/store/statement.h"

namespace ducha::server {

using namespace ducha::domain;

std::int64_t unix_now_s() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
std::int64_t unix_now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

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

std::string normalize_code(std::string_view code) {
    std::string out;
    for (char c : code) {
        if (c == '-' || c == ' ') continue;
        out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return out;
}

Status issue_tokens(WriteBatch& b, const ServerLimits& lim, const std::string& device_id, const std::string& user_id,
                    pb::TokenResponse& out) {
    out.set_access_token(crypto::random_token());
    out.set_refresh_token(crypto::random_token());
    std::int64_t now = b.server_time_ms / 1000;
    out.set_access_expires_at(now + lim.access_token_ttl_s);
    auto& ins = b.db.cached(
        "INSERT INTO token(token_hash, device_id, user_id, kind, expires_at) VALUES(?1,?2,?3,?4,?5)");
    ins.bind_blob(1, crypto::sha256(out.access_token())).bind(2, device_id).bind(3, user_id).bind(4, "access");
    ins.bind(5, now + lim.access_token_ttl_s);
    if (auto r = ins.run(); !r) return r;
    ins.bind_blob(1, crypto::sha256(out.refresh_token())).bind(2, device_id).bind(3, user_id).bind(4, "refresh");
    ins.bind(5, now + lim.refresh_token_ttl_s);
    return ins.run();
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

}  // namespace

Result<std::string> AuthService::create_enrollment_code(WriteBatch& b, const std::string& user_id,
                                                        const std::string& created_by, std::int64_t ttl_s,
                                                        const AuditEntry& by) {
    std::string code = new_code();
    auto& ins = b.db.cached(
        "INSERT INTO enrollment_code(code_hash, user_id, expires_at, created_by) VALUES(?1,?2,?3,?4)");
    ins.bind_blob(1, crypto::sha256(normalize_code(code))).bind(2, user_id).bind(3, b.server_time_ms / 1000 + ttl_s);
    ins.bind(4, created_by);
    if (auto r = ins.run(); !r) return fail(r.error());
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
    auto& st = db.cached("SELECT device_id, user_id, expires_at, revoked FROM token WHERE token_hash=?1 AND kind='access'");
    st.bind_blob(1, crypto::sha256(token));
    auto row = st.step();
    if (!row) return fail(row.error());
    if (!*row) {
        m_ctx.counters.auth_failures++;
        return fail(Errc::unauthorized, Msg::unknown_access_token_enroll_device);
    }
    Caller c;
    c.device_id = st.col_text(0);
    c.user_id = st.col_text(1);
    std::int64_t expires = st.col_int(2);
    bool revoked = st.col_int(3) != 0;
    st.reset();
    if (revoked) {
        m_ctx.counters.auth_failures++;
        return fail(Errc::unauthorized, Msg::access_token_was_revoked);
    }
    if (expires <= unix_now_s()) {
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

void AuthService::enroll(const pb::EnrollRequest& req, std::function<void(Result<pb::TokenResponse>)> done) {
    if (req.public_key().size() != 32) {
        done(fail(Errc::invalid_argument, Msg::public_key_must_32_byte));
        return;
    }
    if (req.code().empty()) {
        done(fail(Errc::invalid_argument, Msg::enrollment_code_missing));
        return;
    }
    auto out = std::make_shared<pb::TokenResponse>();
    auto refusal = std::make_shared<Refusal>();
    ServerContext& ctx = m_ctx;
    m_ctx.writer->submit(
        [req, out, refusal, &ctx](WriteBatch& b) -> Status {
            auto refuse = [&refusal](Errc code, Msg words) -> Status {
                refusal->error = Error{code, words};
                return fail(refusal->error);
            };
            auto& st = b.db.cached("SELECT user_id, expires_at, used_at FROM enrollment_code WHERE code_hash=?1");
            st.bind_blob(1, crypto::sha256(normalize_code(req.code())));
            auto row = st.step();
            if (!row) return fail(row.error());
            if (!*row) return refuse(Errc::unauthorized, Msg::unknown_enrollment_code_check_and);
            std::string user_id = st.col_text(0);
            std::int64_t expires = st.col_int(1);
            bool used = !st.col_null(2);
            st.reset();
            RecordTable table{b.db};
            refusal->entry = actor_entry(table, user_id, "");
            if (used) return refuse(Errc::unauthorized, Msg::enrollment_code_was_already_used);
            if (expires <= b.server_time_ms / 1000)
                return refuse(Errc::code_expired, Msg::enrollment_code_expired_ask_your);
            auto usr = table.get(kUser, user_id);
            if (!usr) return fail(usr.error());
            pb::User u;
            if (!*usr || !u.ParseFromString((*usr)->payload()) || !u.active())
                return refuse(Errc::forbidden, Msg::account_disabled);
            auto& use = b.db.cached("UPDATE enrollment_code SET used_at=?2 WHERE code_hash=?1");
            use.bind_blob(1, crypto::sha256(normalize_code(req.code()))).bind(2, b.server_time_ms / 1000);
            if (auto r = use.run(); !r) return r;

            std::string device_id = crypto::new_uuid();
            pb::Device d;
            d.set_user_id(user_id);
            d.set_public_key(req.public_key());
            d.set_name(req.device_name().substr(0, 100));
            d.set_enrolled_at(b.server_time_ms / 1000);
            d.set_last_contact(b.server_time_ms / 1000);
            MutationApplier ap{b, table};
            if (auto w = ap.write(kDevice, device_id, 1, d.SerializeAsString(), false); !w) return fail(w.error());
            if (auto r = issue_tokens(b, ctx.limits, device_id, user_id, *out); !r) return r;
            out->set_device_id(device_id);
            out->set_user_id(user_id);
            out->set_role(u.role());
            out->set_user_name(u.name());
            out->set_district_id(u.district_id());
            out->set_server_public_key(ctx.server_key.public_key());
            AuditEntry e = actor_entry(table, user_id, device_id);
            e.at_ms = b.server_time_ms;
            e.action = "enroll";
            e.collection = std::string(kDevice);
            e.record_id = device_id;
            e.outcome = std::string(kAccepted);
            e.reason = d.name();
            return append_audit(b.db, e);
        },
        [out, refusal, done, &ctx](Status s) {
            if (!s) {
                if (s.error().message() != refusal->error.message()) return done(fail(s.error()));  // not a refusal
                // The job rolled back: its refusal goes on record in a job of its own.
                AuditEntry e = refusal->entry;
                e.action = "enroll";
                e.outcome = std::string(kRefused);
                e.code = error_code_of(refusal->error);
                e.reason = refusal->error.message();
                return submit_audit(ctx, std::move(e), [done, err = refusal->error](Status) { done(fail(err)); });
            }
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
    ServerContext& ctx = m_ctx;
    m_ctx.writer->submit(
        [req, out, refusal, &ctx](WriteBatch& b) -> Status {
            auto refuse = [&refusal](Errc code, Msg words) -> Status {
                refusal->error = Error{code, words};
                return fail(refusal->error);
            };
            auto& st = b.db.cached(
                "SELECT device_id, user_id, expires_at, revoked FROM token WHERE token_hash=?1 AND kind='refresh'");
            st.bind_blob(1, crypto::sha256(req.refresh_token()));
            auto row = st.step();
            if (!row) return fail(row.error());
            if (!*row) return refuse(Errc::unauthorized, Msg::unknown_refresh_token_enroll_again);
            std::string device_id = st.col_text(0), user_id = st.col_text(1);
            std::int64_t expires = st.col_int(2);
            bool revoked = st.col_int(3) != 0;
            st.reset();
            RecordTable table{b.db};
            refusal->entry = actor_entry(table, user_id, device_id);
            if (revoked || expires <= b.server_time_ms / 1000)
                return refuse(Errc::unauthorized, Msg::refresh_token_expired_enroll_again);
            auto dev = table.get(kDevice, device_id);
            if (!dev) return fail(dev.error());
            pb::Device d;
            if (!*dev || !d.ParseFromString((*dev)->payload()) || d.revoked())
                return refuse(Errc::device_revoked, Msg::device_was_revoked);
            // Rotate: the old refresh token and access tokens stop working.
            auto& rev = b.db.cached("UPDATE token SET revoked=1 WHERE device_id=?1");
            rev.bind(1, device_id);
            if (auto r = rev.run(); !r) return r;
            if (auto r = issue_tokens(b, ctx.limits, device_id, user_id, *out); !r) return r;
            out->set_device_id(device_id);
            out->set_user_id(user_id);
            out->set_server_public_key(ctx.server_key.public_key());
            AuditEntry e = refusal->entry;
            e.at_ms = b.server_time_ms;
            e.action = "token.refresh";
            e.collection = std::string(kDevice);
            e.record_id = device_id;
            e.outcome = std::string(kAccepted);
            return append_audit(b.db, e);
        },
        [out, refusal, done, &ctx](Status s) {
            if (!s) {
                if (s.error().message() != refusal->error.message()) return done(fail(s.error()));  // not a refusal
                AuditEntry e = refusal->entry;
                e.action = "token.refresh";
                e.collection = e.device.empty() ? "" : std::string(kDevice);
                e.record_id = e.device;
                e.outcome = std::string(kRefused);
                e.code = error_code_of(refusal->error);
                e.reason = refusal->error.message();
                return submit_audit(ctx, std::move(e), [done, err = refusal->error](Status) { done(fail(err)); });
            }
            done(*out);
        });
}

}  // namespace ducha::server
