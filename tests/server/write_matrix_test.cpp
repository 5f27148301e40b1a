// The write matrix, through the wire: every role and relation (eight enrolled people) tries every
// operation on every collection, pushed as raw mutations over real TLS to a real server with the
// demo data, and each outcome is compared with one readable table below. A modified client is
// assumed: nothing here goes through the device's own rule check.
//
// Each row is one operation with the people allowed to make it; everyone else must be refused.
// Every attempt gets a fresh fixture (made by the honest path), and afterwards the server's
// stored record must show the change (allowed) or be byte for byte what it was (refused), and a
// refusal must be in the audit log with its reason.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "server/service/server_app.h"
#include "server/storage/audit_log.h"
#include "shared/common/bytes.h"
#include "shared/common/clock.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/checklist.h"
#include "shared/domain/checklist_template_check.h"
#include "shared/domain/collections.h"
#include "shared/domain/random_draw.h"
#include "shared/domain/report_signing.h"
#include "shared/store/statement.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/curl_transport.h"
#include "support/cli_steps.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
namespace fs = std::filesystem;

namespace {

// The eight people: role × relation to the fixtures (made in 铁东区 "A" by coordinator cA for
// volunteer vA1; 铁西区 is "B").
enum Who { vA1, vA2, vB, cA, cA2, cB, sup, adm };
constexpr Who kEveryone[] = {vA1, vA2, vB, cA, cA2, cB, sup, adm};
const char* name_of(Who w) {
    static const char* names[] = {"volunteer A1 (assignee/author)", "volunteer A2 (same district)", "volunteer B (other district)",
                                  "coordinator A (creator)",        "coordinator A2 (same district)", "coordinator B (other district)",
                                  "supervisor (city-wide)",          "admin"};
    return names[w];
}

struct Person {
    fs::path profile;
    std::string user_id, device_id, token, district_id;
    crypto::Ed25519KeyPair key;
    std::uint64_t client_seq = 1'000'000;  // raw pushes, far from the outbox's own numbers
    std::uint64_t chain_index = 0;
    Bytes chain_head = domain::zero_hash();
};

// What a person sends: one mutation.
struct Attempt {
    std::string collection, id;
    std::int64_t base_version = 0;
    std::string payload;
    bool deleted = false;
    std::vector<std::string> changed_fields;
};

Attempt attempt(std::string collection, std::string id, std::int64_t base_version, std::string payload,
                bool deleted = false, std::vector<std::string> changed_fields = {}) {
    Attempt a;
    a.collection = std::move(collection);
    a.id = std::move(id);
    a.base_version = base_version;
    a.payload = std::move(payload);
    a.deleted = deleted;
    a.changed_fields = std::move(changed_fields);
    return a;
}

template <typename M>
M parse(const std::string& payload) {
    M m;
    REQUIRE(m.ParseFromString(payload));
    return m;
}

class World {
public:
    TestServer srv;
    TempDir tmp;
    std::map<Who, Person> people;
    std::string dA, dB, instA, instB, zoneA, zoneB;

    World() : m_http(sync::TransportConfig{.base_url = srv.url(), .pin = srv.pin()}) {
        enroll(vA1, srv.account("volunteer", 0, "铁东区").code);
        enroll(vA2, srv.account("volunteer", 1, "铁东区").code);
        enroll(vB, srv.account("volunteer", 0, "铁西区").code);
        enroll(cA, srv.account("coordinator", 0, "铁东区").code);
        enroll(cA2, srv.account("coordinator", 1, "铁东区").code);
        enroll(cB, srv.account("coordinator", 0, "铁西区").code);
        enroll(sup, srv.account("supervisor").code);
        enroll(adm, srv.admin_code());
        dA = people[cA].district_id;
        dB = people[cB].district_id;
        REQUIRE(dA != dB);
        instA = registry_institution(dA);
        instB = registry_institution(dB);
        zoneA = zone_of(dA);
        zoneB = zone_of(dB);
    }

    const std::string& id(Who w) { return people.at(w).user_id; }

    // Pushes one mutation as `w` and returns the server's ack.
    pb::Ack push(Who w, const Attempt& a) {
        Person& p = people.at(w);
        pb::SyncRequest req;
        auto* m = req.add_mutations();
        m->set_client_seq(p.client_seq++);
        m->set_collection(a.collection);
        m->set_id(a.id);
        m->set_base_version(a.base_version);
        m->set_payload(a.payload);
        m->set_deleted(a.deleted);
        if (a.collection == domain::kInstitution || a.collection == domain::kZone)
            m->set_hlc(static_cast<std::uint64_t>(unix_ms_now()) * 16 + m_hlc++ % 16);
        for (const auto& f : a.changed_fields) m->add_changed_fields(f);
        auto r = m_http.request("POST", "/v1/sync", req.SerializeAsString(),
                                {{"Authorization", "Bearer " + p.token}, {"Content-Type", "application/x-protobuf"}});
        REQUIRE(r.has_value());
        INFO("HTTP " << r->status << ": " << r->body);
        REQUIRE(r->status == 200);
        pb::SyncResponse resp;
        REQUIRE(resp.ParseFromString(r->body));
        REQUIRE(resp.acks_size() == 1);
        return resp.acks(0);
    }

    // A fixture made by the honest path: the push must be applied.
    std::string make(Who w, std::string_view collection, const google::protobuf::Message& msg, std::string id = {}) {
        if (id.empty()) id = crypto::new_uuid();
        auto ack = push(w, attempt(std::string(collection), id, 0, msg.SerializeAsString()));
        INFO("fixture " << collection << " by " << name_of(w) << ": " << ack.code() << " " << ack.message());
        REQUIRE(ack.status() == pb::Ack::APPLIED);
        return id;
    }
    // A change of a fixture by the honest path.
    void change(Who w, std::string_view collection, const std::string& id, const google::protobuf::Message& msg) {
        auto cur = stored(collection, id);
        REQUIRE(cur);
        auto ack = push(w, attempt(std::string(collection), id, cur->version(), msg.SerializeAsString()));
        INFO("fixture change " << collection << " by " << name_of(w) << ": " << ack.code() << " " << ack.message());
        REQUIRE(ack.status() == pb::Ack::APPLIED);
    }

    std::optional<pb::Record> stored(std::string_view collection, const std::string& id) {
        auto db = test::server_db(srv.data_dir());
        REQUIRE(db);
        store::Statement st{*db, "SELECT version, payload, deleted, seq FROM record WHERE collection=?1 AND id=?2"};
        st.bind(1, collection).bind(2, id);
        auto row = st.step();
        REQUIRE(row.has_value());
        if (!*row) return std::nullopt;
        pb::Record r;
        r.set_collection(std::string(collection));
        r.set_id(id);
        r.set_version(st.col_int(0));
        r.set_payload(st.col_blob(1));
        r.set_deleted(st.col_int(2) != 0);
        r.set_seq(st.col_int(3));
        return r;
    }

    std::vector<server::AuditEntry> audit_of(const std::string& record_id) {
        auto db = test::server_db(srv.data_dir());
        REQUIRE(db);
        server::AuditQuery q;
        q.record_id = record_id;
        auto rows = server::query_audit(*db, q);
        REQUIRE(rows.has_value());
        return *rows;
    }

    // A signed report by `w` from their own device, on `task_id` (its institution and district),
    // chained after w's previous one. `edit` may change it before it is signed.
    std::pair<std::string, pb::Report> report(Who w, const std::string& task_id,
                                              const std::function<void(pb::Report&)>& edit = {}) {
        Person& p = people.at(w);
        auto t = stored(domain::kTask, task_id);
        REQUIRE(t);
        auto task = parse<pb::Task>(t->payload());
        pb::Report r;
        r.set_task_id(task_id);
        r.set_institution_id(task.institution_id());
        r.set_district_id(task.district_id());
        r.set_covert(task.covert());
        r.set_template_id(task.template_id());
        r.set_template_version(1);
        r.set_user_id(p.user_id);
        r.set_device_id(p.device_id);
        r.set_device_time(unix_ms_now());
        auto* a = r.add_answers();
        a->set_code("L1");
        a->set_result("pass");
        auto* b = r.add_blobs();
        b->set_sha256(crypto::sha256(crypto::random_bytes(64)));
        b->set_size(64);
        b->set_mime("image/jpeg");
        b->set_kind("photo");
        if (edit) edit(r);
        r.set_chain_index(p.chain_index + 1);
        r.set_prev_hash(p.chain_head);
        std::string id = crypto::new_uuid();
        domain::sign_report(id, r, p.key);
        return {id, r};
    }
    // Pushes a report made by report(); the chain moves on only when the server took it.
    pb::Ack push_report(Who w, const std::pair<std::string, pb::Report>& rep) {
        auto ack = push(w, attempt(std::string(domain::kReport), rep.first, 0, rep.second.SerializeAsString()));
        follow_chain(w, rep.first, rep.second, ack);
        return ack;
    }
    // A report that follows the chain is a link of it even when a rule refuses it (the server
    // refuses for the rule, not with chain_fork): the device's next report follows it.
    void follow_chain(Who w, const std::string& id, const pb::Report& r, const pb::Ack& ack) {
        if (ack.code() == "chain_fork" || ack.code() == "bad_signature") return;
        people.at(w).chain_index = r.chain_index();
        people.at(w).chain_head = domain::report_hash(id, r);
    }
    std::string submitted_report(Who w, const std::string& task_id, const std::function<void(pb::Report&)>& edit = {}) {
        auto rep = report(w, task_id, edit);
        auto ack = push_report(w, rep);
        INFO(ack.code() << " " << ack.message());
        REQUIRE(ack.status() == pb::Ack::APPLIED);
        return rep.first;
    }

    // An open task in A for vA1, made by cA.
    pb::Task task_msg(bool covert = false) {
        pb::Task t;
        t.set_institution_id(instA);
        t.set_district_id(dA);
        t.set_kind("routine");
        t.set_covert(covert);
        t.add_assignees(id(vA1));
        t.set_created_by(id(cA));
        t.set_status("open");
        t.set_priority(3);
        t.set_title("矩阵 / matrix");
        t.set_template_id(domain::checklist_version_id(1));
        t.set_window_start(unix_seconds_now());
        t.set_window_end(unix_seconds_now() + 86400);
        return t;
    }
    std::string task(bool covert = false) { return make(cA, domain::kTask, task_msg(covert)); }

private:
    void enroll(Who w, const std::string& code) {
        Person p;
        p.profile = tmp / ("p" + std::to_string(w));
        must(p.profile, {"enroll", "--server", srv.url(), "--code", code, "--pin", srv.pin()});
        auto prof = sync::DeviceProfile::open(p.profile);
        REQUIRE(prof.has_value());
        auto ident = prof->identity();
        REQUIRE(ident.has_value());
        p.user_id = ident->user_id;
        p.device_id = ident->device_id;
        p.district_id = ident->district_id;
        auto tok = prof->access_token();
        REQUIRE(tok.has_value());
        p.token = *tok;
        auto key = prof->device_key();
        REQUIRE(key.has_value());
        p.key = *key;
        people.emplace(w, std::move(p));
    }

    std::string first_id(const std::string& sql, const std::string& district) {
        auto db = test::server_db(srv.data_dir());
        REQUIRE(db);
        store::Statement st{*db, sql};
        for (;;) {
            auto row = st.step();
            REQUIRE(row.has_value());
            REQUIRE(*row);
            pb::Institution i;  // zones and institutions both start with district_id = 1
            pb::Zone z;
            if (z.ParseFromString(st.col_blob(1)) && z.district_id() == district) {
                if (sql.find("'institution'") != std::string::npos) {
                    REQUIRE(i.ParseFromString(st.col_blob(1)));
                    if (i.field_reported() || !i.merged_into().empty()) continue;
                }
                return st.col_text(0);
            }
        }
    }
    std::string registry_institution(const std::string& d) {
        return first_id("SELECT id, payload FROM record WHERE collection='institution' AND deleted=0 ORDER BY id", d);
    }
    std::string zone_of(const std::string& d) {
        return first_id("SELECT id, payload FROM record WHERE collection='zone' AND deleted=0 ORDER BY id", d);
    }

    sync::CurlTransport m_http;
    std::uint64_t m_hlc = 0;
};

using Make = std::function<Attempt(World&, Who)>;

struct Row {
    std::string_view collection;
    std::string_view operation;
    std::set<Who> allowed;
    Make attempt;
};

Attempt create(std::string_view collection, const google::protobuf::Message& m) {
    return attempt(std::string(collection), crypto::new_uuid(), 0, m.SerializeAsString());
}
// A change of fixture `id` to `m`, from its stored version.
Attempt update(World& w, std::string_view collection, const std::string& id, const google::protobuf::Message& m,
               std::vector<std::string> fields = {}) {
    auto cur = w.stored(collection, id);
    REQUIRE(cur);
    return attempt(std::string(collection), id, cur->version(), m.SerializeAsString(), false, std::move(fields));
}
Attempt remove(World& w, std::string_view collection, const std::string& id) {
    auto cur = w.stored(collection, id);
    REQUIRE(cur);
    return attempt(std::string(collection), id, cur->version(), cur->payload(), true);
}
template <typename M>
M stored_as(World& w, std::string_view collection, const std::string& id) {
    auto cur = w.stored(collection, id);
    REQUIRE(cur);
    return parse<M>(cur->payload());
}

pb::Zone zone_in(const std::string& d) {
    pb::Zone z;
    z.set_district_id(d);
    z.set_name("矩阵片区 / matrix zone");
    z.add_communities("矩阵小区");
    return z;
}
pb::Institution inst_in(const std::string& d, const std::string& zone) {
    pb::Institution i;
    i.set_district_id(d);
    i.set_zone_id(zone);
    i.set_name("矩阵培训学校 / matrix school");
    i.set_address("矩阵路 1 号");
    i.set_licensed(true);
    i.set_category("学科类");
    return i;
}
pb::User user_in(const std::string& d, const std::string& role) {
    pb::User u;
    u.set_name("矩阵用户");
    u.set_role(role);
    u.set_district_id(d);
    u.set_active(true);
    u.set_badge_token(crypto::random_token(16));
    u.set_badge_valid_until(unix_seconds_now() + 86400 * 365);
    return u;
}
pb::Complaint complaint_in(World& w, const std::string& d, Who creator) {
    pb::Complaint c;
    c.set_district_id(d);
    c.set_source("12345");
    c.set_text("周末补课 / weekend classes");
    c.set_institution_id(d == w.dA ? w.instA : w.instB);
    c.set_status("open");
    c.set_created_by(w.id(creator));
    c.set_received_at(unix_seconds_now());
    return c;
}
// A draw commitment in district `d` over institution `inst`, with volunteer `inspector`.
pb::Draw draw_in(World& w, const std::string& d, const std::string& inst, const std::string& inspector, Who creator,
                 Bytes seed) {
    pb::Draw dr;
    dr.set_district_id(d);
    dr.set_seed_hash(domain::draw_seed_hash(seed));
    dr.set_k(1);
    dr.add_pool(inst);
    dr.add_weights(1.0);
    dr.add_inspectors(inspector);
    dr.set_inspectors_per_site(1);
    dr.set_created_by(w.id(creator));
    dr.set_status("committed");
    dr.set_algorithm(std::string(domain::kDrawAlgorithm));
    dr.set_window_start(unix_seconds_now());
    dr.set_window_end(unix_seconds_now() + 86400);
    dr.set_title("矩阵抽签 / matrix draw");
    return dr;
}
pb::Campaign campaign_in(World& w, const std::string& d, Who creator) {
    pb::Campaign c;
    c.set_district_id(d);
    c.set_name("寒假专项");
    c.set_start(unix_seconds_now());
    c.set_end(unix_seconds_now() + 86400 * 30);
    c.set_visits_required(1);
    c.set_created_by(w.id(creator));
    return c;
}
// A case on a fresh flagged report of vA1, made by the supervisor.
std::pair<std::string, std::string> open_case(World& w) {
    auto t = w.task();
    auto rep = w.submitted_report(vA1, t, [](pb::Report& r) {
        r.mutable_answers(0)->set_result("fail");
        r.mutable_answers(0)->set_note("无证 / no permit");
        r.set_flagged(true);
    });
    pb::Case c;
    c.set_report_id(rep);
    c.set_status("open");
    return {w.make(sup, domain::kCase, c), rep};
}

// ---------------------------------------------------------------- the table

std::vector<Row> rows() {
    const std::set<Who> none;
    const std::set<Who> staffA{cA, cA2, sup, adm};
    const std::set<Who> coordsA{cA, cA2, adm};
    return {
        // collection, operation, who may, the attempt
        {"district", "create a district", {adm}, [](World&, Who) {
             pb::District d;
             d.set_name("矩阵区");
             return create(domain::kDistrict, d);
         }},
        {"checklist_template", "publish version 2 of the checklist", {adm}, [](World&, Who) {
             auto t = domain::default_checklist();
             t.set_name("矩阵清单");
             t.set_template_version(2);
             t.set_supersedes(domain::checklist_version_id(1));
             return attempt(std::string(domain::kChecklistTemplate), domain::checklist_version_id(2), 0, t.SerializeAsString());
         }},
        {"checklist_template", "reword a published checklist version", none, [](World& w, Who) {
             auto t = domain::default_checklist();
             t.mutable_items(0)->set_text_en("other words");
             return update(w, domain::kChecklistTemplate, domain::checklist_version_id(1), t);
         }},
        {"zone", "create a zone in A", coordsA, [](World& w, Who) { return create(domain::kZone, zone_in(w.dA)); }},
        {"zone", "rename a zone of A", coordsA, [](World& w, Who) {
             auto id = w.make(cA, domain::kZone, zone_in(w.dA));
             auto z = zone_in(w.dA);
             z.set_name("改名片区");
             return update(w, domain::kZone, id, z, {"name"});
         }},
        {"zone", "move a zone of A to B", {adm}, [](World& w, Who) {
             auto id = w.make(cA, domain::kZone, zone_in(w.dA));
             return update(w, domain::kZone, id, zone_in(w.dB), {"district_id"});
         }},
        {"zone", "delete a zone of A", coordsA, [](World& w, Who) {
             return remove(w, domain::kZone, w.make(cA, domain::kZone, zone_in(w.dA)));
         }},
        {"institution", "add a registry institution in A", coordsA,
         [](World& w, Who) { return create(domain::kInstitution, inst_in(w.dA, w.zoneA)); }},
        {"institution", "report an unlisted site in A", {vA1, vA2, cA, cA2, adm}, [](World& w, Who) {
             auto i = inst_in(w.dA, w.zoneA);
             i.set_licensed(false);
             i.set_field_reported(true);
             return create(domain::kInstitution, i);
         }},
        {"institution", "report an unlisted site marked as a key target", {cA, cA2, adm}, [](World& w, Who) {
             auto i = inst_in(w.dA, w.zoneA);
             i.set_licensed(false);
             i.set_field_reported(true);
             i.set_key_target(true);
             return create(domain::kInstitution, i);
         }},
        // The risk counts follow the complaint ledger and the decided cases: nobody writes them.
        {"institution", "report an unlisted site with past violations set", none, [](World& w, Who) {
             auto i = inst_in(w.dA, w.zoneA);
             i.set_licensed(false);
             i.set_field_reported(true);
             i.set_past_violations(3);
             return create(domain::kInstitution, i);
         }},
        {"institution", "add an institution of A with a complaint count", none, [](World& w, Who) {
             auto i = inst_in(w.dA, w.zoneA);
             i.set_complaint_count(2);
             return create(domain::kInstitution, i);
         }},
        {"institution", "raise the complaint count of an institution of A", none, [](World& w, Who) {
             auto id = w.make(cA, domain::kInstitution, inst_in(w.dA, w.zoneA));
             auto i = inst_in(w.dA, w.zoneA);
             i.set_complaint_count(5);
             return update(w, domain::kInstitution, id, i, {"complaint_count"});
         }},
        {"institution", "rename an institution of A and give it past violations", none, [](World& w, Who) {
             auto id = w.make(cA, domain::kInstitution, inst_in(w.dA, w.zoneA));
             auto i = inst_in(w.dA, w.zoneA);
             i.set_past_violations(1);
             i.set_name("改名学校");
             return update(w, domain::kInstitution, id, i, {"name", "past_violations"});
         }},
        {"institution", "rename an institution of A", coordsA, [](World& w, Who) {
             auto id = w.make(cA, domain::kInstitution, inst_in(w.dA, w.zoneA));
             auto i = inst_in(w.dA, w.zoneA);
             i.set_name("改名学校");
             return update(w, domain::kInstitution, id, i, {"name"});
         }},
        {"institution", "move an institution of A to B", {adm}, [](World& w, Who) {
             auto id = w.make(cA, domain::kInstitution, inst_in(w.dA, w.zoneA));
             return update(w, domain::kInstitution, id, inst_in(w.dB, w.zoneB), {"district_id", "zone_id"});
         }},
        {"institution", "delete an institution of A", coordsA, [](World& w, Who) {
             return remove(w, domain::kInstitution, w.make(cA, domain::kInstitution, inst_in(w.dA, w.zoneA)));
         }},
        {"user", "add a volunteer of A", coordsA, [](World& w, Who) { return create(domain::kUser, user_in(w.dA, "volunteer")); }},
        {"user", "add a coordinator of A", {adm}, [](World& w, Who) { return create(domain::kUser, user_in(w.dA, "coordinator")); }},
        {"user", "deactivate a volunteer of A", coordsA, [](World& w, Who) {
             auto id = w.make(adm, domain::kUser, user_in(w.dA, "volunteer"));
             auto u = user_in(w.dA, "volunteer");
             u = stored_as<pb::User>(w, domain::kUser, id);
             u.set_active(false);
             return update(w, domain::kUser, id, u);
         }},
        {"user", "make a volunteer of A a coordinator", {adm}, [](World& w, Who) {
             auto id = w.make(adm, domain::kUser, user_in(w.dA, "volunteer"));
             auto u = stored_as<pb::User>(w, domain::kUser, id);
             u.set_role("coordinator");
             return update(w, domain::kUser, id, u);
         }},
        {"user", "demote and deactivate a coordinator of A", {adm}, [](World& w, Who) {
             auto id = w.make(adm, domain::kUser, user_in(w.dA, "coordinator"));
             auto u = stored_as<pb::User>(w, domain::kUser, id);
             u.set_role("volunteer");
             u.set_active(false);
             return update(w, domain::kUser, id, u);
         }},
        {"user", "deactivate a volunteer of B", {cB, adm}, [](World& w, Who) {
             auto id = w.make(adm, domain::kUser, user_in(w.dB, "volunteer"));
             auto u = stored_as<pb::User>(w, domain::kUser, id);
             u.set_active(false);
             return update(w, domain::kUser, id, u);
         }},
        {"user", "move a volunteer of A to B", {adm}, [](World& w, Who) {
             auto id = w.make(adm, domain::kUser, user_in(w.dA, "volunteer"));
             auto u = stored_as<pb::User>(w, domain::kUser, id);
             u.set_district_id(w.dB);
             return update(w, domain::kUser, id, u);
         }},
        {"device", "rename a volunteer's device", {adm}, [](World& w, Who) {
             auto d = stored_as<pb::Device>(w, domain::kDevice, w.people.at(vA2).device_id);
             d.set_name("改名设备 " + crypto::random_token(4));
             return update(w, domain::kDevice, w.people.at(vA2).device_id, d);
         }},
        {"device", "replace a device's public key", none, [](World& w, Who) {
             auto d = stored_as<pb::Device>(w, domain::kDevice, w.people.at(vA2).device_id);
             d.set_public_key(std::string(32, 'k'));
             return update(w, domain::kDevice, w.people.at(vA2).device_id, d);
         }},
        {"assignment", "assign a volunteer of A to a zone of A", coordsA, [](World& w, Who) {
             pb::Assignment a;
             a.set_user_id(w.id(vA2));
             a.set_district_id(w.dA);
             a.set_zone_id(w.zoneA);
             return create(domain::kAssignment, a);
         }},
        {"assignment", "assign a volunteer of B to a zone of A", none, [](World& w, Who) {
             pb::Assignment a;
             a.set_user_id(w.id(vB));
             a.set_district_id(w.dA);
             a.set_zone_id(w.zoneA);
             return create(domain::kAssignment, a);
         }},
        {"assignment", "assign a coordinator as if a volunteer", none, [](World& w, Who) {
             pb::Assignment a;
             a.set_user_id(w.id(cA2));
             a.set_district_id(w.dA);
             a.set_zone_id(w.zoneA);
             return create(domain::kAssignment, a);
         }},
        {"assignment", "remove an assignment in A", coordsA, [](World& w, Who) {
             pb::Assignment a;
             a.set_user_id(w.id(vA2));
             a.set_district_id(w.dA);
             a.set_institution_id(w.instA);
             return remove(w, domain::kAssignment, w.make(cA, domain::kAssignment, a));
         }},
        {"task", "create an open task in A (as its creator)", staffA, [](World& w, Who who) {
             auto t = w.task_msg();
             t.set_created_by(w.id(who));
             return create(domain::kTask, t);
         }},
        {"task", "create a covert task in A (as its creator)", staffA, [](World& w, Who who) {
             auto t = w.task_msg(true);
             t.set_created_by(w.id(who));
             return create(domain::kTask, t);
         }},
        {"task", "create a task naming someone else as its creator", none, [](World& w, Who) {
             auto t = w.task_msg();
             t.set_created_by(w.id(vA2));
             return create(domain::kTask, t);
         }},
        {"task", "create a task in A at an institution of B", none, [](World& w, Who who) {
             auto t = w.task_msg();
             t.set_created_by(w.id(who));
             t.set_institution_id(w.instB);
             return create(domain::kTask, t);
         }},
        {"task", "create a task already submitted", none, [](World& w, Who who) {
             auto t = w.task_msg();
             t.set_created_by(w.id(who));
             t.set_status("submitted");
             return create(domain::kTask, t);
         }},
        {"task", "start a task: open → in_progress", {vA1, cA, cA2, sup, adm}, [](World& w, Who) {
             auto id = w.task();
             auto t = stored_as<pb::Task>(w, domain::kTask, id);
             t.set_status("in_progress");
             return update(w, domain::kTask, id, t);
         }},
        {"task", "submit a task without a report: open → submitted", none, [](World& w, Who) {
             auto id = w.task();
             auto t = stored_as<pb::Task>(w, domain::kTask, id);
             t.set_status("submitted");
             return update(w, domain::kTask, id, t);
         }},
        {"task", "cancel a task: open → cancelled", staffA, [](World& w, Who) {
             auto id = w.task();
             auto t = stored_as<pb::Task>(w, domain::kTask, id);
             t.set_status("cancelled");
             return update(w, domain::kTask, id, t);
         }},
        {"task", "accept a submitted task: submitted → done", staffA, [](World& w, Who) {
             auto id = w.task();
             w.submitted_report(vA1, id);
             auto t = stored_as<pb::Task>(w, domain::kTask, id);
             REQUIRE(t.status() == "submitted");
             t.set_status("done");
             return update(w, domain::kTask, id, t);
         }},
        {"task", "reassign an open task of A", staffA, [](World& w, Who) {
             auto id = w.task();
             auto t = stored_as<pb::Task>(w, domain::kTask, id);
             t.set_assignees(0, w.id(vA2));
             return update(w, domain::kTask, id, t);
         }},
        {"task", "assign a coordinator to a task", none, [](World& w, Who) {
             auto id = w.task();
             auto t = stored_as<pb::Task>(w, domain::kTask, id);
             t.add_assignees(w.id(cA2));
             return update(w, domain::kTask, id, t);
         }},
        {"task", "move a task of A to B", {sup, adm}, [](World& w, Who) {
             auto id = w.task();
             auto t = stored_as<pb::Task>(w, domain::kTask, id);
             t.set_district_id(w.dB);
             t.set_institution_id(w.instB);
             return update(w, domain::kTask, id, t);
         }},
        {"task", "point a task's report at a report", none, [](World& w, Who) {
             auto other = w.task();
             auto rep = w.submitted_report(vA1, other);
             auto id = w.task();
             auto t = stored_as<pb::Task>(w, domain::kTask, id);
             t.set_report_id(rep);
             return update(w, domain::kTask, id, t);
         }},
        {"task", "retitle a covert task (made by coordinator A)", {cA, sup, adm}, [](World& w, Who) {
             auto id = w.task(true);
             auto t = stored_as<pb::Task>(w, domain::kTask, id);
             t.set_title("改标题");
             return update(w, domain::kTask, id, t);
         }},
        {"task", "cancel a covert task (made by coordinator A)", {cA, sup, adm}, [](World& w, Who) {
             auto id = w.task(true);
             auto t = stored_as<pb::Task>(w, domain::kTask, id);
             t.set_status("cancelled");
             return update(w, domain::kTask, id, t);
         }},
        {"task", "change who created a task", none, [](World& w, Who) {
             auto id = w.task();
             auto t = stored_as<pb::Task>(w, domain::kTask, id);
             t.set_created_by(w.id(cA2));
             return update(w, domain::kTask, id, t);
         }},
        {"task", "delete a task", none, [](World& w, Who) { return remove(w, domain::kTask, w.task()); }},
        {"report", "report on volunteer A1's task, as oneself", {vA1, vA2, cA, cA2, sup, adm}, [](World& w, Who who) {
             auto rep = w.report(who, w.task());
             return attempt("report", rep.first, 0, rep.second.SerializeAsString());
         }},
        {"report", "report naming another institution than the task's", none, [](World& w, Who who) {
             auto rep = w.report(who, w.task(), [&](pb::Report& r) { r.set_institution_id(w.instB); r.set_district_id(w.dB); });
             return attempt("report", rep.first, 0, rep.second.SerializeAsString());
         }},
        {"report", "amend volunteer A1's report (same task)", {vA1}, [](World& w, Who who) {
             auto task = w.task();
             auto orig = w.submitted_report(vA1, task);
             auto rep = w.report(who, task, [&](pb::Report& r) { r.set_amends(orig); });
             return attempt("report", rep.first, 0, rep.second.SerializeAsString());
         }},
        {"report", "amend volunteer A1's report for another task", none, [](World& w, Who who) {
             auto orig = w.submitted_report(vA1, w.task());
             auto rep = w.report(who, w.task(), [&](pb::Report& r) { r.set_amends(orig); });
             return attempt("report", rep.first, 0, rep.second.SerializeAsString());
         }},
        {"evidence", "attach evidence to volunteer A1's report", {vA1}, [](World& w, Who) {
             auto rep = w.report(vA1, w.task());
             REQUIRE(w.push_report(vA1, rep).status() == pb::Ack::APPLIED);
             pb::Evidence e;
             e.set_report_id(rep.first);
             *e.mutable_blob() = rep.second.blobs(0);
             return create(domain::kEvidence, e);
         }},
        {"evidence", "attach a file the report does not name", none, [](World& w, Who) {
             auto rep = w.report(vA1, w.task());
             REQUIRE(w.push_report(vA1, rep).status() == pb::Ack::APPLIED);
             pb::Evidence e;
             e.set_report_id(rep.first);
             e.mutable_blob()->set_sha256(crypto::sha256("another file"));
             return create(domain::kEvidence, e);
         }},
        {"complaint", "log a complaint in A", staffA, [](World& w, Who who) {
             return create(domain::kComplaint, complaint_in(w, w.dA, who));
         }},
        {"complaint", "triage a complaint of A", staffA, [](World& w, Who) {
             auto id = w.make(cA, domain::kComplaint, complaint_in(w, w.dA, cA));
             auto c = stored_as<pb::Complaint>(w, domain::kComplaint, id);
             c.set_status("triaged");
             c.set_triage_note("派人核查");
             return update(w, domain::kComplaint, id, c);
         }},
        {"complaint", "resolve a complaint of A with its resolution", staffA, [](World& w, Who) {
             auto id = w.make(cA, domain::kComplaint, complaint_in(w, w.dA, cA));
             auto c = stored_as<pb::Complaint>(w, domain::kComplaint, id);
             c.set_status("resolved");
             c.set_resolution("已停课整改");
             return update(w, domain::kComplaint, id, c);
         }},
        {"complaint", "close a complaint with no resolution: open → closed", none, [](World& w, Who) {
             auto id = w.make(cA, domain::kComplaint, complaint_in(w, w.dA, cA));
             auto c = stored_as<pb::Complaint>(w, domain::kComplaint, id);
             c.set_status("closed");
             return update(w, domain::kComplaint, id, c);
         }},
        {"complaint", "move a complaint of A to B", {sup, adm}, [](World& w, Who) {
             auto id = w.make(cA, domain::kComplaint, complaint_in(w, w.dA, cA));
             auto c = stored_as<pb::Complaint>(w, domain::kComplaint, id);
             c.set_district_id(w.dB);
             c.set_institution_id(w.instB);
             return update(w, domain::kComplaint, id, c);
         }},
        {"case", "open a case on a flagged report of A", {sup, adm}, [](World& w, Who) {
             auto rep = w.submitted_report(vA1, w.task(), [](pb::Report& r) {
                 r.mutable_answers(0)->set_result("fail");
                 r.set_flagged(true);
             });
             pb::Case c;
             c.set_report_id(rep);
             c.set_status("open");
             return create(domain::kCase, c);
         }},
        {"case", "order rectification: open → rectification", {sup, adm}, [](World& w, Who) {
             auto [id, rep] = open_case(w);
             auto c = stored_as<pb::Case>(w, domain::kCase, id);
             c.set_status("rectification");
             c.set_tier("较轻");
             c.set_rectification_days(10);
             c.set_rectification_order("停止无证办学");
             return update(w, domain::kCase, id, c);
         }},
        {"case", "find no violation: open → no_violation", {sup, adm}, [](World& w, Who) {
             auto [id, rep] = open_case(w);
             auto c = stored_as<pb::Case>(w, domain::kCase, id);
             c.set_status("no_violation");
             return update(w, domain::kCase, id, c);
         }},
        {"case", "point a case at another re-inspection task", none, [](World& w, Who) {
             auto [id, rep] = open_case(w);
             auto c = stored_as<pb::Case>(w, domain::kCase, id);
             c.set_reinspection_task_id(w.task());
             return update(w, domain::kCase, id, c);
         }},
        {"case", "close a case without a passing re-inspection", none, [](World& w, Who) {
             auto [id, rep] = open_case(w);
             auto c = stored_as<pb::Case>(w, domain::kCase, id);
             c.set_status("rectification");
             c.set_tier("一般");
             c.set_rectification_days(5);
             w.change(sup, domain::kCase, id, c);
             c = stored_as<pb::Case>(w, domain::kCase, id);
             c.set_status("reinspection");
             w.change(sup, domain::kCase, id, c);
             c = stored_as<pb::Case>(w, domain::kCase, id);
             c.set_status("closed");
             return update(w, domain::kCase, id, c);
         }},
        {"draw", "commit a draw in A", coordsA, [](World& w, Who who) {
             return create(domain::kDraw, draw_in(w, w.dA, w.instA, w.id(vA1), who, crypto::random_bytes(32)));
         }},
        {"draw", "commit a draw of A over an institution of B", none, [](World& w, Who who) {
             return create(domain::kDraw, draw_in(w, w.dA, w.instB, w.id(vA1), who, crypto::random_bytes(32)));
         }},
        {"draw", "reveal coordinator A's draw", {cA, adm}, [](World& w, Who) {
             Bytes seed = crypto::random_bytes(32);
             auto id = w.make(cA, domain::kDraw, draw_in(w, w.dA, w.instA, w.id(vA1), cA, seed));
             auto rec = w.stored(domain::kDraw, id);
             auto d = parse<pb::Draw>(rec->payload());
             d.set_seed(seed);
             d.set_commit_seq(rec->seq());
             auto pairs = domain::run_draw(domain::draw_input(d));
             REQUIRE(pairs.has_value());
             for (const auto& p : domain::pair_strings(*pairs)) d.add_pairs(p);
             d.set_status("drawn");
             return update(w, domain::kDraw, id, d);
         }},
        {"campaign", "plan a campaign in A", coordsA,
         [](World& w, Who who) { return create(domain::kCampaign, campaign_in(w, w.dA, who)); }},
        {"campaign", "cancel coordinator A's campaign", coordsA, [](World& w, Who) {
             auto c = campaign_in(w, w.dA, cA);
             auto id = w.make(cA, domain::kCampaign, c);
             c.set_cancelled(true);
             return update(w, domain::kCampaign, id, c);
         }},
        {"audit_event", "record one's own export", {vA1, vA2, vB, cA, cA2, cB, sup, adm}, [](World& w, Who who) {
             pb::AuditEvent e;
             e.set_actor(w.id(who));
             e.set_device_id(w.people.at(who).device_id);
             e.set_action("export.reports");
             e.set_detail("xlsx, 12 rows");
             return create(domain::kAuditEvent, e);
         }},
        {"audit_event", "record an export in someone else's name", none, [](World& w, Who) {
             pb::AuditEvent e;
             e.set_actor(w.id(vA2));
             e.set_device_id("some-device");
             e.set_action("export.reports");
             return create(domain::kAuditEvent, e);
         }},
        {"audit_event", "record an action other than an export", none, [](World& w, Who who) {
             pb::AuditEvent e;
             e.set_actor(w.id(who));
             e.set_device_id(w.people.at(who).device_id);
             e.set_action("enroll");
             return create(domain::kAuditEvent, e);
         }},
        {"receipt", "issue a receipt", none, [](World&, Who) {
             pb::Receipt r;
             r.set_report_id("x");
             return create(domain::kReceipt, r);
         }},
    };
}

}  // namespace

TEST_CASE("write matrix: every role and relation × every collection and operation, through the wire",
          "[policy][matrix]") {
    World w;
    int cases = 0, allowed = 0;
    std::map<std::string, int> per_collection;
    for (const auto& row : rows()) {
        for (Who who : kEveryone) {
            const bool expect = row.allowed.contains(who);
            INFO(row.collection << ": " << row.operation << " by " << name_of(who) << " -> expected "
                                << (expect ? "allowed" : "refused"));
            Attempt a = row.attempt(w, who);
            auto before = w.stored(a.collection, a.id);
            auto ack = w.push(who, a);
            if (a.collection == domain::kReport) w.follow_chain(who, a.id, parse<pb::Report>(a.payload), ack);
            INFO("ack " << ack.status() << " " << ack.code() << ": " << ack.message());
            auto after = w.stored(a.collection, a.id);
            ++cases;
            ++per_collection[std::string(row.collection)];
            if (expect) {
                ++allowed;
                CHECK(ack.status() == pb::Ack::APPLIED);
                REQUIRE(after);
                CHECK(after->version() == (before ? before->version() + 1 : 1));
                CHECK(after->deleted() == a.deleted);
            } else {
                CHECK(ack.status() == pb::Ack::REJECTED);
                CHECK_FALSE(ack.message().empty());
                // Nothing changed: the same bytes, the same version, or still nothing at all.
                CHECK(before.has_value() == after.has_value());
                if (before && after) {
                    CHECK(after->version() == before->version());
                    CHECK(after->payload() == before->payload());
                    CHECK(after->deleted() == before->deleted());
                }
                // A refused change leaves no copy of a record its maker may not read: the reply
                // carries the stored record only to someone in its scope.
                if (ack.has_current()) CHECK(ack.current().id() == a.id);
                auto log = w.audit_of(a.id);
                bool logged = std::any_of(log.begin(), log.end(), [&](const server::AuditEntry& e) {
                    return e.outcome == "refused" && e.actor == w.id(who) && e.collection == a.collection &&
                           !e.reason.empty();
                });
                CHECK(logged);
            }
        }
    }
    // The count the closing note quotes; a row added to the table grows it.
    WARN("write matrix: " << cases << " cases (" << allowed << " allowed, " << cases - allowed << " refused) over "
                          << per_collection.size() << " collections");
    CHECK(per_collection.size() == 16);  // every collection there is (shared/domain/collections.h)
    CHECK(cases == static_cast<int>(rows().size()) * 8);
}
