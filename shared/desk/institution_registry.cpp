#include "shared/desk/institution_registry.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "shared/domain/collections.h"
#include "shared/desk/csv_reader.h"
#include "shared/store/transaction.h"

namespace ducha::desk {

using namespace ducha::domain;

namespace {

std::string key_of(const pb::Institution& i) { return i.name() + "\n" + i.address(); }

std::optional<double> parse_double(const std::string& s) {
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0') return std::nullopt;
    return v;
}

}  // namespace

Status InstitutionRegistry::validate(const pb::Institution& inst) {
    std::vector<Error> problems;
    auto problem = [&](Msg m) { problems.push_back(Error{Errc::invalid_argument, m}); };
    if (is_blank(inst.name())) problem(Msg::institution_name_required);
    if (is_blank(inst.address())) problem(Msg::institution_address_required);
    if (inst.district_id().empty()) problem(Msg::institution_district_required);
    if (inst.name().size() > 200) problem(Msg::institution_name_too_long);
    if (inst.has_location() && (std::abs(inst.location().lat()) > 90 || std::abs(inst.location().lon()) > 180))
        problem(Msg::coordinates_out_of_range);
    if (!problems.empty()) return fail(one_error_of(problems));
    return {};
}

Result<std::string> InstitutionRegistry::create(pb::Institution inst) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kInstitution, policy::kCreate); !s) return fail(s.error());
    if (inst.district_id().empty()) inst.set_district_id(who->district_id);
    if (auto s = require_district(*who, inst.district_id()); !s) return fail(s.error());
    if (auto s = validate(inst); !s) return fail(s.error());
    if (!inst.zone_id().empty()) {
        auto z = m_w.require<pb::Zone>(kZone, inst.zone_id(), "片区");
        if (!z) return fail(z.error());
        if (z->msg.district_id() != inst.district_id())
            return fail(Errc::invalid_argument, Msg::zone_another_district);
    }
    auto all = m_w.list<pb::Institution>(kInstitution);
    if (!all) return fail(all.error());
    for (const auto& i : *all)
        if (key_of(i.msg) == key_of(inst) && i.msg.merged_into().empty())
            return fail(Errc::already_exists, Msg::registry_already_at_address, inst.name(), i.id);
    inst.set_field_reported(false);
    return m_w.create(kInstitution, inst);
}

Status InstitutionRegistry::update(const std::string& id, const pb::Institution& next, const std::vector<std::string>& fields) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kInstitution, policy::kUpdate); !s) return s;
    auto cur = m_w.require<pb::Institution>(kInstitution, id, "机构");
    if (!cur) return fail(cur.error());
    if (auto s = require_district(*who, cur->msg.district_id()); !s) return s;
    if (auto s = require_district(*who, next.district_id()); !s) return s;
    if (auto s = validate(next); !s) return s;
    if (fields.empty()) return fail(Errc::invalid_argument, Msg::nothing_change);
    const auto* desc = pb::Institution::descriptor();
    for (const auto& f : fields)
        if (!desc->FindFieldByName(f)) return fail(Errc::invalid_argument, Msg::unknown_field_named, f);
    return m_w.edit_fields(kInstitution, id, cur->version, next, fields);
}

namespace {

// Where each field is in an import file: the header names it in English or Chinese.
struct RegistryColumns {
    std::optional<std::size_t> name, address, licensed, academic, category, community, zone, licence_no, phone, lat, lon,
        key_target;
};

RegistryColumns registry_columns(const CsvTable& csv) {
    auto col = [&](std::initializer_list<std::string_view> n) { return csv.column(n); };
    RegistryColumns c;
    c.name = col({"name", "名称", "机构名称"}), c.address = col({"address", "地址"}), c.licensed = col({"licensed", "有证", "是否有证"});
    c.academic = col({"academic", "学科类"}), c.category = col({"category", "类别"}), c.community = col({"community", "小区"});
    c.zone = col({"zone", "片区"}), c.licence_no = col({"licence_no", "许可证号"}), c.phone = col({"phone", "联系电话"});
    c.lat = col({"lat", "纬度"}), c.lon = col({"lon", "经度"}), c.key_target = col({"key_target", "重点对象"});
    return c;
}

// One row of an import file as an institution of `district`. What is wrong with it is appended to
// `problems`; `taken` holds the name and address of every institution so far.
pb::Institution institution_of_row(const CsvRow& row, const RegistryColumns& cols, const std::string& district,
                                   const std::vector<Loaded<pb::Zone>>& zones, std::set<std::string>& taken,
                                   std::vector<Error>& problems) {
    auto cell = [&](const std::optional<std::size_t>& c) -> std::string {
        return c && *c < row.cells.size() ? row.cells[*c] : std::string{};
    };
    pb::Institution i;
    i.set_district_id(district);
    i.set_name(cell(cols.name));
    i.set_address(cell(cols.address));
    i.set_category(cell(cols.category));
    i.set_community(cell(cols.community));
    i.set_licence_no(cell(cols.licence_no));
    i.set_contact_phone(cell(cols.phone));
    auto yes_no = [&](const std::optional<std::size_t>& c, std::string_view label, bool required) -> bool {
        std::string v = cell(c);
        if (v.empty() && !required) return false;
        auto b = parse_yes_no(v);
        if (!b) problems.push_back(Error{Errc::invalid_argument, Msg::column_must_be_yes_no, std::string(label), v});
        return b.value_or(false);
    };
    i.set_licensed(yes_no(cols.licensed, "licensed/有证", true));
    i.set_academic(yes_no(cols.academic, "academic/学科类", false));
    i.set_key_target(yes_no(cols.key_target, "key_target/重点对象", false));
    if (std::string z = cell(cols.zone); !z.empty()) {
        auto it = std::find_if(zones.begin(), zones.end(), [&](const auto& zr) {
            return zr.msg.district_id() == district && (zr.id == z || zr.msg.name() == z);
        });
        if (it == zones.end()) problems.push_back(Error{Errc::invalid_argument, Msg::no_such_zone_in_district, z});
        else i.set_zone_id(it->id);
    }
    std::string lat = cell(cols.lat), lon = cell(cols.lon);
    if (!lat.empty() || !lon.empty()) {
        auto la = parse_double(lat), lo = parse_double(lon);
        if (!la || !lo) problems.push_back(Error{Errc::invalid_argument, Msg::lat_lon_must_be_numbers});
        else {
            i.mutable_location()->set_lat(*la);
            i.mutable_location()->set_lon(*lo);
        }
    }
    if (auto s = InstitutionRegistry::validate(i); !s) problems.push_back(s.error());
    if (!is_blank(i.name()) && !is_blank(i.address()) && !taken.insert(key_of(i)).second)
        problems.push_back(Error{Errc::invalid_argument, Msg::duplicates_institution});
    return i;
}

}  // namespace

// Every row is checked first; only a file without a problem is queued, all its rows in one
// transaction.
Result<ImportResult> InstitutionRegistry::import_csv(std::string_view csv_text, const std::string& district_id) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kInstitution, policy::kCreate); !s) return fail(s.error());
    std::string district = district_id.empty() ? who->district_id : district_id;
    if (auto s = require_district(*who, district); !s) return fail(s.error());
    if (district.empty()) return fail(Errc::invalid_argument, Msg::choose_district_import_into);
    auto csv = parse_csv(csv_text);
    if (!csv) return fail(csv.error());
    const RegistryColumns cols = registry_columns(*csv);
    ImportResult res;
    std::string missing;
    if (!cols.name) missing += " name/名称";
    if (!cols.address) missing += " address/地址";
    if (!cols.licensed) missing += " licensed/有证";
    if (!missing.empty()) {
        res.errors.push_back({1, Error{Errc::invalid_argument, Msg::missing_required_columns, missing.substr(1)}});
        return res;
    }
    // The risk counts follow the ledger and the cases (server-held): a file that carries them is
    // refused as a whole rather than imported without them, so nobody believes they were taken.
    for (auto names : {std::initializer_list<std::string_view>{"complaint_count", "complaints", "投诉数", "投诉次数"},
                       std::initializer_list<std::string_view>{"past_violations", "violations", "违规次数", "违法次数"}})
        if (auto c = csv->column(names); c && *c < csv->headers.size()) {
            res.errors.push_back({1, Error{Errc::invalid_argument, Msg::import_column_counted_by_server, csv->headers[*c]}});
            return res;
        }
    auto existing = m_w.list<pb::Institution>(kInstitution);
    if (!existing) return fail(existing.error());
    std::set<std::string> taken;
    for (const auto& i : *existing)
        if (i.msg.merged_into().empty()) taken.insert(key_of(i.msg));
    auto zones = m_w.list<pb::Zone>(kZone);
    if (!zones) return fail(zones.error());
    std::vector<pb::Institution> rows;
    for (const auto& row : csv->rows) {
        std::vector<Error> problems;
        pb::Institution i = institution_of_row(row, cols, district, *zones, taken, problems);
        if (!problems.empty()) res.errors.push_back({row.line, one_error_of(problems)});
        rows.push_back(std::move(i));
    }
    if (rows.empty() && res.errors.empty()) res.errors.push_back({1, Error{Errc::invalid_argument, Msg::file_has_no_data_rows}});
    if (!res.ok()) return res;
    // All rows or none: one transaction around every queued record.
    store::Transaction tx{m_w.store().db()};
    if (!tx.begun()) return fail(tx.begun().error());
    for (auto& i : rows) {
        auto id = m_w.create(kInstitution, i);
        if (!id) return fail(id.error());
        res.ids.push_back(*id);
    }
    if (auto s = tx.commit(); !s) return fail(s.error());
    return res;
}

Status InstitutionRegistry::merge(const std::string& field_id, const std::string& into_id, const std::string& zone_id) {
    auto who = m_w.identity();
    if (!who) return fail(who.error());
    if (auto s = require_grant(*who, kInstitution, policy::kUpdate); !s) return s;
    auto site = m_w.require<pb::Institution>(kInstitution, field_id, "机构");
    if (!site) return fail(site.error());
    if (auto s = require_district(*who, site->msg.district_id()); !s) return s;
    if (!site->msg.field_reported() || !site->msg.merged_into().empty())
        return fail(Errc::invalid_argument, Msg::not_field_reported_site_awaiting);
    pb::Institution next = site->msg;
    if (into_id.empty()) {
        next.set_field_reported(false);
        std::vector<std::string> fields{"field_reported"};
        if (!zone_id.empty()) {
            next.set_zone_id(zone_id);
            fields.push_back("zone_id");
        }
        return m_w.edit_fields(kInstitution, field_id, site->version, next, fields);
    }
    if (into_id == field_id) return fail(Errc::invalid_argument, Msg::cannot_merge_site_into_itself);
    auto into = m_w.require<pb::Institution>(kInstitution, into_id, "机构");
    if (!into) return fail(into.error());
    if (into->msg.district_id() != site->msg.district_id())
        return fail(Errc::invalid_argument, Msg::merge_into_institution_same_district);
    if (into->msg.field_reported()) return fail(Errc::invalid_argument, Msg::merge_into_registry_institution);
    next.set_merged_into(into_id);
    return m_w.edit_fields(kInstitution, field_id, site->version, next, {"merged_into"});
}

Result<std::vector<Loaded<pb::Institution>>> InstitutionRegistry::field_reported(const std::string& district_id) {
    auto all = m_w.list<pb::Institution>(kInstitution);
    if (!all) return fail(all.error());
    std::vector<Loaded<pb::Institution>> out;
    for (auto& i : *all)
        if (i.msg.field_reported() && i.msg.merged_into().empty() &&
            (district_id.empty() || i.msg.district_id() == district_id))
            out.push_back(std::move(i));
    return out;
}

Result<std::vector<HistoryEntry>> InstitutionRegistry::history(const std::string& id) {
    std::set<std::string> ids{id};
    auto all = m_w.list<pb::Institution>(kInstitution);
    if (!all) return fail(all.error());
    for (const auto& i : *all)
        if (i.msg.merged_into() == id) ids.insert(i.id);
    std::vector<HistoryEntry> out;
    auto tasks = m_w.list<pb::Task>(kTask);
    if (!tasks) return fail(tasks.error());
    for (const auto& t : *tasks)
        if (ids.contains(t.msg.institution_id()))
            out.push_back({t.msg.window_start(), "task", t.id, t.msg.status(),
                           t.msg.kind() + (t.msg.covert() ? " 暗访" : "") + " · " + t.msg.title()});
    auto reports = m_w.list<pb::Report>(kReport);
    if (!reports) return fail(reports.error());
    for (const auto& r : *reports) {
        if (!ids.contains(r.msg.institution_id())) continue;
        int failed = 0;
        for (const auto& a : r.msg.answers()) failed += a.result() == "fail";
        out.push_back({r.msg.device_time() / 1000, "report", r.id, r.msg.flagged() ? "flagged" : "received",
                       failed == 0 ? "合格 / pass" : "不合格项 " + std::to_string(failed) + " / failed items: " + std::to_string(failed)});
    }
    auto cases = m_w.list<pb::Case>(kCase);
    if (!cases) return fail(cases.error());
    for (const auto& c : *cases)
        if (ids.contains(c.msg.institution_id()))
            out.push_back({c.msg.decided_at() ? c.msg.decided_at() : c.updated_at / 1000, "case", c.id, c.msg.status(),
                           c.msg.tier().empty() ? c.msg.status() : c.msg.tier() + " · " + c.msg.rectification_order()});
    auto complaints = m_w.list<pb::Complaint>(kComplaint);
    if (!complaints) return fail(complaints.error());
    for (const auto& c : *complaints)
        if (ids.contains(c.msg.institution_id()))
            out.push_back({c.msg.received_at(), "complaint", c.id, c.msg.status(), c.msg.source() + " · " + c.msg.text()});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.at_s > b.at_s; });
    return out;
}

}  // namespace ducha::desk
