// The enrollment QR's link (ducha://enroll?server=...&code=...&pin=...), as the app reads it from a
// camera or an image and the CLI from its argument. A link that parses must make the same link
// again: what the device keeps is what the QR said.
#include <cstdlib>

#include "shared/sync/enroll_link.h"
#include "tests/fuzz/support/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto link = ducha::sync::parse_enroll_link(text);
    if (!link) return 0;
    auto again = ducha::sync::parse_enroll_link(ducha::sync::make_enroll_link(*link));
    if (!again || again->server_url != link->server_url || again->code != link->code || again->pin != link->pin)
        std::abort();
    return 0;
}
