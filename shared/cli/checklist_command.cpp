#include "shared/cli/checklist_command.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "shared/cli/command_options.h"
#include "shared/common/command_line.h"
#include "shared/common/shanghai_time.h"
#include "shared/desk/checklist_desk.h"

namespace ducha::cli {

using nlohmann::json;

const char* const kChecklistUsage = R"(Checklist versions:
  checklist list [--json]                 every version on this device, oldest first
  checklist show [--version N] [--json]   one version's steps and items (default the newest);
                                          --json prints the file `checklist publish` reads
  checklist diff [--from N] [--to N]      what changed (default: the newest against the one before)
  checklist publish FILE.json [--note TEXT]   admins: queue the next version (newest + 1) from a
                                          file; every problem is named and nothing is queued
)";

namespace {

class ChecklistCommands {
public:
    ChecklistCommands(sync::DeviceProfile& p, const Args& a, std::ostream& out, std::ostream& err)
        : m_w(p), m_desk(m_w), m_a(a), m_out(out), m_err(err) {}

    int run() {
        const std::string sub = word(0);
        if (sub == "list") return list();
        if (sub == "show") return show();
        if (sub == "diff") return diff();
        if (sub == "publish") return publish();
        return usage(Error{Errc::invalid_argument, Msg::unknown_subcommand_of, "checklist", sub});
    }

private:
    int list() {
        auto vs = m_desk.versions();
        if (!vs) return failed(m_err, vs.error());
        json arr = json::array();
        for (const auto& v : *vs) {
            const auto& c = v.checklist;
            arr.push_back({{"id", v.id}, {"version", c.template_version()}, {"name", c.name()},
                           {"steps", c.steps_size()}, {"items", c.items_size()}, {"supersedes", c.supersedes()},
                           {"note", c.note()}, {"published_by", c.published_by()}, {"published_at", c.published_at()},
                           {"queued", v.queued}});
        }
        if (m_a.has("--json")) {
            m_out << arr.dump(2) << "\n";
            return 0;
        }
        for (const auto& j : arr) {
            const std::int64_t at = j["published_at"].get<std::int64_t>();
            m_out << "v" << j["version"].get<int>() << "  " << j["id"].get<std::string>() << "  "
                  << j["name"].get<std::string>() << "  " << j["steps"].get<int>() << "/" << j["items"].get<int>()
                  << (at > 0 ? "  " + shanghai_date(at) : std::string()) << (j["queued"].get<bool>() ? "  (queued)" : "");
            if (!j["note"].get<std::string>().empty()) m_out << "  " << j["note"].get<std::string>();
            m_out << "\n";
        }
        return 0;
    }

    int show() {
        auto n = number("--version");
        if (!n) return usage(n.error());
        auto v = m_desk.version(*n);
        if (!v) return failed(m_err, v.error());
        if (m_a.has("--json")) {
            m_out << desk::ChecklistDesk::to_json(v->checklist) << "\n";
            return 0;
        }
        const auto& c = v->checklist;
        m_out << c.name() << "  " << render_bilingual(Msg::checklist_version_mark, {std::to_string(c.template_version())})
              << "  " << v->id << "\n";
        for (const auto& s : c.steps()) {
            m_out << s.code() << "  " << s.text_zh() << " / " << s.text_en() << (s.open_only() ? "  [open only]" : "") << "\n";
            for (const auto& i : c.items()) {
                if (i.step() != s.code()) continue;
                m_out << "  " << i.code() << "  [" << i.severity() << (i.photo_on_fail() ? ", photo on fail" : "")
                      << (i.applies().empty() || i.applies() == "all" ? "" : ", " + i.applies()) << "]  " << i.text_zh()
                      << " / " << i.text_en() << "\n";
            }
        }
        return 0;
    }

    int diff() {
        auto to = number("--to");
        if (!to) return usage(to.error());
        int newer = *to;
        if (newer == 0) {
            auto newest = m_desk.version(0);
            if (!newest) return failed(m_err, newest.error());
            newer = newest->checklist.template_version();
        }
        auto from = number("--from");
        if (!from) return usage(from.error());
        const int older = *from ? *from : newer - 1;
        if (older < 1) return failed(m_err, Error{Errc::not_found, Msg::checklist_no_such_version, std::to_string(older)});
        auto changes = m_desk.changes(older, newer);
        if (!changes) return failed(m_err, changes.error());
        m_out << render_bilingual(Msg::checklist_version_mark, {std::to_string(older)}) << " → "
              << render_bilingual(Msg::checklist_version_mark, {std::to_string(newer)}) << "\n";
        if (changes->empty()) m_out << render_bilingual(Msg::checklist_no_changes, {}) << "\n";
        for (const auto& c : *changes) m_out << "  " << c.words().message() << "\n";
        return 0;
    }

    int publish() {
        const std::string path = word(1);
        if (path.empty()) return usage(Error{Errc::invalid_argument, Msg::command_needs_argument, "checklist publish", "FILE.json"});
        auto text = read_file(path);
        if (!text) return failed(m_err, Error{Errc::not_found, Msg::cannot_read_file, path});
        auto next = desk::ChecklistDesk::parse_json(*text, path);
        if (!next) return failed(m_err, next.error());
        auto p = m_desk.publish(std::move(*next), m_a.get("--note").value_or(""));
        if (!p) return failed(m_err, p.error());
        for (const auto& c : p->changes) m_out << "  " << c.words().message() << "\n";
        m_out << p->id << "\n"
              << render_bilingual(Msg::checklist_published_queued,
                                  {std::to_string(p->version), std::to_string(p->steps), std::to_string(p->items)})
              << "\n";
        return 0;
    }

    // A version number option: 0 when absent.
    Result<int> number(std::string_view flag) const {
        auto v = m_a.get(flag);
        if (!v) return 0;
        if (v->empty() || v->size() > 6 || v->find_first_not_of("0123456789") != std::string::npos || *v == "0")
            return fail(Errc::invalid_argument, Msg::checklist_version_not_number, flag);
        return std::stoi(*v);
    }

    std::string word(std::size_t n) const {
        const CommandOptions* options = command_options("checklist");
        return positional_word(m_a.v, n, options ? options->flags : std::string_view{}).value_or("");
    }

    int usage(const Error& e) {
        m_err << "ducha: " << e.message() << "\n\n" << kChecklistUsage;
        return 2;
    }

    desk::RecordWriter m_w;
    desk::ChecklistDesk m_desk;
    const Args& m_a;
    std::ostream& m_out;
    std::ostream& m_err;
};

}  // namespace

int run_checklist_command(sync::DeviceProfile& profile, const Args& args, std::ostream& out, std::ostream& err) {
    return ChecklistCommands{profile, args, out, err}.run();
}

}  // namespace ducha::cli
