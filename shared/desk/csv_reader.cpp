#include "shared/desk/csv_reader.h"

#include <algorithm>
#include <cctype>

#include "shared/common/text.h"

namespace ducha::desk {

namespace {

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 9;
        if (n == 9 || i + n >= s.size()) return false;
        for (std::size_t k = 1; k <= n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += n + 1;
    }
    return true;
}

std::string lower(std::string_view s) {
    std::string o(s);
    for (auto& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return o;
}

}  // namespace

std::optional<std::size_t> CsvTable::column(std::initializer_list<std::string_view> names) const {
    for (std::size_t i = 0; i < headers.size(); ++i)
        for (auto n : names)
            if (lower(headers[i]) == lower(n)) return i;
    return std::nullopt;
}

Result<CsvTable> parse_csv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!valid_utf8(text))
        return fail(Errc::malformed, Msg::file_not_utf_8_save);
    // The separator is whichever of comma and tab the header line uses more.
    auto first_nl = text.find('\n');
    auto head = text.substr(0, first_nl);
    char sep = std::count(head.begin(), head.end(), '\t') > std::count(head.begin(), head.end(), ',') ? '\t' : ',';
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string cell;
    bool quoted = false, cell_started = false;
    int line = 1, quote_line = 0;
    row.line = 1;
    auto end_row = [&] {
        row.cells.push_back(cell);
        cell.clear();
        bool blank = std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return trimmed(c).empty(); });
        if (!blank) rows.push_back(std::move(row));
        row = CsvRow{};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                cell += c;
            }
            continue;
        }
        if (c == '"' && !cell_started) {
            quoted = true;
            cell_started = true;
            quote_line = line;
        } else if (c == sep) {
            row.cells.push_back(cell);
            cell.clear();
            cell_started = false;
        } else if (c == '\r') {
            // CRLF: the LF ends the row
        } else if (c == '\n') {
            ++line;
            end_row();
            row.line = line;
            cell_started = false;
        } else {
            cell += c;
            cell_started = true;
        }
    }
    if (quoted)
        return fail(Errc::malformed, Msg::unterminated_quote_starting_line, std::to_string(quote_line));
    if (!cell.empty() || !row.cells.empty()) end_row();
    if (rows.empty()) return fail(Errc::invalid_argument, Msg::file_empty);
    CsvTable t;
    for (auto& h : rows.front().cells) t.headers.push_back(trimmed(h));
    t.rows.assign(std::make_move_iterator(rows.begin() + 1), std::make_move_iterator(rows.end()));
    for (auto& r : t.rows)
        for (auto& c : r.cells) c = trimmed(c);
    return t;
}

std::optional<bool> parse_yes_no(std::string_view s) {
    std::string v = lower(s);
    for (std::string_view y : {"true", "1", "yes", "y", "是", "有", "√"})
        if (v == y) return true;
    for (std::string_view n : {"false", "0", "no", "n", "否", "无", "×"})
        if (v == n) return false;
    return std::nullopt;
}

}  // namespace ducha::desk
