#include "shared/export/xlsx_writer.h"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <utility>

#include "shared/export/xml_text.h"

namespace ducha::exporting {
namespace {

constexpr std::size_t kMaxRows = 1'048'576;
constexpr std::size_t kMaxColumns = 16'384;
constexpr std::size_t kMaxCellChars = 32'767;
constexpr std::size_t kMaxSheetName = 31;

constexpr std::string_view kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Cell styles, indexes into cellXfs of styles.xml below.
constexpr int kStyleHeader = 1;
constexpr int kStyleWrap = 2;

std::string column_name(std::size_t index) {  // 0 -> A, 25 -> Z, 26 -> AA
    std::string s;
    for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    return s;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Excel compares sheet names case-insensitively: "Reports" and "reports" would clash.
std::vector<std::string> unique_sheet_names(const std::vector<Table>& sheets) {
    std::vector<std::string> names;
    std::vector<std::string> taken;
    for (const auto& t : sheets) {
        const std::string base = sanitize_sheet_name(t.name);
        std::string name = base;
        for (int n = 2; std::find(taken.begin(), taken.end(), lower_ascii(name)) != taken.end(); ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            name = truncate_utf16(base, kMaxSheetName - suffix.size()) + suffix;
        }
        taken.push_back(lower_ascii(name));
        names.push_back(std::move(name));
    }
    return names;
}

// Rough display width in Excel's character units: CJK and other wide characters count double.
double display_width(std::string_view utf8) {
    double w = 0;
    for (unsigned char c : utf8) {
        if (c < 0x80) w += 1;
        else if (c >= 0xE0) w += 2;  // lead byte of a 3- or 4-byte sequence: CJK, emoji
        else if (c >= 0xC0) w += 1;  // lead byte of a 2-byte sequence: Latin, Greek, Cyrillic
    }
    return w;
}

// Column widths from the longest line of each column (header included), kept readable.
std::vector<double> column_widths(const Table& t, std::size_t n_cols) {
    std::vector<double> widths(n_cols, 8.0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            std::string_view cell = row[c];
            std::size_t start = 0;
            while (start <= cell.size()) {
                const std::size_t end = std::min(cell.find('\n', start), cell.size());
                widths[c] = std::max(widths[c], display_width(cell.substr(start, end - start)) + 2);
                start = end + 1;
            }
        }
    };
    measure(t.headers);
    for (const auto& r : t.rows) measure(r);
    return widths;
}

// The worksheet up to its data: its size, the frozen header row, the column widths.
void append_sheet_head(std::string& x, const Table& t, bool selected, std::size_t n_rows, std::size_t n_cols) {
    const std::vector<double> widths = column_widths(t, n_cols);
    x += "<worksheet xmlns=\"";
    x += kMainNs;
    x += "\" xmlns:r=\"";
    x += kRelNs;
    x += "\">";
    if (n_rows > 0 && n_cols > 0)
        x += "<dimension ref=\"A1:" + column_name(n_cols - 1) + std::to_string(n_rows) + "\"/>";
    x += "<sheetViews><sheetView workbookViewId=\"0\"";
    if (selected) x += " tabSelected=\"1\"";
    if (!t.headers.empty()) {
        x += "><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
             "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView>";
    } else {
        x += "/>";
    }
    x += "</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>";
    if (n_cols > 0) {
        x += "<cols>";
        for (std::size_t c = 0; c < n_cols; ++c) {
            const std::string i = std::to_string(c + 1);
            x += "<col min=\"" + i + "\" max=\"" + i + "\" width=\"" + std::to_string(std::min(widths[c], 60.0)) +
                 "\" customWidth=\"1\"/>";
        }
        x += "</cols>";
    }
}

// One row, number `row_no` (from 1), of inline strings; empty cells are left out. Refuses a cell
// longer than Excel takes.
Status append_row(std::string& x, const std::vector<std::string>& row, std::size_t row_no, bool header,
                  const std::string& name) {
    const std::string r = std::to_string(row_no);
    x += "<row r=\"" + r + "\">";
    for (std::size_t c = 0; c < row.size(); ++c) {
        const std::string& v = row[c];
        if (v.empty()) continue;
        const std::string ref = column_name(c) + r;
        if (utf16_length(v) > kMaxCellChars)
                return fail(Errc::too_large, Msg::cell_sheet_holds_more_than, ref, name);
        x += "<c r=\"" + ref + "\" t=\"inlineStr\"";
        if (header) x += " s=\"" + std::to_string(kStyleHeader) + "\"";
        else if (v.find('\n') != std::string::npos) x += " s=\"" + std::to_string(kStyleWrap) + "\"";
        // Without xml:space Excel trims leading and trailing blanks.
        const bool keep_space = std::isspace(static_cast<unsigned char>(v.front())) ||
                                std::isspace(static_cast<unsigned char>(v.back()));
        x += keep_space ? "><is><t xml:space=\"preserve\">" : "><is><t>";
        x += xml_escape(v);
        x += "</t></is></c>";
    }
    x += "</row>";
    return {};
}

Result<std::string> sheet_xml(const Table& t, const std::string& name, bool selected) {
    const std::size_t n_rows = t.rows.size() + (t.headers.empty() ? 0 : 1);
    if (n_rows > kMaxRows)
        return fail(Errc::too_large, Msg::sheet_more_than_1_048, name);
    std::size_t n_cols = t.headers.size();
    for (const auto& r : t.rows) n_cols = std::max(n_cols, r.size());
    if (n_cols > kMaxColumns)
        return fail(Errc::too_large, Msg::sheet_more_than_16_384, name);

    std::string x(kXmlDecl);
    append_sheet_head(x, t, selected, n_rows, n_cols);
    x += "<sheetData>";
    std::size_t row_no = 0;
    if (!t.headers.empty())
        if (auto s = append_row(x, t.headers, ++row_no, true, name); !s) return fail(s.error());
    for (const auto& row : t.rows)
        if (auto s = append_row(x, row, ++row_no, false, name); !s) return fail(s.error());
    x += "</sheetData></worksheet>";
    return x;
}

std::string content_types_xml(std::size_t n) {
    std::string x(kXmlDecl);
    x += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/xl/workbook.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
         "<Override PartName=\"/xl/styles.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>";
    for (std::size_t i = 1; i <= n; ++i)
        x += "<Override PartName=\"/xl/worksheets/sheet" + std::to_string(i) +
             ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    x += "</Types>";
    return x;
}

std::string root_rels_xml() {
    std::string x(kXmlDecl);
    x += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
         "Target=\"xl/workbook.xml\"/></Relationships>";
    return x;
}

std::string workbook_xml(const std::vector<std::string>& names) {
    std::string x(kXmlDecl);
    x += "<workbook xmlns=\"";
    x += kMainNs;
    x += "\" xmlns:r=\"";
    x += kRelNs;
    x += "\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>";
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        x += "<sheet name=\"" + xml_escape(names[i]) + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    }
    x += "</sheets></workbook>";
    return x;
}

std::string workbook_rels_xml(std::size_t n) {
    std::string x(kXmlDecl);
    x += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (std::size_t i = 1; i <= n; ++i)
        x += "<Relationship Id=\"rId" + std::to_string(i) +
             "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
             "Target=\"worksheets/sheet" + std::to_string(i) + ".xml\"/>";
    x += "<Relationship Id=\"rId" + std::to_string(n + 1) +
         "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
         "Target=\"styles.xml\"/></Relationships>";
    return x;
}

// The smallest style sheet Excel accepts: default font, a bold one for headers, wrapping cells.
std::string styles_xml() {
    std::string x(kXmlDecl);
    x += "<styleSheet xmlns=\"";
    x += kMainNs;
    x += "\">"
         "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
         "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
         "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
         "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
         "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
         "<cellXfs count=\"3\">"
         "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
         "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
         "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
         "<alignment vertical=\"top\" wrapText=\"1\"/></xf></cellXfs>"
         "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
         "</styleSheet>";
    return x;
}

struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipSourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};

// `err` belongs to libzip (an archive's or a source's) unless the caller finis it afterwards.
std::unexpected<Error> zip_fail(const std::string& what, zip_error_t* err) {
    return fail(Errc::internal, Msg::cannot_build_xlsx, what, zip_error_strerror(err));
}

// A ZIP archive of `parts` (name, contents), built in memory with libzip.
Result<std::string> zip_parts(const std::vector<std::pair<std::string, std::string>>& parts) {
    zip_error_t err;
    zip_error_init(&err);
    std::unique_ptr<zip_source_t, ZipSourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &err));
    if (!buffer) {
        auto e = zip_fail("buffer", &err);
        zip_error_fini(&err);
        return e;
    }
    std::unique_ptr<zip_t, ZipDiscard> archive(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &err));
    if (!archive) {
        auto e = zip_fail("open", &err);
        zip_error_fini(&err);
        return e;
    }
    // The archive now owns one reference; keep ours so the bytes outlive zip_close.
    zip_source_keep(buffer.get());

    for (const auto& [name, data] : parts) {
        zip_source_t* src = zip_source_buffer(archive.get(), data.data(), data.size(), 0);
        if (!src) return zip_fail(name, zip_get_error(archive.get()));
        const zip_int64_t idx = zip_file_add(archive.get(), name.c_str(), src, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(src);
            return zip_fail(name, zip_get_error(archive.get()));
        }
        zip_set_file_compression(archive.get(), static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 0);
    }
    if (zip_close(archive.get()) != 0) return zip_fail("close", zip_get_error(archive.get()));
    archive.release();  // zip_close freed it

    zip_source_t* src = buffer.get();
    if (zip_source_open(src) != 0) return zip_fail("read back", zip_source_error(src));
    std::string bytes;
    char chunk[65536];
    for (;;) {
        const zip_int64_t n = zip_source_read(src, chunk, sizeof chunk);
        if (n < 0) {
            zip_source_close(src);
            return zip_fail("read back", zip_source_error(src));
        }
        if (n == 0) break;
        bytes.append(chunk, static_cast<std::size_t>(n));
    }
    zip_source_close(src);
    return bytes;
}

}  // namespace

std::string sanitize_sheet_name(std::string_view name) {
    std::string clean;
    for (char c : valid_utf8(name)) {
        const auto u = static_cast<unsigned char>(c);
        const bool bad = u < 0x20 || u == 0x7F || std::string_view("[]:*?/\\").find(c) != std::string_view::npos;
        clean += bad ? '_' : c;
    }
    std::string_view v = clean;
    while (!v.empty() && v.front() == '\'') v.remove_prefix(1);
    std::string out = truncate_utf16(v, kMaxSheetName);
    while (!out.empty() && out.back() == '\'') out.pop_back();
    if (out.empty()) return "Sheet";
    if (lower_ascii(out) == "history") out += "_";
    return out;
}

Result<std::string> to_xlsx(const std::vector<Table>& sheets) {
    if (sheets.empty()) return fail(Errc::invalid_argument, Msg::workbook_needs_at_least_one);
    const std::vector<std::string> names = unique_sheet_names(sheets);

    std::vector<std::pair<std::string, std::string>> parts;
    parts.emplace_back("[Content_Types].xml", content_types_xml(sheets.size()));
    parts.emplace_back("_rels/.rels", root_rels_xml());
    parts.emplace_back("xl/workbook.xml", workbook_xml(names));
    parts.emplace_back("xl/_rels/workbook.xml.rels", workbook_rels_xml(sheets.size()));
    parts.emplace_back("xl/styles.xml", styles_xml());
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        auto xml = sheet_xml(sheets[i], names[i], i == 0);
        if (!xml) return fail(xml.error());
        parts.emplace_back("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml", std::move(*xml));
    }
    return zip_parts(parts);
}

}  // namespace ducha::exporting
