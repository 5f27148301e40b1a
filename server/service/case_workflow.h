#pragma once
// The server's side of 不解决不销号 (docs/ARCHITECTURE.md, invariant 6): a rectification order schedules a
// re-inspection task after its deadline; the re-inspection's report closes the case when it passes
// and escalates it (tier up, new deadline, new task) when it fails; a supervisor cannot close a
// case by hand without a passing re-inspection. Runs inside the writer's transaction.
#include <optional>
#include <string>

#include "ducha.pb.h"
#include "shared/common/result.h"

namespace ducha::server {

class MutationApplier;
class RecordTable;

class CaseWorkflow {
public:
    CaseWorkflow(MutationApplier& applier, RecordTable& table, std::int64_t now_ms)
        : m_applier(applier), m_table(table), m_now_s(now_ms / 1000) {}

    // Checks a supervisor's change of a case (`before` is nullopt for a new case) against what the
    // server holds and completes it: a rectification gets its re-inspection task, a close needs a
    // passing re-inspection. (Who may decide, and which fields, is the write rules' business.) Errc::rejected says why a
    // change is refused; storage errors come back as other codes.
    Status prepare_change(const std::string& case_id, const std::optional<pb::Case>& before, pb::Case& after,
                          const std::string& actor);

    // A report arrived on a re-inspection task: closes or escalates its case.
    Status on_reinspection_report(const std::string& task_id, const pb::Task& task, const std::string& report_id);

    // Whether a re-inspection report passes: no critical and no major item failed (a repeat offender's
    // rule in domain::is_flagged), judged against the template the report names.
    Result<bool> passes(const pb::Report& report);

    // The next discretion tier up (严重 stays 严重); the five tiers in order.
    static std::string escalated(const std::string& tier);
    static bool is_tier(const std::string& tier);

private:
    // The passing report on the stored case's own re-inspection task, if there is one.
    Result<std::optional<std::string>> passing_reinspection(const std::string& case_id, const pb::Case& stored);
    Result<std::string> schedule_reinspection(const pb::Case& c, const std::string& case_id, const std::string& creator);
    Result<std::optional<pb::Report>> report(const std::string& id);

    MutationApplier& m_applier;
    RecordTable& m_table;
    std::int64_t m_now_s;
};

}  // namespace ducha::server
