// A device believes a server's word that a file is safe only when the server says so: HEAD's
// Blob-Complete or a 201 to a chunk. A server (or a box in the middle) that answers HEAD with an
// Upload-Offset at the file's end but no Blob-Complete, and keeps answering chunks with that
// offset, does not get the file marked sent: it stays on the device with the words, and goes up
// whole once the server answers straight. The real server on 127.0.0.1 sits behind a transport
// that rewrites its answers the way such a server would.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <string>

#include "shared/common/bytes.h"
#include "shared/common/wire_error.h"
#include "shared/crypto/random.h"
#include "shared/crypto/sha256.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/sync_client.h"
#include "support/cli_steps.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
namespace fs = std::filesystem;

namespace {

struct Lies {
    bool put_too = false;      // also answer every chunk "I already hold up to the end" (409 offset_mismatch)
    std::uint64_t offset = 0;  // the offset claimed: the file's size
    int heads = 0, puts = 0, puts_passed = 0;
};

class LyingTransport final : public sync::HttpTransport {
public:
    LyingTransport(const sync::TransportConfig& cfg, std::shared_ptr<Lies> lies) : m_real(cfg), m_lies(std::move(lies)) {}

    Result<sync::HttpReply> request(const std::string& method, const std::string& path, const std::string& body,
                                    const std::map<std::string, std::string>& headers = {}) override {
        const bool blob = path.starts_with("/v1/blobs/");
        if (blob && method == "PUT" && m_lies->put_too) {
            ++m_lies->puts;
            auto w = wire::to_reply(wire::WireError{Error{Errc::offset_mismatch, Msg::verbatim, "held"}, m_lies->offset});
            sync::HttpReply r;
            r.status = w.status;
            r.body = w.body;
            for (auto& [k, v] : w.headers) {
                std::string lower = k;
                for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                r.headers[lower] = v;
            }
            return r;
        }
        auto r = m_real.request(method, path, body, headers);
        if (blob && method == "PUT") ++m_lies->puts_passed;
        if (!r || !blob || method != "HEAD") return r;
        ++m_lies->heads;
        r->status = 200;
        r->headers.erase("blob-complete");
        r->headers["upload-offset"] = std::to_string(m_lies->offset);
        return r;
    }
    const sync::TransportConfig& config() const override { return m_real.config(); }

private:
    sync::CurlTransport m_real;
    std::shared_ptr<Lies> m_lies;
};

}  // namespace

TEST_CASE("an upload offset at the file's end without Blob-Complete does not mark the file sent", "[blobs][attack]") {
    TestServer srv;
    TempDir tmp;
    const fs::path phone = tmp / "phone";
    must(phone, {"enroll", "--server", srv.url(), "--code", srv.account("volunteer").code, "--pin", srv.pin()});
    must(phone, {"sync"});
    std::string task;
    for (const auto& t : cli_json(phone, {"tasks", "--json"}))
        if (t["status"] == "open" && !t["covert"].get<bool>()) task = t["id"];
    REQUIRE_FALSE(task.empty());
    const auto photo_bytes = crypto::random_bytes(300 * 1024);  // two chunks of 256 KiB
    write_file(tmp / "photo.jpg", photo_bytes);
    must(phone, {"inspect", "--task", task, "--answers", write_answers(tmp.path).string(), "--photo", (tmp / "photo.jpg").string()});

    auto lies = std::make_shared<Lies>();
    auto pass = [&] {
        auto p = sync::DeviceProfile::open(phone);
        REQUIRE(p.has_value());
        auto pending = p->store().blobs(true);
        REQUIRE(pending.has_value());
        REQUIRE(pending->size() == 1);
        lies->offset = static_cast<std::uint64_t>(pending->front().size);
        sync::SyncClient::Config cfg;
        cfg.transport = [lies](const sync::TransportConfig& c) -> std::unique_ptr<sync::HttpTransport> {
            return std::make_unique<LyingTransport>(c, lies);
        };
        sync::SyncClient client(*p, cfg);
        return std::make_pair(client.sync_once(), pending->front().sha256_hex);
    };
    auto on_server = [&](const std::string& hex) { return srv.data_dir() / "blobs" / hex.substr(0, 2) / hex; };

    // The server claims to hold it all, at HEAD and at every chunk: the device does not believe it.
    lies->put_too = true;
    auto [first, hex] = pass();
    CHECK(lies->heads == 1);
    CHECK(lies->puts >= 1);
    CHECK_FALSE(first.has_value());
    {
        auto p = sync::DeviceProfile::open(phone);
        REQUIRE(p.has_value());
        auto pending = p->store().blobs(true);
        REQUIRE(pending.has_value());
        REQUIRE(pending->size() == 1);  // still waiting, with the reason
        CHECK_FALSE(pending->front().uploaded);
        CHECK(contains(pending->front().error_message, "did not confirm"));
    }
    CHECK_FALSE(fs::exists(on_server(hex)));

    // HEAD still lies but the chunks reach the real server: the device sends the whole file from 0.
    lies->put_too = false;
    auto [second, hex2] = pass();
    REQUIRE(second.has_value());
    CHECK(hex2 == hex);
    CHECK(lies->puts_passed == 2);  // 300 KiB in 256 KiB chunks, from byte 0
    REQUIRE(fs::exists(on_server(hex)));
    const auto held = read_file(on_server(hex));
    CHECK(hex_encode(crypto::sha256(held)) == hex);
    auto p = sync::DeviceProfile::open(phone);
    REQUIRE(p.has_value());
    auto pending = p->store().blobs(true);
    REQUIRE(pending.has_value());
    CHECK(pending->empty());
}
