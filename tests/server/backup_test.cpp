// Backup and restore (`ducha-server backup` / `restore`): one file with the database, the signing key,
// the TLS material and the evidence files; a restore checks it whole, gives the server a new
// generation, and the devices send again what they had sent after the backup.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

#include "server/backup/backup_archive.h"
#include "server/backup/tar_reader.h"
#include "server/service/server_app.h"
#include "server/storage/record_table.h"
#include "server/storage/server_generation.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/store/statement.h"
#include "shared/sync/local_store.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> archive_names(const fs::path& file) {
    auto tar = server::TarReader::open(file);
    REQUIRE(tar);
    std::vector<std::string> names;
    for (;;) {
        auto e = tar->next();
        REQUIRE(e);
        if (!*e) break;
        names.push_back((*e)->name);
        REQUIRE(tar->read_all(std::size_t{1} << 30));
    }
    return names;
}

server::Generation generation_of(const fs::path& data_dir) {
    auto db = server::open_server_db(data_dir);
    REQUIRE(db);
    auto g = server::ServerGeneration{*db}.get();
    REQUIRE(g);
    return *g;
}

std::int64_t server_count(const fs::path& data_dir, const std::string& collection) {
    auto db = server::open_server_db(data_dir);
    REQUIRE(db);
    auto n = server::RecordTable{*db}.count(collection);
    REQUIRE(n);
    return *n;
}

std::set<std::string> server_ids(const fs::path& data_dir, const std::string& collection) {
    auto db = server::open_server_db(data_dir);
    REQUIRE(db);
    store::Statement st{*db, "SELECT id FROM record WHERE collection=?1 AND deleted=0"};
    st.bind(1, collection);
    std::set<std::string> ids;
    for (;;) {
        auto row = st.step();
        REQUIRE(row);
        if (!*row) break;
        ids.insert(st.col_text(0));
    }
    return ids;
}

void enroll(const fs::path& profile, const std::string& url, const std::string& pin, const std::string& code) {
    must(profile, {"enroll", "--server", url, "--code", code, "--pin", pin, "--name", "backup-test"});
}

std::vector<std::string> open_tasks(const fs::path& profile) {
    std::vector<std::string> ids;
    for (const auto& t : cli_json(profile, {"tasks", "--json"}))
        if (t["status"] == "open" && !t["covert"].get<bool>()) ids.push_back(t["id"]);
    return ids;
}

// One report with a photo of its own bytes: on the next open task, or, when the volunteer has none
// left (the demo gives each two to four), an amendment (更正) of their first report.
void report_one(const fs::path& profile, const fs::path& scratch, int n) {
    const auto photo = scratch / ("photo-" + std::to_string(n) + ".jpg");
    write_file(photo, crypto::random_bytes(20 * 1024 + static_cast<std::size_t>(n)));
    const std::string answers = write_answers(scratch).string();
    auto tasks = open_tasks(profile);
    if (!tasks.empty()) {
        must(profile, {"inspect", "--task", tasks.front(), "--answers", answers, "--photo", photo.string()});
        return;
    }
    auto mine = cli_json(profile, {"reports", "--json"});
    REQUIRE_FALSE(mine.empty());
    must(profile, {"inspect", "--amends", mine.at(0)["id"].get<std::string>(), "--answers", answers, "--photo",
                   photo.string()});
}

// The records a device holds, as (collection, id) -> version, for the collections a user's work is in.
std::map<std::pair<std::string, std::string>, std::int64_t> replica(const fs::path& profile) {
    auto store = sync::LocalStore::open(profile / "device.db");
    REQUIRE(store);
    std::map<std::pair<std::string, std::string>, std::int64_t> out;
    for (const char* c : {"report", "receipt", "evidence", "task", "institution", "assignment", "zone"}) {
        auto recs = store->list(c);
        REQUIRE(recs);
        for (const auto& r : *recs) out[{r.collection(), r.id()}] = r.version();
    }
    return out;
}

// A demo server on a data directory of the test's, stopped and started around a restore on the
// same port (devices keep its address and pin).
struct DemoServer {
    fs::path data;
    std::vector<DemoAccount> accounts;
    server::ServeOptions opt;
    std::unique_ptr<server::ServerApp> app;
    std::string url, pin;

    explicit DemoServer(fs::path dir) : data(std::move(dir)) {
        init_data_dir(data, true);
        accounts = read_codes(data);
        opt.data_dir = data;
        opt.listen = "127.0.0.1:" + std::to_string(free_port());
        start();
        url = app->url();
        pin = app->pin();
    }
    void start() {
        auto a = server::ServerApp::start(opt);
        REQUIRE(a);
        app = std::move(*a);
    }
    void stop() { app.reset(); }
};

std::string sha_hex(const std::string& bytes) { return hex_encode(crypto::sha256(bytes)); }

}  // namespace

TEST_CASE("a backup holds the database, the key, TLS and every evidence file, and restores into an empty directory",
          "[server][backup][sqlite]") {
    TestServer srv;
    TempDir tmp;
    auto v = srv.account("volunteer");
    const auto prof = tmp / "p";
    enroll(prof, srv.url(), srv.pin(), v.code);
    must(prof, {"sync"});
    report_one(prof, tmp.path, 1);
    must(prof, {"sync"});
    const auto file = tmp / "ducha.backup";

    auto b = server::write_backup(srv.data_dir(), file);
    REQUIRE(b);
    CHECK(b->evidence_files == 1);
    CHECK(fs::status(file).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
    auto names = archive_names(file);
    CHECK(names.front() == "ducha.db");
    CHECK(names.back() == "MANIFEST");
    const std::set<std::string> held(names.begin(), names.end());
    CHECK(held.count("server-signing.key"));
    CHECK(held.count("tls/cert.pem"));
    CHECK(held.count("tls/key.pem"));
    std::string blob;
    for (const auto& n : names)
        if (n.starts_with("blobs/")) blob = n;  // blobs/XX/HEX
    REQUIRE_FALSE(blob.empty());
    CHECK(blob.find("partial") == std::string::npos);

    // Never over an existing file.
    auto again = server::write_backup(srv.data_dir(), file);
    REQUIRE_FALSE(again);
    CHECK(again.error().code == Errc::already_exists);

    const auto target = tmp / "restored";
    auto r = server::restore_backup(file, target);
    INFO((r ? "" : r.error().message()));
    REQUIRE(r);
    CHECK(r->set_aside.empty());
    CHECK(r->evidence_files == 1);
    CHECK(r->restored_through_seq == b->max_seq);
    for (const std::string& n : std::vector<std::string>{"server-signing.key", "tls/cert.pem", "tls/key.pem", blob})
        CHECK(read_file(target / n) == read_file(srv.data_dir() / n));
    CHECK(sha_hex(read_file(target / blob)) == blob.substr(9));
    CHECK_FALSE(fs::exists(target / ".restore-staging"));
    const auto g = generation_of(target);
    CHECK(g.id == r->generation);
    CHECK(g.id != generation_of(srv.data_dir()).id);
    CHECK(g.restored_through_seq == b->max_seq);
    CHECK(server_count(target, "report") == srv.count("report"));
    CHECK(server_count(target, "institution") == srv.count("institution"));
}

TEST_CASE("restore checks the whole file first: a damaged, truncated or foreign file changes nothing",
          "[server][backup][sqlite]") {
    TestServer srv;
    TempDir tmp;
    const auto file = tmp / "ducha.backup";
    REQUIRE(server::write_backup(srv.data_dir(), file));
    const std::string good = read_file(file);

    auto refused = [&](const std::string& bytes, Msg expected) {
        const auto bad = tmp / "bad.backup";
        fs::remove(bad);
        write_file(bad, bytes);
        const auto target = tmp / "target";
        fs::remove_all(target);
        auto r = server::restore_backup(bad, target);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Errc::integrity);
        CHECK(r.error().what == expected);
        CHECK_FALSE(fs::exists(target / "ducha.db"));
        CHECK_FALSE(fs::exists(target / "server-signing.key"));
        CHECK_FALSE(fs::exists(target / ".restore-staging"));
    };
    // One byte of the signing key's content (the second entry, after the database) flipped.
    std::string flipped = good;
    auto names = archive_names(file);
    REQUIRE(names.at(1) == "server-signing.key");
    auto key_at = good.find(read_file(srv.data_dir() / "server-signing.key"));
    REQUIRE(key_at != std::string::npos);
    flipped[key_at] = flipped[key_at] == 'a' ? 'b' : 'a';
    refused(flipped, Msg::backup_file_mismatch);
    refused(good.substr(0, good.size() / 2), Msg::backup_truncated);
    refused(std::string(4096, 'x'), Msg::backup_not_ducha_archive);

    // The same file, whole, restores into a directory that does not exist yet (no evidence files in it).
    auto ok = server::restore_backup(file, tmp / "fresh" / "data");
    INFO((ok ? "" : ok.error().message()));
    REQUIRE(ok);
    CHECK(ok->evidence_files == 0);
    CHECK(fs::is_directory(tmp / "fresh" / "data" / "blobs"));
    CHECK(read_file(tmp / "fresh" / "data" / "server-signing.key") == read_file(srv.data_dir() / "server-signing.key"));
}

TEST_CASE("restore refuses a directory a running server holds, and serve refuses a second server on it",
          "[server][backup][sqlite]") {
    TestServer srv;
    TempDir tmp;
    const auto file = tmp / "ducha.backup";
    REQUIRE(server::write_backup(srv.data_dir(), file));
    const std::string db_before = sha_hex(read_file(srv.data_dir() / "server-signing.key"));
    auto r = server::restore_backup(file, srv.data_dir());
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::unavailable);
    CHECK(r.error().what == Msg::data_dir_in_use);
    CHECK(sha_hex(read_file(srv.data_dir() / "server-signing.key")) == db_before);

    server::ServeOptions o;
    o.data_dir = srv.data_dir();
    o.listen = "127.0.0.1:0";
    auto second = server::ServerApp::start(o);
    REQUIRE_FALSE(second);
    CHECK(second.error().what == Msg::data_dir_in_use);

    // Once stopped, the same directory restores, and its previous state is kept aside.
    srv.stop();
    auto ok = server::restore_backup(file, srv.data_dir());
    INFO((ok ? "" : ok.error().message()));
    REQUIRE(ok);
    CHECK(fs::exists(ok->set_aside / "ducha.db"));
    CHECK(fs::exists(ok->set_aside / "server-signing.key"));
    CHECK(fs::exists(srv.data_dir() / "ducha.db"));
}

TEST_CASE("after a restore the devices send again what the backup lacks: every report once, every replica converges",
          "[server][backup][sync][sqlite]") {
    TempDir tmp;
    DemoServer srv{tmp / "data"};
    const auto& data = srv.data;
    const auto& accounts = srv.accounts;
    const std::string url = srv.url, pin = srv.pin;

    // Three volunteers of different districts, and one coordinator.
    std::vector<const DemoAccount*> vols;
    const DemoAccount* coord = nullptr;
    std::set<std::string> districts;
    for (const auto& a : accounts) {
        if (a.role == "volunteer" && vols.size() < 3 && districts.insert(a.district).second) vols.push_back(&a);
        if (a.role == "coordinator" && !coord) coord = &a;
    }
    REQUIRE(vols.size() == 3);
    REQUIRE(coord);
    std::vector<fs::path> devs;
    for (std::size_t i = 0; i < vols.size(); ++i) {
        devs.push_back(tmp / ("vol" + std::to_string(i)));
        enroll(devs.back(), url, pin, vols[i]->code);
        must(devs.back(), {"sync"});
        report_one(devs.back(), tmp.path, 100 + static_cast<int>(i));  // one report each before the backup
        must(devs.back(), {"sync"});
    }
    const auto coord_dev = tmp / "coord";
    enroll(coord_dev, url, pin, coord->code);
    must(coord_dev, {"sync"});

    const auto file = tmp / "nightly.backup";
    auto b = server::write_backup(data, file);
    REQUIRE(b);
    const auto reports_in_backup = server_ids(data, "report");

    // After the backup: 20 reports with photos over the three devices, and a coordinator's edit.
    for (int n = 0; n < 20; ++n) report_one(devs[static_cast<std::size_t>(n % 3)], tmp.path, n);
    for (const auto& d : devs) CHECK(contains(must(d, {"sync"}).out, "sync complete"));
    const std::string inst = cli_json(coord_dev, {"institutions", "--json"}).at(0)["id"];
    must(coord_dev, {"edit", "institution", inst, "contact_phone=0412-5550100"});
    must(coord_dev, {"sync"});
    const auto reports_before = server_ids(data, "report");
    REQUIRE(reports_before.size() == reports_in_backup.size() + 20);
    const auto evidence_before = server_count(data, "evidence");
    for (const auto& d : devs) CHECK(cli_json(d, {"outbox", "--json"}).empty());

    // The disk dies; the operator restores last night's backup into the same directory.
    srv.stop();
    auto r = server::restore_backup(file, data);
    INFO((r ? "" : r.error().message()));
    REQUIRE(r);
    CHECK(server_ids(data, "report") == reports_in_backup);
    srv.start();
    CHECK(srv.app->pin() == pin);

    // One volunteer worked offline meanwhile: its first request is a push of a report that follows
    // reports the restored server lacks. The server applies none of it; the device re-queues first.
    report_one(devs[0], tmp.path, 99);

    // Each device syncs once: it finds the new generation, re-queues what the backup lacks and sends it.
    int held = 0;
    for (const auto& d : devs) {
        auto s = must(d, {"sync"});
        INFO(s.out);
        CHECK(contains(s.out, "sync complete"));
        held += static_cast<int>(cli_json(d, {"reports", "--json"}).size());
    }
    must(coord_dev, {"sync"});
    CHECK(held == 24);  // each device still holds all of its own reports

    // The server holds every report again, each once, with its evidence and photos, and the new one.
    auto reports_after = server_ids(data, "report");
    CHECK(reports_after.size() == reports_before.size() + 1);
    for (const auto& id : reports_before) CHECK(reports_after.count(id) == 1);
    CHECK(server_count(data, "receipt") == static_cast<std::int64_t>(reports_after.size()));
    CHECK(server_count(data, "evidence") == evidence_before + 1);
    {
        auto db = server::open_server_db(data);
        REQUIRE(db);
        store::Statement st{*db, "SELECT DISTINCT sha256 FROM blob_ref"};
        int files = 0;
        for (;;) {
            auto row = st.step();
            REQUIRE(row);
            if (!*row) break;
            ++files;
            const std::string hex = st.col_text(0);
            CHECK(fs::exists(data / "blobs" / hex.substr(0, 2) / hex));
        }
        CHECK(files >= 24);
    }
    // The coordinator's edit, acknowledged after the backup, is back too.
    auto edited = server_get<pb::Institution>(data, "institution", inst);
    REQUIRE(edited);
    CHECK(edited->contact_phone() == "0412-5550100");

    for (std::size_t i = 0; i < devs.size(); ++i) {
        // Nothing waits, the chain and every receipt verify, and nothing is held twice.
        CHECK(cli_json(devs[i], {"outbox", "--json"}).empty());
        auto v = run(devs[i], {"verify"});
        INFO(v.out << v.err);
        CHECK(v.rc == 0);
        std::set<std::string> ids;
        for (const auto& rep : cli_json(devs[i], {"reports", "--json"})) {
            CHECK(ids.insert(rep["id"].get<std::string>()).second);
            CHECK_FALSE(rep["receipt"].is_null());
        }
        // The device's replica is what a new device of the same volunteer receives from the server.
        auto code = server::issue_enrollment_code(data, vols[i]->user_id, 3600);
        REQUIRE(code);
        const auto fresh = tmp / ("fresh" + std::to_string(i));
        enroll(fresh, url, pin, *code);
        must(fresh, {"sync"});
        must(devs[i], {"sync"});
        CHECK(replica(devs[i]) == replica(fresh));
    }
}

TEST_CASE("a device enrolled after the backup enrolls again with a new code and sends what it holds", "[server][backup][enroll][sqlite]") {
    TempDir tmp;
    DemoServer srv{tmp / "data"};
    const auto& data = srv.data;
    const auto& accounts = srv.accounts;
    const std::string url = srv.url, pin = srv.pin;
    std::vector<const DemoAccount*> vols;
    for (const auto& a : accounts)
        if (a.role == "volunteer" && vols.size() < 2) vols.push_back(&a);
    REQUIRE(vols.size() == 2);

    const auto file = tmp / "nightly.backup";
    REQUIRE(server::write_backup(data, file));
    const auto reports_in_backup = server_ids(data, "report");

    // A phone handed out after the backup: enrolled, two reports with photos, all acknowledged.
    const auto phone = tmp / "phone";
    enroll(phone, url, pin, vols[0]->code);
    must(phone, {"sync"});
    const auto me = identity_of(phone);
    report_one(phone, tmp.path, 1);
    report_one(phone, tmp.path, 2);
    must(phone, {"sync"});
    REQUIRE(cli_json(phone, {"outbox", "--json"}).empty());
    const auto reports_before = server_ids(data, "report");
    REQUIRE(reports_before.size() == reports_in_backup.size() + 2);

    srv.stop();
    REQUIRE(server::restore_backup(file, data));
    srv.start();

    // The restored server does not know the phone: its sign-in is refused, and it says what to do.
    auto locked = run(phone, {"sync", "--retries", "1"});
    CHECK(locked.rc != 0);
    CHECK(contains(locked.err, "enroll"));

    // A code for another volunteer does not take over the phone, and is not used up by trying.
    auto other = server::issue_enrollment_code(data, vols[1]->user_id, 3600);
    REQUIRE(other);
    auto wrong = run(phone, {"enroll", "--server", url, "--code", *other, "--pin", pin});
    CHECK(wrong.rc != 0);
    CHECK(contains(wrong.err, "another person"));
    CHECK(identity_of(phone).user_id == me.user_id);

    // A new code for its own volunteer: the same device again, and what it held goes up.
    auto code = server::issue_enrollment_code(data, me.user_id, 3600);
    REQUIRE(code);
    auto again = must(phone, {"enroll", "--server", url, "--code", *code, "--pin", pin});
    CHECK(contains(again.out, "enrolled again"));
    CHECK(identity_of(phone).device_id == me.device_id);
    auto s = must(phone, {"sync"});
    INFO(s.out);
    CHECK(contains(s.out, "sync complete"));
    CHECK(server_ids(data, "report") == reports_before);  // both reports back, each once
    CHECK(cli_json(phone, {"outbox", "--json"}).empty());
    auto v = run(phone, {"verify"});
    INFO(v.out << v.err);
    CHECK(v.rc == 0);

    // A device the server knows is not enrolled again; that code stays usable for a new phone.
    auto spare = server::issue_enrollment_code(data, me.user_id, 3600);
    REQUIRE(spare);
    auto known = run(phone, {"enroll", "--server", url, "--code", *spare, "--pin", pin});
    CHECK(known.rc != 0);
    CHECK(contains(known.err, "still knows this device"));
    enroll(tmp / "new-phone", url, pin, *spare);
    // And the other volunteer's code was never used up either.
    enroll(tmp / "other-phone", url, pin, *other);
}
