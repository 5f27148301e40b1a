#include "shared/sync/device_profile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "shared/common/clock.h"
#include "shared/common/durable_file.h"
#include "shared/crypto/aes_gcm.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"
#include "shared/domain/enrollment_code.h"
#include "shared/policy/field_diff.h"
#include "shared/policy/lookup_facts.h"
#include "shared/policy/write_rules.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/keystore.h"

namespace ducha::sync {

namespace fs = std::filesystem;

namespace {

// A photo or file of the profile, written the one durable way; a full disk says so in the words
// the device shows for its own storage.
Status write_profile_file(const fs::path& p, std::string_view data) {
    auto st = write_file_durably(p, data, 0600);
    if (!st && st.error().code == Errc::disk_full) return fail(Errc::disk_full, Msg::device_storage_full_file_was);
    return st;
}

}  // namespace

Result<DeviceProfile> DeviceProfile::open(const fs::path& dir) {
    FileKeystore keystore{dir / "keystore.key"};
    return open(dir, keystore);
}

Result<DeviceProfile> DeviceProfile::open(const fs::path& dir, Keystore& keystore) {
    std::error_code ec;
    fs::create_directories(dir / "blobs", ec);
    if (ec) return fail(Errc::storage, Msg::cannot_create_profile_directory, dir.string(), ec.message());
    ::chmod(dir.c_str(), 0700);
    auto key = keystore.profile_key();
    if (!key) return fail(key.error());
    auto st = LocalStore::open(dir / "device.db");
    if (!st) return fail(st.error());
    if (auto s = st->seal_sensitive_payloads(*key); !s) return fail(s.error());
    return DeviceProfile{dir, std::move(*st), std::move(*key)};
}

Status DeviceProfile::set_secret(std::string_view key, std::string_view value) {
    return m_store.set_meta(key, crypto::aes_gcm_seal(m_key, value, key));
}

Result<std::optional<std::string>> DeviceProfile::secret(std::string_view key) {
    auto v = m_store.meta(key);
    if (!v) return fail(v.error());
    if (!*v) return std::optional<std::string>{};
    auto plain = crypto::aes_gcm_open(m_key, **v, key);
    if (!plain) return fail(Errc::integrity, Msg::stored_secret_cannot_decrypted, plain.error().message());
    return std::optional<std::string>{std::move(*plain)};
}

bool DeviceProfile::enrolled() {
    auto v = m_store.meta("device_id");
    return v && *v && !(**v).empty();
}

Result<Identity> DeviceProfile::identity() {
    if (!enrolled()) return fail(Errc::not_found, Msg::profile_not_enrolled_run_enroll);
    Identity id;
    auto get = [&](std::string_view k) -> std::string {
        auto v = m_store.meta(k);
        return v && *v ? **v : std::string{};
    };
    id.server_url = get("server_url");
    id.pin = get("pin");
    id.device_id = get("device_id");
    id.user_id = get("user_id");
    id.role = get("role");
    id.user_name = get("user_name");
    id.district_id = get("district_id");
    id.server_public_key = get("server_public_key");
    return id;
}

Status DeviceProfile::check_write(const pb::Mutation& m) {
    auto who = identity();
    if (!who) return fail(who.error());
    auto role = domain::parse_role(who->role);
    if (!role) return fail(Errc::forbidden, Msg::device_role_unknown_enroll_again);
    const policy::Actor actor{who->user_id, who->device_id, *role, who->district_id};
    const auto rule = domain::conflict_rule(m.collection());
    auto cur = m_store.get(m.collection(), m.id());
    if (!cur) return fail(cur.error());
    const bool live = *cur && !(*cur)->deleted();
    // Judged as the server will judge it: what the record would become, from what this device holds.
    std::string next = m.payload();
    if (m.deleted() && live) {
        next = (*cur)->payload();
    } else if (rule == domain::ConflictRule::field_lww && live && !m.changed_fields().empty()) {
        auto merged = policy::with_fields_taken(m.collection(), (*cur)->payload(), m.payload(),
                                                {m.changed_fields().begin(), m.changed_fields().end()});
        if (!merged) return fail(merged.error());
        next = std::move(*merged);
    }
    policy::RecordChange ch{m.collection(), m.id(), std::nullopt, next, m.deleted()};
    if (live && rule != domain::ConflictRule::immutable) ch.stored = (*cur)->payload();
    // Facts from this replica, which holds only this person's scope: not authoritative.
    const policy::LookupFacts facts{[this](std::string_view c, const std::string& id) -> std::optional<pb::Record> {
                                        auto r = m_store.get(c, id);
                                        return r ? *r : std::nullopt;
                                    },
                                    unix_ms_now(), false,
                                    [this](const std::function<bool(const pb::Record&)>& each) {
                                        auto users = m_store.list(domain::kUser);
                                        if (!users) return;
                                        for (const auto& r : *users)
                                            if (!each(r)) return;
                                    }};
    return policy::judge_write(actor, ch, facts);
}

Result<std::uint64_t> DeviceProfile::submit(pb::Mutation m) {
    if (auto s = check_write(m); !s) return fail(s.error());
    return m_store.enqueue(std::move(m));
}

Result<crypto::Ed25519KeyPair> DeviceProfile::device_key() {
    auto s = secret("device_key");
    if (!s) return fail(s.error());
    if (!*s) return fail(Errc::not_found, Msg::device_no_key_enroll_first);
    return crypto::Ed25519KeyPair::from_seed(**s);
}

Result<Identity> DeviceProfile::enroll(const std::string& server_url, const std::string& code, const std::string& pin,
                                       const std::string& device_name) {
    if (server_url.rfind("https://", 0) != 0) return fail(Errc::invalid_argument, Msg::server_url_must_start_with);
    // Enrolling an enrolled profile again (the server, restored from an older backup, no longer
    // knows this device): the same id and key, so its outbox, its signed reports and its photos
    // stay valid and go with the next sync. The server refuses it for another user's code.
    std::optional<Identity> before;
    if (enrolled()) {
        auto id = identity();
        if (!id) return fail(id.error());
        before = *id;
    }
    auto key_or = before ? device_key() : pending_enroll_key(code);
    if (!key_or) return fail(key_or.error());
    const auto key = *key_or;
    pb::EnrollRequest req;
    req.set_code(code);
    req.set_public_key(key.public_key());
    req.set_device_name(device_name);
    if (before) {
        req.set_device_id(before->device_id);
        req.set_user_id(before->user_id);
    }
    std::string base = server_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    CurlTransport t{TransportConfig{.base_url = base, .pin = pin}};
    auto reply = t.request("POST", "/v1/enroll", req.SerializeAsString(), {{"Content-Type", "application/x-protobuf"}});
    if (!reply) return fail(reply.error());
    // unauthorized (unknown or used code), code_expired, forbidden (account disabled), ...: the registry's.
    if (reply->status != 200) return fail(reply_error(*reply).error);
    pb::TokenResponse tr;
    if (!tr.ParseFromString(reply->body)) return fail(Errc::malformed, Msg::server_reply_cannot_parsed);
    // A server that answers a re-enrollment with another device or user is not one to follow.
    if (before && (tr.device_id() != before->device_id || tr.user_id() != before->user_id))
        return fail(Errc::integrity, Msg::server_reply_cannot_parsed);
    store::Database& db = m_store.db();
    if (auto r = db.exec("BEGIN IMMEDIATE"); !r) return fail(r.error());
    Status st = set_secret("device_key", key.seed());
    std::vector<std::pair<std::string_view, std::string>> facts{
        {"server_url", base}, {"pin", pin}, {"device_id", tr.device_id()}, {"user_id", tr.user_id()},
        {"role", tr.role()}, {"user_name", tr.user_name()}, {"district_id", tr.district_id()},
        {"server_public_key", tr.server_public_key()}};
    // Enrolling again keeps the generation it last synced with: the next sync then meets the new
    // one and re-sends, as after any restore, what the server lacks (docs/OPERATIONS.md).
    if (!before) facts.emplace_back("server_generation", tr.generation());
    for (const auto& [k, v] : facts)
        if (st) st = m_store.set_meta(k, v);
    if (st) st = store_tokens(tr);
    if (!st || !db.exec("COMMIT")) {
        (void)db.exec("ROLLBACK");  // the failure that brought us here is the one to report
        return fail(st ? Error{Errc::storage, Msg::cannot_save_enrollment} : st.error());
    }
    return identity();
}

// The key a first enrollment sends, kept before the code leaves the device: when the answer is
// lost and the same code is tried again, the same key goes, and the server answers that device
// again instead of "code already used". Another code gets a fresh key.
Result<crypto::Ed25519KeyPair> DeviceProfile::pending_enroll_key(const std::string& code) {
    const std::string tag = hex_encode(crypto::sha256(domain::normalize_enrollment_code(code)));
    auto seed = secret("pending_enroll_key");
    auto for_code = m_store.meta("pending_enroll_code");
    if (!seed) return fail(seed.error());
    if (!for_code) return fail(for_code.error());
    if (*seed && *for_code && **for_code == tag) return crypto::Ed25519KeyPair::from_seed(**seed);
    auto key = crypto::Ed25519KeyPair::generate();
    Status st = set_secret("pending_enroll_key", key.seed());
    if (st) st = m_store.set_meta("pending_enroll_code", tag);
    if (!st) return fail(st.error());
    return key;
}

Status DeviceProfile::store_tokens(const pb::TokenResponse& t) {
    // Both tokens or neither: a pair half kept would send the new access token with the old refresh
    // token. A savepoint, so enrollment's own transaction can hold it.
    auto& db = m_store.db();
    if (auto r = db.exec("SAVEPOINT store_tokens"); !r) return r;
    Status st = set_secret("access_token", t.access_token());
    if (st && !t.refresh_token().empty()) st = set_secret("refresh_token", t.refresh_token());
    if (st) st = m_store.set_meta("access_expires_at", std::to_string(t.access_expires_at()));
    if (!st) {
        (void)db.exec("ROLLBACK TO store_tokens");
        (void)db.exec("RELEASE store_tokens");
        return st;
    }
    return db.exec("RELEASE store_tokens");
}

Result<std::string> DeviceProfile::access_token() {
    auto s = secret("access_token");
    if (!s) return fail(s.error());
    return s->value_or("");
}

Result<std::string> DeviceProfile::refresh_token() {
    auto s = secret("refresh_token");
    if (!s) return fail(s.error());
    return s->value_or("");
}

fs::path DeviceProfile::blob_path(const std::string& hex) const { return m_dir / "blobs" / (hex + ".enc"); }

Result<std::string> DeviceProfile::save_blob(std::string_view data) {
    std::string hex = hex_encode(crypto::sha256(data));
    auto p = blob_path(hex);
    if (fs::exists(p)) return hex;
    if (auto r = write_profile_file(p, crypto::aes_gcm_seal(m_key, data, hex)); !r) return fail(r.error());
    return hex;
}

Result<std::string> DeviceProfile::read_blob(const std::string& hex) {
    std::ifstream in(blob_path(hex), std::ios::binary);
    if (!in) return fail(Errc::not_found, Msg::evidence_file_missing, hex);
    std::string sealed((std::istreambuf_iterator<char>(in)), {});
    auto plain = crypto::aes_gcm_open(m_key, sealed, hex);
    if (!plain) return fail(Errc::integrity, Msg::evidence_file_damaged, hex);
    return plain;
}

Result<std::uint64_t> DeviceProfile::next_hlc() {
    auto last = m_store.meta("hlc");
    if (!last) return fail(last.error());
    std::uint64_t prev = *last ? std::stoull(**last) : 0;
    auto ms = static_cast<std::uint64_t>(unix_ms_now());
    // Low 8 bits from the device id break ties between devices deterministically.
    auto id = m_store.meta("device_id");
    std::uint64_t tie = (id && *id && !(**id).empty()) ? static_cast<unsigned char>(crypto::sha256(**id)[0]) : 0;
    std::uint64_t next = std::max((ms << 16) | tie, ((prev >> 8) + 1) << 8 | tie);
    if (auto r = m_store.set_meta("hlc", std::to_string(next)); !r) return fail(r.error());
    return next;
}

}  // namespace ducha::sync
