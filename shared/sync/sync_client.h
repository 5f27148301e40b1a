#pragma once
// The one sync client (CLI, app and load generator): pushes the outbox in order, uploads evidence
// in resumable chunks, then pulls changes in scope page by page.
#include <chrono>
#include <functional>
#include <optional>
#include <random>

#include "shared/common/result.h"
#include "shared/common/wire_error.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/http_transport.h"

namespace ducha::sync {

// What a device does with an error is the wire-error registry's (shared/common/wire_error.h):
// retry_later, refresh_token, resume_upload, set_aside or stop. A pass stops on anything but
// retry_later; errors of the device itself (network, timeout, a wrong server key) read the same table.
using SyncAction = wire::Action;
using wire::action_for;

// One request with the device's access token. When the server answers that the token is no good
// (action refresh_token: expired, revoked or unknown), new tokens are got (renew_tokens) and the
// request is repeated once. Any HTTP status is a reply (see HttpTransport::request).
[[nodiscard]] Result<HttpReply> authorized_request(DeviceProfile& profile, HttpTransport& http, const std::string& method,
                                                   const std::string& path, const std::string& body,
                                                   std::map<std::string, std::string> headers = {});
// POST /v1/token/refresh with the stored refresh token; keeps the new pair. A refresh whose answer
// was lost may be repeated: within the server's grace period it gets the same pair.
[[nodiscard]] Status refresh_tokens(DeviceProfile& profile, HttpTransport& http);
// For a device whose tokens are gone: a challenge from the server, signed with the device key
// (POST /v1/token/challenge, then /v1/token/device); keeps the new pair.
[[nodiscard]] Status sign_in_with_device_key(DeviceProfile& profile, HttpTransport& http);
// New tokens by whatever way still works: a refresh; a refused one, a sign-in with the device key.
// Nothing else is touched: the outbox, drafts and evidence stay as they are.
[[nodiscard]] Status renew_tokens(DeviceProfile& profile, HttpTransport& http);

struct SyncProgress {
    std::string phase;  // push | upload | pull
    std::int64_t done = 0, total = 0;  // items, bytes or records of the phase (total 0 = unknown)
};

struct SyncReport {
    int pushed = 0, duplicates = 0, set_aside = 0, conflicts = 0;
    int pulled = 0, removed = 0, blobs_uploaded = 0;
    int requeued_after_restore = 0;  // changes sent again because the server was restored from a backup
    std::int64_t outbox_left = 0, blobs_left = 0;
    bool pull_complete = false;
    bool complete() const { return outbox_left == 0 && blobs_left == 0 && pull_complete; }
};

class SyncClient {
public:
    struct Config {
        int push_batch = 200;
        int page_size = 500;
        std::size_t blob_chunk = 256 * 1024;
        std::chrono::milliseconds initial_backoff{500};
        std::chrono::milliseconds max_backoff{60000};
        std::string app_version = "ducha-core 0.1";
        std::function<void(const SyncProgress&)> on_progress;
        std::function<void(std::chrono::milliseconds)> sleep;  // tests inject; default sleeps
        TransportFactory transport;  // default: CurlTransport::make
        // How long acknowledged changes are kept to send again should the server be restored from
        // a backup older than them (docs/OPERATIONS.md: back up more often than this).
        std::chrono::seconds keep_acked{90 * 24 * 3600};
    };

    SyncClient(DeviceProfile& profile, Config cfg);
    explicit SyncClient(DeviceProfile& profile) : SyncClient(profile, Config{}) {}

    // One full pass. An error means the pass stopped (nothing acknowledged is lost either way).
    Result<SyncReport> sync_once();
    // Passes until complete; transient failures back off (exponential, full jitter) and retry,
    // up to max_attempts (0 = forever). Fatal errors (revoked device, wrong server key) stop at once.
    Result<SyncReport> sync(int max_attempts);

private:
    Result<SyncReport> sync_steps();
    // This pass's transport, made on first use.
    Result<HttpTransport*> http();
    Result<HttpReply> call(const std::string& method, const std::string& path, const std::string& body,
                           std::map<std::string, std::string> headers = {});
    // An error with a status was the server's answer; without one (0) the device's own failure.
    // The request carries the server generation the device knows; an answer `generation_changed`
    // applied nothing and is returned for the caller to recover and ask again.
    Result<pb::SyncResponse> post_sync(pb::SyncRequest req, long* http_status);
    // The server was restored from a backup: re-queue what it may lack and re-pull everything.
    Status recover_after_restore(const pb::SyncResponse& resp, SyncReport& rep);
    Status push(SyncReport& rep);
    Status upload_blobs(SyncReport& rep);
    Status upload_blob(const BlobItem& b, SyncReport& rep);
    Status pull(SyncReport& rep);
    // The photo on this person's own badge, brought down once so the badge shows it offline.
    // Best effort: a photo still on its way from the coordinator's desk comes with a later sync.
    void fetch_own_badge_photo();
    pb::DeviceStatus device_status();
    void progress(std::string phase, std::int64_t done, std::int64_t total);

    DeviceProfile& m_profile;
    Config m_cfg;
    std::unique_ptr<HttpTransport> m_http;
    std::mt19937_64 m_rng;
    bool m_recovered_in_pull = false;  // this pass's pull found a restore: push again before it ends
};

}  // namespace ducha::sync
