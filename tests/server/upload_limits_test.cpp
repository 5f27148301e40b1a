// Unfinished uploads are bounded per device and cleaned up: through the wire, against a real
// server on 127.0.0.1 whose limits and clock the test sets. Devices are `ducha` CLI profiles; the
// chunks are sent with the device's own token as its sync client would.
#include <catch2/catch.hpp>

#include <sys/time.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

#include "shared/common/bytes.h"
#include "shared/common/clock.h"
#include "shared/common/wire_error.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/sync/curl_transport.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMiB = 1024 * 1024;

struct Blob {
    std::string bytes, hex;
    explicit Blob(std::size_t n) : bytes(crypto::random_bytes(n)), hex(hex_encode(crypto::sha256(bytes))) {}
};

// A server whose devices may each have two unfinished uploads of 1 MiB together.
struct LimitedServer {
    ManualClock clock;
    TestServer srv{TestServerOptions{true, &clock, {}, [](server::ServeOptions& o) {
                                         o.uploads.max_files_per_device = 2;
                                         o.uploads.max_bytes_per_device = kMiB;
                                         o.uploads.stale_after_s = 7 * 24 * 3600;
                                     }, {}}};
    TempDir tmp;
    std::map<std::string, fs::path> devices;

    LimitedServer() {
        for (const auto& [name, n] : std::map<std::string, int>{{"first", 0}, {"second", 1}}) {
            devices[name] = tmp / name;
            must(devices[name], {"enroll", "--server", srv.url(), "--code", srv.account("volunteer", n).code, "--pin",
                                 srv.pin(), "--name", name});
        }
    }

    sync::HttpReply call(const std::string& device, const std::string& method, const std::string& path,
                         const std::string& body = "", std::map<std::string, std::string> headers = {}) {
        sync::TransportConfig cfg;
        cfg.base_url = srv.url();
        cfg.pin = srv.pin();
        sync::CurlTransport t{cfg};
        if (!device.empty()) headers["Authorization"] = "Bearer " + access_token_of(devices.at(device));
        auto r = t.request(method, path, body, headers);
        REQUIRE(r.has_value());
        return *r;
    }

    // Bytes [start, start+n) of `b`, as one chunk of the device's upload.
    sync::HttpReply put(const std::string& device, const Blob& b, std::size_t start, std::size_t n) {
        const std::string range = "bytes " + std::to_string(start) + "-" + std::to_string(start + n - 1) + "/" +
                                  std::to_string(b.bytes.size());
        return call(device, "PUT", "/v1/blobs/" + b.hex, b.bytes.substr(start, n), {{"Content-Range", range}});
    }

    std::string metric(const std::string& name) {
        auto m = call("", "GET", "/metrics");
        const auto at = m.body.find("\n" + name + " ");
        REQUIRE(at != std::string::npos);
        return m.body.substr(at + name.size() + 2, m.body.find('\n', at + 1) - at - name.size() - 2);
    }

    std::size_t partial_files() {
        std::size_t n = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(srv.data_dir() / "blobs" / "partial")) ++n;
        return n;
    }
};

}  // namespace

TEST_CASE("a device's unfinished uploads are bounded in files and bytes, and a refused file is not lost", "[blobs][uploads]") {
    LimitedServer s;
    const Blob a(100 * 1024), b(100 * 1024), c(100 * 1024), big(2 * kMiB);

    REQUIRE(s.put("first", a, 0, 10 * 1024).status == 202);
    REQUIRE(s.put("first", b, 0, 10 * 1024).status == 202);
    // A third new upload: refused with its own code, which the device reads as "keep the file,
    // go on with the others, send it in a later pass".
    auto third = s.put("first", c, 0, 10 * 1024);
    CHECK(third.status == 413);
    CHECK(third.header("ducha-error") == "upload_limit");
    const auto read = wire::from_reply(third.status, third.body, third.headers);
    CHECK(read.code() == Errc::upload_limit);
    CHECK(read.action() == wire::Action::set_aside);
    CHECK(read.error.what == Msg::too_many_unfinished_uploads);
    CHECK(read.error.args == std::vector<std::string>{"2"});
    // A device that does not know the code reads 413 as too_large: the same action.
    CHECK(wire::action_for(wire::code_for_status(413)) == wire::Action::set_aside);
    CHECK(s.call("first", "HEAD", "/v1/blobs/" + c.hex).status == 404);  // nothing of it was kept

    // The uploads under way go on, and once one finishes there is room again.
    auto a_rest = s.put("first", a, 10 * 1024, a.bytes.size() - 10 * 1024);
    CHECK(a_rest.status == 201);
    auto c_again = s.put("first", c, 0, 10 * 1024);
    CHECK(c_again.status == 202);
    // Another device has limits of its own.
    CHECK(s.put("second", a, 0, 1000).status == 202);
    CHECK(s.put("second", b, 0, 1000).status == 202);

    // Bytes: a new file that would take the device's unfinished uploads past 1 MiB.
    REQUIRE(s.put("first", b, 10 * 1024, b.bytes.size() - 10 * 1024).status == 201);
    auto too_big = s.put("first", big, 0, 1000);
    CHECK(too_big.status == 413);
    const auto big_read = wire::from_reply(too_big.status, too_big.body, too_big.headers);
    CHECK(big_read.code() == Errc::upload_limit);
    CHECK(big_read.error.what == Msg::unfinished_uploads_too_large);
    CHECK(big_read.error.args == std::vector<std::string>{"1"});

    CHECK(s.metric("ducha_blob_uploads_refused_total") == "2");
}

TEST_CASE("unfinished uploads no chunk reached for days are swept, as uploads arrive and at start-up", "[blobs][uploads]") {
    LimitedServer s;
    const Blob a(100 * 1024), b(100 * 1024), c(100 * 1024);
    REQUIRE(s.put("first", a, 0, 1000).status == 202);
    REQUIRE(s.put("first", b, 0, 1000).status == 202);
    CHECK(s.put("first", c, 0, 1000).status == 413);
    CHECK(s.metric("ducha_blob_partials_swept_total") == "0");

    SECTION("six days on: nothing is stale yet") {
        s.clock.advance(6 * 24h);
        must(s.devices.at("first"), {"sync"});  // renews the device's tokens for the later time
        CHECK(s.put("first", c, 0, 1000).status == 413);
        CHECK(s.partial_files() == 2);
        CHECK(s.metric("ducha_blob_partials_swept_total") == "0");
    }
    SECTION("eight days on: the next upload sweeps them first and fits") {
        s.clock.advance(8 * 24h);
        must(s.devices.at("first"), {"sync"});
        auto fits = s.put("first", c, 0, 1000);
        CHECK(fits.status == 202);
        CHECK(s.metric("ducha_blob_partials_swept_total") == "2");
        CHECK(s.call("first", "HEAD", "/v1/blobs/" + a.hex).status == 404);  // a's upload starts again
        CHECK(s.partial_files() == 1);
    }
    SECTION("at start-up") {
        // A partial file last written eight days before the server's time.
        const fs::path old = s.srv.data_dir() / "blobs" / "partial" / (Blob(10).hex + ".some-device.part");
        write_file(old, "half a photo");
        const std::int64_t then = s.clock.now_s() - 8 * 24 * 3600;
        const timeval times[2] = {{then, 0}, {then, 0}};
        REQUIRE(::utimes(old.c_str(), times) == 0);
        s.srv.restart();
        CHECK_FALSE(fs::exists(old));
        CHECK(s.partial_files() == 2);  // this device's fresh ones stay
        CHECK(s.metric("ducha_blob_partials_swept_total") == "1");
    }
}
