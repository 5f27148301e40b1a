#include "shared/cli/cli_app.h"

#include "shared/cli/audit_command.h"
#include "shared/cli/checklist_command.h"
#include "shared/cli/cli_args.h"
#include "shared/cli/desk_commands.h"
#include "shared/cli/people_commands.h"
#include "shared/desk/device_desk.h"
#include "shared/desk/people_desk.h"
#include "shared/desk/record_writer.h"

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "shared/common/clock.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/cli/command_options.h"
#include "shared/policy/write_rules.h"
#include "shared/sync/chain_verifier.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/enroll_link.h"
#include "shared/sync/inspection_recorder.h"
#include "shared/sync/sync_client.h"
#include "shared/domain/state_machines.h"
#include "shared/domain/task_rules.h"
#include <algorithm>

namespace ducha::cli {

using namespace ducha::domain;
using namespace ducha::sync;
using nlohmann::json;

namespace {

constexpr const char* kUsage = R"(ducha — 双减督查 command-line client

Usage: ducha --profile DIR COMMAND [options]

Device commands (all work offline except enroll, sync and admin code):
  enroll --server URL --code CODE [--pin sha256//...] [--name DEVICE_NAME]
  enroll --link 'ducha://enroll?...' [--name DEVICE_NAME]   (the text of an enrollment QR)
                              on an enrolled profile the server no longer knows (restored from
                              an older backup): enrolls the same device again with a new code
                              for the same user, keeping everything waiting on it
  sync [--retries N] [--timeout S]   push the outbox, upload photos, pull changes; exit 0 only
                              when nothing waits (4 = incomplete, run again); --timeout: give up a
                              request after S seconds, or after min(S, 30) seconds without bytes
                              (default 120; a short one suits a flaky network)
  status [--json]             who this device is, outbox depth, pending photos, last contact,
                              last complete sync and why the last sync stopped
  devices [--json]            devices in scope: what each has not sent, its last contact
  tasks [--json] [--all]      my tasks (open ones; --all includes finished)
  inspect --task ID --answers FILE.json [--photo FILE]... [--photo CODE=FILE]...
          [--gps LAT,LON] [--accuracy M] [--mock-location] [--notes TEXT]
                              record, sign and queue a report; prints its id
  inspect --amends REPORT_ID --answers FILE.json [the same options]
                              correct my own report within 7 days of its receipt: a new,
                              complete report on the same task and site; prints its id
  task-status --task ID --to STATUS   move a task (e.g. in_progress); queued
  outbox [--json]             changes waiting, and those set aside with their reason
  reports [--json]            reports on this device (for supervisors: all in scope)
  institutions [--json]       institutions in scope
  edit COLLECTION ID FIELD=VALUE...   change fields of an institution or zone (last writer wins)
  digest                      a hash of this replica (equal replicas, equal digests)
  verify                      re-check every signature, chain link, receipt and photo
  rules                       who may write what: the write rules the server and every device apply
                              (Markdown; no --profile needed)

Admin / coordinator commands:
  admin user add --name NAME --role volunteer|coordinator|supervisor --district ID   (queued)
  admin user deactivate USER_ID   switch an account off: its devices are refused and its badge
                              check says not authorised (queued; coordinators: their volunteers)
  admin assign --user ID (--zone ID | --institution ID) --district ID              (queued)
  admin task add ...          the same as `task add` below
  admin code --user ID        issue a one-time enrollment code (online)
  admin device revoke DEVICE_ID   a lost or replaced phone stops working at its next contact
                              (queued; admins; its tokens are revoked when the server applies it,
                              and its owner's badge gets a new token: the badge on the lost phone
                              stops being valid)
  audit [--outcome refused|accepted|conflict] [--action A] [--actor U] [--collection C] [--record ID] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N] [--json]   the server's audit log, newest first (online; admins and supervisors)

Answers file: {"L1": "pass", "T3": {"result": "fail", "note": "..."}} (pass|fail|na).
)";

// Milliseconds since the epoch as local "YYYY-MM-DD HH:MM:SS", or "never".
std::string time_text(const json& ms) {
    if (!ms.is_number_integer()) return "never / 从未";
    std::time_t t = static_cast<std::time_t>(ms.get<std::int64_t>() / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

template <typename M>
std::optional<M> parse(const pb::Record& r) {
    M m;
    if (!m.ParseFromString(r.payload())) return std::nullopt;
    return m;
}

// Every command the CLI takes: the device's, the people's and the desk's.
std::string full_usage() {
    return std::string(kUsage) + "\n" + kPeopleUsage + "\n" + kChecklistUsage + "\n" + kDeskUsage;
}

std::string mime_of(const std::string& path) {
    auto dot = path.rfind('.');
    std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "png") return "image/png";
    if (ext == "m4a" || ext == "aac") return "audio/mp4";
    return "image/jpeg";
}

class Cli {
public:
    Cli(DeviceProfile& p, const Args& a, std::ostream& out, std::ostream& err) : m_p(p), m_w(p), m_a(a), m_out(out), m_err(err) {}

    int enroll() {
        auto server = m_a.get("--server");
        auto code = m_a.get("--code");
        auto pin = m_a.get("--pin");
        if (auto text = m_a.get("--link")) {  // what the enrollment QR carries
            auto link = parse_enroll_link(*text);
            if (!link) return failed(m_err, link.error());
            server = link->server_url;
            code = link->code;
            if (!pin) pin = link->pin;
        }
        if (!server || !code) return usage(Msg::command_needs_argument, {"enroll", "--server URL --code CODE | --link LINK"});
        char host[256] = "device";
        gethostname(host, sizeof host - 1);
        const bool again = m_p.enrolled();
        auto id = m_p.enroll(*server, *code, pin.value_or(""), m_a.get("--name").value_or(std::string("ducha-cli@") + host));
        if (!id) return failed(m_err, id.error());
        if (again) {
            auto waiting = m_p.store().pending_count();
            m_out << render_bilingual(Msg::enrolled_again_keeps_changes,
                                      {id->user_name, id->device_id, std::to_string(waiting.value_or(0))})
                  << "\n";
            return 0;
        }
        m_out << "enrolled: " << id->user_name << " (" << id->role << ") device " << id->device_id << "\n";
        return 0;
    }

    int sync() {
        int retries = std::stoi(m_a.get("--retries").value_or("5"));
        SyncClient::Config cfg;
        if (auto t = m_a.get("--timeout")) {
            const int seconds = std::stoi(*t);
            if (seconds < 1) return usage(Msg::timeout_at_least_one_second);
            cfg.transport = [seconds](const TransportConfig& base) -> std::unique_ptr<HttpTransport> {
                TransportConfig c = base;
                c.timeout = std::chrono::seconds(seconds);
                c.connect_timeout = std::min(c.connect_timeout, std::chrono::milliseconds(c.timeout));
                c.low_speed_time = std::min(c.low_speed_time, std::chrono::seconds(seconds));
                return CurlTransport::make(c);
            };
        }
        cfg.on_progress = [this](const SyncProgress& p) {
            if (isatty(STDERR_FILENO)) m_err << "\r" << p.phase << ' ' << p.done << (p.total ? "/" + std::to_string(p.total) : "") << "   " << std::flush;
        };
        SyncClient client{m_p, cfg};
        auto r = client.sync(retries);
        if (isatty(STDERR_FILENO)) m_err << "\r";
        if (!r) return failed(m_err, r.error());
        m_out << "pushed " << r->pushed << ", duplicates " << r->duplicates << ", set aside " << r->set_aside
              << ", conflicts " << r->conflicts << ", photos uploaded " << r->blobs_uploaded << ", pulled " << r->pulled
              << ", removed " << r->removed << "\n";
        if (!r->complete()) {
            m_out << "incomplete: " << r->outbox_left << " changes and " << r->blobs_left << " photos still waiting\n";
            return 4;
        }
        m_out << "sync complete\n";
        return 0;
    }

    int status() {
        auto id = m_p.identity();
        if (!id) return failed(m_err, id.error());
        auto& s = m_p.store();
        auto pending = s.pending_count();
        auto outbox = s.outbox(true);
        auto blobs = s.blobs(true);
        if (!pending || !outbox || !blobs) return failed(m_err, Error{Errc::storage, Msg::device_database_unreadable});
        json j{{"id", id->device_id}, {"user_id", id->user_id}, {"user_name", id->user_name}, {"role", id->role},
               {"district_id", id->district_id}, {"server", id->server_url}, {"outbox_pending", *pending},
               {"outbox_set_aside", static_cast<std::int64_t>(outbox->size()) - *pending},
               {"photos_pending", blobs->size()}, {"cursor", s.meta("cursor").value_or(std::nullopt).value_or("0")}};
        auto meta_ms = [&](const char* key) -> json {
            auto v = s.meta(key).value_or(std::nullopt);
            return v && !v->empty() ? json(std::stoll(*v)) : json(nullptr);
        };
        j["last_contact"] = meta_ms("last_contact");
        j["last_complete_sync"] = meta_ms("last_complete_sync");
        j["last_error"] = s.meta("last_error").value_or(std::nullopt).value_or("");
        if (m_a.has("--json")) {
            m_out << json::array({j}).dump(2) << "\n";
        } else {
            m_out << id->user_name << " (" << id->role << ") on " << id->server_url << "\n"
                  << "outbox: " << *pending << " waiting, " << j["outbox_set_aside"] << " set aside; photos waiting: "
                  << blobs->size() << "\n"
                  << "last contact: " << time_text(j["last_contact"]) << "; last complete sync: "
                  << time_text(j["last_complete_sync"]) << "\n";
            if (!j["last_error"].get<std::string>().empty())
                m_out << "last sync stopped: " << j["last_error"].get<std::string>() << "\n";
        }
        return 0;
    }

    // Devices in scope (a coordinator's district, everything for a supervisor): what each has not
    // sent yet, as it last told the server, and when it last reached the server.
    int devices() {
        auto rows = desk::DeviceDesk{m_w}.list();
        if (!rows) return failed(m_err, rows.error());
        json arr = json::array();
        for (const auto& d : *rows)
            arr.push_back({{"id", d.id}, {"user_id", d.user_id}, {"user_name", d.user_name}, {"name", d.name},
                           {"outbox_depth", d.outbox_depth}, {"photos_pending", d.photos_pending},
                           {"last_contact", d.last_contact ? json(d.last_contact) : json(nullptr)},
                           {"app_version", d.app_version}, {"revoked", d.revoked}});
        if (m_a.has("--json")) {
            m_out << arr.dump(2) << "\n";
            return 0;
        }
        for (const auto& j : arr)
            m_out << j["id"].get<std::string>() << "  " << j["user_name"].get<std::string>() << "  waiting "
                  << j["outbox_depth"] << ", photos " << j["photos_pending"] << ", last contact "
                  << time_text(j["last_contact"]) << (j["revoked"].get<bool>() ? "  REVOKED" : "") << "\n";
        if (arr.empty()) m_out << render_bilingual(Msg::no_devices_in_scope, {}) << "\n";
        return 0;
    }

    // The tasks this replica holds (a volunteer's: their own; a coordinator's: the district's), in
    // the order and with the rules of shared/domain/task_rules.h.
    int tasks() {
        auto recs = m_p.store().list(kTask);
        if (!recs) return failed(m_err, recs.error());
        const std::int64_t now = unix_seconds_now();
        std::vector<TaskSummary> rows;
        std::map<std::string, std::int64_t> versions;
        for (const auto& r : *recs) {
            auto t = parse<pb::Task>(r);
            if (!t) continue;
            versions[r.id()] = r.version();
            rows.push_back(summarize_task(r.id(), *t, now));
        }
        TaskFilter filter;
        filter.include_finished = m_a.has("--all");
        rows = select_tasks(std::move(rows), filter);
        json arr = json::array();
        for (const auto& t : rows) {
            std::string inst_name;
            if (auto i = m_p.store().get(kInstitution, t.institution_id); i && *i)
                if (auto in = parse<pb::Institution>(**i)) inst_name = in->name();
            arr.push_back({{"id", t.id}, {"institution_id", t.institution_id}, {"institution", inst_name},
                           {"status", std::string(task_status_name(t.status))}, {"kind", std::string(task_kind_name(t.kind))},
                           {"covert", t.covert}, {"priority", t.priority}, {"due", t.window_end},
                           {"version", versions[t.id]}, {"assignees", t.assignees}});
        }
        if (m_a.has("--json")) {
            m_out << arr.dump(2) << "\n";
            return 0;
        }
        for (std::size_t k = 0; k < rows.size(); ++k)
            m_out << rows[k].id << "  P" << rows[k].priority << "  " << task_status_name(rows[k].status) << "  "
                  << task_kind_name(rows[k].kind) << (rows[k].covert ? " 暗访" : "") << (rows[k].overdue ? " 逾期" : "")
                  << "  " << arr[k]["institution"].get<std::string>() << "\n";
        if (arr.empty()) m_out << render_bilingual(Msg::no_open_tasks, {}) << "\n";
        return 0;
    }

    int inspect() {
        auto task = m_a.get("--task");
        auto amends = m_a.get("--amends");
        auto answers_path = m_a.get("--answers");
        if (task && amends) return usage(Msg::inspect_task_or_amends);
        if ((!task && !amends) || !answers_path)
            return usage(Msg::inspect_needs_task_and_answers);
        auto text = read_file(*answers_path);
        if (!text) return failed(m_err, Error{Errc::not_found, Msg::cannot_read_answers_file, *answers_path});
        auto j = json::parse(*text, nullptr, false);
        if (!j.is_object())
            return failed(m_err, Error{Errc::malformed, Msg::answers_file_not_json_object, *answers_path});
        InspectionInput in;
        in.task_id = task.value_or("");
        in.amends = amends.value_or("");
        for (auto& [code, v] : j.items()) {
            domain::AnswerInput a;
            a.code = code;
            if (v.is_string()) {
                a.result = v.get<std::string>();
            } else if (v.is_object() && v.contains("result") && v["result"].is_string()) {
                a.result = v["result"].get<std::string>();
                if (v.contains("note") && v["note"].is_string()) a.note = v["note"].get<std::string>();
            } else {
                return failed(m_err, Error{Errc::invalid_argument, Msg::answer_for_must_pass_fail, code});
            }
            in.answers.push_back(std::move(a));
        }
        for (const auto& spec : m_a.all("--photo")) {
            std::string code, path = spec;
            if (auto eq = spec.find('='); eq != std::string::npos && eq < 6) {
                code = spec.substr(0, eq);
                path = spec.substr(eq + 1);
            }
            auto data = read_file(path);
            if (!data) return failed(m_err, Error{Errc::not_found, Msg::cannot_read_photo, path});
            in.photos.push_back({code, std::move(*data), mime_of(path)});
        }
        if (auto g = m_a.get("--gps")) {
            pb::GeoPoint p;
            double lat = 0, lon = 0;
            if (std::sscanf(g->c_str(), "%lf,%lf", &lat, &lon) != 2 || lat < -90 || lat > 90 || lon < -180 || lon > 180)
                return failed(m_err, Error{Errc::invalid_argument, Msg::gps_takes_lat_lon_got, *g});
            p.set_lat(lat);
            p.set_lon(lon);
            in.gps = p;
            in.gps_accuracy_m = std::stod(m_a.get("--accuracy").value_or("10"));
            in.gps_fix_age_ms = 0;
        }
        in.mock_location = m_a.has("--mock-location");
        in.notes = m_a.get("--notes").value_or("");
        InspectionRecorder rec{m_p};
        auto id = rec.record(in);
        if (!id) return failed(m_err, id.error());
        m_out << *id << "\n";
        return 0;
    }

    int task_status() {
        auto task = m_a.get("--task");
        auto to = m_a.get("--to");
        if (!task || !to) return usage(Msg::command_needs_argument, {"task-status", "--task ID --to STATUS"});
        auto cur = m_p.store().get(kTask, *task);
        if (!cur) return failed(m_err, cur.error());
        if (!*cur) return failed(m_err, Error{Errc::not_found, Msg::no_such_task_device, *task});
        auto t = parse<pb::Task>(**cur);
        if (!t) return failed(m_err, Error{Errc::malformed, Msg::task_cannot_parsed});
        if (auto s = check_task_transition(t->status(), *to); !s) return failed(m_err, s.error());
        t->set_status(*to);
        pb::Mutation m;
        m.set_collection(std::string(kTask));
        m.set_id(*task);
        m.set_base_version((*cur)->version());
        m.set_payload(t->SerializeAsString());
        auto q = m_p.submit(m);
        if (!q) return failed(m_err, q.error());
        m_out << "queued #" << *q << "\n";
        return 0;
    }

    int outbox() {
        auto items = m_p.store().outbox(true);
        if (!items) return failed(m_err, items.error());
        json arr = json::array();
        for (const auto& it : *items)
            arr.push_back({{"id", it.mutation.id()}, {"client_seq", it.client_seq}, {"collection", it.mutation.collection()},
                           {"state", it.state}, {"attempts", it.attempts}, {"error_code", it.error_code},
                           {"error", it.error_message}});
        if (m_a.has("--json")) {
            m_out << arr.dump(2) << "\n";
            return 0;
        }
        for (const auto& i : arr)
            m_out << "#" << i["client_seq"] << "  " << i["collection"].get<std::string>() << "  " << i["id"].get<std::string>() << "  "
                  << i["state"].get<std::string>() << (i["error"].get<std::string>().empty() ? "" : "  " + i["error"].get<std::string>()) << "\n";
        if (arr.empty()) m_out << render_bilingual(Msg::outbox_is_empty, {}) << "\n";
        return 0;
    }

    int reports() {
        auto recs = m_p.store().list(kReport);
        if (!recs) return failed(m_err, recs.error());
        auto items = m_p.store().outbox(true);
        if (!items) return failed(m_err, items.error());
        auto blobs = m_p.store().blobs(true);
        json arr = json::array();
        auto row = [&](const std::string& id, const pb::Report& r, const std::string& status) {
            json j{{"id", id}, {"task_id", r.task_id()}, {"institution_id", r.institution_id()}, {"status", status},
                   {"flagged", r.flagged()}, {"device_time", r.device_time()}, {"chain_index", r.chain_index()},
                   {"user_id", r.user_id()}, {"amends", r.amends().empty() ? json(nullptr) : json(r.amends())}};
            int pending = 0;
            if (blobs)
                for (const auto& b : *blobs)
                    if (b.report_id == id) pending++;
            j["photos_pending"] = pending;
            j["receipt"] = nullptr;
            if (auto rc = m_p.store().get(kReceipt, id); rc && *rc) {
                if (auto receipt = parse<pb::Receipt>(**rc))
                    j["receipt"] = {{"seq", receipt->seq()}, {"server_time", receipt->server_time()},
                                    {"batch_id", receipt->batch_id()}, {"report_hash", hex_encode(receipt->report_hash())}};
            }
            arr.push_back(j);
        };
        // A report still in the outbox is "queued" (or "set_aside") even though the device's
        // replica already shows it; only what the server has acknowledged is "received".
        std::map<std::string, std::string> outbox_state;
        for (const auto& it : *items)
            if (it.mutation.collection() == kReport)
                outbox_state[it.mutation.id()] = it.state == "pending" ? "queued" : "set_aside";
        for (const auto& rec : *recs)
            if (auto r = parse<pb::Report>(rec)) {
                auto o = outbox_state.find(rec.id());
                row(rec.id(), *r, o == outbox_state.end() ? "received" : o->second);
            }
        for (const auto& it : *items) {
            if (it.mutation.collection() != kReport) continue;
            pb::Report r;
            if (r.ParseFromString(it.mutation.payload()))
                if (std::none_of(arr.begin(), arr.end(), [&](const json& j) { return j["id"] == it.mutation.id(); }))
                    row(it.mutation.id(), r, outbox_state[it.mutation.id()]);
        }
        if (m_a.has("--json")) {
            m_out << arr.dump(2) << "\n";
            return 0;
        }
        for (const auto& j : arr)
            m_out << j["id"].get<std::string>() << "  " << j["status"].get<std::string>() << (j["flagged"].get<bool>() ? "  FLAGGED" : "")
                  << (j["receipt"].is_null() ? "  (no receipt yet)" : "  receipt seq " + j["receipt"]["seq"].dump()) << "\n";
        if (arr.empty()) m_out << render_bilingual(Msg::no_reports_listed, {}) << "\n";
        return 0;
    }

    int institutions() {
        auto recs = m_p.store().list(kInstitution);
        if (!recs) return failed(m_err, recs.error());
        json arr = json::array();
        for (const auto& r : *recs)
            if (auto i = parse<pb::Institution>(r))
                arr.push_back({{"id", r.id()}, {"name", i->name()}, {"address", i->address()}, {"licensed", i->licensed()},
                               {"academic", i->academic()}, {"key_target", i->key_target()}, {"zone_id", i->zone_id()},
                               {"version", r.version()}});
        if (m_a.has("--json")) {
            m_out << arr.dump(2) << "\n";
            return 0;
        }
        for (const auto& j : arr)
            m_out << j["id"].get<std::string>() << "  " << j["name"].get<std::string>() << "  " << j["address"].get<std::string>() << "\n";
        return 0;
    }

    int edit() {
        // ducha edit institution ID field=value ...
        std::vector<std::string> pos;
        for (std::size_t i = 0; i < m_a.v.size(); ++i) pos.push_back(m_a.v[i]);
        if (pos.size() < 3) return usage(Msg::command_needs_argument, {"edit", "COLLECTION ID FIELD=VALUE..."});
        const std::string& coll = pos[0];
        const std::string& id = pos[1];
        if (coll != kInstitution && coll != kZone) return usage(Msg::edit_institution_or_zone);
        auto cur = m_p.store().get(coll, id);
        if (!cur) return failed(m_err, cur.error());
        if (!*cur) return failed(m_err, Error{Errc::not_found, Msg::no_such_record_device, id});
        std::unique_ptr<google::protobuf::Message> msg;
        if (coll == kInstitution) msg = std::make_unique<pb::Institution>(); else msg = std::make_unique<pb::Zone>();
        msg->ParseFromString((*cur)->payload());
        pb::Mutation m;
        const auto* desc = msg->GetDescriptor();
        const auto* refl = msg->GetReflection();
        for (std::size_t i = 2; i < pos.size(); ++i) {
            auto eq = pos[i].find('=');
            if (eq == std::string::npos) return usage(Msg::fields_are_field_value);
            std::string name = pos[i].substr(0, eq), value = pos[i].substr(eq + 1);
            const auto* f = desc->FindFieldByName(name);
            if (!f || f->is_repeated() || f->type() == google::protobuf::FieldDescriptor::TYPE_MESSAGE)
                return failed(m_err, Error{Errc::invalid_argument, Msg::cannot_set_field, name});
            try {
                switch (f->cpp_type()) {
                    case google::protobuf::FieldDescriptor::CPPTYPE_STRING: refl->SetString(msg.get(), f, value); break;
                    case google::protobuf::FieldDescriptor::CPPTYPE_BOOL: refl->SetBool(msg.get(), f, value == "true" || value == "1"); break;
                    case google::protobuf::FieldDescriptor::CPPTYPE_INT32: refl->SetInt32(msg.get(), f, std::stoi(value)); break;
                    case google::protobuf::FieldDescriptor::CPPTYPE_INT64: refl->SetInt64(msg.get(), f, std::stoll(value)); break;
                    case google::protobuf::FieldDescriptor::CPPTYPE_DOUBLE: refl->SetDouble(msg.get(), f, std::stod(value)); break;
                    default: return failed(m_err, Error{Errc::invalid_argument, Msg::unsupported_field_type, name});
                }
            } catch (const std::exception&) {
                return failed(m_err, Error{Errc::invalid_argument, Msg::bad_value_for, name, value});
            }
            m.add_changed_fields(name);
        }
        auto hlc = m_p.next_hlc();
        if (!hlc) return failed(m_err, hlc.error());
        m.set_collection(coll);
        m.set_id(id);
        m.set_base_version((*cur)->version());
        m.set_payload(msg->SerializeAsString());
        m.set_hlc(*hlc);
        auto q = m_p.submit(m);
        if (!q) return failed(m_err, q.error());
        m_out << "queued #" << *q << "\n";
        return 0;
    }

    int digest() {
        auto d = m_p.store().digest();
        if (!d) return failed(m_err, d.error());
        m_out << hex_encode(*d) << "\n";
        return 0;
    }

    int verify() {
        auto r = verify_replica(m_p);
        if (!r) return failed(m_err, r.error());
        for (const auto& f : r->failures) m_out << "FAIL " << f.check << " " << f.report_id << ": " << f.message << "\n";
        for (const auto& n : r->notes) m_out << "note " << n.check << " " << n.report_id << ": " << n.message << "\n";
        m_out << "checked " << r->reports << " reports, " << r->receipts << " receipts, " << r->files << " photos: "
              << (r->ok() ? "all valid" : std::to_string(r->failures.size()) + " failed") << "\n";
        return r->ok() ? 0 : 3;
    }

    int admin() {
        if (m_a.v.empty()) return usage(Msg::command_needs_subcommand, {"admin"});
        const std::string& sub = m_a.v[0];
        const std::string sub2 = m_a.v.size() > 1 ? m_a.v[1] : "";
        if (sub == "code") return admin_code();
        if (sub == "device" && sub2 == "revoke") return revoke_device(m_a.v.size() > 2 ? m_a.v[2] : "");
        if (sub == "user" && sub2 == "add") {
            auto name = m_a.get("--name");
            auto role = m_a.get("--role");
            if (!name || !role) return usage(Msg::command_needs_argument, {"admin user add", "--name --role"});
            pb::User u;
            u.set_name(*name);
            u.set_role(*role);
            u.set_district_id(m_a.get("--district").value_or(""));
            u.set_active(true);
            u.set_badge_token(crypto::random_token(16));
            // A new inspector's badge is valid for a year, as the demo's are; renewals move it on.
            u.set_badge_valid_until(unix_seconds_now() + 365 * 24 * 3600);
            return queue_new(kUser, u);
        }
        if (sub == "user" && sub2 == "deactivate") return deactivate_user(m_a.v.size() > 2 ? m_a.v[2] : "");
        if (sub == "assign") {
            auto user = m_a.get("--user");
            if (!user) return usage(Msg::command_needs_argument, {"admin assign", "--user"});
            pb::Assignment a;
            a.set_user_id(*user);
            a.set_district_id(m_a.get("--district").value_or(""));
            a.set_zone_id(m_a.get("--zone").value_or(""));
            a.set_institution_id(m_a.get("--institution").value_or(""));
            if (a.zone_id().empty() == a.institution_id().empty()) return usage(Msg::command_needs_argument, {"admin assign", "--zone | --institution"});
            return queue_new(kAssignment, a);
        }
        if (sub == "task" && sub2 == "add") {
            // Kept for scripts written before `ducha task add`; the same planner checks both.
            Args rest{std::vector<std::string>(m_a.v.begin() + 1, m_a.v.end())};
            return *run_desk_command("task", m_p, rest, m_out, m_err);
        }
        return usage(Msg::unknown_subcommand_of, {"admin", sub});
    }

private:
    int usage(Msg m, const std::vector<std::string>& args = {}) {
        m_err << "ducha: " << render_bilingual(m, args) << "\n\n" << full_usage();
        return 2;
    }

    int queue_new(std::string_view collection, const google::protobuf::Message& msg) {
        pb::Mutation m;
        m.set_collection(std::string(collection));
        m.set_id(crypto::new_uuid());
        m.set_payload(msg.SerializeAsString());
        auto q = m_p.submit(m);
        if (!q) return failed(m_err, q.error());
        m_out << m.id() << "\n";
        return 0;
    }

    // Switches an account off (shared/desk/people_desk.h, the one place for the rule, as
    // `ducha user deactivate`): the server refuses the person's devices and their badge check says
    // "not authorised". Admins, and coordinators for their district's volunteers.
    int deactivate_user(const std::string& user_id) {
        if (user_id.empty()) return usage(Msg::command_needs_argument, {"admin user deactivate", "USER_ID"});
        if (auto q = desk::PeopleDesk{m_w}.deactivate(user_id); !q) return failed(m_err, q.error());
        m_out << render_bilingual(Msg::user_deactivated_queued, {}) << "\n";
        return 0;
    }

    // A lost or replaced phone (shared/desk/device_desk.h): the server refuses it everything once
    // this syncs, what it had not sent stays on it, and its owner's badge token is replaced.
    int revoke_device(const std::string& device_id) {
        if (device_id.empty()) return usage(Msg::command_needs_argument, {"admin device revoke", "DEVICE_ID (ducha devices)"});
        if (auto s = desk::DeviceDesk{m_w}.revoke(device_id); !s) return failed(m_err, s.error());
        m_out << render_bilingual(Msg::device_revoked_queued, {}) << "\n";
        return 0;
    }

    int admin_code() {
        auto user = m_a.get("--user");
        if (!user) return usage(Msg::command_needs_argument, {"admin code", "--user ID"});
        auto id = m_p.identity();
        if (!id) return failed(m_err, id.error());
        CurlTransport t{TransportConfig{.base_url = id->server_url, .pin = id->pin}};
        auto r = authorized_request(m_p, t, "POST", "/v1/admin/enrollment-code", json{{"user_id", *user}}.dump(),
                                    {{"Content-Type", "application/json"}});
        if (!r) return failed(m_err, r.error());
        if (r->status != 200) return failed(m_err, reply_error(*r).error);
        auto j = json::parse(r->body, nullptr, false);
        m_out << "enrollment code: " << j.value("code", "") << "\n";
        return 0;
    }

    DeviceProfile& m_p;
    desk::RecordWriter m_w;
    const Args& m_a;
    std::ostream& m_out;
    std::ostream& m_err;
};

}  // namespace

int run_cli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    std::vector<std::string> args = argv;
    std::optional<std::string> profile;
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "--profile") {
            profile = args[i + 1];
            args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
            break;
        }
    }
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        out << full_usage();
        return args.empty() ? 2 : 0;
    }
    std::string cmd = args[0];
    Args a{std::vector<std::string>(args.begin() + 1, args.end())};
    if (a.has("--help") || a.has("-h")) {
        out << full_usage();
        return 0;
    }
    if (cmd == "rules") {  // needs no profile: the table is the same on every device and the server
        out << policy::rules_markdown();
        return 0;
    }
    if (auto s = check_options(cmd, a); !s) {
        err << "ducha: " << s.error().message() << "\n\n" << full_usage();
        return 2;
    }
    if (!profile) {
        err << "ducha: 需要 --profile DIR / --profile DIR is required\n\n" << kUsage;
        return 2;
    }
    // Only enroll creates a profile: a mistyped --profile must not leave an empty one behind.
    if (cmd != "enroll" && !std::filesystem::exists(std::filesystem::path(*profile) / "device.db"))
        return failed(err, Error{Errc::not_found, Msg::no_device_profile_run_ducha, *profile});
    auto p = DeviceProfile::open(*profile);
    if (!p) return failed(err, p.error());
    Cli cli{*p, a, out, err};
    try {
        if (cmd == "enroll") return cli.enroll();
        if (!p->enrolled()) return failed(err, Error{Errc::not_found, Msg::profile_not_enrolled_run_ducha});
        if (cmd == "sync") return cli.sync();
        if (cmd == "status") return cli.status();
        if (cmd == "tasks") return cli.tasks();
        if (cmd == "inspect") return cli.inspect();
        if (cmd == "task-status") return cli.task_status();
        if (cmd == "outbox") return cli.outbox();
        if (cmd == "reports") return cli.reports();
        if (cmd == "institutions") return cli.institutions();
        if (cmd == "devices") return cli.devices();
        if (cmd == "edit") return cli.edit();
        if (cmd == "digest") return cli.digest();
        if (cmd == "verify") return cli.verify();
        if (cmd == "admin") return cli.admin();
        if (cmd == "audit") return run_audit_command(*p, a, out, err);
        if (cmd == "checklist") return run_checklist_command(*p, a, out, err);
        if (auto rc = run_desk_command(cmd, *p, a, out, err)) return *rc;
        if (auto rc = run_people_command(cmd, *p, a, out, err)) return *rc;
    } catch (const std::exception& e) {
        err << "ducha: " << render_bilingual(Msg::bad_argument_value, {e.what()}) << "\n";
        return 2;
    }
    err << "ducha: " << render_bilingual(Msg::unknown_command_named, {cmd}) << "\n\n" << full_usage();
    return 2;
}

}  // namespace ducha::cli
