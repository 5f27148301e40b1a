#include "shared/desk/people_desk.h"

#include <algorithm>
#include <map>
#include <cctype>
#include <optional>
#include <tuple>

#include "shared/common/text.h"
#include "shared/crypto/random.h"
#include "shared/desk/csv_reader.h"
#include "shared/domain/badge_photo.h"
#include "shared/domain/collections.h"
#include "shared/domain/phone_number.h"
#include "shared/domain/vocabulary.h"
#include "shared/store/transaction.h"
#include "shared/sync/blob_fetcher.h"

namespace ducha::desk {

using namespace ducha::domain;

namespace {

constexpr std::int64_t kBadgeValidity_s = 365 * 24 * 3600;  // a year, as `admin user add` and the demo give
constexpr int kMaxRenewWithinDays = 3650;

// A role as a file may spell it: the stored word, or the Chinese one people use.
std::optional<std::string> role_of_cell(const std::string& cell) {
    static const std::map<std::string, std::string, std::less<>> kChinese{
        {"督查员", "volunteer"}, {"协调员", "coordinator"}, {"执法督导", "supervisor"}, {"管理员", "admin"}};
    if (auto it = kChinese.find(cell); it != kChinese.end()) return it->second;
    std::string lower = cell;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (parse_role(lower)) return lower;
    return std::nullopt;
}

struct PeopleColumns {
    std::optional<std::size_t> name, phone, role, district, school;
};

PeopleColumns people_columns(const CsvTable& csv) {
    PeopleColumns c;
    c.name = csv.column({"name", "姓名", "名字"});
    c.phone = csv.column({"phone", "电话", "手机", "联系电话"});
    c.role = csv.column({"role", "角色"});
    c.district = csv.column({"district", "区县", "区"});
    c.school = csv.column({"school", "学校"});
    return c;
}

}  // namespace

Result<std::string> PeopleDesk::add_district(const std::string& name, const std::string& code) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kDistrict, policy::kCreate); !s) return fail(s.error());
    const std::string n = trimmed(name);
    if (n.empty()) return fail(Errc::invalid_argument, Msg::district_needs_name);
    auto all = m_w.list<pb::District>(kDistrict);
    if (!all) return fail(all.error());
    for (const auto& d : *all)
        if (d.msg.name() == n) return fail(Errc::already_exists, Msg::district_already_named, n, d.id);
    pb::District d;
    d.set_name(n);
    d.set_code(trimmed(code));
    return m_w.create(kDistrict, d);
}

Result<std::vector<DistrictView>> PeopleDesk::districts() {
    auto all = m_w.list<pb::District>(kDistrict);
    if (!all) return fail(all.error());
    std::vector<DistrictView> out;
    for (const auto& d : *all) out.push_back({d.id, d.msg.name(), d.msg.name_en(), d.msg.code()});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

Result<ImportResult> PeopleDesk::import_csv(std::string_view csv_text) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kUser, policy::kCreate); !s) return fail(s.error());
    const bool coordinator = who->role == "coordinator";
    auto csv = parse_csv(csv_text);
    if (!csv) return fail(csv.error());
    const PeopleColumns cols = people_columns(*csv);
    ImportResult res;
    std::string missing;
    if (!cols.name) missing += " name/姓名";
    if (!cols.phone) missing += " phone/电话";
    if (!cols.role) missing += " role/角色";
    if (!missing.empty()) {
        res.errors.push_back({1, Error{Errc::invalid_argument, Msg::missing_required_columns, trimmed(missing)}});
        return res;
    }
    auto districts = m_w.list<pb::District>(kDistrict);
    if (!districts) return fail(districts.error());
    // A number someone already has is the write rule's to say (check_write below): one rule for
    // the import, the desk and the server. Within the file, it is said here with both lines.
    std::map<std::string, int> phones_in_file;  // digits -> first line

    std::vector<pb::Mutation> queued;
    for (const auto& row : csv->rows) {
        auto cell = [&](const std::optional<std::size_t>& c) {
            return c && *c < row.cells.size() ? trimmed(row.cells[*c]) : std::string{};
        };
        auto problem = [&](Errc code, Msg m, std::vector<std::string> args = {}) {
            res.errors.push_back({row.line, Error{code, m, std::move(args)}});
        };
        const std::size_t before = res.errors.size();
        pb::User u;
        u.set_name(cell(cols.name));
        u.set_phone(cell(cols.phone));
        u.set_school(cell(cols.school));
        u.set_active(true);
        if (u.name().empty()) problem(Errc::invalid_argument, Msg::person_needs_name);
        if (u.phone().empty()) {
            problem(Errc::invalid_argument, Msg::person_needs_phone);
        } else if (!phone_well_formed(u.phone())) {
            problem(Errc::invalid_argument, Msg::phone_malformed, {u.phone()});
        } else {
            const std::string digits = phone_digits(u.phone());
            if (auto it = phones_in_file.find(digits); it != phones_in_file.end())
                problem(Errc::already_exists, Msg::phone_repeats_line, {u.phone(), std::to_string(it->second)});
            phones_in_file.emplace(digits, row.line);
        }
        const std::string role_cell = cell(cols.role);
        const auto role = role_of_cell(role_cell);
        if (!role) problem(Errc::invalid_argument, Msg::unknown_person_role, {role_cell});
        else u.set_role(*role);
        std::string district = cell(cols.district);
        if (district.empty() && coordinator) district = who->district_id;  // their own, unsaid
        if (!district.empty()) {
            auto it = std::find_if(districts->begin(), districts->end(),
                                   [&](const auto& d) { return d.id == district || d.msg.name() == district; });
            if (it == districts->end()) problem(Errc::not_found, Msg::no_such_district_named, {district});
            else u.set_district_id(it->id);
        } else if (role && (*role == "volunteer" || *role == "coordinator")) {
            problem(Errc::invalid_argument, Msg::role_needs_district, {*role});
        }
        if (coordinator && role && (*role != "volunteer" || u.district_id() != who->district_id) &&
            res.errors.size() == before)
            problem(Errc::forbidden, Msg::coordinator_imports_own_volunteers);
        u.set_badge_token(crypto::random_token(16));
        u.set_badge_valid_until(m_clock.now_s() + kBadgeValidity_s);
        pb::Mutation m;
        m.set_collection(std::string(kUser));
        m.set_id(crypto::new_uuid());
        m.set_payload(u.SerializeAsString());
        // Whatever else the write rules say of this row, said now with its line, not half-way through queueing.
        if (res.errors.size() == before)
            if (auto s = m_w.profile().check_write(m); !s) res.errors.push_back({row.line, s.error()});
        queued.push_back(std::move(m));
    }
    if (queued.empty() && res.errors.empty())
        res.errors.push_back({1, Error{Errc::invalid_argument, Msg::file_has_no_data_rows}});
    if (!res.ok()) return res;
    // All rows or none: one transaction around every queued record.
    store::Transaction tx{m_w.store().db()};
    if (!tx.begun()) return fail(tx.begun().error());
    for (auto& m : queued) {
        if (auto q = m_w.profile().submit(m); !q) return fail(q.error());
        res.ids.push_back(m.id());
    }
    if (auto s = tx.commit(); !s) return fail(s.error());
    return res;
}

Result<std::vector<PersonView>> PeopleDesk::people(const std::string& district_id) {
    auto users = m_w.list<pb::User>(kUser);
    if (!users) return fail(users.error());
    auto districts = m_w.list<pb::District>(kDistrict);
    if (!districts) return fail(districts.error());
    auto devices = m_w.list<pb::Device>(kDevice);
    if (!devices) return fail(devices.error());
    std::map<std::string, std::string> district_names;
    for (const auto& d : *districts) district_names[d.id] = d.msg.name();
    struct DeviceSummary {
        int working = 0;
        std::int64_t last_contact_ms = 0;
    };
    std::map<std::string, DeviceSummary> by_owner;  // a replica holds the devices in its scope only
    for (const auto& d : *devices) {
        auto& s = by_owner[d.msg.user_id()];
        if (!d.msg.revoked()) ++s.working;
        s.last_contact_ms = std::max(s.last_contact_ms, d.msg.last_contact() * 1000);  // the server stamps seconds
    }
    std::vector<PersonView> out;
    for (const auto& u : *users) {
        if (!district_id.empty() && u.msg.district_id() != district_id) continue;
        PersonView v;
        v.id = u.id;
        v.name = u.msg.name();
        v.role = u.msg.role();
        v.district_id = u.msg.district_id();
        if (const auto dn = district_names.find(v.district_id); dn != district_names.end()) v.district_name = dn->second;
        v.phone = u.msg.phone();
        v.school = u.msg.school();
        v.active = u.msg.active();
        v.badge_valid_until = u.msg.badge_valid_until();
        if (u.msg.badge_photo().sha256().size() == 32) v.photo_sha256 = hex_encode(u.msg.badge_photo().sha256());
        if (const auto s = by_owner.find(u.id); s != by_owner.end()) {
            v.devices = s->second.working;
            v.last_contact = s->second.last_contact_ms;
        }
        out.push_back(std::move(v));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::tie(a.district_name, a.name, a.id) < std::tie(b.district_name, b.name, b.id);
    });
    return out;
}

Status PeopleDesk::set_active(const std::string& user_id, bool active) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kUser, policy::kUpdate); !s) return s;
    // Switching oneself off would lock this device out before the change is even sent.
    if (!active && user_id == who->user_id) return fail(Errc::invalid_argument, Msg::cannot_deactivate_yourself);
    auto u = m_w.require<pb::User>(kUser, user_id, "用户");
    if (!u) return fail(u.error());
    if (u->msg.active() == active)
        return fail(Errc::invalid_argument, active ? Msg::person_already_active : Msg::person_already_inactive, u->msg.name());
    u->msg.set_active(active);
    // The write rules decide the rest: coordinators reach only their district's volunteers.
    return m_w.update(kUser, user_id, u->version, u->msg);
}

Status PeopleDesk::deactivate(const std::string& user_id) { return set_active(user_id, false); }

Status PeopleDesk::reactivate(const std::string& user_id) { return set_active(user_id, true); }

Status PeopleDesk::change_role(const std::string& user_id, const std::string& role, const std::string& district) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    // The rules table says the same (a coordinator's fields leave out `role`); said first, in its words.
    if (parse_role(who->role) != Role::admin) return fail(Errc::forbidden, Msg::not_allowed_only_admin_changes);
    if (user_id == who->user_id) return fail(Errc::invalid_argument, Msg::cannot_change_own_role);
    auto u = m_w.require<pb::User>(kUser, user_id, "用户");
    if (!u) return fail(u.error());
    const auto r = role_of_cell(trimmed(role));
    if (!r) return fail(Errc::invalid_argument, Msg::unknown_person_role, trimmed(role));
    std::string district_id;
    if (const std::string d = trimmed(district); !d.empty()) {
        auto districts = m_w.list<pb::District>(kDistrict);
        if (!districts) return fail(districts.error());
        auto it = std::find_if(districts->begin(), districts->end(),
                               [&](const auto& x) { return x.id == d || x.msg.name() == d; });
        if (it == districts->end()) return fail(Errc::not_found, Msg::no_such_district_named, d);
        district_id = it->id;
    } else if (*r == "volunteer" || *r == "coordinator") {
        return fail(Errc::invalid_argument, Msg::role_needs_district, *r);
    }
    if (u->msg.role() == *r && u->msg.district_id() == district_id)
        return fail(Errc::invalid_argument, Msg::person_already_has_role, u->msg.name());
    u->msg.set_role(*r);
    u->msg.set_district_id(district_id);
    return m_w.update(kUser, user_id, u->version, u->msg);
}

Result<std::int64_t> PeopleDesk::renew_badge(const std::string& user_id) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kUser, policy::kUpdate); !s) return fail(s.error());
    auto u = m_w.require<pb::User>(kUser, user_id, "用户");
    if (!u) return fail(u.error());
    const std::int64_t until = m_clock.now_s() + kBadgeValidity_s;
    u->msg.set_badge_valid_until(until);  // the token stays: a printed QR stays good
    if (auto s = m_w.update(kUser, user_id, u->version, u->msg); !s) return fail(s.error());
    return until;
}

Result<std::vector<std::string>> PeopleDesk::renew_badges_expiring(int within_days) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kUser, policy::kUpdate); !s) return fail(s.error());
    if (within_days < 0 || within_days > kMaxRenewWithinDays)
        return fail(Errc::invalid_argument, Msg::renew_within_days_range, std::to_string(kMaxRenewWithinDays));
    auto users = m_w.list<pb::User>(kUser);
    if (!users) return fail(users.error());
    const bool coordinator = parse_role(who->role) == Role::coordinator;
    const std::int64_t now_s = m_clock.now_s();
    const std::int64_t horizon_s = now_s + std::int64_t{within_days} * 24 * 3600;
    std::vector<std::string> ids;
    store::Transaction tx{m_w.store().db()};
    if (!tx.begun()) return fail(tx.begun().error());
    for (auto& u : *users) {
        if (!u.msg.active() || u.msg.badge_valid_until() > horizon_s) continue;
        // Within reach: what the write rules give a coordinator (their district's volunteers).
        if (coordinator && (parse_role(u.msg.role()) != Role::volunteer || u.msg.district_id() != who->district_id))
            continue;
        u.msg.set_badge_valid_until(now_s + kBadgeValidity_s);
        if (auto s = m_w.update(kUser, u.id, u.version, u.msg); !s) return fail(s.error());
        ids.push_back(u.id);
    }
    if (auto s = tx.commit(); !s) return fail(s.error());
    return ids;
}

Result<pb::BlobRef> PeopleDesk::set_badge_photo(const std::string& user_id, std::string_view bytes) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kUser, policy::kUpdate); !s) return fail(s.error());
    if (auto s = check_badge_photo_bytes(bytes); !s) return fail(s.error());
    auto u = m_w.require<pb::User>(kUser, user_id, "用户");
    if (!u) return fail(u.error());
    pb::BlobRef ref = badge_photo_ref(bytes);
    // The file first: a crash before the commit leaves an unnamed file, never a record naming a
    // file the device does not hold.
    auto hex = m_w.profile().save_blob(bytes);
    if (!hex) return fail(hex.error());
    store::Transaction tx{m_w.store().db()};
    if (!tx.begun()) return fail(tx.begun().error());
    *u->msg.mutable_badge_photo() = ref;
    // Judged by the write rules first: nothing is queued for someone out of reach.
    if (auto s = m_w.update(kUser, user_id, u->version, u->msg); !s) return fail(s.error());
    sync::BlobItem item;
    item.sha256_hex = *hex;
    item.size = ref.size();
    item.mime = ref.mime();
    item.report_id = user_id;  // the record that names the file
    if (auto s = m_w.store().add_blob(item); !s) return fail(s.error());
    if (auto s = tx.commit(); !s) return fail(s.error());
    return ref;
}

Status PeopleDesk::remove_badge_photo(const std::string& user_id) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kUser, policy::kUpdate); !s) return s;
    auto u = m_w.require<pb::User>(kUser, user_id, "用户");
    if (!u) return fail(u.error());
    if (!u->msg.has_badge_photo()) return fail(Errc::invalid_argument, Msg::badge_photo_none, u->msg.name());
    u->msg.clear_badge_photo();
    return m_w.update(kUser, user_id, u->version, u->msg);
}

Result<std::string> PeopleDesk::badge_photo(const std::string& user_id) {
    auto u = m_w.require<pb::User>(kUser, user_id, "用户");
    if (!u) return fail(u.error());
    if (u->msg.badge_photo().sha256().size() != 32) return fail(Errc::not_found, Msg::badge_photo_none, u->msg.name());
    return sync::BlobFetcher{m_w.profile()}.get(hex_encode(u->msg.badge_photo().sha256()));
}

}  // namespace ducha::desk
