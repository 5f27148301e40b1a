#pragma once
// Risk that follows the facts: an institution's complaint_count and past_violations (which weigh
// its draws, make it a key target of a report and a repeat offender) are the server's. Every
// write of a complaint or a case passes here inside the writer's transaction; when what it counts
// against changed (a new complaint, a complaint moved to another institution, a case decided as a
// violation), the institutions concerned are recounted and, if their counts moved, written again
// with a new version, so devices pull them through the normal change feed. Only these two fields
// change: the institution's field clocks stay as they were, so a coordinator's concurrent edit of
// another field still merges (field-level last-writer-wins).
#include <optional>
#include <string>

#include "ducha.pb.h"
#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

class MutationApplier;
class RecordTable;

class RiskWorkflow {
public:
    RiskWorkflow(MutationApplier& applier, RecordTable& table, store::Connection& db)
        : m_applier(applier), m_table(table), m_db(db) {}

    // After `rec` (a complaint or a case; anything else is ignored) was written.
    Status on_fact_written(const pb::Record& rec);

    // The counts an institution must carry, put into `inst` before the server writes it (a new
    // institution named by complaints that arrived first starts with them).
    Status complete(const std::string& institution_id, pb::Institution& inst);

private:
    Status recount(const std::string& institution_id);

    MutationApplier& m_applier;
    RecordTable& m_table;
    store::Connection& m_db;
};

}  // namespace ducha::server
