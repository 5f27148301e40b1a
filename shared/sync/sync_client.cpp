#include "shared/sync/sync_client.h"

#include <algorithm>
#include <charconv>
#include <thread>

#include "shared/common/clock.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"
#include "shared/domain/device_sign_in.h"
#include "shared/store/transaction.h"
#include "shared/sync/ack_reason.h"
#include "shared/sync/blob_fetcher.h"
#include "shared/sync/blob_uploader.h"
#include "shared/sync/curl_transport.h"

namespace ducha::sync {

namespace {

// A whole-request failure, as the registry reads it.
Error http_error(const HttpReply& r) { return reply_error(r).error; }

}  // namespace

namespace {

// A POST whose answer is a new token pair, which is kept before anything else happens.
Status post_for_tokens(DeviceProfile& profile, HttpTransport& http, const std::string& path, const std::string& body) {
    auto r = http.request("POST", path, body);
    if (!r) return fail(r.error());
    if (r->status != 200) return fail(http_error(*r));
    pb::TokenResponse t;
    if (!t.ParseFromString(r->body)) return fail(Errc::malformed, Msg::server_reply_cannot_parsed);
    return profile.store_tokens(t);
}

}  // namespace

Status refresh_tokens(DeviceProfile& profile, HttpTransport& http) {
    auto rt = profile.refresh_token();
    if (!rt) return fail(rt.error());
    pb::RefreshRequest req;
    req.set_refresh_token(*rt);
    return post_for_tokens(profile, http, "/v1/token/refresh", req.SerializeAsString());
}

Status sign_in_with_device_key(DeviceProfile& profile, HttpTransport& http) {
    auto id = profile.identity();
    if (!id) return fail(id.error());
    auto key = profile.device_key();
    if (!key) return fail(key.error());
    pb::DeviceChallengeRequest ask;
    ask.set_device_id(id->device_id);
    auto r = http.request("POST", "/v1/token/challenge", ask.SerializeAsString());
    if (!r) return fail(r.error());
    if (r->status != 200) return fail(http_error(*r));
    pb::DeviceChallenge ch;
    if (!ch.ParseFromString(r->body)) return fail(Errc::malformed, Msg::server_reply_cannot_parsed);
    pb::DeviceSignInRequest in;
    in.set_device_id(id->device_id);
    in.set_challenge(ch.challenge());
    in.set_signature(key->sign(domain::device_sign_in_message(id->device_id, ch.challenge())));
    return post_for_tokens(profile, http, "/v1/token/device", in.SerializeAsString());
}

Status renew_tokens(DeviceProfile& profile, HttpTransport& http) {
    auto s = refresh_tokens(profile, http);
    if (s || s.error().code != Errc::unauthorized) return s;  // renewed, or not a refusal of the token
    return sign_in_with_device_key(profile, http);
}

Result<HttpReply> authorized_request(DeviceProfile& profile, HttpTransport& http, const std::string& method,
                                     const std::string& path, const std::string& body,
                                     std::map<std::string, std::string> headers) {
    for (int attempt = 0;; ++attempt) {
        auto token = profile.access_token();
        if (!token) return fail(token.error());
        headers["Authorization"] = "Bearer " + *token;
        auto r = http.request(method, path, body, headers);
        if (!r || r->status < 400 || attempt > 0 || action_for(reply_error(*r).code()) != SyncAction::refresh_token)
            return r;
        if (auto s = renew_tokens(profile, http); !s) return fail(s.error());
    }
}

SyncClient::SyncClient(DeviceProfile& profile, Config cfg)
    : m_profile(profile), m_cfg(std::move(cfg)), m_rng(std::random_device{}()) {
    if (!m_cfg.sleep) m_cfg.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
    if (!m_cfg.transport) m_cfg.transport = &CurlTransport::make;
}

void SyncClient::progress(std::string phase, std::int64_t done, std::int64_t total) {
    if (m_cfg.on_progress) m_cfg.on_progress(SyncProgress{std::move(phase), done, total});
}

Result<HttpTransport*> SyncClient::http() {
    if (!m_http) {
        auto id = m_profile.identity();
        if (!id) return fail(id.error());
        m_http = m_cfg.transport(TransportConfig{.base_url = id->server_url, .pin = id->pin});
    }
    return m_http.get();
}

Result<HttpReply> SyncClient::call(const std::string& method, const std::string& path, const std::string& body,
                                   std::map<std::string, std::string> headers) {
    auto t = http();
    if (!t) return fail(t.error());
    return authorized_request(m_profile, **t, method, path, body, std::move(headers));
}

pb::DeviceStatus SyncClient::device_status() {
    pb::DeviceStatus st;
    auto n = m_profile.store().pending_count();
    st.set_outbox_depth(n ? *n : 0);
    auto b = m_profile.store().blobs(true);
    st.set_blobs_pending(b ? static_cast<std::int64_t>(b->size()) : 0);
    st.set_app_version(m_cfg.app_version);
    st.set_device_time(unix_ms_now());
    return st;
}

Result<pb::SyncResponse> SyncClient::post_sync(pb::SyncRequest req, long* http_status) {
    auto& store = m_profile.store();
    auto known = store.meta("server_generation");
    if (!known) return fail(known.error());
    if (*known) req.set_generation(**known);
    auto r = call("POST", "/v1/sync", req.SerializeAsString(), {{"Content-Type", "application/x-protobuf"}});
    if (!r) return fail(r.error());
    *http_status = r->status;
    if (r->status != 200) return fail(http_error(*r));
    pb::SyncResponse resp;
    if (!resp.ParseFromString(r->body)) return fail(Errc::server_error, Msg::server_reply_cannot_parsed);
    // What the device shows as "last contact" (the server answered, whatever the outcome).
    (void)store.set_meta("last_contact", std::to_string(unix_ms_now()));
    // A device enrolled before servers had generations learns the current one from any answer.
    if (!resp.generation_changed() && !resp.generation().empty() && (!*known || (*known)->empty()))
        if (auto s = store.set_meta("server_generation", resp.generation()); !s) return fail(s.error());
    return resp;
}

Status SyncClient::recover_after_restore(const pb::SyncResponse& resp, SyncReport& rep) {
    auto n = m_profile.store().recover_after_restore(resp.generation(), resp.restored_through_seq());
    if (!n) return fail(n.error());
    rep.requeued_after_restore += *n;
    progress("recover", *n, *n);
    return {};
}

Status SyncClient::push(SyncReport& rep) {
    auto& store = m_profile.store();
    int batch = m_cfg.push_batch;
    std::int64_t done = 0;
    auto total = store.pending_count();
    for (;;) {
        auto items = store.pending(batch);
        if (!items) return fail(items.error());
        if (items->empty()) return {};
        pb::SyncRequest req;
        for (const auto& it : *items) *req.add_mutations() = it.mutation;
        *req.mutable_status() = device_status();
        long status = 0;
        auto resp = post_sync(req, &status);
        if (resp && resp->generation_changed()) {
            if (auto s = recover_after_restore(*resp, rep); !s) return s;
            total = store.pending_count();
            continue;  // the re-queued changes come first: they are older than the ones just offered
        }
        if (!resp) {
            // A request the server refuses as a whole (set_aside): split it until the one bad item
            // is alone, then set that item aside so it never blocks the ones behind it.
            bool refused = status != 0 && action_for(resp.error().code) == SyncAction::set_aside;
            if (refused && batch > 1) {
                batch = std::max(1, batch / 2);
                continue;
            }
            if (refused) {
                if (auto s = store.set_aside((*items)[0].client_seq, errc_name(resp.error().code), resp.error()); !s)
                    return s;
                rep.set_aside++;
                continue;
            }
            std::vector<std::uint64_t> seqs;
            for (const auto& it : *items) seqs.push_back(it.client_seq);
            (void)store.note_attempt(seqs, resp.error().message());  // bookkeeping only: the push error is what counts
            return fail(resp.error());
        }
        for (const auto& ack : resp->acks()) {
            Status s;
            switch (ack.status()) {
                case pb::Ack::APPLIED:
                    rep.pushed++;
                    s = store.acked(ack.client_seq(), ack);
                    break;
                case pb::Ack::DUPLICATE:
                    rep.duplicates++;
                    s = store.acked(ack.client_seq(), ack);
                    break;
                case pb::Ack::CONFLICT:
                    rep.conflicts++;
                    s = store.set_aside(ack.client_seq(), "conflict", ack_reason(ack));
                    if (s) s = store.undo_local(ack.client_seq(), ack.has_current() ? &ack.current() : nullptr);
                    break;
                case pb::Ack::REJECTED:
                default:
                    rep.set_aside++;
                    s = store.set_aside(ack.client_seq(), ack.code(), ack_reason(ack));
                    if (s) s = store.undo_local(ack.client_seq(), ack.has_current() ? &ack.current() : nullptr);
                    break;
            }
            if (!s) return s;
        }
        done += resp->acks_size();
        progress("push", done, total ? *total : 0);
        batch = m_cfg.push_batch;
        if (auto s = store.prune_acked(unix_seconds_now() - m_cfg.keep_acked.count()); !s) return s;
    }
}

Status SyncClient::upload_blob(const BlobItem& b, SyncReport& rep) {
    auto& store = m_profile.store();
    auto data = m_profile.read_blob(b.sha256_hex);
    if (!data) {
        (void)store.blob_progress(b.sha256_hex, 0, false, data.error().message());  // the read error is reported
        return fail(data.error());
    }
    BlobUploader uploader{[this](const std::string& method, const std::string& path, const std::string& body,
                                 std::map<std::string, std::string> headers) {
                              return call(method, path, body, std::move(headers));
                          },
                          m_cfg.blob_chunk};
    const auto size = static_cast<std::int64_t>(data->size());
    // A file that goes in one chunk (a photo) and of which nothing went before is sent at once:
    // asking first would only cost a round trip. A larger one asks, so no byte crosses twice.
    const bool ask_first = b.uploaded_bytes > 0 || data->size() > m_cfg.blob_chunk;
    auto s = uploader.upload(b.sha256_hex, *data, ask_first, [&](std::uint64_t offset) {
        if (static_cast<std::int64_t>(offset) >= size) return;  // recorded as done below
        (void)store.blob_progress(b.sha256_hex, static_cast<std::int64_t>(offset), false);  // lost progress re-asks HEAD
        progress("upload", static_cast<std::int64_t>(offset), size);
    });
    if (!s) {
        // The server discarded the file (its hash is not its name) or never confirmed it: the next
        // pass starts it again from 0.
        if (s.error().code == Errc::integrity) (void)store.blob_progress(b.sha256_hex, 0, false, s.error().message());
        return s;
    }
    progress("upload", size, size);
    rep.blobs_uploaded++;
    return store.blob_progress(b.sha256_hex, size, true);
}

Status SyncClient::upload_blobs(SyncReport& rep) {
    auto list = m_profile.store().blobs(true);
    if (!list) return fail(list.error());
    Status first_error;
    for (const auto& b : *list) {
        auto s = upload_blob(b, rep);
        if (!s && action_for(s.error().code) == SyncAction::retry_later) return s;  // the link is down: stop
        if (!s && first_error) first_error = s;  // one bad file does not hold back the others
    }
    return first_error;
}

Status SyncClient::pull(SyncReport& rep) {
    auto& store = m_profile.store();
    for (int guard = 0; guard < 100000; ++guard) {
        auto cursor = store.meta("cursor");
        auto digest = store.meta("scope_digest");
        if (!cursor || !digest) return fail(!cursor ? cursor.error() : digest.error());
        pb::SyncRequest req;
        req.set_pull(true);
        req.set_cursor(*cursor ? std::stoll(**cursor) : 0);
        if (*digest) req.set_scope_digest(**digest);
        req.set_page_size(m_cfg.page_size);
        *req.mutable_status() = device_status();
        long status = 0;
        auto resp = post_sync(req, &status);
        if (!resp) return fail(resp.error());
        if (resp->generation_changed()) {
            if (auto s = recover_after_restore(*resp, rep); !s) return s;
            m_recovered_in_pull = true;
            continue;  // from cursor 0 now
        }
        if (resp->reset()) {
            if (auto s = store.begin_resync(); !s) return s;
            if (auto s = store.set_meta("scope_digest", resp->scope_digest()); !s) return s;
            continue;
        }
        auto resync = store.resync_active();
        if (!resync) return fail(resync.error());
        {
            // A page and the cursor after it commit together: a break resumes at the same page.
            store::Transaction tx{store.db()};
            if (!tx.begun()) return tx.begun();
            for (const auto& rec : resp->changes()) {
                if (rec.deleted() && rec.payload().empty()) rep.removed++;
                if (auto s = store.apply_remote(rec); !s) return s;
                if (*resync && !(rec.deleted() && rec.payload().empty()))
                    if (auto s = store.mark_seen(rec); !s) return s;
            }
            if (auto s = store.set_meta("cursor", std::to_string(resp->cursor())); !s) return s;
            if (auto s = store.set_meta("scope_digest", resp->scope_digest()); !s) return s;
            if (auto s = tx.commit(); !s) return s;
        }
        rep.pulled += resp->changes_size();
        progress("pull", rep.pulled, 0);
        if (!resp->more()) {
            if (*resync) {
                auto removed = store.finish_resync();
                if (!removed) return fail(removed.error());
                rep.removed += *removed;
            }
            rep.pull_complete = true;
            return {};
        }
    }
    return fail(Errc::internal, Msg::pull_did_not_finish);
}

Result<SyncReport> SyncClient::sync_once() {
    auto r = sync_steps();
    // The last outcome stays on the device, so a status line can say why it is not in sync.
    auto& store = m_profile.store();
    if (!r) {
        (void)store.set_meta("last_error", r.error().message());  // shown only; the pass's result is returned
    } else {
        (void)store.set_meta("last_error", "");  // shown only
        if (r->complete()) (void)store.set_meta("last_complete_sync", std::to_string(unix_ms_now()));
    }
    return r;
}

Result<SyncReport> SyncClient::sync_steps() {
    SyncReport rep;
    m_recovered_in_pull = false;
    for (int round = 0; round < 2; ++round) {
        if (auto s = push(rep); !s) return fail(s.error());
        if (auto s = upload_blobs(rep); !s) return fail(s.error());
        if (auto s = pull(rep); !s) return fail(s.error());
        fetch_own_badge_photo();
        // A restore found by the pull (nothing was queued before it) re-queued changes: send them now.
        if (!m_recovered_in_pull) break;
        m_recovered_in_pull = false;
    }
    auto left = m_profile.store().pending_count();
    if (!left) return fail(left.error());
    rep.outbox_left = *left;
    auto blobs = m_profile.store().blobs(true);
    if (!blobs) return fail(blobs.error());
    rep.blobs_left = static_cast<std::int64_t>(blobs->size());
    return rep;
}

void SyncClient::fetch_own_badge_photo() {
    auto me = m_profile.identity();
    if (!me) return;
    auto rec = m_profile.store().get(domain::kUser, me->user_id);
    pb::User u;
    if (!rec || !*rec || (*rec)->deleted() || !u.ParseFromString((*rec)->payload())) return;
    if (u.badge_photo().sha256().size() != 32) return;
    BlobFetcher fetcher{m_profile};
    const std::string hex = hex_encode(u.badge_photo().sha256());
    if (fetcher.has(hex)) return;  // held already: nothing to read or ask
    auto t = http();
    if (!t) return;
    // Checked against its hash and kept like evidence, encrypted at rest; not there yet is no error.
    (void)fetcher.get(hex, **t);
}

Result<SyncReport> SyncClient::sync(int max_attempts) {
    auto backoff = m_cfg.initial_backoff;
    for (int attempt = 1;; ++attempt) {
        auto r = sync_once();
        if (r && r->complete()) return r;
        if (!r && action_for(r.error().code) != SyncAction::retry_later) return r;
        if (max_attempts > 0 && attempt >= max_attempts) return r;
        // Full jitter: many phones coming back online at once do not retry in lockstep.
        std::uniform_int_distribution<long> d(0, static_cast<long>(backoff.count()));
        m_cfg.sleep(std::chrono::milliseconds(d(m_rng)));
        backoff = std::min(backoff * 2, m_cfg.max_backoff);
        m_http.reset();  // a fresh connection after a failure
    }
}

}  // namespace ducha::sync
