#pragma once
// A plain table of text cells: what every export (CSV, XLSX) takes.
#include <string>
#include <vector>

namespace ducha::exporting {

struct Table {
    std::string name;  // sheet name, e.g. "reports"
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
};

}  // namespace ducha::exporting
