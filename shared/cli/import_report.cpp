#include "shared/cli/import_report.h"

#include <string>

#include "shared/cli/cli_args.h"

namespace ducha::cli {

int report_import(const Result<desk::ImportResult>& r, Msg imported, std::ostream& out, std::ostream& err) {
    if (!r) return failed(err, r.error());
    if (!r->ok()) {
        for (const auto& e : r->errors) err << e.message() << "\n";
        return failed(err, Error{Errc::invalid_argument, Msg::import_failed, std::to_string(r->errors.size())});
    }
    for (const auto& id : r->ids) out << id << "\n";
    out << render_bilingual(imported, {std::to_string(r->ids.size())}) << "\n";
    return 0;
}

}  // namespace ducha::cli
