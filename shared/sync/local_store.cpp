#include "shared/sync/local_store.h"

#include <nlohmann/json.hpp>
#include <tuple>

#include "shared/common/clock.h"
#include "shared/crypto/sha256.h"
#include "shared/store/statement.h"
#include "shared/store/transaction.h"
#include "shared/sync/local_schema.h"
#include "shared/sync/payload_seal.h"

namespace ducha::sync {

Error OutboxItem::refusal() const {
    if (auto m = msg_named(error_msg_id); m && *m != Msg::verbatim) return Error{Errc::rejected, *m, error_args};
    return Error{Errc::rejected, Msg::verbatim, error_message};
}

using store::Statement;
using store::Transaction;

namespace {

Result<pb::Record> read_record(const Statement& st, const PayloadSeal* seal) {
    pb::Record r;
    r.set_collection(st.col_text(0));
    r.set_id(st.col_text(1));
    r.set_version(st.col_int(2));
    auto payload = opened_payload(seal, r.collection(), r.id(), st.col_blob(3));
    if (!payload) return fail(payload.error());
    r.set_payload(std::move(*payload));
    r.set_deleted(st.col_int(4) != 0);
    r.set_seq(st.col_int(5));
    r.set_updated_at(st.col_int(6));
    return r;
}

Result<OutboxItem> read_outbox(const Statement& st, const PayloadSeal* seal) {
    OutboxItem it;
    it.client_seq = static_cast<std::uint64_t>(st.col_int(0));
    auto& m = it.mutation;
    m.set_client_seq(it.client_seq);
    m.set_collection(st.col_text(1));
    m.set_id(st.col_text(2));
    m.set_base_version(st.col_int(3));
    auto payload = opened_payload(seal, m.collection(), m.id(), st.col_blob(4));
    if (!payload) return fail(payload.error());
    m.set_payload(std::move(*payload));
    m.set_deleted(st.col_int(5) != 0);
    m.set_hlc(static_cast<std::uint64_t>(st.col_int(6)));
    std::string fields = st.col_text(7);
    for (std::size_t pos = 0; pos < fields.size();) {
        auto comma = fields.find(',', pos);
        if (comma == std::string::npos) comma = fields.size();
        if (comma > pos) m.add_changed_fields(fields.substr(pos, comma - pos));
        pos = comma + 1;
    }
    it.created_at = st.col_int(8);
    it.state = st.col_text(9);
    it.attempts = static_cast<int>(st.col_int(10));
    it.error_code = st.col_text(11);
    it.error_message = st.col_text(12);
    it.error_msg_id = st.col_text(13);
    auto args = nlohmann::json::parse(st.col_text(14), nullptr, false);
    if (args.is_array())
        for (const auto& a : args)
            if (a.is_string()) it.error_args.push_back(a.get<std::string>());
    return it;
}

constexpr std::string_view kOutboxCols =
    "SELECT client_seq, collection, id, base_version, payload, deleted, hlc, changed_fields, created_at, state, "
    "attempts, error_code, error_message, error_msg_id, error_msg_args FROM outbox ";

Status put_record(store::Database& db, const pb::Record& r, const PayloadSeal* seal) {
    auto& st = db.cached(
        "INSERT INTO record(collection, id, version, payload, deleted, seq, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7) "
        "ON CONFLICT(collection, id) DO UPDATE SET version=excluded.version, payload=excluded.payload, "
        "deleted=excluded.deleted, seq=excluded.seq, updated_at=excluded.updated_at");
    const std::string stored = stored_payload(seal, r.collection(), r.id(), r.payload());
    st.bind(1, r.collection()).bind(2, r.id()).bind(3, r.version()).bind_blob(4, stored).bind(5, r.deleted());
    st.bind(6, r.seq()).bind(7, r.updated_at());
    return st.run();
}

}  // namespace

Result<LocalStore> LocalStore::open(const std::filesystem::path& db_path) {
    auto db = store::Database::open(db_path);
    if (!db) return fail(db.error());
    if (auto r = store::apply_migrations(*db, local_migrations()); !r) return fail(r.error());
    return LocalStore{std::move(*db)};
}

Result<std::optional<std::string>> LocalStore::meta(std::string_view key) {
    auto& st = m_db.cached("SELECT value FROM meta WHERE key=?1");
    st.bind(1, key);
    auto row = st.step();
    if (!row) return fail(row.error());
    std::optional<std::string> v;
    if (*row) v = st.col_blob(0);
    st.reset();
    return v;
}

Status LocalStore::set_meta(std::string_view key, std::string_view value) {
    auto& st = m_db.cached("INSERT INTO meta(key, value) VALUES(?1,?2) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    st.bind(1, key).bind_blob(2, value);
    return st.run();
}

Result<std::optional<pb::Record>> LocalStore::get(std::string_view collection, const std::string& id) {
    auto& st = m_db.cached("SELECT collection, id, version, payload, deleted, seq, updated_at FROM record WHERE collection=?1 AND id=?2");
    st.bind(1, collection).bind(2, id);
    auto row = st.step();
    if (!row) return fail(row.error());
    std::optional<pb::Record> r;
    if (*row) {
        auto rec = read_record(st, seal());
        if (!rec) return fail(rec.error());
        r = std::move(*rec);
    }
    st.reset();
    return r;
}

Result<std::vector<pb::Record>> LocalStore::list(std::string_view collection, bool include_deleted) {
    Statement st{m_db, "SELECT collection, id, version, payload, deleted, seq, updated_at FROM record WHERE collection=?1 "
                       "AND (?2 OR deleted=0) ORDER BY id"};
    st.bind(1, collection).bind(2, include_deleted);
    std::vector<pb::Record> out;
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) break;
        auto rec = read_record(st, seal());
        if (!rec) return fail(rec.error());
        out.push_back(std::move(*rec));
    }
    return out;
}

Status LocalStore::apply_remote(const pb::Record& rec) {
    auto& busy = m_db.cached("SELECT 1 FROM outbox WHERE collection=?1 AND id=?2 AND state='pending' LIMIT 1");
    busy.bind(1, rec.collection()).bind(2, rec.id());
    auto row = busy.step();
    if (!row) return fail(row.error());
    bool pending = *row;
    busy.reset();
    if (pending) return {};  // our queued change is newer for us; the server's answer to it will follow
    if (rec.deleted() && rec.payload().empty()) return remove(rec.collection(), rec.id());
    return put_record(m_db, rec, seal());
}

Status LocalStore::remove(std::string_view collection, const std::string& id) {
    auto& st = m_db.cached("DELETE FROM record WHERE collection=?1 AND id=?2");
    st.bind(1, collection).bind(2, id);
    return st.run();
}

Result<Bytes> LocalStore::digest() {
    Statement st{m_db, "SELECT collection, id, version, payload FROM record WHERE deleted=0 ORDER BY collection, id"};
    crypto::Sha256 h;
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) break;
        const std::string collection = st.col_text(0), id = st.col_text(1);
        // The digest is of what the record says, the same on every device whatever it seals.
        auto payload = opened_payload(seal(), collection, id, st.col_blob(3));
        if (!payload) return fail(payload.error());
        h.update(collection);
        h.update(std::string_view("\0", 1));
        h.update(id);
        h.update(std::string_view("\0", 1));
        h.update(std::to_string(st.col_int(2)));
        h.update(crypto::sha256(*payload));
    }
    return h.finish();
}

Result<std::uint64_t> LocalStore::enqueue(pb::Mutation m) {
    Transaction tx{m_db};
    if (!tx.begun()) return fail(tx.begun().error());
    std::string fields;
    for (const auto& f : m.changed_fields()) fields += (fields.empty() ? "" : ",") + f;
    auto& ins = m_db.cached(
        "INSERT INTO outbox(collection, id, base_version, payload, deleted, hlc, changed_fields, created_at) "
        "VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
    const std::string stored = stored_payload(seal(), m.collection(), m.id(), m.payload());
    ins.bind(1, m.collection()).bind(2, m.id()).bind(3, m.base_version()).bind_blob(4, stored);
    ins.bind(5, m.deleted()).bind(6, static_cast<std::int64_t>(m.hlc())).bind(7, fields).bind(8, unix_seconds_now());
    if (auto r = ins.run(); !r) return fail(r.error());
    auto seq = static_cast<std::uint64_t>(m_db.last_insert_rowid());
    pb::Record local;
    local.set_collection(m.collection());
    local.set_id(m.id());
    local.set_version(m.base_version() + 1);
    local.set_payload(m.payload());
    local.set_deleted(m.deleted());
    if (auto r = put_record(m_db, local, seal()); !r) return fail(r.error());
    if (auto r = tx.commit(); !r) return fail(r.error());
    return seq;
}

Result<std::vector<OutboxItem>> LocalStore::pending(int limit) {
    Statement st{m_db, std::string(kOutboxCols) + "WHERE state='pending' ORDER BY client_seq LIMIT ?1"};
    st.bind(1, limit);
    std::vector<OutboxItem> out;
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) break;
        auto item = read_outbox(st, seal());
        if (!item) return fail(item.error());
        out.push_back(std::move(*item));
    }
    return out;
}

Result<std::vector<OutboxItem>> LocalStore::outbox(bool include_set_aside) {
    Statement st{m_db, std::string(kOutboxCols) + "WHERE ?1 OR state='pending' ORDER BY client_seq"};
    st.bind(1, include_set_aside);
    std::vector<OutboxItem> out;
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) break;
        auto item = read_outbox(st, seal());
        if (!item) return fail(item.error());
        out.push_back(std::move(*item));
    }
    return out;
}

Result<std::int64_t> LocalStore::pending_count() {
    auto& st = m_db.cached("SELECT COUNT(*) FROM outbox WHERE state='pending'");
    auto row = st.step();
    if (!row) return fail(row.error());
    auto n = st.col_int(0);
    st.reset();
    return n;
}

Status LocalStore::acked(std::uint64_t client_seq, const pb::Ack& ack) {
    Transaction tx{m_db};
    if (!tx.begun()) return tx.begun();
    Statement get{m_db, std::string(kOutboxCols) + "WHERE client_seq=?1"};
    get.bind(1, client_seq);
    auto row = get.step();
    if (!row) return fail(row.error());
    if (!*row) return tx.commit();  // already handled
    auto item = read_outbox(get, seal());
    get.reset();
    if (!item) return fail(item.error());
    // Kept with the server's seq, in case the server is restored from a backup that lacks it.
    auto& keep = m_db.cached(
        "INSERT OR REPLACE INTO acked_change(client_seq, collection, id, base_version, payload, deleted, hlc, "
        "changed_fields, created_at, ack_seq, acked_at) SELECT client_seq, collection, id, base_version, payload, "
        "deleted, hlc, changed_fields, created_at, ?2, ?3 FROM outbox WHERE client_seq=?1");
    keep.bind(1, client_seq).bind(2, ack.seq()).bind(3, unix_seconds_now());
    if (auto r = keep.run(); !r) return r;
    auto& del = m_db.cached("DELETE FROM outbox WHERE client_seq=?1");
    del.bind(1, client_seq);
    if (auto r = del.run(); !r) return r;
    // A later change of the same record may already be queued (made while this one was in
    // flight): the replica then keeps that newer optimistic copy and its version, or the next
    // change would start from an old version and lose to its own predecessor as a conflict.
    auto& later = m_db.cached("SELECT 1 FROM outbox WHERE collection=?1 AND id=?2 AND state='pending' LIMIT 1");
    later.bind(1, item->mutation.collection()).bind(2, item->mutation.id());
    auto queued = later.step();
    later.reset();
    if (!queued) return fail(queued.error());
    if (ack.has_current() && !*queued) {
        if (auto r = put_record(m_db, ack.current(), seal()); !r) return r;
    } else {
        // Our optimistic copy is now the server's version (never older than one still queued).
        auto& up = m_db.cached("UPDATE record SET version=MAX(version, ?3), seq=MAX(seq, ?4) WHERE collection=?1 AND id=?2");
        up.bind(1, item->mutation.collection()).bind(2, item->mutation.id()).bind(3, ack.version()).bind(4, ack.seq());
        if (auto r = up.run(); !r) return r;
    }
    if (ack.has_receipt()) {
        pb::Record rc;
        rc.set_collection("receipt");
        rc.set_id(item->mutation.id());
        rc.set_version(1);
        rc.set_payload(ack.receipt().SerializeAsString());
        if (auto r = put_record(m_db, rc, seal()); !r) return r;
    }
    return tx.commit();
}

Status LocalStore::set_aside(std::uint64_t client_seq, std::string_view code, const Error& why) {
    auto& st = m_db.cached(
        "UPDATE outbox SET state='set_aside', error_code=?2, error_message=?3, error_msg_id=?4, error_msg_args=?5, "
        "attempts=attempts+1 WHERE client_seq=?1");
    const std::string words = why.message();
    const std::string args = nlohmann::json(why.args).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    st.bind(1, client_seq).bind(2, code).bind(3, words).bind(4, msg_name(why.what)).bind(5, args);
    return st.run();
}

Status LocalStore::undo_local(std::uint64_t client_seq, const pb::Record* server_current) {
    if (server_current) return put_record(m_db, *server_current, seal());
    Statement get{m_db, std::string(kOutboxCols) + "WHERE client_seq=?1"};
    get.bind(1, client_seq);
    auto row = get.step();
    if (!row) return fail(row.error());
    if (!*row) return {};
    auto item = read_outbox(get, seal());
    get.reset();
    if (!item) return fail(item.error());
    if (item->mutation.base_version() != 0) return {};  // the server's copy will come with the next pull
    return remove(item->mutation.collection(), item->mutation.id());
}

Status LocalStore::note_attempt(const std::vector<std::uint64_t>& seqs, std::string_view error) {
    auto& st = m_db.cached("UPDATE outbox SET attempts=attempts+1, error_message=?2 WHERE client_seq=?1");
    for (auto s : seqs) {
        st.bind(1, s).bind(2, error);
        if (auto r = st.run(); !r) return r;
    }
    return {};
}

Status LocalStore::add_blob(const BlobItem& b) {
    auto& st = m_db.cached(
        "INSERT INTO blob(sha256, size, mime, report_id, created_at) VALUES(?1,?2,?3,?4,?5) "
        "ON CONFLICT(sha256) DO NOTHING");
    st.bind(1, b.sha256_hex).bind(2, b.size).bind(3, b.mime).bind(4, b.report_id).bind(5, unix_seconds_now());
    return st.run();
}

Result<std::vector<BlobItem>> LocalStore::blobs(bool pending_only) {
    Statement st{m_db, "SELECT sha256, size, mime, report_id, uploaded, uploaded_bytes, error_message FROM blob "
                       "WHERE NOT (?1 AND uploaded=1) ORDER BY created_at, sha256"};
    st.bind(1, pending_only);
    std::vector<BlobItem> out;
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) break;
        BlobItem b;
        b.sha256_hex = st.col_text(0);
        b.size = st.col_int(1);
        b.mime = st.col_text(2);
        b.report_id = st.col_text(3);
        b.uploaded = st.col_int(4) != 0;
        b.uploaded_bytes = st.col_int(5);
        b.error_message = st.col_text(6);
        out.push_back(std::move(b));
    }
    return out;
}

Status LocalStore::blob_progress(const std::string& hex, std::int64_t uploaded_bytes, bool done, std::string_view error) {
    auto& st = m_db.cached("UPDATE blob SET uploaded_bytes=?2, uploaded=?3, error_message=?4 WHERE sha256=?1");
    st.bind(1, hex).bind(2, uploaded_bytes).bind(3, done).bind(4, error);
    return st.run();
}

namespace {

Status start_resync(LocalStore& store) {
    if (auto r = store.db().exec("DELETE FROM resync_seen"); !r) return r;
    if (auto r = store.set_meta("resync", "1"); !r) return r;
    return store.set_meta("cursor", "0");
}

}  // namespace

Status LocalStore::begin_resync() {
    Transaction tx{m_db};
    if (!tx.begun()) return tx.begun();
    if (auto r = start_resync(*this); !r) return r;
    return tx.commit();
}

Result<int> LocalStore::recover_after_restore(std::string_view generation, std::int64_t restored_through_seq) {
    Transaction tx{m_db};
    if (!tx.begun()) return fail(tx.begun().error());
    Statement back{m_db,
                   "INSERT OR IGNORE INTO outbox(client_seq, collection, id, base_version, payload, deleted, hlc, "
                   "changed_fields, created_at) SELECT client_seq, collection, id, base_version, payload, deleted, hlc, "
                   "changed_fields, created_at FROM acked_change WHERE ack_seq > ?1"};
    back.bind(1, restored_through_seq);
    if (auto r = back.run(); !r) return fail(r.error());
    const int requeued = m_db.changes();
    Statement forget{m_db, "DELETE FROM acked_change WHERE ack_seq > ?1"};
    forget.bind(1, restored_through_seq);
    if (auto r = forget.run(); !r) return fail(r.error());
    // The backup may lack files uploaded after it: each is asked for again (HEAD), sent only if
    // missing. A file that went whole keeps its size as what went, so the device asks before sending.
    if (auto r = m_db.exec("UPDATE blob SET uploaded_bytes=CASE WHEN uploaded=1 THEN size ELSE uploaded_bytes END, "
                           "uploaded=0, error_message=''");
        !r)
        return fail(r.error());
    if (auto r = start_resync(*this); !r) return fail(r.error());
    if (auto r = set_meta("server_generation", generation); !r) return fail(r.error());
    if (auto r = tx.commit(); !r) return fail(r.error());
    return requeued;
}

Status LocalStore::seal_sensitive_payloads(Bytes key32) {
    m_seal = std::make_shared<PayloadSeal>(std::move(key32));
    auto done = meta("payloads_sealed");
    if (!done) return fail(done.error());
    if (*done && **done == "1") return {};
    // A profile made before payloads were sealed: its plain rows are sealed once, all in one go.
    Transaction tx{m_db};
    if (!tx.begun()) return tx.begun();
    std::size_t sealed_now = 0;
    std::string sealed_list;  // 'report','user',...
    for (auto c : PayloadSeal::collections()) sealed_list += (sealed_list.empty() ? "'" : ",'") + std::string(c) + "'";
    for (const char* table : {"record", "outbox", "acked_change"}) {
        // The replica's rows are named by (collection, id), the queues' by client_seq.
        const bool replica = std::string_view(table) == "record";
        std::vector<std::tuple<std::string, std::string, std::string, std::int64_t>> plain;
        {
            Statement st{m_db, std::string("SELECT collection, id, payload, ") + (replica ? "0" : "client_seq") +
                                   " FROM " + table + " WHERE collection IN (" + sealed_list + ")"};
            for (;;) {
                auto row = st.step();
                if (!row) return fail(row.error());
                if (!*row) break;
                std::string payload = st.col_blob(2);
                if (!PayloadSeal::is_sealed(payload))
                    plain.emplace_back(st.col_text(0), st.col_text(1), std::move(payload), st.col_int(3));
            }
        }
        Statement up{m_db, std::string("UPDATE ") + table + " SET payload=?1 WHERE " +
                               (replica ? "collection=?2 AND id=?3" : "client_seq=?4")};
        sealed_now += plain.size();
        for (const auto& [collection, id, payload, client_seq] : plain) {
            up.bind_blob(1, m_seal->seal(collection, id, payload));
            if (replica) up.bind(2, collection).bind(3, id);
            else up.bind(4, client_seq);
            if (auto r = up.run(); !r) return r;
        }
    }
    if (auto r = set_meta("payloads_sealed", "1"); !r) return r;
    if (auto r = tx.commit(); !r) return r;
    if (sealed_now == 0) return {};
    // The plain bytes would linger in free pages and old log frames: rewrite the file without them.
    if (auto r = m_db.exec("VACUUM"); !r) return r;
    return m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Status LocalStore::prune_acked(std::int64_t acked_before) {
    auto& st = m_db.cached("DELETE FROM acked_change WHERE acked_at < ?1");
    st.bind(1, acked_before);
    return st.run();
}

Result<std::int64_t> LocalStore::acked_count() {
    auto& st = m_db.cached("SELECT COUNT(*) FROM acked_change");
    auto row = st.step();
    if (!row) return fail(row.error());
    auto n = st.col_int(0);
    st.reset();
    return n;
}

Result<bool> LocalStore::resync_active() {
    auto v = meta("resync");
    if (!v) return fail(v.error());
    return *v && **v == "1";
}

Status LocalStore::mark_seen(const pb::Record& rec) {
    auto& st = m_db.cached("INSERT OR IGNORE INTO resync_seen(collection, id) VALUES(?1,?2)");
    st.bind(1, rec.collection()).bind(2, rec.id());
    return st.run();
}

Result<int> LocalStore::finish_resync() {
    Transaction tx{m_db};
    if (!tx.begun()) return fail(tx.begun().error());
    // Receipts travel with their reports' scope; keep our own records with queued changes.
    if (auto r = m_db.exec(
            "DELETE FROM record WHERE NOT EXISTS (SELECT 1 FROM resync_seen s WHERE s.collection=record.collection "
            "AND s.id=record.id) AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.collection=record.collection AND "
            "o.id=record.id)");
        !r)
        return fail(r.error());
    int removed = m_db.changes();
    if (auto r = m_db.exec("DELETE FROM resync_seen"); !r) return fail(r.error());
    if (auto r = set_meta("resync", "0"); !r) return fail(r.error());
    if (auto r = tx.commit(); !r) return fail(r.error());
    return removed;
}

}  // namespace ducha::sync
