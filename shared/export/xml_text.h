#pragma once
// Text as XML (XLSX parts) and Pango markup (the PDF) must carry it: valid UTF-8, no characters
// XML 1.0 forbids. User input (a volunteer's note) is never trusted to be either.
#include <cstddef>
#include <string>
#include <string_view>

namespace ducha::exporting {

// Invalid UTF-8 (stray bytes, overlong forms, surrogates) becomes U+FFFD.
std::string valid_utf8(std::string_view s);

// valid_utf8, less control characters other than TAB/LF/CR, with & < > " ' escaped.
std::string xml_escape(std::string_view s);

// Length as Excel counts it (UTF-16 code units) of valid UTF-8.
std::size_t utf16_length(std::string_view utf8);

// The longest prefix of valid UTF-8 `utf8` that is at most `max_units` UTF-16 code units long.
std::string truncate_utf16(std::string_view utf8, std::size_t max_units);

}  // namespace ducha::exporting
