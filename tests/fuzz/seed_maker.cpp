// Writes the seed corpora (corpus/<target>/) from real messages: the demo city's records as the
// server stores them, requests and replies as the device and the server make them, and the links,
// queries and CSV files people use. Run by hand when a message changes:
//   fuzz_seed_maker tests/fuzz/corpus
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "ducha.pb.h"
#include "shared/common/wire_error.h"
#include "shared/domain/collections.h"
#include "shared/sync/enroll_link.h"
#include "tests/fuzz/support/fuzz_input.h"
#include "tests/fuzz/support/fuzz_server.h"

using namespace ducha;
namespace fs = std::filesystem;

namespace {

fs::path g_out;
constexpr char kSep = fuzz::FuzzInput::kSeparator;

void seed(const std::string& target, const std::string& name, const std::string& bytes) {
    fs::create_directories(g_out / target);
    std::ofstream(g_out / target / ("seed-" + name), std::ios::binary) << bytes;
}

std::string byte(unsigned b) { return std::string(1, static_cast<char>(b)); }

std::string reply(int status, const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body) {
    std::string out = std::to_string(status) + "\n";
    for (const auto& [k, v] : headers) out += k + ": " + v + "\n";
    return out + "\n" + body;
}

constexpr std::string_view kCollections[] = {
    domain::kDistrict, domain::kZone,     domain::kInstitution, domain::kUser,      domain::kDevice,
    domain::kAssignment, domain::kChecklistTemplate, domain::kTask, domain::kReport, domain::kReceipt,
    domain::kEvidence, domain::kComplaint, domain::kCase,        domain::kDraw,      domain::kAuditEvent,
    domain::kCampaign,
};

// Records the demo city does not hold yet (it has no inspections): made as a device or a desk
// would make them, about the demo city's first task.
std::optional<pb::Record> made_record(fuzz::FuzzServer& server, std::string_view collection) {
    pb::Task task;
    auto stored = server.record(domain::kTask, server.some_id(domain::kTask, 0));
    if (!stored || !task.ParseFromString(stored->payload())) return std::nullopt;
    pb::Record rec;
    rec.set_collection(std::string(collection));
    rec.set_id("seed-" + std::string(collection));
    if (collection == domain::kReport) {
        pb::Report r;
        r.set_task_id(stored->id());
        r.set_institution_id(task.institution_id());
        r.set_district_id(task.district_id());
        r.set_template_id(task.template_id());
        r.set_template_version(1);
        for (const char* code : {"S1-1", "S1-2", "S2-1"}) {
            auto& a = *r.add_answers();
            a.set_code(code);
            a.set_result(code[1] == '2' ? "fail" : "pass");
            if (code[1] == '2') {
                a.set_note("周末在校外补课");
                a.add_photo_sha256(std::string(32, '\x11'));
            }
        }
        auto& blob = *r.add_blobs();
        blob.set_sha256(std::string(32, '\x11'));
        blob.set_size(48213);
        blob.set_mime("image/jpeg");
        blob.set_kind("photo");
        r.set_device_time(1700000000000);
        r.mutable_gps()->set_lat(41.108);
        r.mutable_gps()->set_lon(122.994);
        r.set_gps_accuracy_m(8.5);
        r.set_distance_m(12.0);
        r.set_covert(task.covert());
        r.set_notes("检查完毕");
        rec.set_payload(r.SerializeAsString());
    } else if (collection == domain::kEvidence) {
        pb::Evidence e;
        e.set_report_id("seed-report");
        e.mutable_blob()->set_sha256(std::string(32, '\x11'));
        e.mutable_blob()->set_size(48213);
        e.mutable_blob()->set_mime("image/jpeg");
        e.mutable_blob()->set_kind("photo");
        e.set_captured_at(1700000000000);
        rec.set_payload(e.SerializeAsString());
    } else if (collection == domain::kReceipt) {
        pb::Receipt r;
        r.set_report_id("seed-report");
        r.set_report_hash(std::string(32, '\x22'));
        r.set_batch_id("b-1");
        r.set_batch_root(std::string(32, '\x33'));
        r.set_leaf_count(2);
        r.add_path(std::string(32, '\x44'));
        r.set_server_signature(std::string(64, '\x55'));
        rec.set_payload(r.SerializeAsString());
    } else if (collection == domain::kCase) {
        pb::Case c;
        c.set_report_id("seed-report");
        c.set_institution_id(task.institution_id());
        c.set_district_id(task.district_id());
        c.set_status("open");
        c.set_tier("一般");
        c.set_rectification_days(15);
        c.set_rectification_order("立即停止学科类培训");
        rec.set_payload(c.SerializeAsString());
    } else if (collection == domain::kDraw) {
        pb::Draw d;
        d.set_district_id(task.district_id());
        d.set_seed_hash(std::string(32, '\x66'));
        d.set_k(2);
        for (std::size_t n = 0; n < 4; ++n) d.add_pool(server.some_id(domain::kInstitution, n));
        for (std::size_t n = 0; n < 2; ++n) d.add_inspectors(server.account(0).user_id + (n ? "x" : ""));
        d.set_inspectors_per_site(1);
        d.set_status("committed");
        d.set_algorithm("ducha-draw-v1");
        d.set_title("双随机抽查");
        d.set_window_start(1700000000);
        d.set_window_end(1700600000);
        rec.set_payload(d.SerializeAsString());
    } else if (collection == domain::kAuditEvent) {
        pb::AuditEvent e;
        e.set_actor(server.account(0).user_id);
        e.set_action("viewed");
        e.set_target("task/" + stored->id());
        e.set_at(1700000000000);
        rec.set_payload(e.SerializeAsString());
    } else {
        return std::nullopt;
    }
    return rec;
}

void server_seeds(fuzz::FuzzServer& server) {
    // server_records: each collection's stored payload, as an update of its record and as a new one.
    for (std::size_t c = 0; c < std::size(kCollections); ++c) {
        const std::string id = server.some_id(kCollections[c], 0);
        auto rec = server.record(kCollections[c], id);
        if (!rec) rec = made_record(server, kCollections[c]);
        if (!rec) continue;
        const unsigned role = c == 7 || c == 8 ? 0 : c == 11 || c == 12 || c == 13 || c == 15 ? 1 : 3;
        const std::string name(kCollections[c]);
        seed("server_records", name + "-update", byte(role) + byte(c) + byte(1) + byte(0) + rec->payload());
        seed("server_records", name + "-create", byte(role) + byte(c) + byte(0) + byte(0) + rec->payload());
        if (kCollections[c] == domain::kInstitution || kCollections[c] == domain::kZone)
            seed("server_records", name + "-fields",
                 byte(1) + byte(c) + byte(4) + byte(0) + rec->payload() + kSep + "name\naddress\n");
    }
    // server_sync: a pull from the start, and pushes of real records by each role.
    pb::SyncRequest pull;
    pull.set_pull(true);
    pull.set_page_size(50);
    pull.mutable_status()->set_app_version("ducha-core 0.1");
    for (unsigned role = 0; role < 4; ++role)
        seed("server_sync", "pull-" + server.account(role).role, byte(role) + pull.SerializeAsString());
    std::uint64_t client_seq = 1;
    for (std::string_view c : {domain::kTask, domain::kReport, domain::kComplaint, domain::kCase, domain::kInstitution,
                               domain::kDraw, domain::kCampaign}) {
        const std::string id = server.some_id(c, 1);
        auto rec = server.record(c, id);
        if (!rec) rec = made_record(server, c);
        if (!rec) continue;
        pb::SyncRequest push;
        auto& m = *push.add_mutations();
        m.set_client_seq(client_seq++);
        m.set_collection(std::string(c));
        m.set_id(c == domain::kReport ? "r-seed-1" : id);
        m.set_base_version(c == domain::kReport ? 0 : rec->version());
        m.set_payload(rec->payload());
        if (c == domain::kInstitution) m.add_changed_fields("address");
        push.set_pull(true);
        const unsigned role = c == domain::kReport || c == domain::kTask ? 0 : 1;
        seed("server_sync", "push-" + std::string(c), byte(role | 4 | 8) + push.SerializeAsString());
    }
    // server_auth: each request with the values a device or an admin sends.
    pb::EnrollRequest enroll;
    enroll.set_code("ABCD-EFGH-JKMN");
    enroll.set_public_key(std::string(32, '\x07'));
    enroll.set_device_name("Pixel 7");
    seed("server_auth", "enroll", byte(0) + enroll.SerializeAsString());
    pb::RefreshRequest refresh;
    refresh.set_refresh_token("dGhpcyBpcyBub3QgYSByZWFsIHRva2Vu");
    seed("server_auth", "refresh", byte(1) + refresh.SerializeAsString());
    pb::DeviceChallengeRequest challenge;
    challenge.set_device_id(server.account(0).device_id);
    seed("server_auth", "challenge", byte(2) + challenge.SerializeAsString());
    pb::DeviceSignInRequest sign_in;
    sign_in.set_device_id(server.account(0).device_id);
    sign_in.set_challenge(std::string(32, '\x01'));
    sign_in.set_signature(std::string(64, '\x02'));
    seed("server_auth", "sign-in", byte(3) + sign_in.SerializeAsString());
    seed("server_auth", "enrollment-code-admin", byte(4) + R"({"user_id":")" + server.account(0).user_id + R"("})");
    seed("server_auth", "enrollment-code-coordinator", byte(5) + R"({"user_id":")" + server.account(0).user_id + R"("})");
    seed("server_auth", "bearer", byte(6) + "Bearer 0123456789abcdef");
    // badge_token: real badges of the demo city, as a phone's browser and a JSON reader ask.
    for (std::size_t n = 0; n < 3; ++n) {
        auto user = server.record(domain::kUser, server.some_id(domain::kUser, n));
        pb::User u;
        if (!user || !u.ParseFromString(user->payload()) || u.badge_token().empty()) continue;
        seed("badge_token", "html-" + std::to_string(n), byte(0) + u.badge_token() + kSep + "" + kSep + "text/html,application/xhtml+xml");
        seed("badge_token", "json-" + std::to_string(n), byte(0) + u.badge_token() + kSep + "format=json" + kSep + "*/*");
    }
    seed("badge_token", "unknown", byte(1) + "nosuchbadge" + kSep + "format=html" + kSep);
}

void device_seeds(fuzz::FuzzServer& server) {
    // sync_reply: a whole pass as the server answers it.
    pb::SyncResponse acks;
    for (std::uint64_t seq : {1, 2}) {
        auto& a = *acks.add_acks();
        a.set_client_seq(seq);
        a.set_status(seq == 1 ? pb::Ack::APPLIED : pb::Ack::REJECTED);
        a.set_seq(1000 + static_cast<std::int64_t>(seq));
        a.set_version(2);
        if (seq == 2) {
            a.set_code("chain_fork");
            a.set_message("the report does not follow this device's previous report");
            if (auto cur = server.record(domain::kTask, server.some_id(domain::kTask, 0))) *a.mutable_current() = *cur;
        }
    }
    acks.set_server_time(1700000000000);
    pb::SyncResponse page;
    for (std::string_view c : {domain::kDistrict, domain::kInstitution, domain::kTask, domain::kCase})
        if (auto r = server.record(c, server.some_id(c, 0))) *page.add_changes() = *r;
    page.set_cursor(2000);
    page.set_scope_digest(std::string(32, '\x05'));
    pb::SyncResponse removed;
    auto& gone = *removed.add_changes();
    gone.set_collection("task");
    gone.set_id("t-1");
    gone.set_deleted(true);
    gone.set_seq(2001);
    removed.set_cursor(2001);
    pb::SyncResponse reset;
    reset.set_reset(true);
    reset.set_scope_digest(std::string(32, '\x06'));
    const std::string upload = reply(404, {}, "") + kSep + reply(202, {{"Upload-Offset", "8"}}, "") + kSep +
                               reply(409, {{"Upload-Offset", "16"}}, wire::to_reply(wire::error_of(Errc::offset_mismatch)).body) +
                               kSep + reply(201, {{"Upload-Offset", "24"}}, R"({"complete":true,"received":24})");
    seed("sync_reply", "full-pass", byte(0) + reply(200, {}, acks.SerializeAsString()) + kSep + upload + kSep +
                                        reply(200, {}, page.SerializeAsString()));
    seed("sync_reply", "one-by-one", byte(1) + reply(200, {}, acks.SerializeAsString()) + kSep +
                                         reply(200, {}, acks.SerializeAsString()) + kSep +
                                         reply(200, {{"Blob-Complete", "1"}}, "") + kSep + reply(200, {}, removed.SerializeAsString()));
    pb::TokenResponse tokens;
    tokens.set_access_token("new-access");
    tokens.set_refresh_token("new-refresh");
    tokens.set_access_expires_at(1800000000);
    const auto expired = wire::to_reply(wire::error_of(Errc::token_expired));
    seed("sync_reply", "token-expired", byte(0) + reply(expired.status, {}, expired.body) + kSep +
                                            reply(200, {}, tokens.SerializeAsString()) + kSep +
                                            reply(200, {}, acks.SerializeAsString()));
    seed("sync_reply", "reset", byte(0) + reply(200, {}, acks.SerializeAsString()) + kSep + reply(200, {{"Blob-Complete", "1"}}, "") +
                                    kSep + reply(200, {}, reset.SerializeAsString()) + kSep + reply(200, {}, page.SerializeAsString()));
    const auto too_large = wire::to_reply(wire::error_of(Errc::too_large));
    seed("sync_reply", "refused-batch", byte(0) + reply(too_large.status, {}, too_large.body) + kSep +
                                            reply(too_large.status, {}, too_large.body));
    // wire_error: the server's replies for every code, as a device receives them.
    for (const auto& e : wire::registry()) {
        wire::WireError we{wire::error_of(e.code)};
        if (e.code == Errc::offset_mismatch) we.upload_offset = 4096;
        auto r = wire::to_reply(we);
        std::vector<std::pair<std::string, std::string>> headers(r.headers.begin(), r.headers.end());
        seed("wire_error", std::string(e.name), reply(r.status, headers, r.body));
    }
    seed("wire_error", "other-version", reply(418, {{"Ducha-Error", "teapot"}}, R"({"error":"teapot","message":"短路 / short","args":[1,2]})"));
    seed("wire_error", "html-proxy", reply(502, {}, "<html><body>Bad Gateway</body></html>"));
}

void text_seeds() {
    seed("enroll_link", "real", sync::make_enroll_link({"https://ducha.anshan.gov.cn:8443", "ABCD-EFGH-JKMN",
                                                       "sha256//q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c="}));
    seed("enroll_link", "local", sync::make_enroll_link({"https://127.0.0.1:8443/", "2345 6789", ""}));
    seed("enroll_link", "odd", "ducha://enroll?code=A%2BB&server=https%3A%2F%2Fh&pin=&extra=1&code");
    seed("audit_query", "filters", "actor=u-1&action=apply&collection=task&record=t-1&outcome=refused&limit=20");
    seed("audit_query", "window", "since=2024-01-01&until=1735689600000&after=42");
    seed("audit_query", "bad", "limit=0&since=yesterday&colour=red");
    seed("public_results_query", "csv", "district=d-tiedong&from=2024-01-01&to=2024-12-31&limit=50&offset=100&format=csv" +
                                            std::string(1, kSep) + "text/csv");
    seed("public_results_query", "accept", std::string("limit=1000") + kSep + "text/html;q=0.9, application/json;q=0.8, */*;q=0.1");
    seed("public_results_query", "bad", std::string("from=2024-02-30&offset=-1&format=xml&%zz") + kSep);
    const std::string institutions =
        "名称,地址,有证,学科类,类别,小区,片区,许可证号,联系电话,纬度,经度,重点对象\r\n"
        "阳光书法,铁东区胜利路8号,是,否,艺术类,园林小区,东长甸,教民2101001,0412-5551234,41.12,122.99,否\r\n"
        "\"明德,学堂\",\"铁东区\"\"五一路\"\"3号\",no,yes,学科类,,z-dongchangdian,,,,,Y\r\n";
    seed("csv_import", "institutions", byte(0) + "\xEF\xBB\xBF" + institutions);
    seed("csv_import", "institutions-tab", byte(0) + "name\taddress\tlicensed\nA\tB\ttrue\n\n");
    seed("csv_import", "complaints", byte(1) + "text,source,reference,institution,address,received,due\n"
                                     "周末违规补课,12345,GD2024-001,启明星教育,铁东区园林路12号,2024-03-02,2024-03-09\n"
                                     "\"夜间\n上课\",phone,,,某小区,2024-03-05,\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seed_maker CORPUS_DIR\n");
        return 2;
    }
    g_out = argv[1];
    auto& server = fuzz::FuzzServer::shared();
    server_seeds(server);
    device_seeds(server);
    text_seeds();
    std::printf("seeds written under %s\n", g_out.c_str());
    return 0;
}
