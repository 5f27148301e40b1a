#include "shared/cli/people_commands.h"

#include <nlohmann/json.hpp>
#include <ctime>
#include <functional>
#include <ostream>

#include "shared/cli/command_options.h"
#include "shared/cli/import_report.h"
#include "shared/common/command_line.h"
#include "shared/common/durable_file.h"
#include "shared/common/shanghai_time.h"
#include "shared/desk/people_desk.h"
#include "shared/domain/collections.h"

namespace ducha::cli {

using nlohmann::json;

const char* const kPeopleUsage = R"(Districts and people (queued, sent by `sync`):
  district add --name NAME [--code CODE]     admins; prints the district's id
  district list [--json]
  user import FILE.csv        admins (anyone), coordinators (their district's volunteers); all
                              rows or none, errors name their line. Header row, order free:
                              name,phone,role,district,school (or 姓名,电话,角色,区县,学校);
                              role volunteer|coordinator|supervisor|admin, district its name or id
  user list [--district ID] [--json]   each person's badge expiry and whether they are active
  user deactivate USER_ID     switch a person off: their devices are refused, their badge check
                              says not valid (admins; coordinators: their district's volunteers)
  user reactivate USER_ID     switch them on again (the same people may)
  user role USER_ID --role R [--district D]   admins only; a volunteer or coordinator needs a district
  user renew-badge USER_ID    the badge is valid one year from today, same token (the same people)
  user renew-badge --expiring-within DAYS   every active person within reach whose badge ends
                              within DAYS days (expired ones too); prints their ids
  user badge-photo USER_ID FILE.jpg   the photo on their badge (JPEG or PNG, at most 1 MiB: crop
                              it to the face first); uploaded with the next sync (the same people)
  user badge-photo USER_ID --remove   takes it off the badge
  user badge-photo USER_ID --save OUT.jpg   writes the photo to a file (downloads it if needed)
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
        if (sub == "deactivate") return user_switch(false);
        if (sub == "reactivate") return user_switch(true);
        if (sub == "role") return user_role();
        if (sub == "renew-badge") return user_renew_badge();
        if (sub == "badge-photo") return user_badge_photo();
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
                           {"district", p.district_name}, {"phone", p.phone}, {"school", p.school}, {"active", p.active},
                           {"badge_valid_until", p.badge_valid_until}, {"devices", p.devices},
                           {"last_contact", p.last_contact}, {"badge_photo_sha256", p.photo_sha256}});
        return print(arr, [&](const json& j) {
            const std::int64_t until = j["badge_valid_until"].get<std::int64_t>();
            m_out << j["id"].get<std::string>() << "  " << j["name"].get<std::string>() << "  " << j["role"].get<std::string>()
                  << "  " << j["district"].get<std::string>() << "  " << j["phone"].get<std::string>() << "  "
                  << (until > 0 ? render_bilingual(Msg::badge_valid_until_mark, {shanghai_date(until)})
                                : render_bilingual(Msg::badge_never_dated, {}))
                  << (j["badge_photo_sha256"].get<std::string>().empty() ? "  (" + render_bilingual(Msg::no_badge_photo_mark, {}) + ")" : "")
                  << (j["active"].get<bool>() ? "" : "  (" + render_bilingual(Msg::person_inactive_mark, {}) + ")") << "\n";
        });
    }

    int user_switch(bool active) {
        const std::string id = word(1);
        const char* command = active ? "user reactivate" : "user deactivate";
        if (id.empty()) return usage(Error{Errc::invalid_argument, Msg::command_needs_argument, command, "USER_ID"});
        if (auto s = active ? m_desk.reactivate(id) : m_desk.deactivate(id); !s) return failed(m_err, s.error());
        m_out << render_bilingual(active ? Msg::user_reactivated_queued : Msg::user_deactivated_queued, {}) << "\n";
        return 0;
    }

    int user_role() {
        const std::string id = word(1);
        auto role = m_a.get("--role");
        if (id.empty() || !role)
            return usage(Error{Errc::invalid_argument, Msg::command_needs_argument, "user role", "USER_ID --role R"});
        if (auto s = m_desk.change_role(id, *role, m_a.get("--district").value_or("")); !s) return failed(m_err, s.error());
        m_out << render_bilingual(Msg::user_role_changed_queued, {}) << "\n";
        return 0;
    }

    int user_renew_badge() {
        const std::string id = word(1);
        auto within = m_a.get("--expiring-within");
        if (id.empty() == !within)
            return usage(Error{Errc::invalid_argument, Msg::command_needs_argument, "user renew-badge",
                               "USER_ID | --expiring-within DAYS"});
        if (within) {
            const auto days = whole_number(*within);
            if (!days) return usage(Error{Errc::invalid_argument, Msg::renew_within_days_range, "3650"});
            auto ids = m_desk.renew_badges_expiring(*days);
            if (!ids) return failed(m_err, ids.error());
            for (const auto& i : *ids) m_out << i << "\n";
            m_out << render_bilingual(Msg::badges_renewed_queued, {std::to_string(ids->size())}) << "\n";
            return 0;
        }
        auto until = m_desk.renew_badge(id);
        if (!until) return failed(m_err, until.error());
        m_out << render_bilingual(Msg::badge_renewed_queued, {shanghai_date(*until)}) << "\n";
        return 0;
    }

    int user_badge_photo() {
        const std::string id = word(1), path = word(2);
        auto save = m_a.get("--save");
        const bool remove = m_a.has("--remove");
        if (id.empty() || (int{!path.empty()} + int{remove} + int{save.has_value()}) != 1)
            return usage(Error{Errc::invalid_argument, Msg::command_needs_argument, "user badge-photo",
                               "USER_ID FILE.jpg | USER_ID --remove | USER_ID --save OUT.jpg"});
        auto person = m_w.require<pb::User>(domain::kUser, id, "用户");
        if (!person) return failed(m_err, person.error());
        if (remove) {
            if (auto s = m_desk.remove_badge_photo(id); !s) return failed(m_err, s.error());
            m_out << render_bilingual(Msg::badge_photo_removed, {person->msg.name()}) << "\n";
            return 0;
        }
        if (save) {
            auto bytes = m_desk.badge_photo(id);
            if (!bytes) return failed(m_err, bytes.error());
            if (auto s = write_file_durably(*save, *bytes, 0600); !s) return failed(m_err, s.error());
            m_out << *save << "\n";
            return 0;
        }
        auto bytes = read_file(path);
        if (!bytes) return failed(m_err, Error{Errc::not_found, Msg::cannot_read_file, path});
        auto ref = m_desk.set_badge_photo(id, *bytes);
        if (!ref) return failed(m_err, ref.error());
        m_out << render_bilingual(Msg::badge_photo_set, {person->msg.name(), std::to_string(ref->size())}) << "\n";
        return 0;
    }

    // A count of days as typed: digits only, at most four of them.
    static std::optional<int> whole_number(const std::string& text) {
        if (text.empty() || text.size() > 4) return std::nullopt;
        int n = 0;
        for (char c : text) {
            if (c < '0' || c > '9') return std::nullopt;
            n = n * 10 + (c - '0');
        }
        return n;
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
