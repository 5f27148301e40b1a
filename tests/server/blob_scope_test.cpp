// Evidence files are scoped: GET and HEAD /v1/blobs/{sha256} show a file only to callers in whose
// scope a record references it, and answer everyone else exactly as for a file that does not
// exist; reads of a covert visit's evidence and refused reads are in the audit log; uploads are
// per device, and only a device that sends every byte learns that an out-of-scope file is complete.
// Devices are `ducha` CLI profiles on a real server on 127.0.0.1 (demo data, real TLS).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "server/service/blob_store.h"
#include "server/service/server_app.h"
#include "shared/common/bytes.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/store/statement.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/curl_transport.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/suite_database.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
namespace fs = std::filesystem;

namespace {

using Headers = std::map<std::string, std::string>;

std::string range(std::size_t start, std::size_t n, std::size_t total) {
    return "bytes " + std::to_string(start) + "-" + std::to_string(start + n - 1) + "/" + std::to_string(total);
}

struct AuditRow {
    std::string actor, device, action, collection, record_id, outcome, code;
};

// The audit log as the server's database holds it, oldest first.
std::vector<AuditRow> audit_rows(const fs::path& data_dir) {
    auto db = test::server_db(data_dir);
    REQUIRE(db);
    store::Statement st{*db, "SELECT actor, device, action, collection, record_id, outcome, code FROM audit_log ORDER BY id"};
    std::vector<AuditRow> out;
    for (;;) {
        auto row = st.step();
        REQUIRE(row.has_value());
        if (!*row) break;
        out.push_back({st.col_text(0), st.col_text(1), st.col_text(2), st.col_text(3), st.col_text(4), st.col_text(5),
                       st.col_text(6)});
    }
    return out;
}

// A covert task of the demo data with everyone a scope test needs: its volunteer, the coordinator
// who created it, the other coordinator of that district, a volunteer of another district and a
// supervisor, each enrolled as a CLI profile.
struct CovertVisit {
    TestServer srv;
    TempDir tmp;
    std::string task_id;
    DemoAccount volunteer, creator, other_coordinator, outsider, supervisor;
    std::map<std::string, fs::path> profiles;  // by role in this test: volunteer, creator, ...
    std::string photo, hex;                    // the visit's photo, once inspect() ran

    CovertVisit() {
        auto db = test::server_db(srv.data_dir());
        REQUIRE(db);
        store::Statement st{*db, "SELECT id, payload FROM record WHERE collection='task' AND deleted=0 ORDER BY id"};
        auto account_of = [this](const std::string& id) -> const DemoAccount* {
            for (const auto& a : srv.accounts())
                if (a.user_id == id) return &a;
            return nullptr;
        };
        for (;;) {
            auto row = st.step();
            REQUIRE(row.has_value());
            if (!*row) break;
            pb::Task t;
            REQUIRE(t.ParseFromString(st.col_blob(1)));
            if (!t.covert() || t.status() != "open" || t.assignees_size() != 1) continue;
            const DemoAccount* v = account_of(t.assignees(0));
            const DemoAccount* c = account_of(t.created_by());
            if (!v || !c || v->role != "volunteer" || c->role != "coordinator") continue;
            const DemoAccount* c2 = nullptr;
            const DemoAccount* w = nullptr;
            for (const auto& a : srv.accounts()) {
                if (a.role == "coordinator" && a.district == c->district && a.user_id != c->user_id) c2 = &a;
                if (a.role == "volunteer" && a.district != v->district) w = &a;
            }
            if (!c2 || !w) continue;
            task_id = st.col_text(0);
            volunteer = *v;
            creator = *c;
            other_coordinator = *c2;
            outsider = *w;
            break;
        }
        REQUIRE_FALSE(task_id.empty());
        supervisor = srv.account("supervisor");
        for (const auto& [name, a] : std::map<std::string, DemoAccount>{{"volunteer", volunteer},
                                                                        {"creator", creator},
                                                                        {"other_coordinator", other_coordinator},
                                                                        {"outsider", outsider},
                                                                        {"supervisor", supervisor}}) {
            profiles[name] = tmp / name;
            must(profiles[name], {"enroll", "--server", srv.url(), "--code", a.code, "--pin", srv.pin(), "--name", name});
        }
    }

    // The volunteer inspects the covert task with one photo and syncs it (report, then photo).
    void inspect(std::size_t photo_size = 48 * 1024) {
        const auto& prof = profiles.at("volunteer");
        must(prof, {"sync"});
        photo = crypto::random_bytes(photo_size);
        hex = hex_encode(crypto::sha256(photo));
        write_file(tmp / "covert.jpg", photo);
        must(prof, {"inspect", "--task", task_id, "--answers", write_answers(tmp.path).string(), "--photo",
                    (tmp / "covert.jpg").string(), "--gps", "41.1,122.9"});
        must(prof, {"sync"});
        REQUIRE(read_file(srv.data_dir() / "blobs" / hex.substr(0, 2) / hex) == photo);
    }

    sync::CurlTransport http() { return sync::CurlTransport{sync::TransportConfig{.base_url = srv.url(), .pin = srv.pin()}}; }

    sync::HttpReply call(const std::string& who, const std::string& method, const std::string& blob,
                         const std::string& body = "", Headers extra = {}) {
        auto t = http();
        extra["Authorization"] = "Bearer " + access_token_of(profiles.at(who));
        auto r = t.request(method, "/v1/blobs/" + blob, body, extra);
        REQUIRE(r.has_value());
        return *r;
    }
};

}  // namespace

TEST_CASE("a covert visit's photo is shown only in its scope, and reads of it are audited", "[blobs][scope][audit]") {
    CovertVisit v;
    v.inspect();

    for (const std::string who : {"volunteer", "creator", "supervisor"}) {
        INFO(who << " holds the covert report in scope");
        auto get = v.call(who, "GET", v.hex);
        CHECK(get.status == 200);
        CHECK(get.body == v.photo);
        auto head = v.call(who, "HEAD", v.hex);
        CHECK(head.status == 200);
        CHECK(head.header("blob-complete") == "1");
        CHECK(head.header("upload-offset") == std::to_string(v.photo.size()));
    }
    for (const std::string who : {"outsider", "other_coordinator"}) {
        INFO(who << " does not: the file does not exist for them");
        auto get = v.call(who, "GET", v.hex);
        CHECK(get.status == 404);
        CHECK(get.body.find(v.photo.substr(0, 16)) == std::string::npos);
        auto head = v.call(who, "HEAD", v.hex);
        CHECK(head.status == 404);
        CHECK(head.header("upload-offset").empty());
        CHECK(head.header("blob-complete").empty());
    }

    // Every read through the covert report is on record, the supervisor's among them; every
    // refused one too, with the file's hash.
    const auto rows = audit_rows(v.srv.data_dir());
    auto count = [&rows](const std::string& actor, const std::string& action, const std::string& outcome) {
        int n = 0;
        for (const auto& r : rows)
            if (r.actor == actor && r.action == action && r.outcome == outcome) ++n;
        return n;
    };
    for (const auto* a : {&v.volunteer, &v.creator, &v.supervisor}) CHECK(count(a->user_id, "blob.read", "accepted") == 1);
    for (const auto& r : rows) {
        if (r.action != "blob.read" || r.outcome != "accepted" || r.actor != v.supervisor.user_id) continue;
        CHECK((r.collection == "report" || r.collection == "evidence"));
        CHECK_FALSE(r.record_id.empty());
        CHECK(r.device == identity_of(v.profiles.at("supervisor")).device_id);
    }
    for (const auto* a : {&v.outsider, &v.other_coordinator}) {
        CHECK(count(a->user_id, "blob.read", "refused") == 1);
        CHECK(count(a->user_id, "blob.head", "refused") == 1);
        for (const auto& r : rows)
            if (r.actor == a->user_id && r.outcome == "refused") {
                CHECK(r.code == "not_found");
                CHECK(r.collection == "blob");
                CHECK(r.record_id == v.hex);
            }
    }
    // HEAD is not a read of the bytes: no entry for an accepted one.
    CHECK(count(v.supervisor.user_id, "blob.head", "accepted") == 0);
}

TEST_CASE("an unknown file and an out-of-scope stored file get byte-identical 404s", "[blobs][scope]") {
    CovertVisit v;
    v.inspect();
    const std::string unknown = hex_encode(crypto::sha256(crypto::random_bytes(64)));
    for (const std::string method : {"GET", "HEAD"}) {
        INFO(method);
        auto stored = v.call("outsider", method, v.hex);
        auto missing = v.call("outsider", method, unknown);
        CHECK(stored.status == 404);
        CHECK(missing.status == 404);
        CHECK(stored.body == missing.body);
        CHECK(stored.headers == missing.headers);
        // And the same as for a caller in scope asking for a file that is not there.
        auto in_scope_missing = v.call("supervisor", method, unknown);
        CHECK(in_scope_missing.status == 404);
        CHECK(in_scope_missing.body == missing.body);
        CHECK(in_scope_missing.headers == missing.headers);
    }
}

TEST_CASE("uploads are per device: another device neither sees nor moves an unfinished upload", "[blobs]") {
    CovertVisit v;
    const std::string data = crypto::random_bytes(100 * 1024);
    const std::string hex = hex_encode(crypto::sha256(data));
    const std::size_t half = data.size() / 2;

    auto a1 = v.call("volunteer", "PUT", hex, data.substr(0, half), {{"Content-Range", range(0, half, data.size())}});
    REQUIRE(a1.status == 202);
    CHECK(a1.header("upload-offset") == std::to_string(half));
    auto a_head = v.call("volunteer", "HEAD", hex);
    CHECK(a_head.status == 200);
    CHECK(a_head.header("upload-offset") == std::to_string(half));
    CHECK(a_head.header("blob-complete") == "0");

    // Device B: no offset to see, and a chunk at A's offset is told B's own (0).
    auto b_head = v.call("outsider", "HEAD", hex);
    CHECK(b_head.status == 404);
    CHECK(b_head.header("upload-offset").empty());
    auto b_wrong = v.call("outsider", "PUT", hex, data.substr(half), {{"Content-Range", range(half, data.size() - half, data.size())}});
    CHECK(b_wrong.status == 409);
    CHECK(b_wrong.header("upload-offset") == "0");
    // B uploads the whole file itself; A's offset did not move.
    auto b1 = v.call("outsider", "PUT", hex, data.substr(0, 1000), {{"Content-Range", range(0, 1000, data.size())}});
    CHECK(b1.status == 202);
    CHECK(b1.header("upload-offset") == "1000");
    CHECK(v.call("volunteer", "HEAD", hex).header("upload-offset") == std::to_string(half));
    auto b2 = v.call("outsider", "PUT", hex, data.substr(1000), {{"Content-Range", range(1000, data.size() - 1000, data.size())}});
    CHECK(b2.status == 201);
    CHECK(b2.header("blob-complete") == "1");
    CHECK(read_file(v.srv.data_dir() / "blobs" / hex.substr(0, 2) / hex) == data);

    // A finishes its own upload from where it stood; the duplicate is not kept.
    auto a_again = v.call("volunteer", "HEAD", hex);
    CHECK(a_again.header("upload-offset") == std::to_string(half));
    auto a2 = v.call("volunteer", "PUT", hex, data.substr(half), {{"Content-Range", range(half, data.size() - half, data.size())}});
    CHECK(a2.status == 201);
    CHECK(a2.header("blob-complete") == "1");
    for (const auto& e : fs::directory_iterator(v.srv.data_dir() / "blobs" / "partial"))
        CHECK(e.path().filename().string().rfind(hex, 0) != 0);
    CHECK(read_file(v.srv.data_dir() / "blobs" / hex.substr(0, 2) / hex) == data);
}

TEST_CASE("a device holding the bytes but not the record is told complete only after sending every byte", "[blobs][scope]") {
    CovertVisit v;
    v.inspect(100 * 1024);
    const std::size_t total = v.photo.size(), half = total / 2;
    const auto stored = v.srv.data_dir() / "blobs" / v.hex.substr(0, 2) / v.hex;

    // In scope: a stored file is answered complete at once (nothing to send twice).
    auto dedupe = v.call("supervisor", "PUT", v.hex, v.photo.substr(0, 1000), {{"Content-Range", range(0, 1000, total)}});
    CHECK(dedupe.status == 201);
    CHECK(dedupe.header("blob-complete") == "1");
    CHECK(dedupe.header("upload-offset") == std::to_string(total));

    // Out of scope: an upload like any other, into the device's own partial file.
    auto first = v.call("outsider", "PUT", v.hex, v.photo.substr(0, half), {{"Content-Range", range(0, half, total)}});
    CHECK(first.status == 202);
    CHECK(first.header("blob-complete") == "0");
    CHECK(first.header("upload-offset") == std::to_string(half));
    auto head = v.call("outsider", "HEAD", v.hex);
    CHECK(head.status == 200);
    CHECK(head.header("blob-complete") == "0");
    CHECK(head.header("upload-offset") == std::to_string(half));
    // Wrong bytes for the rest: refused, discarded, and the stored file is untouched.
    auto wrong = v.call("outsider", "PUT", v.hex, crypto::random_bytes(total - half), {{"Content-Range", range(half, total - half, total)}});
    CHECK(wrong.status == 422);
    CHECK(v.call("outsider", "HEAD", v.hex).status == 404);
    CHECK(read_file(stored) == v.photo);
    // The right bytes, all of them: complete, and still one copy.
    auto again = v.call("outsider", "PUT", v.hex, v.photo.substr(0, half), {{"Content-Range", range(0, half, total)}});
    CHECK(again.status == 202);
    CHECK(again.header("blob-complete") == "0");
    auto last = v.call("outsider", "PUT", v.hex, v.photo.substr(half), {{"Content-Range", range(half, total - half, total)}});
    CHECK(last.status == 201);
    CHECK(last.header("blob-complete") == "1");
    CHECK(read_file(stored) == v.photo);
    for (const auto& e : fs::directory_iterator(v.srv.data_dir() / "blobs" / "partial"))
        CHECK(e.path().filename().string().rfind(v.hex, 0) != 0);
    // Sending the bytes does not put the file in scope: it still reads as missing.
    CHECK(v.call("outsider", "GET", v.hex).status == 404);
}

TEST_CASE("partial files stay per device inside the store, and shared ones from before are dropped", "[blobs]") {
    TempDir dir;
    const std::string data = crypto::random_bytes(1000);
    const std::string hex = hex_encode(crypto::sha256(data));
    fs::create_directories(dir / "blobs" / "partial");
    write_file(dir / "blobs" / "partial" / hex, data.substr(0, 10));  // an upload of the old, shared kind
    server::BlobStore store{dir / "blobs", 1 << 20};
    CHECK_FALSE(fs::exists(dir / "blobs" / "partial" / hex));

    // A device id that is not a plain id names a file by its hash: nothing escapes the directory.
    auto odd = store.put_chunk(hex, "../../escape", 0, data.size(), data.substr(0, 100), false);
    REQUIRE(odd.has_value());
    CHECK(odd->received == 100);
    auto plain = store.put_chunk(hex, "0b6f1c2e-1111-4222-8333-444455556666", 0, data.size(), data.substr(0, 300), false);
    REQUIRE(plain.has_value());
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir.path))
        if (e.is_regular_file()) names.push_back(fs::relative(e.path(), dir.path).string());
    std::sort(names.begin(), names.end());
    REQUIRE(names.size() == 2);
    for (const auto& n : names) {
        CHECK(n.rfind("blobs/partial/" + hex + ".", 0) == 0);
        CHECK(n.find("..", std::string("blobs/partial/").size() + hex.size()) == std::string::npos);
    }
    CHECK(*store.partial_size(hex, "../../escape") == std::optional<std::uint64_t>{100});
    CHECK(*store.partial_size(hex, "0b6f1c2e-1111-4222-8333-444455556666") == std::optional<std::uint64_t>{300});
    CHECK(*store.stored_size(hex) == std::nullopt);
}
