#include "shared/common/result.h"

#include "shared/common/wire_error.h"

namespace ducha {

std::string_view errc_name(Errc e) { return e == Errc::ok ? std::string_view{"ok"} : wire::entry(e).name; }

std::string Error::to_string() const { return std::string(errc_name(code)) + ": " + message(); }

Error one_error_of(const std::vector<Error>& problems) {
    if (problems.size() == 1) return problems.front();
    std::string zh, en;
    for (const auto& p : problems) {
        zh += (zh.empty() ? "" : "; ") + p.text(Lang::zh);
        en += (en.empty() ? "" : "; ") + p.text(Lang::en);
    }
    return Error{problems.empty() ? Errc::internal : problems.front().code, Msg::problem_list, std::move(zh), std::move(en)};
}

}  // namespace ducha
