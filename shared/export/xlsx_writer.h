#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "shared/common/result.h"
#include "shared/export/table.h"

namespace ducha::exporting {

// The bytes of an .xlsx workbook (Office Open XML), one worksheet per table in order. The header
// row is bold and frozen; every cell is an inline string (never a formula, so a cell that starts
// with "=" stays text). Sheet names go through sanitize_sheet_name and are made unique.
// Fails with Errc::invalid_argument for no tables and Errc::too_large past Excel's limits
// (1,048,576 rows, 16,384 columns, 32,767 characters a cell).
Result<std::string> to_xlsx(const std::vector<Table>& sheets);

// A name Excel accepts: []:*?/\ and control characters become "_", no leading or trailing
// apostrophe, at most 31 characters, not the reserved "History"; an empty result is "Sheet".
std::string sanitize_sheet_name(std::string_view name);

}  // namespace ducha::exporting
