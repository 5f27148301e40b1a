#pragma once
// Turns a finished inspection into a signed, chained report in the outbox, offline. Either the
// whole report (report, its evidence records and files) is queued, or nothing is.
#include <optional>
#include <string>
#include <vector>

#include "shared/common/result.h"
#include "shared/domain/checklist.h"
#include "shared/sync/device_profile.h"

namespace ducha::sync {

struct PhotoInput {
    std::string item_code;  // empty: a photo of the visit as a whole
    std::string data;       // the file's bytes
    std::string mime = "image/jpeg";
};

// A site found in the field that is not in the registry (黑机构): reported without a task, it
// becomes a field-reported institution record and a report flagged for a supervisor.
struct UnlistedSite {
    std::string name, address, community, category, zone_id;
    bool academic = false;
};

struct InspectionInput {
    std::string task_id;                      // empty only with unlisted_site or amends
    // The id of an earlier report of this user that this one corrects (更正). The amendment takes
    // the original's task, site, district and covert flag; it is a complete report of its own.
    std::string amends;
    std::optional<UnlistedSite> unlisted_site;
    // An unlisted site's checklist: the version its draft was started on, so a newer version
    // arriving meanwhile does not change the questions under the volunteer. Empty: the newest.
    // (A task's report always uses the task's checklist.)
    std::string template_id;
    std::vector<domain::AnswerInput> answers;
    std::vector<PhotoInput> photos;
    std::optional<pb::GeoPoint> gps;
    double gps_accuracy_m = -1;
    std::int64_t gps_fix_age_ms = -1;
    bool mock_location = false;
    std::string notes;
    std::string signature_png;  // the on-site signature (open visits only); empty: none
    std::optional<std::int64_t> device_time_ms;  // default: now
};

class InspectionRecorder {
public:
    explicit InspectionRecorder(DeviceProfile& profile) : m_profile(profile) {}
    // Returns the new report's id. With an unlisted site, the new institution is queued in the
    // same transaction as the report. An amendment needs its original on this device, by this
    // user, received by the server less than 7 days ago (when the device knows that time); it
    // leaves the task's status as it is.
    Result<std::string> record(const InspectionInput& in);

private:
    DeviceProfile& m_profile;
};

double distance_m(const pb::GeoPoint& a, const pb::GeoPoint& b);

// The newest checklist template on the device: what a visit without a task (an unlisted site) uses.
struct DeviceChecklist {
    std::string id;
    pb::ChecklistTemplate checklist;
};
Result<DeviceChecklist> newest_checklist(LocalStore& store);

}  // namespace ducha::sync
