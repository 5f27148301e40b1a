#pragma once
// Re-checks everything a replica holds about evidence (invariant 5): each report's device
// signature, each device's hash chain, each server receipt, and each evidence file held locally.
#include <string>
#include <vector>

#include "shared/common/result.h"
#include "shared/sync/device_profile.h"

namespace ducha::sync {

struct VerifyFinding {
    std::string report_id;
    std::string check;    // signature | chain | receipt | evidence
    std::string message;  // plain words
};

struct VerifyResult {
    int reports = 0, receipts = 0, files = 0;
    std::vector<VerifyFinding> failures;
    std::vector<VerifyFinding> notes;  // e.g. a receipt not yet received
    bool ok() const { return failures.empty(); }
};

Result<VerifyResult> verify_replica(DeviceProfile& profile);

}  // namespace ducha::sync
