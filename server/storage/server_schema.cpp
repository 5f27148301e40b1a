#include "server/storage/server_schema.h"

#include "server/storage/blob_refs.h"
#include "server/storage/risk_facts.h"
#include "shared/store/statement.h"

namespace ducha::server {

namespace {

// Migration 5: evidence files already held become readable by whoever may read the records that
// reference them.
Status backfill_blob_refs(store::Connection& db) {
    store::Statement st{db, "SELECT collection, id, payload FROM record WHERE collection IN ('report','evidence') AND deleted=0"};
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) break;
        auto refs = blob_refs_of(st.col_text(0), st.col_blob(2));
        if (auto s = add_blob_refs(db, st.col_text(0), st.col_text(1), refs); !s) return s;
    }
    return {};
}

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
    // Trustworthy writes: the append-only audit log (every accepted and refused write, enrollment,
    // token refresh, export and read of covert evidence), which records reference which evidence
    // file (blob reads are scoped by them), and the chain's allowance to continue after a report
    // the server could not verify.
    {5, R"sql(
CREATE TABLE audit_log(
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, device TEXT NOT NULL, role TEXT NOT NULL,
  district TEXT NOT NULL, action TEXT NOT NULL, collection TEXT NOT NULL, record_id TEXT NOT NULL,
  outcome TEXT NOT NULL, code TEXT NOT NULL, reason TEXT NOT NULL);
CREATE INDEX audit_log_by_outcome ON audit_log(outcome, id);
CREATE INDEX audit_log_by_actor ON audit_log(actor, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TABLE blob_ref(sha256 TEXT NOT NULL, collection TEXT NOT NULL, id TEXT NOT NULL,
  PRIMARY KEY(sha256, collection, id)) WITHOUT ROWID;
ALTER TABLE chain_head ADD COLUMN break_after INTEGER NOT NULL DEFAULT 0;
)sql", backfill_blob_refs},
    // Nobody locked out: a used refresh token stays on record with its successor and its sealed
    // answer (a lost answer can be asked for again; a reuse after the grace period is detected),
    // and a device whose tokens are gone signs in by signing a challenge with its own key.
    {6, R"sql(
ALTER TABLE token ADD COLUMN used_at INTEGER;
ALTER TABLE token ADD COLUMN successor BLOB;
ALTER TABLE token ADD COLUMN sealed_answer BLOB;
CREATE TABLE device_challenge(device_id TEXT PRIMARY KEY, challenge_hash BLOB NOT NULL, expires_at INTEGER NOT NULL);
)sql"},
    // The server's generation (server_generation.h): `restore` gives the database a new one, and
    // devices that see it send again what the backup lacks.
    {7, R"sql(
INSERT OR IGNORE INTO meta(key, value) VALUES('generation', lower(hex(randomblob(16))));
INSERT OR IGNORE INTO meta(key, value) VALUES('restored_through_seq', '0');
)sql"},
    // The device an enrollment code made: the same device asking again with the same key (its
    // answer was lost) gets its tokens again instead of "code already used".
    {8, R"sql(
ALTER TABLE enrollment_code ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
)sql"},
    // Risk that follows the facts: an institution's complaint_count and past_violations are the
    // server's, recounted from the complaints and cases that count against it (risk_facts.h). The
    // step fills the table from what is stored and recounts every institution once.
    {9, R"sql(
CREATE TABLE risk_fact(collection TEXT NOT NULL, id TEXT NOT NULL, institution_id TEXT NOT NULL,
  PRIMARY KEY(collection, id)) WITHOUT ROWID;
CREATE INDEX risk_fact_by_institution ON risk_fact(institution_id);
)sql", recount_institution_risk},
    // A volunteer's pull goes through the key index instead of the whole change feed
    // (RecordTable::pull_by_keys). Every key is indexed but a report's supervisor and district
    // keys, the bulk of the table that only wide scopes hold (and those scan the feed); a report
    // adds one entry, its author's.
    {10, R"sql(
CREATE INDEX record_key_narrow_by_key ON record_key(key, active) WHERE collection <> 'report' OR substr(key, 1, 2) = 'u:';
)sql"},
};
}  // namespace

std::span<const store::Migration> server_migrations() { return kSteps; }

}  // namespace ducha::server
