#include "shared/export/csv_writer.h"

#include <algorithm>
#include <string_view>

namespace ducha::exporting {
namespace {

// A text cell starting with = + - @ (or a tab/CR before one) is a formula to Excel: a note typed
// in the field could run on a supervisor's desktop. Such cells get a leading apostrophe (OWASP's
// advice), which spreadsheets show as plain text; numbers like -3.5 stay numbers.
bool looks_like_formula(std::string_view f) {
    if (f.empty() || std::string_view("=+-@\t\r").find(f.front()) == std::string_view::npos) return false;
    if (f.front() == '-' || f.front() == '+') {
        bool number = f.size() > 1 && std::all_of(f.begin() + 1, f.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
        return !number;
    }
    return true;
}

void append_field(std::string& out, std::string_view raw) {
    std::string guarded;
    std::string_view field = raw;
    if (looks_like_formula(raw)) {
        guarded = "'" + std::string(raw);
        field = guarded;
    }
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_row(std::string& out, const std::vector<std::string>& row, std::size_t width) {
    const std::size_t n = std::max(width, row.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out += ',';
        if (i < row.size()) append_field(out, row[i]);
    }
    out += "\r\n";
}

}  // namespace

std::string to_csv(const Table& t) {
    std::string out = "\xEF\xBB\xBF";
    const std::size_t width = t.headers.size();
    if (!t.headers.empty()) append_row(out, t.headers, width);
    for (const auto& row : t.rows) append_row(out, row, width);
    return out;
}

}  // namespace ducha::exporting
