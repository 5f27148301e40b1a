#pragma once
// Small text helpers the core shares, so each rule has one spelling.
#include <string>
#include <string_view>

namespace ducha {

// `s` without leading and trailing ASCII white space (space, tab, CR, LF, VT, FF). Only ASCII:
// a full-width space inside Chinese text is content.
std::string trimmed(std::string_view s);

// Whether `s` holds nothing but white space: ASCII space, tab, CR, LF, and the ideographic space
// (U+3000) a Chinese keyboard types. A checklist note or name of only spaces is no note or name.
bool is_blank_text(std::string_view s);

}  // namespace ducha
