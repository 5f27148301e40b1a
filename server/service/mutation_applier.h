#pragma once
#include <map>
// Applies one device mutation inside the writer's transaction, by the collection's conflict rule:
// immutable (replays must be identical), compare-and-set (+ state machines), field-level LWW.
#include <memory>

#include "ducha.pb.h"
#include "server/policy/policy.h"
#include "server/service/writer.h"
#include "server/storage/record_table.h"
#include "shared/domain/collections.h"
#include "shared/policy/lookup_facts.h"
#include "shared/policy/write_rules.h"

namespace ducha::server {

// A pushed report after its signature check: parsed once, with its chain hash.
struct PreparedReport {
    pb::Report report;
    Bytes hash;  // domain::report_hash
};

// A replayed report's ack carries its receipt again (acks are stored without it).
Status attach_receipt(RecordTable& table, const std::string& report_id, pb::Ack& ack);

class MutationApplier {
public:
    MutationApplier(WriteBatch& batch, RecordTable& table) : m_batch(batch), m_table(table) {}

    // `acks` outlives the batch; for an applied report, acks[index].receipt is filled in once the
    // batch root is signed. A storage error comes back as an Error (the job fails, nothing acked).
    // `prepared`: the report of `m` already parsed and hashed (by the signature check), or null.
    Status apply(const Principal& p, const pb::Mutation& m, std::shared_ptr<std::vector<pb::Ack>> acks,
                 std::size_t index, const PreparedReport* prepared = nullptr);

    // A report the server could not verify (bad signature or unparseable), refused before apply():
    // audited, and the device's chain may continue after its position (see chain_step).
    Status refused_unverified(const Principal& p, const pb::Mutation& m, const pb::Ack& ack);

    // Writes a record with a fresh seq and its scope keys (server-side changes use this too).
    Result<pb::Record> write(std::string_view collection, const std::string& id, std::int64_t version,
                             std::string payload, bool deleted, const std::string* field_clock = nullptr);
    // The same with scope keys already known (a receipt shares its report's keys).
    Result<pb::Record> write_keyed(std::string_view collection, const std::string& id, std::int64_t version,
                                   std::string payload, bool deleted, const std::vector<std::string>& keys,
                                   const std::string* field_clock = nullptr);

private:
    Status decide(const Principal& p, const pb::Mutation& m, const std::optional<pb::Record>& cur, pb::Ack& ack,
                  std::shared_ptr<std::vector<pb::Ack>> acks, std::size_t index, const PreparedReport* prepared);
    Status decide_immutable(const Principal& p, const pb::Mutation& m, const std::optional<pb::Record>& cur, pb::Ack& ack,
                            std::shared_ptr<std::vector<pb::Ack>> acks, std::size_t index, const PreparedReport* prepared,
                            const policy::Actor& actor, const policy::LookupFacts& facts);
    Status decide_mutable(const pb::Mutation& m, const std::optional<pb::Record>& cur, pb::Ack& ack, const Principal& p,
                          domain::ConflictRule rule, const policy::Actor& actor, const policy::LookupFacts& facts);
    // Writes a new report after its chain step (already taken) and judgement.
    Status apply_report(const pb::Mutation& m, const pb::Report& r, const Bytes& hash, pb::Ack& ack,
                        std::shared_ptr<std::vector<pb::Ack>> acks, std::size_t index);
    Status apply_created_once(const pb::Mutation& m, const std::string& payload, pb::Ack& ack);
    Status apply_cas(const Principal& p, const pb::Mutation& m, const std::optional<pb::Record>& cur,
                     std::string payload, pb::Ack& ack);
    Status apply_lww(const pb::Mutation& m, const std::optional<pb::Record>& cur, pb::Ack& ack);
    // The device's report chain (invariant 5): a report must follow the device's previous one
    // (index + 1 and prev_hash = its hash), or follow a report the server could not verify. Moves the
    // chain head when it does; false (with `ack` refused) when it does not.
    Result<bool> chain_step(const Principal& p, const pb::Report& r, const Bytes& hash, pb::Ack& ack);
    Status audit(const Principal& p, const pb::Mutation& m, const pb::Ack& ack);
    // A report moves its task to "submitted". The task is rewritten once per job, not once per
    // report (a device may send many reports on one task): flush_tasks() writes what is pending.
    void after_report(const std::string& report_id, const pb::Report& r);

public:
    // Writes the tasks that reports of this job moved; called before any other change in the job
    // and at its end, so every change sees the same state as if each report had written its task.
    Status flush_tasks();

private:
    struct TaskReport {
        std::string report_id, author;
    };
    std::map<std::string, TaskReport> m_task_reports;  // task id -> newest report on it

    WriteBatch& m_batch;
    RecordTable& m_table;
};

// Refuses a change: its wire code, and why (in both languages and as the catalogue's row).
void reject(pb::Ack& ack, std::string_view code, const Error& why);
void reject(pb::Ack& ack, std::string_view code, Msg why, std::vector<std::string> args = {});

}  // namespace ducha::server
