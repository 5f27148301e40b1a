#pragma once
// The two languages people read: Chinese (the default) and English.
#include <cstdint>

namespace ducha {
enum class Lang : std::uint8_t { zh, en };
}  // namespace ducha
