#include "tests/fuzz/support/fuzz_input.h"

namespace ducha::fuzz {

std::uint8_t FuzzInput::byte() {
    if (m_rest.empty()) return 0;
    auto b = static_cast<std::uint8_t>(m_rest.front());
    m_rest.remove_prefix(1);
    return b;
}

std::string FuzzInput::part() {
    auto at = m_rest.find(kSeparator);
    std::string out(m_rest.substr(0, at));
    m_rest.remove_prefix(at == std::string_view::npos ? m_rest.size() : at + 1);
    return out;
}

std::string FuzzInput::rest() {
    std::string out(m_rest);
    m_rest = {};
    return out;
}

}  // namespace ducha::fuzz
