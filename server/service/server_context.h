#pragma once
// What every service shares inside one running server.
#include <atomic>
#include <filesystem>
#include <memory>

#include "server/service/thread_pool.h"
#include "server/service/writer.h"
#include "server/storage/checkpointer.h"
#include "server/storage/reader_pool.h"
#include "server/storage/server_generation.h"
#include "shared/common/clock.h"
#include "shared/crypto/ed25519.h"

namespace ducha::server {

// A device's unfinished uploads (DIR/blobs/partial): at most this many files and bytes at once, and
// a partial file no chunk reached for stale_after_s is removed (serve --max-uploads-per-device,
// --max-upload-mib-per-device, --stale-upload-days).
struct UploadLimits {
    std::size_t max_files_per_device = 8;
    std::uint64_t max_bytes_per_device = 256ull * 1024 * 1024;
    std::int64_t stale_after_s = 7 * 24 * 3600;
};

struct ServerLimits {
    std::int64_t access_token_ttl_s = 24 * 3600;
    std::int64_t refresh_token_ttl_s = 180 * 24 * 3600;
    std::int64_t enrollment_code_ttl_s = 7 * 24 * 3600;
    // How long the same refresh gets the same answer (covers a reply lost and retried at once).
    std::int64_t refresh_grace_s = 300;
    std::int64_t device_challenge_ttl_s = 120;
    int max_mutations_per_sync = 2000;
    int default_page_size = 500;
    int max_page_size = 5000;
    std::size_t max_blob_size = 64 * 1024 * 1024;
    std::size_t max_blob_chunk = 4 * 1024 * 1024;
    // Request bodies: a caller with a valid token may send up to max_body; a request to an
    // endpoint without a token (enrollment, tokens, the public feed) max_public_body.
    std::size_t max_body = 16 * 1024 * 1024;
    std::size_t max_public_body = 64 * 1024;
    // Enrollments, refreshes and device sign-ins (challenge and answer) one network address may
    // make a minute, saved up to a minute's worth (serve --max-sign-ins-per-minute); 0: no limit.
    int sign_ins_per_minute = 120;
    UploadLimits uploads;
};

struct ServerCounters {
    std::atomic<std::uint64_t> sync_requests{0}, mutations_applied{0}, mutations_duplicate{0},
        mutations_rejected{0}, mutations_conflict{0}, records_pulled{0}, enrollments{0}, auth_failures{0},
        blob_bytes_received{0}, blobs_completed{0}, blob_hash_mismatches{0}, bad_requests{0},
        blob_uploads_refused{0}, blob_partials_swept{0}, sign_ins_refused{0};
};

struct ServerContext {
    std::filesystem::path data_dir;
    // Every server-side decision by the time reads this clock (the wall clock; a test may set its own).
    const Clock* clock = &system_clock();
    ServerLimits limits;
    crypto::Ed25519KeyPair server_key;
    Generation generation;  // read at start; only `restore` (offline) changes it
    std::unique_ptr<ReaderPool> readers;
    std::unique_ptr<Writer> writer;
    std::unique_ptr<Checkpointer> checkpointer;
    std::unique_ptr<ThreadPool> workers;
    // Evidence uploads, which mostly wait on fsync: enough threads that many uploads' fsyncs
    // overlap (the filesystem commits them together), none taken from the CPU work above.
    // Unset (tests), uploads run on `workers`.
    std::unique_ptr<ThreadPool> blob_io;
    ServerCounters counters;
    std::atomic<bool> draining{false};
    // Failure injection for tests (env DUCHA_FAILPOINT=kill_after_commit): the process dies by
    // SIGKILL right after a push commits and before its response is sent.
    bool failpoint_kill_after_commit = false;
};


}  // namespace ducha::server
