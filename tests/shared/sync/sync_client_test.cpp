#include <catch2/catch.hpp>

#include <deque>

#include "shared/support/desk_fixture.h"
#include "shared/sync/sync_client.h"

using namespace ducha;
using namespace ducha::sync;

namespace {

// Answers from a list and records what was asked (the server's side of an upload, scripted).
class ListTransport final : public HttpTransport {
public:
    ListTransport(std::deque<HttpReply>& replies, std::vector<std::string>& asked, TransportConfig cfg)
        : m_replies(replies), m_asked(asked), m_cfg(std::move(cfg)) {}
    Result<HttpReply> request(const std::string& method, const std::string& path, const std::string&,
                              const std::map<std::string, std::string>& headers) override {
        auto range = headers.find("Content-Range");
        m_asked.push_back(method + " " + path + (range == headers.end() ? "" : " " + range->second));
        if (m_replies.empty()) return fail(Errc::network, Msg::verbatim, "no more replies");
        auto r = std::move(m_replies.front());
        m_replies.pop_front();
        return r;
    }
    const TransportConfig& config() const override { return m_cfg; }

private:
    std::deque<HttpReply>& m_replies;
    std::vector<std::string>& m_asked;
    TransportConfig m_cfg;
};

}  // namespace

// Found by the sync_reply fuzz target: a HEAD answer whose Upload-Offset is no number a device can
// hold ended the app (an uncaught std::out_of_range). The offset is the server's word: a device that
// cannot read it uploads the file from its start.
TEST_CASE("an Upload-Offset that is no number starts the upload over instead of crashing", "[sync][fuzz]") {
    for (std::string offset : {"99999999999999999999999", "-5", "abc", ""}) {
        INFO("Upload-Offset: " << offset);
        test::DeskDevice dev{test::Enrolled{"u-vol", "volunteer", "d-1"}};
        auto hex = dev.profile().save_blob("a photo of the classroom");
        REQUIRE(hex.has_value());
        BlobItem blob;
        blob.sha256_hex = *hex;
        blob.size = 24;
        blob.mime = "image/jpeg";
        REQUIRE(dev.store().add_blob(blob));
        // Part of it went before, so the device asks the server where its copy stands.
        REQUIRE(dev.store().blob_progress(*hex, 5, false));

        std::deque<HttpReply> replies;
        replies.push_back(HttpReply{200, "", {{"upload-offset", offset}}});  // HEAD
        replies.push_back(HttpReply{201, R"({"complete":true,"received":24})", {}});  // PUT
        pb::SyncResponse done;
        replies.push_back(HttpReply{200, done.SerializeAsString(), {}});  // the pull
        std::vector<std::string> asked;
        SyncClient::Config cfg;
        cfg.sleep = [](std::chrono::milliseconds) {};
        cfg.transport = [&](const TransportConfig& tc) { return std::make_unique<ListTransport>(replies, asked, tc); };
        SyncClient client{dev.profile(), cfg};
        auto r = client.sync_once();
        REQUIRE(r.has_value());
        CHECK(r->blobs_uploaded == 1);
        REQUIRE(asked.size() == 3);
        CHECK(asked[1] == "PUT /v1/blobs/" + *hex + " bytes 0-23/24");
    }
}

// A photo that fits in one chunk and nothing of which went before is sent at once, without asking
// where the server's copy stands (one round trip and one scope lookup fewer per photo).
TEST_CASE("a new one-chunk photo goes without a HEAD", "[sync][upload]") {
    test::DeskDevice dev{test::Enrolled{"u-vol", "volunteer", "d-1"}};
    const std::string photo(20, 'p');
    auto hex = dev.profile().save_blob(photo);
    REQUIRE(hex.has_value());
    BlobItem blob;
    blob.sha256_hex = *hex;
    blob.size = 20;
    blob.mime = "image/jpeg";
    REQUIRE(dev.store().add_blob(blob));

    std::deque<HttpReply> replies;
    replies.push_back(HttpReply{201, R"({"complete":true,"received":20})", {}});  // PUT 0-19
    pb::SyncResponse done;
    replies.push_back(HttpReply{200, done.SerializeAsString(), {}});  // the pull
    std::vector<std::string> asked;
    SyncClient::Config cfg;
    cfg.sleep = [](std::chrono::milliseconds) {};
    cfg.transport = [&](const TransportConfig& tc) { return std::make_unique<ListTransport>(replies, asked, tc); };
    SyncClient client{dev.profile(), cfg};
    auto r = client.sync_once();
    REQUIRE(r.has_value());
    CHECK(r->blobs_uploaded == 1);
    REQUIRE(asked.size() == 2);
    CHECK(asked[0] == "PUT /v1/blobs/" + *hex + " bytes 0-19/20");
    auto left = dev.store().blobs(true);
    REQUIRE(left.has_value());
    CHECK(left->empty());
}
