#pragma once
// The device's database: its replica of the records in scope, the outbox of changes not yet
// acknowledged, evidence files waiting to upload, and sync metadata. Every change the user makes
// goes through enqueue(), which writes the local record and the outbox entry in one transaction.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "shared/common/bytes.h"
#include "shared/common/result.h"
#include "shared/store/database.h"
#include "shared/sync/payload_seal.h"

namespace ducha::sync {

struct OutboxItem {
    std::uint64_t client_seq = 0;
    pb::Mutation mutation;
    std::string state;  // pending | set_aside
    int attempts = 0;
    std::string error_code, error_message;
    std::string error_msg_id;              // the catalogue's row of the reason, when one came
    std::vector<std::string> error_args;   // its arguments
    std::int64_t created_at = 0;

    // Why it was set aside: the catalogue's row when this device knows it (shown in the user's
    // language), else error_message as it came.
    Error refusal() const;
};

struct BlobItem {
    std::string sha256_hex;
    std::int64_t size = 0;
    std::string mime, report_id;
    bool uploaded = false;
    std::int64_t uploaded_bytes = 0;
    std::string error_message;
};

class LocalStore {
public:
    static Result<LocalStore> open(const std::filesystem::path& db_path);

    store::Database& db() { return m_db; }

    // From now on the payloads of reports, users, complaints and cases are sealed at rest with this
    // key (shared/sync/payload_seal.h), and any still stored plain are sealed now, once.
    [[nodiscard]] Status seal_sensitive_payloads(Bytes key32);

    // --- meta (strings and bytes)
    Result<std::optional<std::string>> meta(std::string_view key);
    Status set_meta(std::string_view key, std::string_view value);

    // --- replica
    Result<std::optional<pb::Record>> get(std::string_view collection, const std::string& id);
    Result<std::vector<pb::Record>> list(std::string_view collection, bool include_deleted = false);
    // Applies a record from the server unless a pending change of ours is still in flight for it.
    Status apply_remote(const pb::Record& rec);
    Status remove(std::string_view collection, const std::string& id);
    // SHA-256 over every live record (collection, id, version, payload hash), in key order.
    Result<Bytes> digest();

    // --- outbox
    // Queues a change and applies it to the local replica at once (optimistic, version+1).
    Result<std::uint64_t> enqueue(pb::Mutation m);
    Result<std::vector<OutboxItem>> pending(int limit);
    Result<std::vector<OutboxItem>> outbox(bool include_set_aside = true);
    Result<std::int64_t> pending_count();
    Status acked(std::uint64_t client_seq, const pb::Ack& ack);
    // Refused for good: kept with its reason so the user sees it; it never blocks the items behind.
    Status set_aside(std::uint64_t client_seq, std::string_view code, const Error& why);
    // After a refusal: the replica takes the server's record, or drops a copy the server never had
    // (the set-aside outbox entry still holds what the user made).
    Status undo_local(std::uint64_t client_seq, const pb::Record* server_current);
    Status note_attempt(const std::vector<std::uint64_t>& client_seqs, std::string_view error);

    // --- after the server was restored from a backup
    // Puts every change acknowledged with a seq above `restored_through_seq` back into the outbox
    // under its own client_seq (the server answers DUPLICATE for any it still has), marks every
    // evidence file for a fresh check against the server, and starts a full re-pull that drops
    // what does not come back; `generation` becomes the one the device knows, in the same
    // transaction. Returns how many changes were re-queued.
    [[nodiscard]] Result<int> recover_after_restore(std::string_view generation, std::int64_t restored_through_seq);
    // Forgets acknowledged changes older than `acked_before` (unix seconds).
    [[nodiscard]] Status prune_acked(std::int64_t acked_before);
    [[nodiscard]] Result<std::int64_t> acked_count();

    // --- evidence files
    Status add_blob(const BlobItem& b);
    Result<std::vector<BlobItem>> blobs(bool pending_only);
    Status blob_progress(const std::string& hex, std::int64_t uploaded_bytes, bool done, std::string_view error = {});

    // --- scope resync (the server said our scope changed)
    Status begin_resync();
    Result<bool> resync_active();
    Status mark_seen(const pb::Record& rec);
    // Drops every record the resync did not deliver (keeping those with changes still queued).
    Result<int> finish_resync();

private:
    explicit LocalStore(store::Database db) : m_db(std::move(db)) {}
    const PayloadSeal* seal() const { return m_seal.get(); }
    store::Database m_db;
    std::shared_ptr<const PayloadSeal> m_seal;  // none: payloads are stored as they are
};

}  // namespace ducha::sync
