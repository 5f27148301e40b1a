#pragma once
// Coverage from the device's replica: the registry, the reports and finished tasks in scope.
#include <string>

#include "shared/desk/record_writer.h"
#include "shared/domain/coverage.h"

namespace ducha::desk {

struct CoverageQuery {
    std::string district_id;  // empty: every district in scope
    std::int64_t from_s = 0, to_s = 0;  // 0/0: the last 30 days
    std::string campaign_id;  // with a campaign: its period unless from/to are given
};

class CoverageReport {
public:
    explicit CoverageReport(RecordWriter& w) : m_w(w) {}
    Result<domain::CoverageResult> compute(const CoverageQuery& q);
    // Names for the ids in a result (institutions), for lists and exports.
    Result<std::map<std::string, std::string>> institution_names();

private:
    RecordWriter& m_w;
};

}  // namespace ducha::desk
