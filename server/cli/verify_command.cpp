#include "server/cli/verify_command.h"

#include <ostream>

#include "server/cli/database_option.h"
#include "server/service/records_verifier.h"
#include "server/service/server_app.h"
#include "shared/cli/cli_args.h"
#include "shared/common/message_catalogue.h"

namespace ducha::server {

Result<int> run_verify(const std::vector<std::string>& words, std::ostream& out, std::ostream& err) {
    const cli::Args a{words};
    auto data = a.get("--data");
    if (!data) return fail(Errc::invalid_argument, Msg::command_needs_argument, "verify", "--data DIR");
    auto url = database_option(a);
    if (!url) return fail(url.error());
    auto said = [&err](const Error& e) {
        err << "ducha-server verify: " << e.message() << "\n";
        return 1;
    };
    const std::filesystem::path dir = *data;
    auto key = load_server_key(dir);
    if (!key) return said(key.error());
    auto db = open_server_connection(dir, *url);
    if (!db) return said(db.error());
    auto r = verify_server_records(**db, key->public_key(), dir / "blobs");
    if (!r) return said(r.error());
    for (const auto& f : r->failures) out << "FAIL " << f.check << " " << f.report_id << ": " << f.message << "\n";
    for (const auto& n : r->notes) out << "note " << n.check << " " << n.report_id << ": " << n.message << "\n";
    out << "checked " << r->reports << " reports, " << r->receipts << " receipts, " << r->files << " evidence files: "
        << (r->ok() ? "all valid" : std::to_string(r->failures.size()) + " failed") << "\n";
    if (r->ok()) return 0;
    err << "ducha-server verify: "
        << render_bilingual(Msg::server_records_verify_failed, {std::to_string(r->failures.size())}) << "\n";
    return 1;
}

}  // namespace ducha::server
