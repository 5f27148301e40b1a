#include "server/storage/server_schema.h"

namespace ducha::server {

namespace {
constexpr store::Migration kSteps[] = {
    {1, R"sql(
CREATE TABLE record(
  collection TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, payload BLOB NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  field_clock TEXT, PRIMARY KEY(collection, id)) WITHOUT ROWID;
CREATE UNIQUE INDEX record_by_seq ON record(seq);
-- scope keys of each record; active=0 keeps a key the record lost, so its old holders get a removal
CREATE TABLE record_key(collection TEXT NOT NULL, id TEXT NOT NULL, key TEXT NOT NULL, active INTEGER NOT NULL,
  PRIMARY KEY(collection, id, key)) WITHOUT ROWID;
CREATE INDEX record_key_by_key ON record_key(key, collection, active);
-- exactly-once: the ack given to each (device, client_seq), replayed on a retry
CREATE TABLE applied(device_id TEXT NOT NULL, client_seq INTEGER NOT NULL, ack BLOB NOT NULL,
  PRIMARY KEY(device_id, client_seq)) WITHOUT ROWID;
CREATE TABLE enrollment_code(code_hash BLOB PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL,
  used_at INTEGER, created_by TEXT NOT NULL DEFAULT '');
CREATE TABLE token(token_hash BLOB PRIMARY KEY, device_id TEXT NOT NULL, user_id TEXT NOT NULL, kind TEXT NOT NULL,
  expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE INDEX token_by_device ON token(device_id);
-- last-writer-wins losers, kept for coordinators
CREATE TABLE field_history(collection TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, value BLOB,
  hlc INTEGER NOT NULL, winner_hlc INTEGER NOT NULL, at INTEGER NOT NULL);
CREATE INDEX field_history_by_record ON field_history(collection, id);
-- the newest report of each device's hash chain
CREATE TABLE chain_head(device_id TEXT PRIMARY KEY, chain_index INTEGER NOT NULL, hash BLOB NOT NULL);
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB);
)sql"},
    // The change feed's order is the table's order: seq becomes the rowid, so new records append
    // at the end of the table instead of landing on random pages of a UUID-ordered tree (and
    // `seq > cursor` is a range scan of the table itself).
    {2, R"sql(
CREATE TABLE record_v2(
  seq INTEGER PRIMARY KEY, collection TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
  payload BLOB NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL, field_clock TEXT);
INSERT INTO record_v2(seq, collection, id, version, payload, deleted, updated_at, field_clock)
  SELECT seq, collection, id, version, payload, deleted, updated_at, field_clock FROM record;
DROP TABLE record;
ALTER TABLE record_v2 RENAME TO record;
CREATE UNIQUE INDEX record_by_id ON record(collection, id);
)sql"},
    // Records are found by key only for assignments and tasks (whose scope follows a user); the
    // other collections' keys need no second index, which halves the index writes per report.
    {3, R"sql(
DROP INDEX record_key_by_key;
CREATE INDEX record_key_task_by_key ON record_key(key, active) WHERE collection='task';
CREATE INDEX record_key_assignment_by_key ON record_key(key, active) WHERE collection='assignment';
)sql"},
    // Receipts use their report's keys (RecordTable::pull): their own rows are redundant.
    {4, R"sql(
DELETE FROM record_key WHERE collection='receipt';
)sql"},
};
}  // namespace

std::span<const store::Migration> server_migrations() { return kSteps; }

}  // namespace ducha::server
