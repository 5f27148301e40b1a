#pragma once
// Reads the CSV files coordinators and supervisors bring (registry and complaint imports): RFC 4180
// quoting, comma or tab separated, UTF-8 with or without a BOM, CRLF or LF. Rows keep their line
// number so errors can point at them.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/common/result.h"

namespace ducha::desk {

struct CsvRow {
    int line = 0;  // 1-based line of the row's first character in the file
    std::vector<std::string> cells;
};

struct CsvTable {
    std::vector<std::string> headers;  // trimmed, as written
    std::vector<CsvRow> rows;          // blank lines skipped
    // The column of a header, matching any of the given names (e.g. {"name", "名称"}).
    std::optional<std::size_t> column(std::initializer_list<std::string_view> names) const;
};

// Errc::malformed names the line of an unterminated quote or invalid UTF-8.
[[nodiscard]] Result<CsvTable> parse_csv(std::string_view text);

// "true/false", "1/0", "yes/no", "是/否", "有/无", "Y/N" (case-insensitive); nullopt for anything else.
std::optional<bool> parse_yes_no(std::string_view s);

}  // namespace ducha::desk
