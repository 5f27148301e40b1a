#include "shared/cli/audit_command.h"

#include <charconv>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "ducha.pb.h"
#include "shared/common/shanghai_time.h"
#include "shared/domain/collections.h"
#include "shared/sync/audit_reader.h"

namespace ducha::cli {

using nlohmann::json;

const char* const kAuditUsage =
    "Usage: ducha --profile DIR audit [--outcome refused|accepted|conflict] [--action A] [--actor USER]\n"
    "         [--collection C] [--record ID] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N] [--json]\n"
    "  the server's audit log, newest first (online; admins: every entry, supervisors: refused and\n"
    "  conflicting ones). --action takes a prefix ending in * (e.g. blob.*); days are Shanghai days, inclusive.\n";

namespace {

// RFC 3986 unreserved characters stay, everything else becomes %XX.
std::string percent_encode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

class AuditCommand {
public:
    AuditCommand(sync::DeviceProfile& p, const Args& a, std::ostream& out, std::ostream& err)
        : m_p(p), m_a(a), m_out(out), m_err(err) {}

    int run() {
        // Every word must be a known option: a misspelt filter would otherwise widen the answer.
        static const std::map<std::string, std::string, std::less<>> kFilters{
            {"--outcome", "outcome"}, {"--action", "action"}, {"--actor", "actor"}, {"--collection", "collection"},
            {"--record", "record"},   {"--since", "since"},   {"--until", "until"}, {"--limit", "limit"}};
        std::string query;
        bool as_json = false;
        for (std::size_t i = 0; i < m_a.v.size(); ++i) {
            const std::string& w = m_a.v[i];
            if (w == "--json") {
                as_json = true;
                continue;
            }
            auto f = kFilters.find(w);
            if (f == kFilters.end()) return usage(render_bilingual(Msg::unknown_option_named, {w}));
            if (i + 1 >= m_a.v.size()) return usage(render_bilingual(Msg::option_needs_value, {w}));
            const std::string& v = m_a.v[++i];
            if (auto bad = check(w, v); !bad.empty()) return usage(bad);
            query += (query.empty() ? "?" : "&") + f->second + "=" + percent_encode(v);
        }
        auto fetched = sync::fetch_audit_json(m_p, query);
        if (!fetched) return failed(m_err, fetched.error());
        const json& entries = *fetched;
        if (as_json) {
            m_out << entries.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
            return 0;
        }
        for (const auto& e : entries) line(e);
        if (entries.empty()) m_out << render_bilingual(Msg::no_audit_entries, {}) << "\n";
        return 0;
    }

private:
    // A bad value's message, or "" when it is fine.
    static std::string check(const std::string& flag, const std::string& v) {
        if (flag == "--outcome" && v != "refused" && v != "accepted" && v != "conflict")
            return render_bilingual(Msg::audit_outcome_values, {});
        if ((flag == "--since" || flag == "--until") && !parse_shanghai_date(v))
            return render_bilingual(Msg::option_takes_date, {flag});
        if (flag == "--limit") {
            int n = 0;
            auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            if (ec != std::errc{} || end != v.data() + v.size() || n < 1 || n > 1000)
                return render_bilingual(Msg::audit_limit_range, {});
        }
        return "";
    }

    void line(const json& e) {
        auto text = [&e](const char* k) { return e.contains(k) && e[k].is_string() ? e[k].get<std::string>() : ""; };
        std::string when = e.contains("at") && e["at"].is_number_integer() ? shanghai_time(e["at"].get<std::int64_t>()) : "?";
        std::string record = text("collection").empty() && text("record_id").empty()
                                 ? "-"
                                 : text("collection") + "/" + text("record_id");
        std::string outcome = text("outcome");
        if (!text("code").empty()) outcome += " (" + text("code") + ")";
        m_out << when << "  " << actor_name(text("actor")) << "  " << text("action") << "  " << record << "  " << outcome;
        if (!text("reason").empty()) m_out << "  " << text("reason");
        m_out << "\n";
    }

    // A user's name when this replica holds their record, else their id; "-" for the server itself.
    std::string actor_name(const std::string& id) {
        if (id.empty()) return "-";
        auto rec = m_p.store().get(domain::kUser, id);
        pb::User u;
        if (rec && *rec && u.ParseFromString((*rec)->payload()) && !u.name().empty()) return u.name() + " (" + id + ")";
        return id;
    }

    int usage(const std::string& msg) {
        m_err << "ducha: " << msg << "\n\n" << kAuditUsage;
        return 2;
    }

    sync::DeviceProfile& m_p;
    const Args& m_a;
    std::ostream& m_out;
    std::ostream& m_err;
};

}  // namespace

int run_audit_command(sync::DeviceProfile& profile, const Args& args, std::ostream& out, std::ostream& err) {
    return AuditCommand{profile, args, out, err}.run();
}

}  // namespace ducha::cli
