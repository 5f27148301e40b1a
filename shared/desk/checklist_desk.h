#pragma once
// Checklist versions on an admin's device: list them, read one, compare two, and publish the next
// one from a file. Publishing queues a new record "checklist.v<N+1>" that supersedes the newest
// version this device holds; the server judges it again (content, numbering, the admin's role).
// A published version never changes: drafts and tasks made on it finish on it.
#include <string>
#include <string_view>
#include <vector>

#include "ducha.pb.h"
#include "shared/common/result.h"
#include "shared/desk/record_writer.h"
#include "shared/domain/checklist_changes.h"

namespace ducha::desk {

struct ChecklistVersion {
    std::string id;
    pb::ChecklistTemplate checklist;
    bool queued = false;  // published on this device, not yet accepted by the server
};

struct PublishedChecklist {
    std::string id;
    int version = 0;
    int steps = 0, items = 0;
    std::vector<domain::ChecklistChange> changes;  // from the version it supersedes
};

class ChecklistDesk {
public:
    explicit ChecklistDesk(RecordWriter& w) : m_w(w) {}

    // Every version on this device, oldest first.
    Result<std::vector<ChecklistVersion>> versions();
    // Version `number`, or the newest when number is 0.
    Result<ChecklistVersion> version(int number);
    // What changed from version `older` to version `newer`.
    Result<std::vector<domain::ChecklistChange>> changes(int older, int newer);
    // Queues `next` (its steps and items; name and note from it or `note`) as the version after
    // the newest. Refused before anything is queued when its content has problems (all of them,
    // in one error) or when it has the same steps and items as the newest.
    Result<PublishedChecklist> publish(pb::ChecklistTemplate next, const std::string& note);

    // A checklist file: JSON with the ChecklistTemplate's field names (as `to_json` writes them).
    // Unknown fields are an error; the version, chain and publisher fields are ignored (the
    // device numbers the version, the server stamps the publisher).
    static Result<pb::ChecklistTemplate> parse_json(std::string_view text, const std::string& file_name);
    static std::string to_json(const pb::ChecklistTemplate& t);

private:
    RecordWriter& m_w;
};

}  // namespace ducha::desk
