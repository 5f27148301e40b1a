// A full disk loses nothing: the server's data directory on a small filesystem of its own (a
// tmpfs), filled with a ballast file. Uploads and pushes are answered 507 disk_full (SQLite's
// SQLITE_FULL included), reads go on, and once room is made every device finishes its sync with
// everything it queued on the server and its receipts verified. Needs the right to mount (the
// test machine runs as root); without it the test fails and says so.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "server/service/server_app.h"
#include "shared/common/bytes.h"
#include "shared/common/wire_error.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/store/statement.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/device_profile.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
namespace fs = std::filesystem;

namespace {

// A tmpfs of `size` mounted on a directory of the test's own, unmounted when it goes.
class SmallDisk {
public:
    explicit SmallDisk(const std::string& size) : m_root(m_dir / "disk") {
        fs::create_directories(m_root);
        const std::string opts = "size=" + size + ",mode=0700";
        if (::mount("tmpfs", m_root.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, opts.c_str()) == 0)
            m_mounted = true;
        else
            m_why = std::strerror(errno);
    }
    ~SmallDisk() {
        if (m_mounted) ::umount2(m_root.c_str(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    bool mounted() const { return m_mounted; }
    const std::string& why() const { return m_why; }
    const fs::path& root() const { return m_root; }

    // Writes a ballast file until the filesystem has no block left; its size.
    std::size_t fill() {
        const int fd = ::open((m_root / "ballast").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        REQUIRE(fd >= 0);
        const std::string block(64 * 1024, '\0');
        std::size_t written = 0;
        for (std::size_t size = block.size(); size > 0;) {
            const ssize_t n = ::write(fd, block.data(), size);
            if (n > 0) {
                written += static_cast<std::size_t>(n);
                continue;
            }
            REQUIRE(errno == ENOSPC);
            size /= 2;  // top up the last pages too
        }
        ::close(fd);
        return written;
    }
    void empty() { fs::remove(m_root / "ballast"); }

private:
    TempDir m_dir;
    fs::path m_root;
    bool m_mounted = false;
    std::string m_why;
};

std::vector<std::string> open_overt_tasks(const fs::path& profile) {
    std::vector<std::string> ids;
    for (const auto& t : cli_json(profile, {"tasks", "--json"}))
        if (t["status"] == "open" && !t["covert"].get<bool>()) ids.push_back(t["id"]);
    return ids;
}

struct Device {
    fs::path dir;
    int reports = 0;
    std::vector<std::string> photos;  // sha256 of each photo it recorded
};

// An inspection of the device's next open task with one photo, queued on the device.
void inspect(Device& d, const fs::path& tmp) {
    const auto tasks = open_overt_tasks(d.dir);
    REQUIRE(tasks.size() > static_cast<std::size_t>(d.reports));
    const std::string photo = crypto::random_bytes(96 * 1024);
    const fs::path file = tmp / (crypto::random_token(6) + ".jpg");
    write_file(file, photo);
    must(d.dir, {"inspect", "--task", tasks.at(static_cast<std::size_t>(d.reports)), "--answers",
                 write_answers(tmp).string(), "--photo", file.string(), "--gps", "41.1,122.9"});
    d.reports++;
    d.photos.push_back(hex_encode(crypto::sha256(photo)));
}

sync::HttpReply call(TestServer& srv, const Device& d, const std::string& method, const std::string& path,
                     const std::string& body, std::map<std::string, std::string> headers = {}) {
    sync::TransportConfig cfg;
    cfg.base_url = srv.url();
    cfg.pin = srv.pin();
    sync::CurlTransport t{cfg};
    headers["Authorization"] = "Bearer " + access_token_of(d.dir);
    auto r = t.request(method, path, body, headers);
    REQUIRE(r.has_value());
    return *r;
}

// The device's queued changes as one push, without the sync client (so the reply is the server's own).
sync::HttpReply push_outbox(TestServer& srv, const Device& d) {
    pb::SyncRequest req;
    {
        auto p = sync::DeviceProfile::open(d.dir);
        REQUIRE(p.has_value());
        auto items = p->store().pending(100);
        REQUIRE(items.has_value());
        REQUIRE_FALSE(items->empty());
        for (const auto& it : *items) *req.add_mutations() = it.mutation;
    }
    return call(srv, d, "POST", "/v1/sync", req.SerializeAsString(), {{"Content-Type", "application/x-protobuf"}});
}

}  // namespace

TEST_CASE("a full disk refuses uploads and pushes with 507, keeps serving reads, and loses nothing", "[server][disk][sqlite]") {
    SmallDisk disk("48m");
    if (!disk.mounted())
        FAIL("cannot mount a tmpfs for the server's data directory (" << disk.why()
                                                                    << "): this test needs the right to mount, as root");

    TempDir tmp;
    TestServer srv{TestServerOptions{true, nullptr, disk.root() / "data", {}, {}}};
    std::vector<Device> devices(2);
    for (std::size_t i = 0; i < devices.size(); ++i) {
        devices[i].dir = tmp / ("volunteer" + std::to_string(i));
        must(devices[i].dir, {"enroll", "--server", srv.url(), "--code", srv.account("volunteer", static_cast<int>(i)).code,
                              "--pin", srv.pin()});
        must(devices[i].dir, {"sync"});
    }
    // The first device's first visit reaches the server while there is room: a file to read later.
    inspect(devices[0], tmp.path);
    must(devices[0].dir, {"sync"});
    const std::string stored = devices[0].photos.at(0);
    REQUIRE(fs::exists(srv.data_dir() / "blobs" / stored.substr(0, 2) / stored));
    // Then each device records a visit while the server's disk is full.
    for (auto& d : devices) inspect(d, tmp.path);
    // A clean restart checkpoints the WAL away, so the next commit must grow a file on the full disk.
    srv.restart();
    // What the restarted server wrote sits in the WAL, and a commit that fits in the WAL's own
    // pages (after a checkpoint wraps it round) needs no new block: truncate it, so the next
    // commit must grow a file on the full disk whatever the checkpointer's timing.
    {
        auto db = server::open_server_db(srv.data_dir());
        REQUIRE(db.has_value());
        store::Statement truncate{*db, "PRAGMA wal_checkpoint(TRUNCATE)"};
        auto row = truncate.step();
        REQUIRE(row.has_value());
        REQUIRE(*row);
        REQUIRE(truncate.col_int(0) == 0);  // not busy: the WAL is empty now
    }
    REQUIRE(disk.fill() > 0);

    SECTION("uploads and pushes are answered 507 disk_full, reads go on") {
        auto pushed = push_outbox(srv, devices[1]);
        INFO("push: HTTP " << pushed.status << " " << pushed.body);
        CHECK(pushed.status == 507);
        CHECK(pushed.header("ducha-error") == "disk_full");
        CHECK(wire::from_reply(pushed.status, pushed.body, pushed.headers).action() == wire::Action::retry_later);

        const std::string photo = crypto::random_bytes(64 * 1024);
        const std::string hex = hex_encode(crypto::sha256(photo));
        auto put = call(srv, devices[1], "PUT", "/v1/blobs/" + hex, photo,
                        {{"Content-Range", "bytes 0-" + std::to_string(photo.size() - 1) + "/" + std::to_string(photo.size())}});
        INFO("upload: HTTP " << put.status << " " << put.body);
        CHECK(put.status == 507);
        CHECK(put.header("ducha-error") == "disk_full");

        // The device's own sync keeps everything and says why.
        auto s = run(devices[1].dir, {"sync", "--retries", "1"});
        CHECK(s.rc != 0);
        CHECK(contains(s.out + s.err, "disk is full"));
        CHECK(cli_json(devices[1].dir, {"outbox", "--json"}).size() >= 2);

        // Reads: a stored photo, and a pull.
        auto get = call(srv, devices[0], "GET", "/v1/blobs/" + stored, "");
        CHECK(get.status == 200);
        CHECK(hex_encode(crypto::sha256(get.body)) == stored);
        pb::SyncRequest pull;
        pull.set_pull(true);
        auto pulled = call(srv, devices[0], "POST", "/v1/sync", pull.SerializeAsString(), {{"Content-Type", "application/x-protobuf"}});
        INFO("pull: HTTP " << pulled.status << " " << pulled.body);
        CHECK(pulled.status == 200);
        pb::SyncResponse resp;
        CHECK(resp.ParseFromString(pulled.body));
        CHECK(resp.changes_size() > 0);
    }

    // Room again: every device finishes, and the server holds what each queued.
    disk.empty();
    int reports = 0;
    for (auto& d : devices) {
        auto s = must(d.dir, {"sync"});
        CHECK(contains(s.out, "sync complete"));
        CHECK(cli_json(d.dir, {"outbox", "--json"}).empty());
        auto v = run(d.dir, {"verify"});
        INFO(v.out << v.err);
        CHECK(v.rc == 0);
        for (const auto& hex : d.photos) CHECK(fs::exists(srv.data_dir() / "blobs" / hex.substr(0, 2) / hex));
        reports += d.reports;
    }
    CHECK(srv.count("report") == reports);
    CHECK(srv.count("evidence") == reports);
    srv.stop();
}
