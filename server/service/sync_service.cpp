#include "server/service/sync_service.h"

#include <algorithm>

#include <csignal>

#include "server/service/mutation_applier.h"
#include "server/storage/applied_log.h"
#include "server/storage/record_table.h"
#include "shared/crypto/ed25519.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"

namespace ducha::server {

using namespace ducha::domain;

namespace {

// Coordinators see each device's unsent count and last contact. Written when waiting changes or
// photos appear or drain (zero <-> non-zero), when the app version changes, or when a minute
// passed: a busy device that sends one report per request does not rewrite its record (and the
// change feed) on every request, and its exact count is at most a minute old.
Status update_device_status(WriteBatch& b, MutationApplier& ap, RecordTable& table, const Caller& c,
                            const pb::DeviceStatus& st, int answered) {
    auto cur = table.get(kDevice, c.device_id);
    if (!cur) return fail(cur.error());
    if (!*cur) return {};
    pb::Device d;
    if (!d.ParseFromString((*cur)->payload())) return {};
    std::int64_t now = b.server_time_ms / 1000;
    // The device counted this request's changes as waiting; once answered they no longer are.
    const std::int64_t depth = std::max<std::int64_t>(0, st.outbox_depth() - answered);
    bool changed = (d.outbox_depth() == 0) != (depth == 0) || (d.blobs_pending() == 0) != (st.blobs_pending() == 0) ||
                   d.app_version() != st.app_version() || now - d.last_contact() >= 60;
    if (!changed) return {};
    d.set_outbox_depth(depth);
    d.set_blobs_pending(st.blobs_pending());
    d.set_app_version(st.app_version());
    d.set_last_contact(now);
    auto w = ap.write(kDevice, c.device_id, (*cur)->version() + 1, d.SerializeAsString(), false);
    if (!w) return fail(w.error());
    return {};
}

}  // namespace

void SyncService::handle(Caller caller, pb::SyncRequest req, std::function<void(Result<pb::SyncResponse>)> done) {
    m_ctx.counters.sync_requests++;
    if (req.mutations_size() > m_ctx.limits.max_mutations_per_sync) {
        done(fail(Errc::too_large, Msg::at_most_changes_per_sync, std::to_string(m_ctx.limits.max_mutations_per_sync)));
        return;
    }
    if (!req.generation().empty() && req.generation() != m_ctx.generation.id) {
        // The server was restored from a backup since the device last synced: applying this request
        // could fork the device's report chain or pull past what the backup lacks. The device first
        // re-queues what it had acknowledged after the backup, then asks again.
        pb::SyncResponse resp;
        resp.set_generation_changed(true);
        resp.set_generation(m_ctx.generation.id);
        resp.set_restored_through_seq(m_ctx.generation.restored_through_seq);
        resp.set_server_time(m_ctx.clock->now_ms());
        done(std::move(resp));
        return;
    }
    auto shared_req = std::make_shared<pb::SyncRequest>(std::move(req));
    auto c = std::make_shared<Caller>(std::move(caller));
    push(*c, shared_req, [this, c, shared_req, done](Result<std::shared_ptr<std::vector<pb::Ack>>> pushed) {
        // A pull without changes still reads when a full disk refused only the device's status
        // (shown to coordinators only; the device sends it again next time).
        const bool read_anyway = !pushed && pushed.error().code == Errc::disk_full &&
                                 shared_req->mutations_size() == 0 && shared_req->pull();
        if (!pushed && !read_anyway) return done(fail(pushed.error()));
        auto acks = pushed ? *pushed : std::make_shared<std::vector<pb::Ack>>();
        m_ctx.workers->post([this, c, shared_req, acks, done] {
            Result<pb::SyncResponse> resp = pb::SyncResponse{};
            if (shared_req->pull()) resp = pull(*c, *shared_req);
            if (!resp) return done(fail(resp.error()));
            for (auto& a : *acks) *resp->add_acks() = std::move(a);
            resp->set_server_time(m_ctx.clock->now_ms());
            resp->set_generation(m_ctx.generation.id);
            resp->set_restored_through_seq(m_ctx.generation.restored_through_seq);
            done(std::move(*resp));
        });
    });
}

// One push in flight: the request, its acks (one per mutation, in order), the reports parsed and
// verified on a worker, and which mutations are new and which were delivered before.
struct SyncService::PushJob {
    Caller caller;
    std::shared_ptr<pb::SyncRequest> req;
    std::shared_ptr<std::vector<pb::Ack>> acks;
    std::vector<std::optional<PreparedReport>> prepared;
    std::vector<char> unverified;  // a report whose signature (or bytes) the server could not verify
    std::vector<char> fresh;       // answered now, in this commit
    std::vector<char> repeat;      // delivered before: answered with its original ack
    std::optional<Principal> principal;

    std::size_t size() const { return acks->size(); }
};

void SyncService::push(const Caller& caller, std::shared_ptr<pb::SyncRequest> req,
                       std::function<void(Result<std::shared_ptr<std::vector<pb::Ack>>>)> done) {
    auto job = std::make_shared<PushJob>();
    job->caller = caller;
    job->req = std::move(req);
    job->acks = std::make_shared<std::vector<pb::Ack>>(static_cast<std::size_t>(job->req->mutations_size()));
    // Signatures first, off the I/O threads and outside the writer: the writer only does storage.
    m_ctx.workers->post([this, job, done] {
        verify_reports(*job);
        m_ctx.writer->submit([this, job](WriteBatch& b) { return apply_mutations(b, job); },
                             [this, job, done](Status s) {
                                 if (!s) return done(fail(s.error()));
                                 if (m_ctx.failpoint_kill_after_commit && !job->acks->empty()) ::raise(SIGKILL);
                                 count_outcomes(*job->acks);
                                 done(job->acks);
                             });
    });
}

void SyncService::verify_reports(PushJob& job) {
    const std::size_t n = job.size();
    job.prepared.resize(n);
    job.unverified.assign(n, 0);
    // Each report is parsed and canonicalised once, here: the writer and the rules reuse both.
    for (std::size_t i = 0; i < n; ++i) {
        const auto& m = job.req->mutations(static_cast<int>(i));
        if (m.collection() != kReport || m.deleted()) continue;
        PreparedReport pr;
        auto& ack = (*job.acks)[i];
        if (!pr.report.ParseFromString(m.payload())) {
            reject(ack, "malformed", Msg::report_unparsable);
            job.unverified[i] = 1;
            continue;
        }
        const Bytes canonical = report_canonical_bytes(m.id(), pr.report);
        if (!crypto::ed25519_verify(job.caller.device_public_key, canonical, pr.report.signature())) {
            reject(ack, "bad_signature", Msg::report_signature_invalid);
            job.unverified[i] = 1;
            continue;
        }
        pr.hash = report_hash_of_canonical(canonical, pr.report.signature());
        job.prepared[i] = std::move(pr);
    }
}

Status SyncService::apply_mutations(WriteBatch& b, const std::shared_ptr<PushJob>& shared_job) {
    PushJob& job = *shared_job;
    RecordTable table{b.db};
    AppliedLog applied{b.db};
    job.principal = make_principal(job.caller.user_id, job.caller.user, job.caller.device_id, table.lookup());
    MutationApplier ap{b, table};
    const std::string& device = job.caller.device_id;
    job.fresh.assign(job.size(), 0);
    job.repeat.assign(job.size(), 0);
    for (std::size_t i = 0; i < job.size(); ++i) {
        const auto& m = job.req->mutations(static_cast<int>(i));
        auto seen = applied.seen(device, m.client_seq());
        if (!seen) return fail(seen.error());
        if (*seen) {
            // A retry (delivered in an earlier batch, earlier in this one, or earlier in this very
            // request): nothing happens again; settle_acks answers with the original outcome.
            job.repeat[i] = 1;
            m_ctx.counters.mutations_duplicate++;
            continue;
        }
        job.fresh[i] = 1;
        if (job.unverified[i]) {
            (*job.acks)[i].set_client_seq(m.client_seq());
            if (auto s = ap.refused_unverified(*job.principal, m, (*job.acks)[i]); !s) return s;
        } else if (auto s = ap.apply(*job.principal, m, job.acks, i, job.prepared[i] ? &*job.prepared[i] : nullptr);
                   !s) {
            return s;
        }
        // Marked at once, so a second delivery in the same group commit is a repeat; the ack
        // itself is stored in settle_acks, once it is final.
        if (auto s = applied.mark(device, m.client_seq()); !s) return s;
    }
    if (auto s = ap.flush_tasks(); !s) return s;
    if (auto s = update_device_status(b, ap, table, job.caller, job.req->status(), job.req->mutations_size()); !s)
        return s;
    // The acks are final (with their receipts) only once the batch's root is signed.
    b.finally([this, &b, shared_job] { return settle_acks(b, *shared_job); });
    return {};
}

Status SyncService::settle_acks(WriteBatch& b, PushJob& job) {
    AppliedLog applied{b.db};
    RecordTable table{b.db};
    const std::string& device = job.caller.device_id;
    for (std::size_t i = 0; i < job.size(); ++i) {
        const auto& m = job.req->mutations(static_cast<int>(i));
        auto& ack = (*job.acks)[i];
        if (job.fresh[i]) {
            // Stored without its receipt: that is a record of its own, re-attached on a replay.
            pb::Ack stored = ack;
            stored.clear_receipt();
            if (auto s = applied.store_ack(device, m.client_seq(), stored); !s) return s;
        } else if (job.repeat[i]) {
            // An earlier job's final ack is stored before this job's settles.
            auto original = applied.ack(device, m.client_seq());
            if (!original) return fail(original.error());
            if (*original) ack = std::move(**original);
            if (ack.status() == pb::Ack::APPLIED && m.collection() == kReport)
                if (auto s = attach_receipt(table, m.id(), ack); !s) return s;
            if (ack.status() == pb::Ack::APPLIED) ack.set_status(pb::Ack::DUPLICATE);
        }
    }
    return {};
}

void SyncService::count_outcomes(const std::vector<pb::Ack>& acks) {
    for (const auto& a : acks) {
        switch (a.status()) {
            case pb::Ack::APPLIED: m_ctx.counters.mutations_applied++; break;
            case pb::Ack::REJECTED: m_ctx.counters.mutations_rejected++; break;
            case pb::Ack::CONFLICT: m_ctx.counters.mutations_conflict++; break;
            default: break;
        }
    }
}

Result<pb::SyncResponse> SyncService::pull(const Caller& caller, const pb::SyncRequest& req) {
    auto lease = m_ctx.readers->acquire();
    if (!lease) return fail(lease.error());
    RecordTable table{lease->db()};
    auto p = make_principal(caller.user_id, caller.user, caller.device_id, table.lookup());
    pb::SyncResponse resp;
    resp.set_scope_digest(p.scope_digest);
    if (req.cursor() > 0 && req.scope_digest() != p.scope_digest) {
        // The scope changed (new assignment, task, district): the device re-pulls from the start and
        // drops what does not come back, which back-fills what became visible and removes the rest.
        resp.set_reset(true);
        resp.set_cursor(0);
        resp.set_more(true);
        return resp;
    }
    int page = req.page_size() > 0 ? std::min(req.page_size(), m_ctx.limits.max_page_size) : m_ctx.limits.default_page_size;
    auto pg = table.pull(p.keys, req.cursor(), page, page * 20);
    if (!pg) return fail(pg.error());
    for (auto& r : pg->records) *resp.add_changes() = std::move(r);
    resp.set_cursor(pg->cursor);
    resp.set_more(pg->more);
    m_ctx.counters.records_pulled += static_cast<std::uint64_t>(resp.changes_size());
    return resp;
}

}  // namespace ducha::server
