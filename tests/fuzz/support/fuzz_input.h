#pragma once
// Reads a fuzz input as the parts a target needs: single bytes that choose (a role, a collection,
// an endpoint) and byte strings separated by kSeparator. Every read succeeds: an input that runs out
// gives zeros and empty strings, so any byte sequence is a valid input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ducha::fuzz {

class FuzzInput {
public:
    // Between the parts of an input (ASCII record separator: rare in text, easy to write in a seed).
    static constexpr char kSeparator = '\x1e';

    FuzzInput(const std::uint8_t* data, std::size_t size)
        : m_rest(reinterpret_cast<const char*>(data), size) {}

    // The next byte (0 when the input is used up).
    std::uint8_t byte();
    // One of n choices (n > 0), from the next byte.
    std::size_t choice(std::size_t n) { return byte() % n; }
    // The bytes up to the next separator (which is consumed) or to the end.
    std::string part();
    // Everything left.
    std::string rest();
    bool empty() const { return m_rest.empty(); }

private:
    std::string_view m_rest;
};

}  // namespace ducha::fuzz
