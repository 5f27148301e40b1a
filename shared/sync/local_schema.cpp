#include "shared/sync/local_schema.h"

namespace ducha::sync {

namespace {
constexpr store::Migration kSteps[] = {
    {1, R"sql(
CREATE TABLE record(collection TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, payload BLOB NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(collection, id)) WITHOUT ROWID;
-- client_seq is never reused (AUTOINCREMENT): the server deduplicates on (device_id, client_seq)
CREATE TABLE outbox(client_seq INTEGER PRIMARY KEY AUTOINCREMENT, collection TEXT NOT NULL, id TEXT NOT NULL,
  base_version INTEGER NOT NULL, payload BLOB NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, hlc INTEGER NOT NULL DEFAULT 0,
  changed_fields TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',  -- pending | set_aside
  attempts INTEGER NOT NULL DEFAULT 0, error_code TEXT NOT NULL DEFAULT '', error_message TEXT NOT NULL DEFAULT '');
CREATE INDEX outbox_by_state ON outbox(state, client_seq);
-- evidence files, AES-256-GCM encrypted at rest under blobs/<sha256>.enc
CREATE TABLE blob(sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, mime TEXT NOT NULL, report_id TEXT NOT NULL,
  uploaded INTEGER NOT NULL DEFAULT 0, uploaded_bytes INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,
  error_message TEXT NOT NULL DEFAULT '');
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE resync_seen(collection TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY(collection, id)) WITHOUT ROWID;
)sql"},
    // An inspection in progress, saved on every change so the app can be killed at any moment.
    // payload is AES-256-GCM sealed with the keystore key (notes and answers are sensitive).
    {2, R"sql(
CREATE TABLE draft(key TEXT PRIMARY KEY, payload BLOB NOT NULL, updated_at INTEGER NOT NULL);
)sql"},
    // The server's time of the version held (ms; 0 for a change made here and not yet pulled back):
    // when a report was received, a task finished, a case decided.
    {3, R"sql(
ALTER TABLE record ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
)sql"},
    // Acknowledged changes are kept for a while with the seq the server gave them: after the server
    // is restored from a backup, those above the backup's last seq go back into the outbox under
    // their own client_seq (LocalStore::recover_after_restore).
    {4, R"sql(
CREATE TABLE acked_change(client_seq INTEGER PRIMARY KEY, collection TEXT NOT NULL, id TEXT NOT NULL,
  base_version INTEGER NOT NULL, payload BLOB NOT NULL, deleted INTEGER NOT NULL, hlc INTEGER NOT NULL,
  changed_fields TEXT NOT NULL, created_at INTEGER NOT NULL, ack_seq INTEGER NOT NULL, acked_at INTEGER NOT NULL);
CREATE INDEX acked_change_by_seq ON acked_change(ack_seq);
CREATE INDEX acked_change_by_time ON acked_change(acked_at);
)sql"},
    // Why a change was set aside, as the message catalogue's row and its arguments (a JSON array),
    // so the app shows it in its user's language; error_message keeps the words as they came.
    {5, R"sql(
ALTER TABLE outbox ADD COLUMN error_msg_id TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN error_msg_args TEXT NOT NULL DEFAULT '[]';
)sql"},
    // Whether a record has a change of ours still queued is asked for every record a pull applies
    // and every acknowledgement: with thousands of changes waiting, a scan of the outbox each time.
    {6, R"sql(
CREATE INDEX outbox_by_record ON outbox(collection, id, state);
)sql"},
};
}  // namespace

std::span<const store::Migration> local_migrations() { return kSteps; }

}  // namespace ducha::sync
