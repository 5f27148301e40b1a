#include "shared/cli/people_commands.h"

#include <nlohmann/json.hpp>
#include <functional>
#include <ostream>

#include "shared/cli/command_options.h"
#include "shared/cli/import_report.h"
#include "shared/common/command_line.h"
#include "shared/desk/people_desk.h"

namespace ducha::cli {

using nlohmann::json;

const char* const kPeopleUsage = R"(Districts and people (queued, sent by `sync`):
  district add --name NAME [--code CODE]     admins; prints the district's id
  district list [--json]
  user import FILE.csv        admins (anyone), coordinators (their district's volunteers); all
                              rows or none, errors name their line. Header row, order free:
                              name,phone,role,district,school (or 姓名,电话,角色,区县,学校);
                              role volunteer|coordinator|supervisor|admin, district its name or id
  user list [--district ID] [--json]
)";

namespace {

class PeopleCommands {
public:
    PeopleCommands(std::string_view command, sync::DeviceProfile& p, const Args& a, std::ostream& out, std::ostream& err)
        : m_command(command), m_w(p), m_desk(m_w), m_a(a), m_out(out), m_err(err) {}

    int district() {
        const std::string sub = word(0);
        if (sub == "add") return district_add();
        if (sub == "list") return district_list();
        return usage(Error{Errc::invalid_argument, Msg::unknown_subcommand_of, "district", sub});
    }

    int user() {
        const std::string sub = word(0);
        if (sub == "import") return user_import();
        if (sub == "list") return user_list();
        return usage(Error{Errc::invalid_argument, Msg::unknown_subcommand_of, "user", sub});
    }

private:
    int district_add() {
        auto name = m_a.get("--name");
        if (!name) return usage(Error{Errc::invalid_argument, Msg::command_needs_argument, "district add", "--name NAME"});
        auto id = m_desk.add_district(*name, m_a.get("--code").value_or(""));
        if (!id) return failed(m_err, id.error());
        m_out << *id << "\n";
        return 0;
    }

    int district_list() {
        auto ds = m_desk.districts();
        if (!ds) return failed(m_err, ds.error());
        json arr = json::array();
        for (const auto& d : *ds) arr.push_back({{"id", d.id}, {"name", d.name}, {"name_en", d.name_en}, {"code", d.code}});
        return print(arr, [&](const json& j) {
            m_out << j["id"].get<std::string>() << "  " << j["name"].get<std::string>();
            if (!j["code"].get<std::string>().empty()) m_out << "  " << j["code"].get<std::string>();
            m_out << "\n";
        });
    }

    int user_import() {
        const std::string path = word(1);
        if (path.empty()) return usage(Error{Errc::invalid_argument, Msg::command_needs_argument, "user import", "FILE.csv"});
        auto text = read_file(path);
        if (!text) return failed(m_err, Error{Errc::not_found, Msg::cannot_read_file, path});
        return report_import(m_desk.import_csv(*text), Msg::people_imported_queued, m_out, m_err);
    }

    int user_list() {
        auto people = m_desk.people(m_a.get("--district").value_or(""));
        if (!people) return failed(m_err, people.error());
        json arr = json::array();
        for (const auto& p : *people)
            arr.push_back({{"id", p.id}, {"name", p.name}, {"role", p.role}, {"district_id", p.district_id},
                           {"district", p.district_name}, {"phone", p.phone}, {"school", p.school}, {"active", p.active}});
        return print(arr, [&](const json& j) {
            m_out << j["id"].get<std::string>() << "  " << j["name"].get<std::string>() << "  " << j["role"].get<std::string>()
                  << "  " << j["district"].get<std::string>() << "  " << j["phone"].get<std::string>()
                  << (j["active"].get<bool>() ? "" : "  (inactive)") << "\n";
        });
    }

    // The n-th word that is not an option (command_options says which options stand alone).
    std::string word(std::size_t n) const {
        const CommandOptions* options = command_options(m_command);
        return positional_word(m_a.v, n, options ? options->flags : std::string_view{}).value_or("");
    }

    int usage(const Error& e) {
        m_err << "ducha: " << e.message() << "\n\n" << kPeopleUsage;
        return 2;
    }

    int print(const json& arr, const std::function<void(const json&)>& line) {
        if (m_a.has("--json")) {
            m_out << arr.dump(2) << "\n";
            return 0;
        }
        for (const auto& j : arr) line(j);
        return 0;
    }

    std::string_view m_command;
    desk::RecordWriter m_w;
    desk::PeopleDesk m_desk;
    const Args& m_a;
    std::ostream& m_out;
    std::ostream& m_err;
};

}  // namespace

std::optional<int> run_people_command(const std::string& cmd, sync::DeviceProfile& profile, const Args& args,
                                      std::ostream& out, std::ostream& err) {
    if (cmd == "district") return PeopleCommands{"district", profile, args, out, err}.district();
    if (cmd == "user") return PeopleCommands{"user", profile, args, out, err}.user();
    return std::nullopt;
}

}  // namespace ducha::cli
