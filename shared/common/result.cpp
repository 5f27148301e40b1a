#include "shared/common/result.h"

#include "shared/common/wire_error.h"

namespace ducha {

std::string_view errc_name(Errc e) { return e == Errc::ok ? std::string_view{"ok"} : wire::entry(e).name; }

std::string Error::to_string() const { return std::string(errc_name(code)) + ": " + message(); }

}  // namespace ducha
