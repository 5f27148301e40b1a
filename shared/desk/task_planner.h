#pragma once
// Tasks (routine, joint, covert) and campaigns (专项行动: for a period and a district, every
// institution, or every key target, must be visited N times) planned by a coordinator.
#include <string>
#include <vector>

#include "shared/desk/record_writer.h"

namespace ducha::desk {

struct TaskSpec {
    std::string institution_id;
    std::string kind = "routine";  // routine | joint | complaint | reinspection | spot_check
    std::vector<std::string> assignees;
    bool covert = false;
    int priority = 3;  // 1 highest .. 5
    std::int64_t window_start = 0;  // unix seconds; 0 = now
    std::int64_t window_end = 0;    // 0 = start + 7 days
    std::string title;              // default: the institution's name
    std::string campaign_id, complaint_id;
};

class TaskPlanner {
public:
    explicit TaskPlanner(RecordWriter& w) : m_w(w) {}

    // Checks the institution, the assignees (active volunteers; a joint task needs two or more),
    // the window and the priority; the coordinator's own district.
    Result<std::string> create(const TaskSpec& spec);
    Status cancel(const std::string& task_id);

    Result<std::string> create_campaign(pb::Campaign c);
    Status cancel_campaign(const std::string& campaign_id);
    Result<std::vector<Loaded<pb::Campaign>>> campaigns(const std::string& district_id);

    // Builds the task record without queueing it (the complaint ledger queues it with the complaint).
    Result<pb::Task> build(const TaskSpec& spec);

private:
    RecordWriter& m_w;
};

}  // namespace ducha::desk
