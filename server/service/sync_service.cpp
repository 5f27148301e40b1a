#include "server/service/sync_service.h"

#include <algorithm>

#include <csignal>

#include "server/service/mutation_applier.h"
#include "server/storage/record_table.h"
#include "shared/crypto/ed25519.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"
#include "shared/store/statement.h"

namespace ducha::server {

using namespace ducha::domain;

namespace {

// Coordinators see each device's unsent count and last contact. Written only when something
// changed or a minute passed, so a busy device does not churn the change feed.
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
    bool changed = d.outbox_depth() != depth || d.blobs_pending() != st.blobs_pending() ||
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
        done(fail(Errc::too_large, "一次同步最多 " + std::to_string(m_ctx.limits.max_mutations_per_sync) +
                                       " 条更改 / at most " + std::to_string(m_ctx.limits.max_mutations_per_sync) +
                                       " changes per sync request"));
        return;
    }
    auto shared_req = std::make_shared<pb::SyncRequest>(std::move(req));
    auto c = std::make_shared<Caller>(std::move(caller));
    push(*c, shared_req, [this, c, shared_req, done](Result<std::shared_ptr<std::vector<pb::Ack>>> acks) {
        if (!acks) return done(fail(acks.error()));
        m_ctx.workers->post([this, c, shared_req, acks = *acks, done] {
            Result<pb::SyncResponse> resp = pb::SyncResponse{};
            if (shared_req->pull()) resp = pull(*c, *shared_req);
            if (!resp) return done(fail(resp.error()));
            for (auto& a : *acks) *resp->add_acks() = std::move(a);
            resp->set_server_time(unix_now_ms());
            done(std::move(*resp));
        });
    });
}

void SyncService::push(const Caller& caller, std::shared_ptr<pb::SyncRequest> req,
                       std::function<void(Result<std::shared_ptr<std::vector<pb::Ack>>>)> done) {
    auto acks = std::make_shared<std::vector<pb::Ack>>(static_cast<std::size_t>(req->mutations_size()));
    auto c = std::make_shared<Caller>(caller);
    // Signatures first, off the I/O threads and outside the writer: the writer only does storage.
    m_ctx.workers->post([this, c, req, acks, done] {
        std::vector<char> bad(acks->size(), 0);
        // Each report is parsed and canonicalised once, here: the writer reuses both.
        auto prepared = std::make_shared<std::vector<std::optional<PreparedReport>>>(acks->size());
        for (int i = 0; i < req->mutations_size(); ++i) {
            const auto& m = req->mutations(i);
            if (m.collection() != kReport || m.deleted()) continue;
            const auto idx = static_cast<std::size_t>(i);
            PreparedReport pr;
            auto& ack = (*acks)[idx];
            if (!pr.report.ParseFromString(m.payload())) {
                reject(ack, "malformed", "报告无法解析 / the report cannot be parsed");
                bad[idx] = 1;
                continue;
            }
            const Bytes canonical = report_canonical_bytes(m.id(), pr.report);
            if (!crypto::ed25519_verify(c->device_public_key, canonical, pr.report.signature())) {
                reject(ack, "bad_signature",
                       "报告签名无效（内容被改动或非本设备签名）/ the report's signature is invalid: changed after signing or not signed by this device");
                bad[idx] = 1;
                continue;
            }
            pr.hash = report_hash_of_canonical(canonical, pr.report.signature());
            (*prepared)[idx] = std::move(pr);
        }
        auto principal = std::make_shared<Result<Principal>>(fail(Errc::internal, "unset"));
        m_ctx.writer->submit(
            [this, c, req, acks, bad, principal, prepared](WriteBatch& b) -> Status {
                RecordTable table{b.db};
                *principal = make_principal(c->user_id, c->user, c->device_id, table.lookup());
                MutationApplier ap{b, table};
                auto& seen = b.db.cached("SELECT 1 FROM applied WHERE device_id=?1 AND client_seq=?2");
                auto& ins = b.db.cached("INSERT INTO applied(device_id, client_seq, ack) VALUES(?1,?2,?3)");
                // fresh: applied (or refused) now; repeat: delivered before, in an earlier batch,
                // earlier in this batch, or earlier in this very request.
                std::vector<char> fresh(acks->size(), 0), repeat(acks->size(), 0);
                for (int i = 0; i < req->mutations_size(); ++i) {
                    auto idx = static_cast<std::size_t>(i);
                    const auto& m = req->mutations(i);
                    seen.bind(1, c->device_id).bind(2, m.client_seq());
                    auto row = seen.step();
                    if (!row) return fail(row.error());
                    seen.reset();
                    if (*row) {
                        // A retry: do nothing again; answer with the original outcome (read below,
                        // once that outcome carries its receipt).
                        repeat[idx] = 1;
                        m_ctx.counters.mutations_duplicate++;
                        continue;
                    }
                    fresh[idx] = 1;
                    if (bad[idx]) {
                        (*acks)[idx].set_client_seq(m.client_seq());
                        if (auto s = ap.refused_unverified(**principal, m, (*acks)[idx]); !s) return s;
                    } else if (auto s = ap.apply(**principal, m, acks, idx,
                                                 (*prepared)[idx] ? &*(*prepared)[idx] : nullptr);
                               !s) {
                        return s;
                    }
                    // Recorded at once, so a second delivery in the same group commit is a repeat;
                    // the ack itself is stored below, once it is final.
                    ins.bind(1, c->device_id).bind(2, m.client_seq()).bind_blob(3, std::string());
                    if (auto r = ins.run(); !r) return r;
                }
                if (auto s = ap.flush_tasks(); !s) return s;
                if (auto s = update_device_status(b, ap, table, *c, req->status(), req->mutations_size()); !s) return s;
                // After the batch's receipts are signed: store each final ack, and answer repeats
                // with theirs (an earlier job's final ack is stored before this job's runs).
                b.finally([&b, c, req, acks, fresh, repeat] {
                    auto& upd = b.db.cached("UPDATE applied SET ack=?3 WHERE device_id=?1 AND client_seq=?2");
                    auto& get = b.db.cached("SELECT ack FROM applied WHERE device_id=?1 AND client_seq=?2");
                    for (std::size_t i = 0; i < acks->size(); ++i) {
                        const auto cs = req->mutations(static_cast<int>(i)).client_seq();
                        if (fresh[i]) {
                            // Without the receipt: that is a record of its own, re-attached on a replay.
                            pb::Ack stored = (*acks)[i];
                            stored.clear_receipt();
                            upd.bind(1, c->device_id).bind(2, cs).bind_blob(3, stored.SerializeAsString());
                            if (auto r = upd.run(); !r) return r;
                        } else if (repeat[i]) {
                            get.bind(1, c->device_id).bind(2, cs);
                            auto row = get.step();
                            if (!row) return Status{fail(row.error())};
                            if (*row) (*acks)[i].ParseFromString(get.col_blob(0));
                            get.reset();
                            auto& ack = (*acks)[i];
                            const auto& m = req->mutations(static_cast<int>(i));
                            if (ack.status() == pb::Ack::APPLIED && m.collection() == kReport) {
                                RecordTable table{b.db};
                                if (auto s = attach_receipt(table, m.id(), ack); !s) return s;
                            }
                            if (ack.status() == pb::Ack::APPLIED) ack.set_status(pb::Ack::DUPLICATE);
                        }
                    }
                    return Status{};
                });
                return {};
            },
            [this, acks, done](Status s) {
                if (!s) return done(fail(s.error()));
                if (m_ctx.failpoint_kill_after_commit && !acks->empty()) ::raise(SIGKILL);
                for (const auto& a : *acks) {
                    switch (a.status()) {
                        case pb::Ack::APPLIED: m_ctx.counters.mutations_applied++; break;
                        case pb::Ack::REJECTED: m_ctx.counters.mutations_rejected++; break;
                        case pb::Ack::CONFLICT: m_ctx.counters.mutations_conflict++; break;
                        default: break;
                    }
                }
                done(acks);
            });
    });
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
