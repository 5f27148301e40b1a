#include "shared/cli/desk_commands.h"

#include <nlohmann/json.hpp>
#include <ostream>
#include <span>

#include "shared/cli/command_options.h"
#include "shared/cli/import_report.h"
#include "shared/common/clock.h"
#include "shared/common/command_line.h"
#include "shared/common/shanghai_time.h"
#include "shared/desk/complaint_ledger.h"
#include "shared/desk/coverage_report.h"
#include "shared/desk/csv_reader.h"
#include "shared/desk/draw_desk.h"
#include "shared/desk/institution_registry.h"
#include "shared/desk/review_desk.h"
#include "shared/desk/task_planner.h"
#include "shared/desk/zone_planner.h"
#include "shared/domain/collections.h"
#include "shared/export/csv_writer.h"
#include "shared/export/export_tables.h"
#include "shared/export/file_output.h"
#include "shared/export/pdf_record.h"
#include "shared/export/xlsx_writer.h"
#include "shared/sync/sync_client.h"

namespace ducha::cli {

using namespace ducha::desk;
using namespace ducha::domain;
using nlohmann::json;

const char* const kDeskUsage = R"(Coordinator commands (own district; queued, sent by `sync`):
  registry list [--district ID] [--field-reported] [--unassigned] [--search TEXT] [--json]
  registry add --name N --address A --licensed yes|no [--academic yes|no] [--category C]
               [--zone ID] [--community C] [--licence-no X] [--phone P] [--lat LAT --lon LON]
               [--key-target yes|no]
  registry set ID FIELD=VALUE...     e.g. licensed=true academic=false key_target=true
  registry import FILE.csv [--district ID]   all rows or none; errors name their line
  registry merge SITE_ID [--into ID] [--zone ID]   take a field-reported site into the registry
  registry history ID [--json]
  zone list [--district ID] [--json]          zone add --name N [--communities A,B] [--district ID]
  zone assign --user ID (--zone ID | --institution ID[,ID...])
  zone unassign ASSIGNMENT_ID                 zone move --user ID --from ZONE --to ZONE
  zone assignments [--user ID] [--json]       zone unassigned [--district ID] [--json]
  task add --institution ID --assignee ID[,ID] [--kind routine|joint|...] [--covert]
           [--priority 1-5] [--days N] [--title T] [--campaign ID]     (prints the task id)
  task cancel ID
  campaign add --name N --from YYYY-MM-DD --to YYYY-MM-DD [--visits N] [--key-targets-only]
  campaign list [--json]
  draw commit --k K [--per-site N] [--category C] [--academic-only] [--key-targets-only]
              [--no-weights] [--allow-own-zone] [--recent-days N] [--days N] [--covert] [--title T]
  draw reveal DRAW_ID        after `sync` has delivered the commitment
  draw run [draw commit options]   commit, sync, reveal, sync: online, prints the pairs
  draw show DRAW_ID [--json]       draw list [--json]
  draw verify DRAW_ID        re-run the draw from its record: same pairs or exit 3
  coverage [--district ID] [--from YYYY-MM-DD --to YYYY-MM-DD] [--campaign ID] [--json]

Supervisor commands:
  review [--all] [--json]    flagged and unlisted-site reports, newest first
  review show REPORT_ID [--json]
  review decide REPORT_ID --no-violation [--note T]
  review decide REPORT_ID --tier 从轻|较轻|一般|较重|严重 --days N --order TEXT
                [--note T] [--reinspector ID[,ID]]
  case list [--status S] [--json]     case close CASE_ID  (only after a passing re-inspection)
  complaint list [--all] [--json]
  complaint add --text T [--source 12345|phone|letter|online|other] (--institution ID | --address A)
                [--reference NO] [--received YYYY-MM-DD] [--due YYYY-MM-DD] [--district ID]
  complaint import FILE.csv [--district ID]
  complaint link ID (--institution ID | --address A)
  complaint triage ID --assignee ID[,ID] [--covert] [--priority N] [--days N] [--note T]
  complaint start ID | resolve ID --resolution TEXT | close ID | reopen ID

Exports (from this device's data):
  export reports|cases|complaints|coverage --out FILE.csv|FILE.xlsx [--from D --to D] [--campaign ID]
  export record REPORT_ID --out FILE.pdf     the printable inspection record
)";

namespace {

constexpr std::int64_t kDay = kSecondsPerDay;

std::optional<std::int64_t> parse_day(const std::string& s) { return parse_shanghai_date(s); }
std::string day(std::int64_t s) { return s > 0 ? shanghai_date(s) : "-"; }

class DeskCommands;

// One subcommand of a desk command: `ducha registry list ...` runs the row {"list", its synopsis,
// &DeskCommands::registry_list} of the registry's table.
struct DeskSubcommand {
    std::string_view name;   // "" runs when no subcommand is given
    std::string_view usage;  // as the help text (kDeskUsage) shows it
    int (DeskCommands::*run)();
};

// Runs one desk command on the device's replica. Each subcommand is a member; the tables after the
// class say which runs.
class DeskCommands {
public:
    DeskCommands(std::string_view command, sync::DeviceProfile& p, const Args& a, std::ostream& out, std::ostream& err)
        : m_command(command), m_p(p), m_w(p), m_a(a), m_out(out), m_err(err) {}

    // The command groups with subcommands: each runs its row of its table (after the class).
    int registry();
    int zone();
    int task();
    int campaign();
    int draw();
    int review();
    int case_cmd();
    int complaint();

    // `ducha registry ...`
    int registry_list() {
        InstitutionRegistry reg{m_w};
        std::vector<Loaded<pb::Institution>> rows;
        if (m_a.has("--unassigned")) {
            ZonePlanner zp{m_w};
            auto r = zp.unassigned(m_a.get("--district").value_or(""));
            if (!r) return failed(m_err, r.error());
            rows = std::move(*r);
        } else if (m_a.has("--field-reported")) {
            auto r = reg.field_reported(m_a.get("--district").value_or(""));
            if (!r) return failed(m_err, r.error());
            rows = std::move(*r);
        } else {
            auto r = m_w.list<pb::Institution>(kInstitution);
            if (!r) return failed(m_err, r.error());
            for (auto& i : *r)
                if (i.msg.merged_into().empty() && (!m_a.get("--district") || i.msg.district_id() == *m_a.get("--district")))
                    rows.push_back(std::move(i));
        }
        auto search = m_a.get("--search").value_or("");
        json arr = json::array();
        for (const auto& i : rows) {
            if (!search.empty() && i.msg.name().find(search) == std::string::npos &&
                i.msg.address().find(search) == std::string::npos)
                continue;
            arr.push_back({{"id", i.id}, {"name", i.msg.name()}, {"address", i.msg.address()}, {"district_id", i.msg.district_id()},
                           {"zone_id", i.msg.zone_id()}, {"licensed", i.msg.licensed()}, {"academic", i.msg.academic()},
                           {"key_target", i.msg.key_target()}, {"field_reported", i.msg.field_reported()},
                           {"category", i.msg.category()}, {"complaints", i.msg.complaint_count()}, {"version", i.version}});
        }
        return print(arr, [&](const json& j) {
            m_out << j["id"].get<std::string>() << "  " << j["name"].get<std::string>() << "  "
                  << (j["licensed"].get<bool>() ? "有证" : "无证") << (j["academic"].get<bool>() ? " 学科类" : "")
                  << (j["key_target"].get<bool>() ? " 重点" : "") << (j["field_reported"].get<bool>() ? " 现场上报" : "")
                  << "  " << j["address"].get<std::string>() << "\n";
        });
    }

    int registry_add() {
        InstitutionRegistry reg{m_w};
        pb::Institution i;
        i.set_name(m_a.get("--name").value_or(""));
        i.set_address(m_a.get("--address").value_or(""));
        i.set_district_id(m_a.get("--district").value_or(""));
        i.set_zone_id(m_a.get("--zone").value_or(""));
        i.set_community(m_a.get("--community").value_or(""));
        i.set_category(m_a.get("--category").value_or(""));
        i.set_licence_no(m_a.get("--licence-no").value_or(""));
        i.set_contact_phone(m_a.get("--phone").value_or(""));
        auto lic = m_a.get("--licensed");
        if (!lic) return usage(Msg::command_needs_argument, {"registry add", "--licensed yes|no"});
        auto b = [&](std::string_view flag, bool& out) -> bool {
            auto v = m_a.get(flag);
            if (!v) return true;
            auto p = parse_yes_no(*v);
            if (!p) return false;
            out = *p;
            return true;
        };
        bool licensed = false, academic = false, key = false;
        if (!b("--licensed", licensed) || !b("--academic", academic) || !b("--key-target", key))
            return usage(Msg::yes_no_option);
        i.set_licensed(licensed);
        i.set_academic(academic);
        i.set_key_target(key);
        if (m_a.get("--lat") || m_a.get("--lon")) {
            i.mutable_location()->set_lat(std::stod(m_a.get("--lat").value_or("0")));
            i.mutable_location()->set_lon(std::stod(m_a.get("--lon").value_or("0")));
        }
        return print_id(reg.create(i));
    }

    int registry_set() {
        InstitutionRegistry reg{m_w};
        auto id = word(1);
        auto cur = m_w.require<pb::Institution>(kInstitution, id, "机构");
        if (!cur) return failed(m_err, cur.error());
        pb::Institution next = cur->msg;
        std::vector<std::string> fields;
        const auto* desc = next.GetDescriptor();
        const auto* refl = next.GetReflection();
        for (std::size_t n = 2;; ++n) {
            auto kv = word(n);
            if (kv.empty()) break;
            auto eq = kv.find('=');
            if (eq == std::string::npos) return usage(Msg::fields_are_field_value);
            std::string name = kv.substr(0, eq), value = kv.substr(eq + 1);
            const auto* f = desc->FindFieldByName(name);
            if (!f || f->is_repeated() || f->type() == google::protobuf::FieldDescriptor::TYPE_MESSAGE)
                    return failed(m_err, Error{Errc::invalid_argument, Msg::cannot_set_field, name});
            using FD = google::protobuf::FieldDescriptor;
            if (f->cpp_type() == FD::CPPTYPE_STRING) {
                refl->SetString(&next, f, value);
            } else if (f->cpp_type() == FD::CPPTYPE_BOOL) {
                auto v = parse_yes_no(value);
                    if (!v) return failed(m_err, Error{Errc::invalid_argument, Msg::must_true_or_false, name});
                refl->SetBool(&next, f, *v);
            } else if (f->cpp_type() == FD::CPPTYPE_INT32) {
                refl->SetInt32(&next, f, std::stoi(value));
            } else {
                    return failed(m_err, Error{Errc::invalid_argument, Msg::cannot_set_field, name});
            }
            fields.push_back(name);
        }
        return done(reg.update(id, next, fields));
    }

    int registry_import() {
        InstitutionRegistry reg{m_w};
        auto text = read_file(word(1));
            if (!text) return failed(m_err, Error{Errc::not_found, Msg::cannot_read_file, word(1)});
        return report_import(reg.import_csv(*text, m_a.get("--district").value_or("")), Msg::rows_imported_queued, m_out, m_err);
    }

    int registry_merge() {
        InstitutionRegistry reg{m_w};
        return done(reg.merge(word(1), m_a.get("--into").value_or(""), m_a.get("--zone").value_or("")));
    }

    int registry_history() {
        InstitutionRegistry reg{m_w};
        auto h = reg.history(word(1));
        if (!h) return failed(m_err, h.error());
        json arr = json::array();
        for (const auto& e : *h)
            arr.push_back({{"at", e.at_s}, {"kind", e.kind}, {"id", e.id}, {"status", e.status}, {"text", e.text}});
        return print(arr, [&](const json& j) {
            m_out << day(j["at"].get<std::int64_t>()) << "  " << j["kind"].get<std::string>() << "  "
                  << j["status"].get<std::string>() << "  " << j["text"].get<std::string>() << "\n";
        });
    }

    // `ducha zone ...`
    int zone_list() {
        ZonePlanner zp{m_w};
        std::string district = m_a.get("--district").value_or("");
        auto zs = zp.zones(district);
        if (!zs) return failed(m_err, zs.error());
        json arr = json::array();
        for (const auto& z : *zs)
            arr.push_back({{"id", z.id}, {"name", z.name}, {"district_id", z.district_id}, {"communities", z.communities},
                           {"institutions", z.institutions}, {"volunteers", z.volunteer_names}, {"volunteer_ids", z.volunteer_ids}});
        return print(arr, [&](const json& j) {
            m_out << j["id"].get<std::string>() << "  " << j["name"].get<std::string>() << "  机构 " << j["institutions"]
                  << "  督查员 " << j["volunteers"].size() << "\n";
        });
    }

    int zone_add() {
        ZonePlanner zp{m_w};
        std::string district = m_a.get("--district").value_or("");
        return print_id(zp.create_zone(district, m_a.get("--name").value_or(""), split_list(m_a.get("--communities").value_or(""))));
    }

    int zone_assign() {
        ZonePlanner zp{m_w};
        auto user = m_a.get("--user");
        if (!user) return usage(Msg::command_needs_argument, {"zone assign", "--user"});
        if (auto z = m_a.get("--zone")) return print_id(zp.assign(*user, *z, {}));
        auto insts = split_list(m_a.get("--institution").value_or(""));
        if (insts.size() == 1) return print_id(zp.assign(*user, {}, insts.front()));
        auto ids = zp.bulk_assign(*user, insts);
        if (!ids) return failed(m_err, ids.error());
        for (const auto& id : *ids) m_out << id << "\n";
        return 0;
    }

    int zone_unassign() {
        ZonePlanner zp{m_w};
        return done(zp.unassign(word(1)));
    }

    int zone_move() {
        ZonePlanner zp{m_w};
        auto user = m_a.get("--user"), from = m_a.get("--from"), to = m_a.get("--to");
        if (!user || !from || !to) return usage(Msg::command_needs_argument, {"zone move", "--user --from --to"});
        return done(zp.move_volunteer(*user, *from, *to));
    }

    int zone_assignments() {
        ZonePlanner zp{m_w};
        std::string district = m_a.get("--district").value_or("");
        auto as = zp.assignments(district, m_a.get("--user").value_or(""));
        if (!as) return failed(m_err, as.error());
        json arr = json::array();
        for (const auto& a : *as)
            arr.push_back({{"id", a.id}, {"user_id", a.user_id}, {"user", a.user_name}, {"zone_id", a.zone_id}, {"zone", a.zone_name},
                           {"institution_id", a.institution_id}, {"institution", a.institution_name}});
        return print(arr, [&](const json& j) {
            m_out << j["id"].get<std::string>() << "  " << j["user"].get<std::string>() << "  "
                  << (j["zone"].get<std::string>().empty() ? j["institution"].get<std::string>() : j["zone"].get<std::string>()) << "\n";
        });
    }

    int zone_unassigned() {
        ZonePlanner zp{m_w};
        std::string district = m_a.get("--district").value_or("");
        auto r = zp.unassigned(district);
        if (!r) return failed(m_err, r.error());
        json arr = json::array();
        for (const auto& i : *r) arr.push_back({{"id", i.id}, {"name", i.msg.name()}, {"zone_id", i.msg.zone_id()}});
        return print(arr, [&](const json& j) { m_out << j["id"].get<std::string>() << "  " << j["name"].get<std::string>() << "\n"; });
    }

    // `ducha task ...`
    int task_add() {
        TaskPlanner tp{m_w};
        auto spec = task_spec();
        if (!spec) return 2;
        return print_id(tp.create(*spec));
    }

    int task_cancel() {
        TaskPlanner tp{m_w};
        return done(tp.cancel(word(1)));
    }

    // `ducha campaign ...`
    int campaign_add() {
        TaskPlanner tp{m_w};
        pb::Campaign c;
        c.set_name(m_a.get("--name").value_or(""));
        c.set_district_id(m_a.get("--district").value_or(""));
        auto from = parse_day(m_a.get("--from").value_or("")), to = parse_day(m_a.get("--to").value_or(""));
        if (!from || !to) return usage(Msg::command_needs_argument, {"campaign add", "--from YYYY-MM-DD --to YYYY-MM-DD"});
        c.set_start(*from);
        c.set_end(*to + kDay);  // --to is the last day, inclusive
        c.set_visits_required(std::stoi(m_a.get("--visits").value_or("1")));
        c.set_key_targets_only(m_a.has("--key-targets-only"));
        c.set_note(m_a.get("--note").value_or(""));
        return print_id(tp.create_campaign(c));
    }

    int campaign_cancel() {
        TaskPlanner tp{m_w};
        return done(tp.cancel_campaign(word(1)));
    }

    int campaign_list() {
        TaskPlanner tp{m_w};
        auto cs = tp.campaigns(m_a.get("--district").value_or(""));
        if (!cs) return failed(m_err, cs.error());
        json arr = json::array();
        for (const auto& c : *cs)
            arr.push_back({{"id", c.id}, {"name", c.msg.name()}, {"district_id", c.msg.district_id()}, {"start", c.msg.start()},
                           {"end", c.msg.end()}, {"visits_required", c.msg.visits_required()},
                           {"key_targets_only", c.msg.key_targets_only()}, {"cancelled", c.msg.cancelled()}});
        return print(arr, [&](const json& j) {
            m_out << j["id"].get<std::string>() << "  " << j["name"].get<std::string>() << "  " << day(j["start"].get<std::int64_t>())
                  << " – " << day(j["end"].get<std::int64_t>() - 1) << "  ×" << j["visits_required"]
                  << (j["cancelled"].get<bool>() ? "  已取消 cancelled" : "") << "\n";
        });
    }

    // `ducha draw ...`
    int draw_commit() {
        DrawDesk dd{m_w};
        auto id = dd.commit(draw_request());
        if (!id) return failed(m_err, id.error());
        auto v = dd.view(*id);
        m_out << *id << "\n";
        if (v) m_err << "seed hash " << v->seed_hash_hex << " committed; run `ducha sync`, then `ducha draw reveal " << *id << "`\n";
        return 0;
    }

    int draw_reveal() {
        DrawDesk dd{m_w};
        return show_pairs(dd.reveal(word(1)), word(1));
    }

    int draw_run() {
        DrawDesk dd{m_w};
        auto id = dd.commit(draw_request());
        if (!id) return failed(m_err, id.error());
        if (int rc = sync_now(); rc != 0) return rc;
        auto pairs = dd.reveal(*id);
        if (!pairs) return failed(m_err, pairs.error());
        if (int rc = sync_now(); rc != 0) return rc;
        // The server re-runs the draw before it accepts it: only its answer counts.
        auto v = dd.view(*id);
        if (!v) return failed(m_err, v.error());
            if (v->status != "drawn") return failed(m_err, Error{Errc::rejected, Msg::server_refused_draw, refusal(*id)});
        return show_pairs(std::move(pairs), *id);
    }

    int draw_verify() {
        DrawDesk dd{m_w};
        auto v = dd.view(word(1));
        if (!v) return failed(m_err, v.error());
        auto s = dd.verify(word(1));
        if (!s) {
                m_out << "FAIL " << s.error().message() << "\n";
            return 3;
        }
        m_out << "draw " << v->id << " verified: seed matches its committed hash " << v->seed_hash_hex.substr(0, 16)
              << "…; re-running " << v->algorithm << " on the stored pool (" << v->pool_size << " sites, " << v->inspectors
              << " inspectors, " << v->excluded << " exclusions) gives the same " << v->pairs.size() << " pairs\n";
        return 0;
    }

    int draw_show() {
        DrawDesk dd{m_w};
        auto v = dd.view(word(1));
        if (!v) return failed(m_err, v.error());
        std::vector<DrawView> views;
        views.push_back(std::move(*v));
        return print_draws(views);
    }

    int draw_list() {
        DrawDesk dd{m_w};
        auto vs = dd.draws(m_a.get("--district").value_or(""));
        if (!vs) return failed(m_err, vs.error());
        return print_draws(*vs);
    }

    // draw show and draw list: one line per draw, or the draws as JSON.
    int print_draws(const std::vector<DrawView>& views) {
        json arr = json::array();
        for (const auto& v : views) {
            json pairs = json::array();
            for (const auto& p : v.pairs) pairs.push_back({{"institution_id", p.institution_id}, {"inspectors", p.inspectors}});
            arr.push_back({{"id", v.id}, {"status", v.status}, {"title", v.title}, {"district_id", v.district_id}, {"k", v.k},
                           {"pool", v.pool_size}, {"inspectors", v.inspectors}, {"excluded", v.excluded},
                           {"seed_hash", v.seed_hash_hex}, {"seed", v.seed_hex}, {"commit_seq", v.commit_seq},
                           {"pairs", pairs}, {"task_ids", v.task_ids}, {"acknowledged", v.acknowledged}});
        }
        return print(arr, [&](const json& j) {
            m_out << j["id"].get<std::string>() << "  " << j["status"].get<std::string>() << "  k=" << j["k"] << " of "
                  << j["pool"] << "  seed hash " << j["seed_hash"].get<std::string>().substr(0, 16) << "…  pairs "
                  << j["pairs"].size() << "\n";
        });
    }

    // `ducha review ...`
    int review_list() {
        ReviewDesk rd{m_w};
        auto q = rd.queue(m_a.has("--all"));
        if (!q) return failed(m_err, q.error());
        json arr = json::array();
        for (const auto& i : *q)
            arr.push_back({{"report_id", i.report_id}, {"institution_id", i.institution_id}, {"institution", i.institution},
                           {"inspector", i.inspector}, {"device_time", i.device_time_ms}, {"flagged", i.flagged},
                           {"unlisted", i.unlisted}, {"covert", i.covert}, {"failed", i.failed}, {"failed_critical", i.failed_critical},
                           {"task_kind", i.task_kind}, {"case_id", i.case_id}, {"case_status", i.case_status}});
        return print(arr, [&](const json& j) {
            m_out << j["report_id"].get<std::string>() << "  " << shanghai_time(j["device_time"].get<std::int64_t>()) << "  "
                  << j["institution"].get<std::string>() << (j["unlisted"].get<bool>() ? "  未登记 unlisted" : "")
                  << "  failed " << j["failed"] << " (critical " << j["failed_critical"] << ")"
                  << (j["case_status"].get<std::string>().empty() ? "" : "  case " + j["case_status"].get<std::string>()) << "\n";
        });
    }

    int review_show() {
        ReviewDesk rd{m_w};
        auto v = rd.open(word(1));
        if (!v) return failed(m_err, v.error());
        json answers = json::array();
        for (const auto& a : v->answers)
            answers.push_back({{"code", a.code}, {"step", a.step}, {"text", a.text}, {"severity", a.severity}, {"result", a.result},
                               {"note", a.note}, {"photos", a.photo_hex}});
        json j{{"report_id", v->item.report_id}, {"institution", v->item.institution}, {"inspector", v->item.inspector},
               {"device_time", v->report.device_time()}, {"flagged", v->report.flagged()}, {"unlisted", v->report.unlisted()},
               {"answers", answers}, {"signature_ok", v->signature_ok}, {"receipt_ok", v->receipt_ok},
               {"verification", v->verification}, {"case_id", v->item.case_id}, {"case_status", v->item.case_status}};
        if (v->receipt) j["receipt"] = {{"seq", v->receipt->seq()}, {"server_time", v->receipt->server_time()}};
        if (m_a.has("--json")) {
            m_out << j.dump(2) << "\n";
            return 0;
        }
        m_out << v->item.institution << "  " << shanghai_time(v->report.device_time()) << "  " << v->item.inspector << "\n";
        for (const auto& a : v->answers)
            if (a.result != "pass") m_out << "  " << a.code << " " << a.result << "  " << a.text << (a.note.empty() ? "" : "  — " + a.note) << "\n";
        m_out << v->verification << "\n";
        return 0;
    }

    int review_decide() {
        ReviewDesk rd{m_w};
        Decision d;
        d.violation = !m_a.has("--no-violation");
        d.tier = m_a.get("--tier").value_or("");
        d.rectification_days = std::stoi(m_a.get("--days").value_or("15"));
        d.order = m_a.get("--order").value_or("");
        d.note = m_a.get("--note").value_or("");
        d.reinspectors = split_list(m_a.get("--reinspector").value_or(""));
        if (d.violation && !m_a.get("--tier")) return usage(Msg::command_needs_argument, {"review decide", "--no-violation | --tier"});
        return print_id(rd.decide(word(1), d));
    }

    // `ducha case ...`
    int case_list() {
        ReviewDesk rd{m_w};
        auto cs = rd.cases(m_a.get("--status").value_or(""));
        if (!cs) return failed(m_err, cs.error());
        json arr = json::array();
        for (const auto& c : *cs)
            arr.push_back({{"id", c.id}, {"report_id", c.report_id}, {"institution", c.institution}, {"institution_id", c.institution_id},
                           {"status", c.status}, {"tier", c.tier}, {"deadline", c.deadline}, {"escalations", c.escalations},
                           {"reinspection_task_id", c.reinspection_task_id}, {"reinspection_task_status", c.reinspection_task_status},
                           {"closed_by_report_id", c.closed_by_report_id}, {"version", c.version}});
        return print(arr, [&](const json& j) {
            m_out << j["id"].get<std::string>() << "  " << j["status"].get<std::string>() << "  " << j["tier"].get<std::string>() << "  "
                  << j["institution"].get<std::string>() << "  deadline " << day(j["deadline"].get<std::int64_t>())
                  << "  escalations " << j["escalations"] << "\n";
        });
    }

    int case_close() {
        ReviewDesk rd{m_w};
        return done(rd.close_case(word(1)));
    }

    // `ducha complaint ...`
    int complaint_list() {
        ComplaintLedger cl{m_w};
        auto cs = cl.ledger(m_a.has("--all"));
        if (!cs) return failed(m_err, cs.error());
        json arr = json::array();
        for (const auto& c : *cs)
            arr.push_back({{"id", c.id}, {"source", c.source}, {"reference", c.reference}, {"text", c.text},
                           {"institution_id", c.institution_id}, {"institution", c.institution}, {"address", c.address},
                           {"status", c.status}, {"task_id", c.task_id}, {"task_status", c.task_status},
                           {"resolution", c.resolution}, {"received_at", c.received_at}, {"due_at", c.due_at},
                           {"overdue", c.overdue}, {"version", c.version}});
        return print(arr, [&](const json& j) {
            m_out << j["id"].get<std::string>() << "  " << (j["overdue"].get<bool>() ? "逾期 OVERDUE  " : "") << j["status"].get<std::string>()
                  << "  due " << day(j["due_at"].get<std::int64_t>()) << "  "
                  << (j["institution"].get<std::string>().empty() ? j["address"].get<std::string>() : j["institution"].get<std::string>())
                  << "  " << j["text"].get<std::string>() << "\n";
        });
    }

    int complaint_add() {
        ComplaintLedger cl{m_w};
        ComplaintInput in;
        in.district_id = m_a.get("--district").value_or("");
        in.source = m_a.get("--source").value_or("12345");
        in.text = m_a.get("--text").value_or("");
        in.institution_id = m_a.get("--institution").value_or("");
        in.address = m_a.get("--address").value_or("");
        in.reference = m_a.get("--reference").value_or("");
        if (auto d = m_a.get("--received")) {
            auto t = parse_day(*d);
            if (!t) return usage(Msg::option_takes_date, {"--received"});
            in.received_at = *t;
        }
        if (auto d = m_a.get("--due")) {
            auto t = parse_day(*d);
            if (!t) return usage(Msg::option_takes_date, {"--due"});
            in.due_at = *t + kDay - 1;
        }
        return print_id(cl.intake(in));
    }

    int complaint_import() {
        ComplaintLedger cl{m_w};
        auto text = read_file(word(1));
        if (!text) return failed(m_err, Error{Errc::not_found, Msg::cannot_read_file, word(1)});
        return report_import(cl.import_csv(*text, m_a.get("--district").value_or("")), Msg::rows_imported_queued, m_out, m_err);
    }

    int complaint_link() {
        ComplaintLedger cl{m_w};
        return done(cl.link(word(1), m_a.get("--institution").value_or(""), m_a.get("--address").value_or("")));
    }

    int complaint_triage() {
        ComplaintLedger cl{m_w};
        TaskSpec spec;
        spec.assignees = split_list(m_a.get("--assignee").value_or(""));
        spec.covert = m_a.has("--covert");
        spec.priority = std::stoi(m_a.get("--priority").value_or("1"));
        spec.window_start = unix_seconds_now();
        spec.window_end = spec.window_start + std::stoi(m_a.get("--days").value_or("3")) * kDay;
        return print_id(cl.triage(word(1), spec, m_a.get("--note").value_or("")));
    }

    int complaint_start() {
        ComplaintLedger cl{m_w};
        return done(cl.start(word(1)));
    }

    int complaint_resolve() {
        ComplaintLedger cl{m_w};
        return done(cl.resolve(word(1), m_a.get("--resolution").value_or("")));
    }

    int complaint_close() {
        ComplaintLedger cl{m_w};
        return done(cl.close(word(1)));
    }

    int complaint_reopen() {
        ComplaintLedger cl{m_w};
        return done(cl.reopen(word(1)));
    }

    int coverage() {
        auto q = coverage_query();
        if (!q) return 2;
        CoverageReport cr{m_w};
        auto r = cr.compute(*q);
        if (!r) return failed(m_err, r.error());
        auto names = cr.institution_names();
        if (!names) return failed(m_err, names.error());
        json rows = json::array(), uncovered = json::array(), vols = json::array();
        for (const auto& row : r->rows)
            rows.push_back({{"level", row.level}, {"id", row.id}, {"name", row.name}, {"district_id", row.district_id},
                            {"total", row.total}, {"inspected", row.inspected}, {"ratio", row.ratio()}});
        for (const auto& id : r->uncovered) uncovered.push_back({{"id", id}, {"name", (*names)[id]}});
        for (const auto& v : r->volunteers)
            vols.push_back({{"user_id", v.user_id}, {"name", v.name}, {"visits", v.visits}, {"institutions", v.institutions},
                            {"last_visit", v.last_visit_s}});
        json j{{"total", r->total}, {"inspected", r->inspected}, {"rows", rows}, {"uncovered", uncovered}, {"volunteers", vols}};
        if (r->campaign) {
            json missed = json::array();
            for (const auto& id : r->campaign->missed_key_targets) missed.push_back({{"id", id}, {"name", (*names)[id]}});
            j["campaign"] = {{"id", r->campaign->id}, {"name", r->campaign->name}, {"targets", r->campaign->targets},
                             {"met", r->campaign->met}, {"missed_key_targets", missed}};
        }
        if (m_a.has("--json")) {
            m_out << j.dump(2) << "\n";
            return 0;
        }
        m_out << "覆盖 coverage: " << r->inspected << "/" << r->total << "\n";
        for (const auto& row : r->rows) {
            char pct[16];
            std::snprintf(pct, sizeof pct, "%5.1f%%", row.ratio() * 100);
            m_out << (row.level == "zone" ? "    " : "") << row.name << "  " << row.inspected << "/" << row.total << "  " << pct << "\n";
        }
        m_out << "未覆盖 uncovered: " << r->uncovered.size() << "\n";
        if (r->campaign)
            m_out << "专项行动 campaign " << r->campaign->name << ": " << r->campaign->met << "/" << r->campaign->targets
                  << " met, key targets not visited: " << r->campaign->missed_key_targets.size() << "\n";
        return 0;
    }

    int export_cmd() {
        std::string what = word(0);
        auto out_path = m_a.get("--out");
        if (!out_path) return usage(Msg::command_needs_argument, {"export", "--out FILE"});
        exporting::ExportTables tables{m_w};
        if (what == "record") {
            auto rec = tables.inspection_record(word(1));
            if (!rec) return failed(m_err, rec.error());
            auto pdf = exporting::render_inspection_pdf(*rec);
            if (!pdf) return failed(m_err, pdf.error());
            if (auto s = exporting::write_file_atomically(*out_path, *pdf); !s) return failed(m_err, s.error());
            note_export(tables, "record", "pdf", 1, word(1));
            m_out << "wrote " << *out_path << " (" << pdf->size() << " bytes)\n";
            return 0;
        }
        Result<exporting::Table> t = fail(Errc::invalid_argument, Msg::verbatim);
        if (what == "reports") {
            auto from = m_a.get("--from") ? parse_day(*m_a.get("--from")) : std::optional<std::int64_t>(0);
            auto to = m_a.get("--to") ? parse_day(*m_a.get("--to")) : std::optional<std::int64_t>(0);
            if (!from || !to) return usage(Msg::option_takes_date, {"--from/--to"});
            t = tables.reports(*from, *to ? *to + kDay : 0);
        } else if (what == "cases") {
            t = tables.cases();
        } else if (what == "complaints") {
            t = tables.complaints();
        } else if (what == "coverage") {
            auto q = coverage_query();
            if (!q) return 2;
            t = tables.coverage(*q);
        } else {
            return usage(Msg::export_kind_unknown);
        }
        if (!t) return failed(m_err, t.error());
        bool xlsx = out_path->size() > 5 && out_path->substr(out_path->size() - 5) == ".xlsx";
        std::string bytes;
        if (xlsx) {
            auto x = exporting::to_xlsx({*t});
            if (!x) return failed(m_err, x.error());
            bytes = std::move(*x);
        } else {
            bytes = exporting::to_csv(*t);
        }
        if (auto s = exporting::write_file_atomically(*out_path, bytes); !s) return failed(m_err, s.error());
        note_export(tables, what, xlsx ? "xlsx" : "csv", static_cast<std::int64_t>(t->rows.size()));
        m_out << "wrote " << *out_path << " (" << t->rows.size() << " rows)\n";
        return 0;
    }

    // Exports are audited (the next sync takes the entry to the server). The file is written
    // already: a failure to queue the entry is said, not fatal.
    void note_export(exporting::ExportTables& tables, const std::string& what, const std::string& format,
                     std::int64_t rows, const std::string& subject = {}) {
        if (auto s = tables.record_export(what, format, rows, subject); !s)
            m_err << "ducha: " << render_bilingual(Msg::export_not_audited, {s.error().message()}) << "\n";
    }

private:
    // The n-th word that is not an option: the command's own option table (command_options) says
    // which options stand alone and which take the next word as their value.
    std::string word(std::size_t n) const {
        const CommandOptions* options = command_options(m_command);
        return positional_word(m_a.v, n, options ? options->flags : std::string_view{}).value_or("");
    }

    // The group's subcommand named by the first word, or the usage.
    int run_subcommand(std::span<const DeskSubcommand> table, std::string_view group) {
        const std::string sub = word(0);
        for (const auto& c : table)
            if (c.name == sub) return (this->*c.run)();
        return usage(Msg::unknown_subcommand_of, {std::string(group), sub});
    }

    int usage(Msg m, const std::vector<std::string>& args = {}) {
        m_err << "ducha: " << render_bilingual(m, args) << "\n\n" << kDeskUsage;
        return 2;
    }

    int done(const Status& s) {
        if (!s) return failed(m_err, s.error());
        m_out << "queued: run `ducha sync` to send it\n";
        return 0;
    }

    int print_id(const Result<std::string>& r) {
        if (!r) return failed(m_err, r.error());
        m_out << *r << "\n";
        return 0;
    }

    int print(const json& arr, const std::function<void(const json&)>& line) {
        if (m_a.has("--json")) {
            m_out << arr.dump(2) << "\n";
            return 0;
        }
        for (const auto& j : arr) line(j);
        if (arr.empty()) m_out << render_bilingual(Msg::nothing_listed, {}) << "\n";
        return 0;
    }

    std::optional<TaskSpec> task_spec() {
        TaskSpec s;
        s.institution_id = m_a.get("--institution").value_or("");
        s.assignees = split_list(m_a.get("--assignee").value_or(""));
        s.kind = m_a.get("--kind").value_or(s.assignees.size() > 1 ? "joint" : "routine");
        s.covert = m_a.has("--covert");
        s.priority = std::stoi(m_a.get("--priority").value_or("3"));
        s.title = m_a.get("--title").value_or("");
        s.campaign_id = m_a.get("--campaign").value_or("");
        s.window_start = unix_seconds_now();
        s.window_end = s.window_start + std::stoi(m_a.get("--days").value_or("7")) * kDay;
        if (s.institution_id.empty() || s.assignees.empty()) {
            usage(Msg::command_needs_argument, {"task add", "--institution --assignee"});
            return std::nullopt;
        }
        return s;
    }

    DrawRequest draw_request() {
        DrawRequest r;
        r.district_id = m_a.get("--district").value_or("");
        r.k = std::stoi(m_a.get("--k").value_or("5"));
        r.inspectors_per_site = std::stoi(m_a.get("--per-site").value_or("1"));
        r.category = m_a.get("--category").value_or("");
        r.academic_only = m_a.has("--academic-only");
        r.key_targets_only = m_a.has("--key-targets-only");
        r.weight_key_targets = !m_a.has("--no-weights");
        r.exclude_own_zone = !m_a.has("--allow-own-zone");
        r.exclude_recent_days = std::stoi(m_a.get("--recent-days").value_or("90"));
        r.window_start = unix_seconds_now();
        r.window_end = r.window_start + std::stoi(m_a.get("--days").value_or("7")) * kDay;
        r.covert = m_a.has("--covert");
        r.title = m_a.get("--title").value_or("");
        return r;
    }

    std::optional<CoverageQuery> coverage_query() {
        CoverageQuery q;
        q.district_id = m_a.get("--district").value_or("");
        q.campaign_id = m_a.get("--campaign").value_or("");
        if (m_a.get("--from") || m_a.get("--to")) {
            auto from = parse_day(m_a.get("--from").value_or("")), to = parse_day(m_a.get("--to").value_or(""));
            if (!from || !to) {
                usage(Msg::option_takes_date, {"--from/--to"});
                return std::nullopt;
            }
            q.from_s = *from;
            q.to_s = *to + kDay;
        }
        return q;
    }

    int show_pairs(Result<std::vector<DrawPair>> pairs, const std::string& id) {
        if (!pairs) return failed(m_err, pairs.error());
        std::map<std::string, std::string> inst_names, user_names;
        if (auto is = m_w.list<pb::Institution>(kInstitution))
            for (const auto& i : *is) inst_names[i.id] = i.msg.name();
        if (auto us = m_w.list<pb::User>(kUser))
            for (const auto& u : *us) user_names[u.id] = u.msg.name();
        m_out << "draw " << id << ": " << pairs->size() << " sites\n";
        for (const auto& p : *pairs) {
            m_out << "  " << inst_names[p.institution_id] << " (" << p.institution_id << ") ←";
            for (const auto& u : p.inspectors) m_out << " " << user_names[u] << " (" << u << ")";
            m_out << "\n";
        }
        return 0;
    }

    // Why the server set a change of this record aside (from the outbox).
    std::string refusal(const std::string& id) {
        auto out = m_p.store().outbox(true);
        if (out)
            for (const auto& o : *out)
                if (o.mutation.id() == id && o.state == "set_aside") return o.error_message;
        return "see `ducha outbox`";
    }

    int sync_now() {
        sync::SyncClient client{m_p};
        auto r = client.sync(5);
        if (!r) return failed(m_err, r.error());
        if (!r->complete()) {
            m_err << "ducha: " << render_bilingual(Msg::sync_incomplete_run_again, {}) << "\n";
            return 4;
        }
        return 0;
    }

    std::string_view m_command;
    sync::DeviceProfile& m_p;
    RecordWriter m_w;
    const Args& m_a;
    std::ostream& m_out;
    std::ostream& m_err;
};

// The subcommands of each desk command: its name ('' when none is given), its synopsis as the
// help text (kDeskUsage) shows it, and what runs it.
constexpr DeskSubcommand kRegistrySubcommands[] = {
    {"list", "registry list [--district ID] [--field-reported] [--unassigned] [--search TEXT] [--json]", &DeskCommands::registry_list},
    {"add", "registry add --name N --address A --licensed yes|no", &DeskCommands::registry_add},
    {"set", "registry set ID FIELD=VALUE...", &DeskCommands::registry_set},
    {"import", "registry import FILE.csv [--district ID]", &DeskCommands::registry_import},
    {"merge", "registry merge SITE_ID [--into ID] [--zone ID]", &DeskCommands::registry_merge},
    {"history", "registry history ID [--json]", &DeskCommands::registry_history},
};

constexpr DeskSubcommand kZoneSubcommands[] = {
    {"list", "zone list [--district ID] [--json]", &DeskCommands::zone_list},
    {"add", "zone add --name N [--communities A,B] [--district ID]", &DeskCommands::zone_add},
    {"assign", "zone assign --user ID (--zone ID | --institution ID[,ID...])", &DeskCommands::zone_assign},
    {"unassign", "zone unassign ASSIGNMENT_ID", &DeskCommands::zone_unassign},
    {"move", "zone move --user ID --from ZONE --to ZONE", &DeskCommands::zone_move},
    {"assignments", "zone assignments [--user ID] [--json]", &DeskCommands::zone_assignments},
    {"unassigned", "zone unassigned [--district ID] [--json]", &DeskCommands::zone_unassigned},
};

constexpr DeskSubcommand kTaskSubcommands[] = {
    {"add", "task add --institution ID --assignee ID[,ID] [--kind routine|joint|...] [--covert]", &DeskCommands::task_add},
    {"cancel", "task cancel ID", &DeskCommands::task_cancel},
};

constexpr DeskSubcommand kCampaignSubcommands[] = {
    {"add", "campaign add --name N --from YYYY-MM-DD --to YYYY-MM-DD [--visits N] [--key-targets-only]", &DeskCommands::campaign_add},
    {"cancel", "campaign cancel ID", &DeskCommands::campaign_cancel},
    {"list", "campaign list [--json]", &DeskCommands::campaign_list},
};

constexpr DeskSubcommand kDrawSubcommands[] = {
    {"commit", "draw commit --k K", &DeskCommands::draw_commit},
    {"reveal", "draw reveal DRAW_ID", &DeskCommands::draw_reveal},
    {"run", "draw run [draw commit options]", &DeskCommands::draw_run},
    {"verify", "draw verify DRAW_ID", &DeskCommands::draw_verify},
    {"show", "draw show DRAW_ID [--json]", &DeskCommands::draw_show},
    {"list", "draw list [--json]", &DeskCommands::draw_list},
};

constexpr DeskSubcommand kReviewSubcommands[] = {
    {"", "review [--all] [--json]", &DeskCommands::review_list},
    {"list", "review [--all] [--json]", &DeskCommands::review_list},
    {"show", "review show REPORT_ID [--json]", &DeskCommands::review_show},
    {"decide", "review decide REPORT_ID", &DeskCommands::review_decide},
};

constexpr DeskSubcommand kCaseSubcommands[] = {
    {"list", "case list [--status S] [--json]", &DeskCommands::case_list},
    {"", "case list [--status S] [--json]", &DeskCommands::case_list},
    {"close", "case close CASE_ID", &DeskCommands::case_close},
};

constexpr DeskSubcommand kComplaintSubcommands[] = {
    {"list", "complaint list [--all] [--json]", &DeskCommands::complaint_list},
    {"", "complaint list [--all] [--json]", &DeskCommands::complaint_list},
    {"add", "complaint add --text T", &DeskCommands::complaint_add},
    {"import", "complaint import FILE.csv [--district ID]", &DeskCommands::complaint_import},
    {"link", "complaint link ID (--institution ID | --address A)", &DeskCommands::complaint_link},
    {"triage", "complaint triage ID --assignee ID[,ID]", &DeskCommands::complaint_triage},
    {"start", "complaint start ID", &DeskCommands::complaint_start},
    {"resolve", "resolve ID --resolution TEXT", &DeskCommands::complaint_resolve},
    {"close", "close ID", &DeskCommands::complaint_close},
    {"reopen", "reopen ID", &DeskCommands::complaint_reopen},
};

int DeskCommands::registry() { return run_subcommand(kRegistrySubcommands, "registry"); }

int DeskCommands::zone() { return run_subcommand(kZoneSubcommands, "zone"); }

int DeskCommands::task() { return run_subcommand(kTaskSubcommands, "task"); }

int DeskCommands::campaign() { return run_subcommand(kCampaignSubcommands, "campaign"); }

int DeskCommands::draw() { return run_subcommand(kDrawSubcommands, "draw"); }

int DeskCommands::review() { return run_subcommand(kReviewSubcommands, "review"); }

int DeskCommands::case_cmd() { return run_subcommand(kCaseSubcommands, "case"); }

int DeskCommands::complaint() { return run_subcommand(kComplaintSubcommands, "complaint"); }

// Every desk command: its name, what runs it and its subcommands (none: it takes no subcommand).
struct DeskCommand {
    std::string_view name;
    int (DeskCommands::*run)();
    std::span<const DeskSubcommand> subcommands;
};

constexpr DeskCommand kDeskCommands[] = {
    {"registry", &DeskCommands::registry, kRegistrySubcommands},
    {"zone", &DeskCommands::zone, kZoneSubcommands},
    {"task", &DeskCommands::task, kTaskSubcommands},
    {"campaign", &DeskCommands::campaign, kCampaignSubcommands},
    {"draw", &DeskCommands::draw, kDrawSubcommands},
    {"coverage", &DeskCommands::coverage, {}},
    {"review", &DeskCommands::review, kReviewSubcommands},
    {"case", &DeskCommands::case_cmd, kCaseSubcommands},
    {"complaint", &DeskCommands::complaint, kComplaintSubcommands},
    {"export", &DeskCommands::export_cmd, {}},
};

}  // namespace

std::optional<int> run_desk_command(const std::string& cmd, sync::DeviceProfile& profile, const Args& args, std::ostream& out,
                                    std::ostream& err) {
    for (const auto& c : kDeskCommands) {
        if (c.name != cmd) continue;
        DeskCommands d{c.name, profile, args, out, err};
        return (d.*c.run)();
    }
    return std::nullopt;
}

std::vector<DeskSubcommandUsage> desk_subcommand_usages() {
    std::vector<DeskSubcommandUsage> out;
    for (const auto& c : kDeskCommands)
        for (const auto& s : c.subcommands) out.push_back({c.name, s.name, s.usage});
    return out;
}

}  // namespace ducha::cli
