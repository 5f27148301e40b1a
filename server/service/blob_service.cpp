#include "server/service/blob_service.h"

#include <memory>

#include "server/service/audit_service.h"
#include "server/storage/blob_refs.h"
#include "server/storage/record_table.h"

namespace ducha::server {

namespace {
constexpr std::int64_t kSweepEvery_s = 3600;
}

BlobService::BlobService(ServerContext& ctx)
    : m_ctx(ctx), m_store(ctx.data_dir / "blobs", ctx.limits.max_blob_size, ctx.limits.uploads) {
    sweep_if_due();
}

void BlobService::sweep_if_due() {
    const std::int64_t now = m_ctx.clock->now_s();
    std::int64_t due = m_next_sweep_s.load();
    if (now < due || !m_next_sweep_s.compare_exchange_strong(due, now + kSweepEvery_s)) return;
    m_ctx.counters.blob_partials_swept += m_store.sweep_stale(now);
}

Result<std::optional<BlobAccess>> BlobService::access(const Caller& c, const std::string& hex) {
    auto lease = m_ctx.readers->acquire();
    if (!lease) return fail(lease.error());
    RecordTable table{lease->db()};
    const Principal p = make_principal(c.user_id, c.user, c.device_id, table.lookup());
    return blob_access(lease->db(), p, hex);
}

void BlobService::refuse_read(const Caller& c, const std::string& action, const std::string& hex,
                              std::function<void(Status)> then) {
    AuditEntry e = audit_entry(c, action, kRefused);
    e.collection = "blob";
    e.record_id = hex;
    e.code = std::string(wire::name_of(Errc::not_found));
    e.reason = "范围内没有引用此文件的记录 / no record in the caller's scope references this file";
    submit_audit(m_ctx, std::move(e), std::move(then));
}

void BlobService::head(Caller c, std::string hex, std::function<void(Result<std::optional<BlobStore::State>>)> done) {
    m_ctx.workers->post([this, c = std::move(c), hex = std::move(hex), done = std::move(done)] {
        using Answer = std::optional<BlobStore::State>;
        auto acc = access(c, hex);
        if (!acc) return done(fail(acc.error()));
        if (*acc) {
            auto stored = m_store.stored_size(hex);
            if (!stored) return done(fail(stored.error()));
            if (*stored) return done(Answer{BlobStore::State{true, **stored}});
        }
        // Out of scope (or not stored yet): only this device's own upload, never another's.
        auto own = m_store.partial_size(hex, c.device_id);
        if (!own) return done(fail(own.error()));
        if (*own) return done(Answer{BlobStore::State{false, **own}});
        if (*acc) return done(Answer{});  // in scope, not uploaded yet: nothing was refused
        refuse_read(c, "blob.head", hex, [done](Status s) {
            if (!s) return done(fail(s.error()));
            done(Answer{});
        });
    });
}

void BlobService::get(Caller c, std::string hex, std::function<void(Result<std::optional<std::filesystem::path>>)> done) {
    m_ctx.workers->post([this, c = std::move(c), hex = std::move(hex), done = std::move(done)] {
        using Answer = std::optional<std::filesystem::path>;
        auto acc = access(c, hex);
        if (!acc) return done(fail(acc.error()));
        if (!*acc) {
            return refuse_read(c, "blob.read", hex, [done](Status s) {
                if (!s) return done(fail(s.error()));
                done(Answer{});
            });
        }
        auto data = m_store.stored_file(hex);
        if (!data) return done(fail(data.error()));
        if (!*data) return done(Answer{});  // referenced, not uploaded yet
        if (!(*acc)->covert) return done(std::move(*data));
        // A covert visit's evidence: the read is on record before a byte leaves.
        AuditEntry e = audit_entry(c, "blob.read", kAccepted);
        e.collection = (*acc)->collection;
        e.record_id = (*acc)->record_id;
        e.reason = "sha256 " + hex;
        submit_audit(m_ctx, std::move(e), [file = std::move(**data), done](Status s) {
            if (!s) return done(fail(s.error()));
            done(Answer{file});
        });
    });
}

void BlobService::put(Caller c, std::string hex, std::uint64_t start, std::uint64_t total, std::string data,
                      std::function<void(PutResult)> done) {
    ThreadPool& pool = m_ctx.blob_io ? *m_ctx.blob_io : *m_ctx.workers;  // the chunk's fsync waits there
    pool.post([this, c = std::move(c), hex = std::move(hex), start, total, data = std::move(data),
                         done = std::move(done)] {
        // Scope is looked up for every chunk, stored or not, so how long an answer takes does not
        // depend on whether an out-of-scope file exists.
        sweep_if_due();
        auto acc = access(c, hex);
        if (!acc) return done(std::unexpected(wire::WireError{acc.error()}));
        auto st = m_store.put_chunk(hex, c.device_id, start, total, data, acc->has_value());
        if (st) return done(*st);
        if (st.error().code == Errc::upload_limit) m_ctx.counters.blob_uploads_refused++;
        if (st.error().code != Errc::offset_mismatch) return done(std::unexpected(wire::WireError{st.error()}));
        // Not where this device's upload stands: say where it does, as a number (its own partial
        // file; none yet is 0), never inside the words.
        auto own = m_store.partial_size(hex, c.device_id);
        if (!own) return done(std::unexpected(wire::WireError{own.error()}));
        done(std::unexpected(wire::WireError{wire::error_of(Errc::offset_mismatch), own->value_or(0)}));
    });
}

Result<std::optional<std::string>> BlobService::read_stored(const std::string& hex) {
    if (!BlobStore::valid_name(hex)) return std::optional<std::string>{};
    auto file = m_store.stored_file(hex);
    if (!file) return fail(file.error());
    if (!*file) return std::optional<std::string>{};
    auto bytes = m_store.read(hex);
    if (!bytes) return fail(bytes.error());
    return std::optional<std::string>{std::move(*bytes)};
}

}  // namespace ducha::server
