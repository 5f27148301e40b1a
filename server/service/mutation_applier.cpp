#include "server/service/mutation_applier.h"

#include <google/protobuf/descriptor.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "server/service/case_workflow.h"
#include "server/service/draw_workflow.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"
#include "shared/domain/state_machines.h"
#include "shared/store/statement.h"

namespace ducha::server {

using namespace ducha::domain;
namespace gpb = google::protobuf;

Status attach_receipt(RecordTable& table, const std::string& report_id, pb::Ack& ack) {
    auto rc = table.get(kReceipt, report_id);
    if (!rc) return fail(rc.error());
    if (*rc) ack.mutable_receipt()->ParseFromString((**rc).payload());
    return {};
}

void reject(pb::Ack& ack, std::string_view code, std::string message) {
    ack.set_status(pb::Ack::REJECTED);
    ack.set_code(std::string(code));
    ack.set_message(std::move(message));
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
    return rec;
}

Status MutationApplier::apply(const Principal& p, const pb::Mutation& m, std::shared_ptr<std::vector<pb::Ack>> acks,
                              std::size_t index, const PreparedReport* prepared) {
    pb::Ack& ack = (*acks)[index];
    ack.set_client_seq(m.client_seq());
    if (m.collection() != kReport)
        if (auto s = flush_tasks(); !s) return s;
    if (!is_known_collection(m.collection())) {
        reject(ack, "unknown_collection", "未知的数据集合 / unknown collection '" + m.collection() + "'");
        return {};
    }
    if (m.id().empty() || m.id().size() > 64) {
        reject(ack, "bad_id", "记录编号无效 / invalid record id");
        return {};
    }
    auto cur = m_table.get(m.collection(), m.id());
    if (!cur) return fail(cur.error());
    std::optional<std::string> cur_payload;
    if (*cur && !(*cur)->deleted()) cur_payload = (*cur)->payload();
    Status st;
    if (prepared && (m.collection() != kReport || m.deleted())) prepared = nullptr;
    auto allowed = prepared ? can_write_report(p, prepared->report)
                            : can_write(p, m.collection(), m.id(), m.payload(), cur_payload, m.deleted());
    if (!allowed) {
        reject(ack, errc_name(allowed.error().code), allowed.error().message);
    } else {
        switch (conflict_rule(m.collection())) {
            case ConflictRule::immutable: st = apply_immutable(p, m, *cur, ack, acks, index, prepared); break;
            case ConflictRule::field_lww: st = apply_lww(p, m, *cur, ack); break;
            case ConflictRule::compare_and_set:
            case ConflictRule::server_owned: st = apply_cas(p, m, *cur, ack); break;
        }
    }
    // A refused change leaves the device with its optimistic copy: send the server's record back
    // (when the caller may see it) so the replica returns to the truth.
    if (st && ack.status() == pb::Ack::REJECTED && !ack.has_current() && *cur &&
        shares_key(p.keys, record_keys(m.collection(), m.id(), (*cur)->payload(), m_table.lookup())))
        *ack.mutable_current() = **cur;
    return st;
}

Status MutationApplier::apply_immutable(const Principal& p, const pb::Mutation& m, const std::optional<pb::Record>& cur,
                                        pb::Ack& ack, std::shared_ptr<std::vector<pb::Ack>> acks, std::size_t index,
                                        const PreparedReport* prepared) {
    if (cur) {
        if (cur->payload() == m.payload()) {
            // Sent again (e.g. from a restored outbox): same content, same outcome.
            ack.set_status(pb::Ack::DUPLICATE);
            ack.set_seq(cur->seq());
            ack.set_version(cur->version());
            if (m.collection() == kReport)
                if (auto s = attach_receipt(m_table, m.id(), ack); !s) return s;
        } else {
            reject(ack, "immutable", "已提交的记录不可修改，请提交更正记录 / a submitted record cannot change; submit an amendment");
        }
        return {};
    }
    if (m.deleted()) {
        reject(ack, "immutable", "证据不可删除 / evidence cannot be deleted");
        return {};
    }
    if (m.collection() == kReport) {
        pb::Report parsed;
        if (!prepared && !parsed.ParseFromString(m.payload())) {
            reject(ack, "malformed", "报告无法解析 / the report cannot be parsed");
            return {};
        }
        const pb::Report& r = prepared ? prepared->report : parsed;
        // The chain may have gaps (a report set aside on the device) but never a fork.
        auto& head = m_batch.db.cached("SELECT chain_index, hash FROM chain_head WHERE device_id=?1");
        head.bind(1, p.device_id);
        auto row = head.step();
        if (!row) return fail(row.error());
        std::int64_t last_index = *row ? head.col_int(0) : 0;
        head.reset();
        if (r.chain_index() == 0 || static_cast<std::int64_t>(r.chain_index()) <= last_index) {
            reject(ack, "chain_fork",
                   "报告链序号重复，可能被篡改 / the report's chain position is already taken: possible tampering");
            return {};
        }
        Bytes hash = prepared ? prepared->hash : report_hash(m.id(), r);
        auto& up = m_batch.db.cached(
            "INSERT INTO chain_head(device_id, chain_index, hash) VALUES(?1,?2,?3) "
            "ON CONFLICT(device_id) DO UPDATE SET chain_index=excluded.chain_index, hash=excluded.hash");
        up.bind(1, p.device_id).bind(2, static_cast<std::int64_t>(r.chain_index())).bind_blob(3, hash);
        if (auto s = up.run(); !s) return s;

        auto keys = report_keys(r, m_table.lookup());
        auto rec = write_keyed(kReport, m.id(), 1, m.payload(), false, keys);
        if (!rec) return fail(rec.error());
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
    auto rec = write(m.collection(), m.id(), 1, m.payload(), false);
    if (!rec) return fail(rec.error());
    ack.set_status(pb::Ack::APPLIED);
    ack.set_seq(rec->seq());
    ack.set_version(1);
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
                                  pb::Ack& ack) {
    (void)p;
    std::int64_t have = cur ? cur->version() : 0;
    if (m.base_version() != have) {
        ack.set_status(pb::Ack::CONFLICT);
        ack.set_code("conflict");
        ack.set_message("记录已被他人更新，请查看最新状态后重试 / someone changed this record first; review its current state");
        if (cur) *ack.mutable_current() = *cur;
        return {};
    }
    std::string payload = m.deleted() && cur ? cur->payload() : m.payload();
    if (m.collection() == kDraw) {
        pb::Draw a, b;
        if (!b.ParseFromString(m.payload())) return reject(ack, "malformed", "抽签无法解析 / the draw cannot be parsed"), Status{};
        if (m.deleted()) return reject(ack, "invalid_draw", "抽签记录不可删除 / a draw cannot be deleted"), Status{};
        if (cur) a.ParseFromString(cur->payload());
        DrawWorkflow flow{*this, m_batch.server_time_ms};
        auto check = flow.prepare_change(cur ? std::optional<pb::Draw>(a) : std::nullopt, cur ? cur->seq() : 0, m.id(), b);
        if (!check) {
            if (check.error().code != Errc::rejected && check.error().code != Errc::integrity &&
                check.error().code != Errc::invalid_argument)
                return check;
            reject(ack, "invalid_draw", check.error().message);
            return {};
        }
        payload = b.SerializeAsString();
    }
    if (m.collection() == kTask || m.collection() == kCase || m.collection() == kComplaint) {
        std::string from, to;
        Status check;
        if (m.collection() == kTask) {
            pb::Task a, b;
            if (!b.ParseFromString(m.payload())) return reject(ack, "malformed", "任务无法解析 / the task cannot be parsed"), Status{};
            if (cur) a.ParseFromString(cur->payload());
            from = cur ? a.status() : "";
            to = b.status();
            if (from.empty() && to != "open") check = fail(Errc::rejected, "新任务必须为待办状态 / a new task starts open");
            else if (!from.empty() && from != to) check = check_task_transition(from, to);
        } else if (m.collection() == kCase) {
            pb::Case a, b;
            if (!b.ParseFromString(m.payload())) return reject(ack, "malformed", "案件无法解析 / the case cannot be parsed"), Status{};
            if (cur) a.ParseFromString(cur->payload());
            if (!cur && b.status() != "open") check = fail(Errc::rejected, "新案件必须为立案状态 / a new case starts open");
            else if (cur && a.status() != b.status()) check = check_case_transition(a.status(), b.status());
            if (check && !m.deleted()) {
                CaseWorkflow flow{*this, m_table, m_batch.server_time_ms};
                check = flow.prepare_change(m.id(), cur ? std::optional<pb::Case>(a) : std::nullopt, b, p.user_id);
                if (!check && check.error().code != Errc::rejected) return check;
                payload = b.SerializeAsString();
            }
        } else {
            pb::Complaint a, b;
            if (!b.ParseFromString(m.payload())) return reject(ack, "malformed", "投诉无法解析 / the complaint cannot be parsed"), Status{};
            if (cur) a.ParseFromString(cur->payload());
            if (!cur && b.status() != "open") check = fail(Errc::rejected, "新投诉必须为待处理状态 / a new complaint starts open");
            else if (cur && a.status() != b.status()) check = check_complaint_transition(a.status(), b.status());
            if (check && b.status() == "closed") check = check_complaint_close(b);
            if (check && b.status() == "resolved" && a.status() != "resolved" &&
                b.resolution().find_first_not_of(" \t\r\n") == std::string::npos)
                check = fail(Errc::rejected, "办结投诉须填写处理结果 / record the resolution to resolve a complaint");
        }
        if (!check) {
            reject(ack, "invalid_transition", check.error().message);
            return {};
        }
    }
    bool completed_by_server = payload != m.payload() && !m.deleted();
    auto rec = write(m.collection(), m.id(), have + 1, std::move(payload), m.deleted());
    if (!rec) return fail(rec.error());
    ack.set_status(pb::Ack::APPLIED);
    ack.set_seq(rec->seq());
    ack.set_version(rec->version());
    // The server filled in part of the record (a draw's tasks, a case's re-inspection): the
    // device takes the completed record at once.
    if (completed_by_server) *ack.mutable_current() = *rec;
    return {};
}

Status MutationApplier::apply_lww(const Principal& p, const pb::Mutation& m, const std::optional<pb::Record>& cur,
                                  pb::Ack& ack) {
    (void)p;
    std::unique_ptr<gpb::Message> incoming, merged;
    if (m.collection() == kInstitution) {
        incoming = std::make_unique<pb::Institution>();
        merged = std::make_unique<pb::Institution>();
    } else {
        incoming = std::make_unique<pb::Zone>();
        merged = std::make_unique<pb::Zone>();
    }
    if (!incoming->ParseFromString(m.payload())) {
        reject(ack, "malformed", "记录无法解析 / the record cannot be parsed");
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
                reject(ack, "unknown_field", "未知字段 / unknown field '" + name + "'");
                return {};
            }
            fields.push_back(f);
        }
    }
    auto& hist = m_batch.db.cached(
        "INSERT INTO field_history(collection, id, field, value, hlc, winner_hlc, at) VALUES(?1,?2,?3,?4,?5,?6,?7)");
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
            hist.bind(1, m.collection()).bind(2, m.id()).bind(3, f->name()).bind_blob(4, loser->SerializeAsString());
            hist.bind(5, static_cast<std::int64_t>(wins ? theirs : m.hlc()));
            hist.bind(6, static_cast<std::int64_t>(wins ? m.hlc() : theirs)).bind(7, m_batch.server_time_ms);
            if (auto r = hist.run(); !r) return r;
        }
    }
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
