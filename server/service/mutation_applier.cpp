#include "server/service/mutation_applier.h"

#include <google/protobuf/descriptor.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "server/service/case_workflow.h"
#include "server/service/draw_workflow.h"
#include "server/service/risk_workflow.h"
#include "server/storage/audit_log.h"
#include "server/storage/blob_refs.h"
#include "server/storage/chain_heads.h"
#include "server/storage/token_store.h"
#include "shared/policy/field_diff.h"
#include "shared/policy/lookup_facts.h"
#include "shared/policy/write_rules.h"
#include "shared/domain/collections.h"
#include "shared/domain/institution_risk.h"
#include "shared/domain/report_signing.h"
#include "shared/domain/state_machines.h"
#include "shared/store/statement.h"
#include "shared/sync/ack_reason.h"

namespace ducha::server {

using namespace ducha::domain;
namespace gpb = google::protobuf;

Status attach_receipt(RecordTable& table, const std::string& report_id, pb::Ack& ack) {
    auto rc = table.get(kReceipt, report_id);
    if (!rc) return fail(rc.error());
    if (*rc) ack.mutable_receipt()->ParseFromString((**rc).payload());
    return {};
}

void reject(pb::Ack& ack, std::string_view code, const Error& why) {
    ack.set_status(pb::Ack::REJECTED);
    ack.set_code(std::string(code));
    sync::set_ack_reason(ack, why);
}

void reject(pb::Ack& ack, std::string_view code, Msg why, std::vector<std::string> args) {
    reject(ack, code, Error{Errc::rejected, why, std::move(args)});
}

Result<pb::Record> MutationApplier::write(std::string_view collection, const std::string& id, std::int64_t version,
                                          std::string payload, bool deleted, const std::string* field_clock) {
    auto keys = record_keys(collection, id, payload, m_table.lookup());
    return write_keyed(collection, id, version, std::move(payload), deleted, keys, field_clock);
}

Result<pb::Record> MutationApplier::write_keyed(std::string_view collection, const std::string& id,
                                                std::int64_t version, std::string payload, bool deleted,
                                                const std::vector<std::string>& keys, const std::string* field_clock) {
    pb::Record rec;
    rec.set_collection(std::string(collection));
    rec.set_id(id);
    rec.set_version(version);
    rec.set_payload(std::move(payload));
    rec.set_deleted(deleted);
    rec.set_seq(m_batch.next_seq());
    rec.set_updated_at(m_batch.server_time_ms);
    if (auto r = m_table.put(rec, keys, field_clock); !r) return fail(r.error());
    // A person's badge photo becomes readable by whoever may read the person.
    if (collection == kUser && !deleted)
        if (auto s = add_blob_refs(m_batch.db, kUser, id, blob_refs_of(kUser, rec.payload())); !s) return fail(s.error());
    // A complaint or a case: the institutions it counts against are recounted in this transaction.
    if (domain::is_risk_fact(collection))
        if (auto s = RiskWorkflow{*this, m_table, m_batch.db}.on_fact_written(rec); !s) return fail(s.error());
    return rec;
}

namespace {

// The wire code of a refusal by the write rules.
std::string_view refusal_code(const Error& e) {
    if (e.code == Errc::rejected) return "invalid_transition";
    return errc_name(e.code);
}

}  // namespace

Status MutationApplier::apply(const Principal& p, const pb::Mutation& m, std::shared_ptr<std::vector<pb::Ack>> acks,
                              std::size_t index, const PreparedReport* prepared) {
    pb::Ack& ack = (*acks)[index];
    ack.set_client_seq(m.client_seq());
    if (m.collection() != kReport)
        if (auto s = flush_tasks(); !s) return s;
    std::optional<pb::Record> cur;
    if (!is_known_collection(m.collection())) {
        reject(ack, "unknown_collection", Msg::unknown_collection, {m.collection()});
    } else if (m.id().empty() || m.id().size() > 64) {
        reject(ack, "bad_id", Msg::invalid_record_id);
    } else {
        auto got = m_table.get(m.collection(), m.id());
        if (!got) return fail(got.error());
        cur = std::move(*got);
        if (auto s = decide(p, m, cur, ack, acks, index, prepared); !s) return s;
    }
    // A refused change leaves the device with its optimistic copy: send the server's record back
    // when the caller may read it, so the replica returns to the truth (and nothing else leaks).
    if ((ack.status() == pb::Ack::REJECTED || ack.status() == pb::Ack::CONFLICT) && !ack.has_current() && cur &&
        may_read(p, m.collection(), m.id(), cur->payload(), m_table.lookup()))
        *ack.mutable_current() = *cur;
    return audit(p, m, ack);
}

Status MutationApplier::decide(const Principal& p, const pb::Mutation& m, const std::optional<pb::Record>& cur,
                               pb::Ack& ack, std::shared_ptr<std::vector<pb::Ack>> acks, std::size_t index,
                               const PreparedReport* prepared) {
    const ConflictRule rule = conflict_rule(m.collection());
    const policy::Actor actor = actor_of(p);
    // Facts from the server's own database: authoritative, a missing one refuses.
    const policy::LookupFacts facts{[this](std::string_view c, const std::string& id) -> std::optional<pb::Record> {
                                        auto r = m_table.get(c, id);
                                        return r ? *r : std::nullopt;
                                    },
                                    m_batch.server_time_ms, true,
                                    [this](const std::function<bool(const pb::Record&)>& each) {
                                        (void)m_table.for_each_live(kUser, each);
                                    }};
    if (rule == ConflictRule::immutable) return decide_immutable(p, m, cur, ack, acks, index, prepared, actor, facts);
    return decide_mutable(m, cur, ack, p, rule, actor, facts);
}

// Reports, receipts, evidence: created once, never changed or deleted. A replay gets the original
// outcome; a new report takes its chain step before the rules judge it.
Status MutationApplier::decide_immutable(const Principal& p, const pb::Mutation& m, const std::optional<pb::Record>& cur,
                                         pb::Ack& ack, std::shared_ptr<std::vector<pb::Ack>> acks, std::size_t index,
                                         const PreparedReport* prepared, const policy::Actor& actor,
                                         const policy::LookupFacts& facts) {
    const bool live = cur && !cur->deleted();
    if (m.deleted()) {
        reject(ack, "immutable", Msg::evidence_cannot_be_deleted);
        return {};
    }
    if (live && cur->payload() != m.payload()) {
        reject(ack, "immutable", Msg::submitted_record_cannot_change);
        return {};
    }
    // A replay (e.g. from a restored outbox) gets the original outcome, but only its author:
    // judged as the creation it repeats on who may make it, not again on rules that depend on
    // time (an amendment's window has no say over a report the server already holds).
    policy::RecordChange ch{m.collection(), m.id(), std::nullopt, m.payload(), false};
    if (live) {
        if (auto s = policy::judge_access(actor, ch, facts); !s) {
            reject(ack, refusal_code(s.error()), s.error());
            return {};
        }
        ack.set_status(pb::Ack::DUPLICATE);
        ack.set_seq(cur->seq());
        ack.set_version(cur->version());
        if (m.collection() == kReport) return attach_receipt(m_table, m.id(), ack);
        return {};
    }
    if (m.collection() == kReport) {
        pb::Report parsed;
        if (!prepared && !parsed.ParseFromString(m.payload())) {
            reject(ack, "malformed", Msg::report_unparsable);
            return {};
        }
        const pb::Report& r = prepared ? prepared->report : parsed;
        const Bytes hash = prepared ? prepared->hash : report_hash(m.id(), r);
        // The chain first: a signed report that follows the chain is a link of it even when
        // the rules refuse it, so the device's next report still follows.
        auto linked = chain_step(p, r, hash, ack);
        if (!linked) return fail(linked.error());
        if (!*linked) return {};
        ch.parsed_next = &r;
        if (auto s = policy::judge_write(actor, ch, facts); !s) {
            reject(ack, refusal_code(s.error()), s.error());
            return {};
        }
        return apply_report(m, r, hash, ack, acks, index);
    }
    if (auto s = policy::judge_write(actor, ch, facts); !s) {
            reject(ack, refusal_code(s.error()), s.error());
        return {};
    }
    auto stamped = policy::stamp_server_fields(actor, ch, m_batch.server_time_ms);
    if (!stamped) return fail(stamped.error());
    return apply_created_once(m, *stamped, ack);
}

// Everything else: the record the change would make is judged (access, version, then the
// transition), then written by the collection's conflict rule.
Status MutationApplier::decide_mutable(const pb::Mutation& m, const std::optional<pb::Record>& cur, pb::Ack& ack,
                                       const Principal& p, ConflictRule rule, const policy::Actor& actor,
                                       const policy::LookupFacts& facts) {
    const bool live = cur && !cur->deleted();
    if (m.deleted() && !live) {
        reject(ack, "not_found", Msg::no_such_record_to_delete);
        return {};
    }
    // What the change would make of the record: for last-writer-wins, the stored record with the
    // changed fields taken (as if each one wins); for a delete, the stored record.
    std::string next = m.payload();
    if (m.deleted()) {
        next = cur->payload();
    } else if (rule == ConflictRule::field_lww && live && !m.changed_fields().empty()) {
        auto merged = policy::with_fields_taken(m.collection(), cur->payload(), m.payload(),
                                                {m.changed_fields().begin(), m.changed_fields().end()});
        if (!merged) {
            reject(ack, merged.error().code == Errc::invalid_argument ? "unknown_field" : "malformed", merged.error());
            return {};
        }
        next = std::move(*merged);
    }
    policy::RecordChange ch{m.collection(), m.id(), std::nullopt, next, m.deleted()};
    if (live) ch.stored = cur->payload();
    if (auto s = policy::judge_access(actor, ch, facts); !s) {
        reject(ack, refusal_code(s.error()), s.error());
        return {};
    }
    const std::int64_t have = cur ? cur->version() : 0;
    if (rule != ConflictRule::field_lww && m.base_version() != have) {
        ack.set_status(pb::Ack::CONFLICT);
        ack.set_code("conflict");
        sync::set_ack_reason(ack, Error{Errc::conflict, Msg::record_changed_first});
        return {};
    }
    if (auto s = policy::judge_change(actor, ch, facts); !s) {
        reject(ack, refusal_code(s.error()), s.error());
        return {};
    }
    if (rule == ConflictRule::field_lww) return apply_lww(m, cur, ack);
    auto stamped = policy::stamp_server_fields(actor, ch, m_batch.server_time_ms);
    if (!stamped) return fail(stamped.error());
    return apply_cas(p, m, cur, std::move(*stamped), ack);
}

Status MutationApplier::refused_unverified(const Principal& p, const pb::Mutation& m, const pb::Ack& ack) {
    pb::Report r;
    if (m.collection() == kReport && r.ParseFromString(m.payload()) && r.chain_index() > 0) {
        // The device chained its next report to this one; the server cannot know its hash, so it
        // lets the chain continue right after this position (and the audit log says so).
        if (auto s = ChainHeads{m_batch.db}.allow_break(p.device_id, static_cast<std::int64_t>(r.chain_index())); !s)
            return s;
    }
    return audit(p, m, ack);
}

Result<bool> MutationApplier::chain_step(const Principal& p, const pb::Report& r, const Bytes& hash, pb::Ack& ack) {
    ChainHeads heads{m_batch.db};
    auto head = heads.get(p.device_id);
    if (!head) return fail(head.error());
    const std::int64_t last = head->index, break_after = head->break_after;
    const Bytes& last_hash = head->hash;
    const auto n = static_cast<std::int64_t>(r.chain_index());
    if (n <= last) {
        reject(ack, "chain_fork", Msg::chain_position_taken, {std::to_string(n)});
        return false;
    }
    const bool follows = n == last + 1 && r.prev_hash() == last_hash;
    const bool after_break = break_after > last && n == break_after + 1;
    if (!follows && !after_break) {
        reject(ack, "chain_fork", Msg::chain_does_not_follow, {std::to_string(last)});
        return false;
    }
    if (auto s = heads.advance(p.device_id, n, hash); !s) return fail(s.error());
    return true;
}

Status MutationApplier::audit(const Principal& p, const pb::Mutation& m, const pb::Ack& ack) {
    AuditEntry e;
    e.at_ms = m_batch.server_time_ms;
    e.actor = p.user_id;
    e.device = p.device_id;
    e.role = std::string(role_name(p.role));
    e.district = p.district_id;
    e.action = m.deleted() ? "delete" : "write";
    e.collection = m.collection();
    e.record_id = m.id();
    switch (ack.status()) {
        case pb::Ack::APPLIED:
        case pb::Ack::DUPLICATE: e.outcome = std::string(kAccepted); break;
        case pb::Ack::CONFLICT: e.outcome = std::string(kConflict); break;
        default: e.outcome = std::string(kRefused); break;
    }
    if (ack.status() == pb::Ack::DUPLICATE) return {};  // a retry: its first delivery is logged
    e.code = ack.code();
    e.reason = ack.message();
    if (m.collection() == kAuditEvent && ack.status() == pb::Ack::APPLIED) {
        // What a device reports of itself (an export) is logged as that action, with its detail.
        pb::AuditEvent ev;
        if (ev.ParseFromString(m.payload())) {
            e.action = ev.action();
            e.reason = ev.detail();
            if (!ev.target().empty()) e.record_id = ev.target();
        }
    }
    return append_audit(m_batch.db, e);
}

Status MutationApplier::apply_report(const pb::Mutation& m, const pb::Report& r, const Bytes& hash, pb::Ack& ack,
                                     std::shared_ptr<std::vector<pb::Ack>> acks, std::size_t index) {
    auto keys = report_keys(r, m_table.lookup());
    auto rec = write_keyed(kReport, m.id(), 1, m.payload(), false, keys);
    if (!rec) return fail(rec.error());
    if (auto s = add_blob_refs(m_batch.db, kReport, m.id(), blob_refs_of(r)); !s) return s;
    ack.set_status(pb::Ack::APPLIED);
    ack.set_seq(rec->seq());
    ack.set_version(1);
    after_report(m.id(), r);
    std::string report_id = m.id();
    // Runs after this applier is gone (when the batch root is signed): use the batch only.
    WriteBatch* batch = &m_batch;
    m_batch.on_leaf(hash, [batch, acks, index, report_id, keys = std::move(keys)](pb::Receipt& receipt) -> Status {
        receipt.set_report_id(report_id);
        receipt.set_seq((*acks)[index].seq());
        RecordTable table{batch->db};
        MutationApplier ap{*batch, table};
        auto w = ap.write_keyed(kReceipt, report_id, 1, receipt.SerializeAsString(), false, keys);
        if (!w) return fail(w.error());
        *(*acks)[index].mutable_receipt() = receipt;
        return {};
    });
    return {};
}

Status MutationApplier::apply_created_once(const pb::Mutation& m, const std::string& payload, pb::Ack& ack) {
    auto rec = write(m.collection(), m.id(), 1, payload, false);
    if (!rec) return fail(rec.error());
    if (m.collection() == kEvidence)
        if (auto s = add_blob_refs(m_batch.db, kEvidence, m.id(), blob_refs_of(kEvidence, payload)); !s) return s;
    ack.set_status(pb::Ack::APPLIED);
    ack.set_seq(rec->seq());
    ack.set_version(1);
    if (payload != m.payload()) *ack.mutable_current() = *rec;
    return {};
}

void MutationApplier::after_report(const std::string& report_id, const pb::Report& r) {
    if (!r.task_id().empty()) m_task_reports[r.task_id()] = {report_id, r.user_id()};
}

// A submitted report moves its task to "submitted" (the server's own change, seen by every holder).
Status MutationApplier::flush_tasks() {
    for (const auto& [task_id, tr] : m_task_reports) {
        auto cur = m_table.get(kTask, task_id);
        if (!cur) return fail(cur.error());
        if (!*cur || (*cur)->deleted()) continue;
        pb::Task t;
        if (!t.ParseFromString((*cur)->payload())) continue;
        // Only an assignee's report moves the task. Anyone else's report is kept (evidence is
        // never refused for where it points) but leaves another inspector's task alone.
        if (std::find(t.assignees().begin(), t.assignees().end(), tr.author) == t.assignees().end()) continue;
        if (t.status() == "open" || t.status() == "in_progress") t.set_status("submitted");
        t.set_report_id(tr.report_id);
        auto w = write(kTask, task_id, (*cur)->version() + 1, t.SerializeAsString(), false);
        if (!w) return fail(w.error());
        CaseWorkflow flow{*this, m_table, m_batch.server_time_ms};
        if (auto s = flow.on_reinspection_report(task_id, t, tr.report_id); !s) return s;
    }
    m_task_reports.clear();
    return {};
}

Status MutationApplier::apply_cas(const Principal& p, const pb::Mutation& m, const std::optional<pb::Record>& cur,
                                  std::string payload, pb::Ack& ack) {
    const std::int64_t have = cur ? cur->version() : 0;
    const std::string sent = m.deleted() && cur ? cur->payload() : m.payload();
    if (m.collection() == kDraw) {
        pb::Draw a, b;
        if (!b.ParseFromString(payload)) return reject(ack, "malformed", Msg::draw_unparsable), Status{};
        if (m.deleted()) return reject(ack, "invalid_draw", Msg::draw_cannot_be_deleted), Status{};
        if (cur) a.ParseFromString(cur->payload());
        DrawWorkflow flow{*this, m_batch.server_time_ms};
        auto check = flow.prepare_change(cur ? std::optional<pb::Draw>(a) : std::nullopt, cur ? cur->seq() : 0, m.id(), b);
        if (!check) {
            if (check.error().code != Errc::rejected && check.error().code != Errc::integrity &&
                check.error().code != Errc::invalid_argument)
                return check;
            reject(ack, "invalid_draw", check.error());
            return {};
        }
        payload = b.SerializeAsString();
    } else if (m.collection() == kCase && !m.deleted()) {
        pb::Case a, b;
        if (!b.ParseFromString(payload)) return reject(ack, "malformed", Msg::case_unparsable), Status{};
        if (cur) a.ParseFromString(cur->payload());
        CaseWorkflow flow{*this, m_table, m_batch.server_time_ms};
        auto check = flow.prepare_change(m.id(), cur ? std::optional<pb::Case>(a) : std::nullopt, b, p.user_id);
        if (!check) {
            if (check.error().code != Errc::rejected) return check;
            reject(ack, "invalid_transition", check.error());
            return {};
        }
        payload = b.SerializeAsString();
    }
    const bool completed_by_server = payload != sent && !m.deleted();
    // A device revoked (a lost phone): its tokens stop working in the same commit, before any
    // reply leaves; the device record alone already refuses it, this leaves nothing to refresh.
    bool revokes_device = false;
    if (m.collection() == kDevice && !m.deleted()) {
        pb::Device before, after;
        if (cur) before.ParseFromString(cur->payload());
        revokes_device = after.ParseFromString(payload) && after.revoked() && !before.revoked();
    }
    auto rec = write(m.collection(), m.id(), have + 1, std::move(payload), m.deleted());
    if (!rec) return fail(rec.error());
    if (revokes_device) {
        if (auto n = TokenStore{m_batch.db}.revoke_device(m.id()); !n) return fail(n.error());
    }
    ack.set_status(pb::Ack::APPLIED);
    ack.set_seq(rec->seq());
    ack.set_version(rec->version());
    // The server filled in part of the record (a draw's tasks, a case's re-inspection, who
    // decided and when): the device takes the completed record at once.
    if (completed_by_server) *ack.mutable_current() = *rec;
    return {};
}

Status MutationApplier::apply_lww(const pb::Mutation& m, const std::optional<pb::Record>& cur, pb::Ack& ack) {
    std::unique_ptr<gpb::Message> incoming = policy::new_record_message(m.collection()),
                                  merged = policy::new_record_message(m.collection());
    if (!incoming->ParseFromString(m.payload())) {
        reject(ack, "malformed", Msg::record_unparsable);
        return {};
    }
    std::map<std::string, std::uint64_t> clock;
    if (cur) {
        merged->ParseFromString(cur->payload());
        auto fc = m_table.field_clock(m.collection(), m.id());
        if (!fc) return fail(fc.error());
        if (!fc->empty()) clock = nlohmann::json::parse(*fc, nullptr, false).get<std::map<std::string, std::uint64_t>>();
    }
    const auto* desc = incoming->GetDescriptor();
    std::vector<const gpb::FieldDescriptor*> fields;
    if (m.changed_fields().empty() || !cur) {
        for (int i = 0; i < desc->field_count(); ++i) fields.push_back(desc->field(i));
    } else {
        for (const auto& name : m.changed_fields()) {
            const auto* f = desc->FindFieldByName(name);
            if (!f) {
                reject(ack, "unknown_field", Msg::unknown_field, {name});
                return {};
            }
            fields.push_back(f);
        }
    }
    auto field_value = [](const gpb::Message& msg, const gpb::FieldDescriptor* f) {
        std::unique_ptr<gpb::Message> one(msg.New());
        one->CopyFrom(msg);
        std::vector<const gpb::FieldDescriptor*> all;
        one->GetReflection()->ListFields(*one, &all);
        for (auto* g : all)
            if (g != f) one->GetReflection()->ClearField(one.get(), g);
        return one;
    };
    for (const auto* f : fields) {
        std::uint64_t theirs = clock.count(f->name()) ? clock[f->name()] : 0;
        bool wins = !cur || m.hlc() > theirs;
        auto loser = wins ? (cur ? field_value(*merged, f) : nullptr) : field_value(*incoming, f);
        if (wins) {
            merged->GetReflection()->ClearField(merged.get(), f);
            merged->MergeFrom(*field_value(*incoming, f));
            clock[f->name()] = m.hlc();
        }
        if (loser && cur) {
            // Kept so a coordinator can see what a concurrent edit replaced or lost.
            if (auto r = m_table.keep_lost_value(m.collection(), m.id(), f->name(), loser->SerializeAsString(),
                                                 wins ? theirs : m.hlc(), wins ? m.hlc() : theirs, m_batch.server_time_ms);
                !r)
                return r;
        }
    }
    // The risk counts are the server's whatever the device sent (write_rules refuses a change of them).
    if (m.collection() == kInstitution)
        if (auto s = RiskWorkflow{*this, m_table, m_batch.db}.complete(m.id(), static_cast<pb::Institution&>(*merged)); !s)
            return s;
    std::string clock_json = nlohmann::json(clock).dump();
    auto rec = write(m.collection(), m.id(), (cur ? cur->version() : 0) + 1, merged->SerializeAsString(),
                     m.deleted(), &clock_json);
    if (!rec) return fail(rec.error());
    ack.set_status(pb::Ack::APPLIED);
    ack.set_seq(rec->seq());
    ack.set_version(rec->version());
    *ack.mutable_current() = *rec;
    return {};
}

}  // namespace ducha::server
