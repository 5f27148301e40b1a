#include "server/cli/enrollment_sheets_command.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <set>

#include "server/cli/database_option.h"
#include "server/cli/enroll_link_target.h"
#include "server/service/server_app.h"
#include "server/storage/enrollment_roster.h"
#include "shared/cli/cli_args.h"
#include "shared/common/clock.h"
#include "shared/common/message_catalogue.h"
#include "shared/common/shanghai_time.h"
#include "shared/export/enrollment_sheet.h"
#include "shared/export/file_output.h"
#include "shared/sync/enroll_link.h"

namespace ducha::server {
namespace {

struct Request {
    std::filesystem::path data, out;
    std::string server_url;
    std::string database_url;  // "": SQLite in DIR
    std::optional<std::string> cert, district;
    std::vector<std::string> users;
    std::int64_t days = 7;
    bool all = false;
    bool trust_ca = false;  // no pin in the links: a CA-issued certificate
};

Result<Request> read_request(const std::vector<std::string>& words) {
    Request q;
    const cli::Args a{words};
    auto data = a.get("--data");
    auto url = a.get("--server-url");
    auto out = a.get("--out");
    if (!data || !url || !out) return fail(Errc::invalid_argument, Msg::enrollment_sheets_needs_options);
    auto database = database_option(a);
    if (!database) return fail(database.error());
    q.database_url = *database;
    q.data = *data;
    q.server_url = *url;
    q.out = *out;
    q.cert = a.get("--cert");
    q.district = a.get("--district");
    q.users = a.all("--user");
    if (q.district && !q.users.empty()) return fail(Errc::invalid_argument, Msg::district_or_users_not_both);
    q.all = a.has("--all");
    q.trust_ca = a.has("--trust-ca");
    if (auto d = a.get("--days")) {
        const bool digits = !d->empty() && d->size() <= 3 && std::all_of(d->begin(), d->end(), [](char c) {
            return c >= '0' && c <= '9';
        });
        q.days = digits ? std::stoll(*d) : 0;
        if (q.days < 1 || q.days > 365) return fail(Errc::invalid_argument, Msg::enrollment_days_out_of_range);
    }
    return q;
}

// The people the sheets are for, in the roster's order (or the order of --user), checked first:
// an unknown district or user, or an inactive user asked for by id, is an error before any code.
// People named by --user who are left out for their phone are added to `skipped`.
Result<std::vector<RosterPerson>> select_people(const Request& q, const EnrollmentRoster& roster,
                                                std::vector<RosterPerson>& skipped) {
    std::vector<RosterPerson> chosen;
    if (!q.users.empty()) {
        std::map<std::string, const RosterPerson*> by_id;
        for (const auto& p : roster.people) by_id.emplace(p.user_id, &p);
        std::set<std::string> seen;
        for (const auto& id : q.users) {
            auto it = by_id.find(id);
            if (it == by_id.end()) return fail(Errc::not_found, Msg::no_such_user, id);
            if (!it->second->active) return fail(Errc::invalid_argument, Msg::user_not_active, id);
            if (seen.insert(id).second) chosen.push_back(*it->second);
        }
    } else {
        if (q.district && !roster.districts.count(*q.district))
            return fail(Errc::not_found, Msg::no_such_district_id, *q.district);
        for (const auto& p : roster.people)
            if (p.active && (!q.district || p.district_id == *q.district)) chosen.push_back(p);
    }
    if (!q.all)
        std::erase_if(chosen, [&](const RosterPerson& p) {
            if (p.has_device && !q.users.empty()) skipped.push_back(p);
            return p.has_device;
        });
    if (chosen.empty()) return fail(Errc::not_found, Msg::nobody_to_enroll);
    return chosen;
}

}  // namespace

Result<int> run_enrollment_sheets(const std::vector<std::string>& words, std::ostream& out, std::ostream& err) {
    auto q = read_request(words);
    if (!q) return fail(q.error());
    auto said = [&err](const Error& e) {
        err << "ducha-server enrollment-sheets: " << e.message() << "\n";
        return 1;
    };
    auto target = enroll_link_target(q->data, q->server_url, q->cert, q->trust_ca);
    if (!target) {
        if (target.error().code == Errc::invalid_argument) return fail(target.error());
        return said(target.error());
    }

    std::vector<RosterPerson> people;
    {
        auto db = open_server_connection(q->data, q->database_url);
        if (!db) return said(db.error());
        auto roster = EnrollmentRosterReader{**db}.read();
        if (!roster) return said(roster.error());
        std::vector<RosterPerson> skipped;
        auto chosen = select_people(*q, *roster, skipped);
        for (const auto& p : skipped)
            err << "ducha-server enrollment-sheets: " << render_bilingual(Msg::user_has_phone_no_sheet, {p.user_id, p.name})
                << "\n";
        if (!chosen) return said(chosen.error());
        people = std::move(*chosen);
    }

    std::vector<std::string> ids;
    for (const auto& p : people) ids.push_back(p.user_id);
    bool written = false;
    // Runs inside the codes' transaction: if the PDF cannot be made or written, no code exists.
    auto write_sheets = [&](const std::vector<IssuedEnrollmentCode>& codes) -> Status {
        std::vector<exporting::EnrollmentSheet> sheets;
        for (std::size_t i = 0; i < codes.size(); ++i) {
            const RosterPerson& p = people[i];
            exporting::EnrollmentSheet s;
            s.user_id = p.user_id;
            s.name = p.name;
            s.role = p.role;
            s.district = p.district;
            s.school = p.school;
            s.phone = p.phone;
            s.code = codes[i].code;
            s.link = sync::make_enroll_link({target->server_url, codes[i].code, target->pin});
            s.expires_at_s = codes[i].expires_at_s;
            sheets.push_back(std::move(s));
        }
        auto pdf = exporting::render_enrollment_sheets(sheets, system_clock().now_ms());
        if (!pdf) return fail(pdf.error());
        if (auto w = exporting::write_file_atomically(q->out, *pdf); !w) return fail(w.error());
        written = true;
        return {};
    };
    auto codes = issue_enrollment_codes(q->data, ids, q->days * kSecondsPerDay, write_sheets, q->database_url);
    if (!codes) {
        // The commit itself failed after the file was written: the file's codes do not exist.
        if (written) {
            std::error_code ec;
            std::filesystem::remove(q->out, ec);
        }
        err << "ducha-server enrollment-sheets: " << codes.error().message() << "\n"
            << "没有签发任何登记码 / no enrollment code was issued\n";
        return 1;
    }
    for (std::size_t i = 0; i < codes->size(); ++i)
        out << people[i].user_id << "\t" << people[i].name << "\t" << (*codes)[i].code << "\n";
    out << "enrollment sheets: " << codes->size() << " pages written to " << q->out.string() << "\n";
    return 0;
}

}  // namespace ducha::server
