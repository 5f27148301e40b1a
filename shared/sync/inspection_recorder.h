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

struct InspectionInput {
    std::string task_id;
    std::vector<domain::AnswerInput> answers;
    std::vector<PhotoInput> photos;
    std::optional<pb::GeoPoint> gps;
    double gps_accuracy_m = -1;
    std::int64_t gps_fix_age_ms = -1;
    bool mock_location = false;
    std::string notes;
    std::optional<std::int64_t> device_time_ms;  // default: now
};

class InspectionRecorder {
public:
    explicit InspectionRecorder(DeviceProfile& profile) : m_profile(profile) {}
    // Returns the new report's id.
    Result<std::string> record(const InspectionInput& in);

private:
    DeviceProfile& m_profile;
};

double distance_m(const pb::GeoPoint& a, const pb::GeoPoint& b);

}  // namespace ducha::sync
