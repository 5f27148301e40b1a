// A request's body is read only once its headers allow it: an endpoint that takes a token refuses
// a missing or unknown one before reading the body, and the endpoints without a token take small
// bodies only. Through the wire: a real server on 127.0.0.1 and a raw TLS client that sends the
// headers and a first piece of the body, then waits, so an answer proves the rest was not awaited.
#include <catch2/catch.hpp>

#include <array>
#include <chrono>
#include <functional>
#include <sstream>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>

#include "shared/common/wire_error.h"
#include "shared/sync/curl_transport.h"
#include "support/cli_steps.h"
#include "support/profile_facts.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;
using namespace std::chrono_literals;
namespace net = boost::asio;
namespace beast = boost::beast;

namespace {

struct Exchange {
    std::string received;
    bool closed_by_server = false;  // the server ended the connection, not our time limit
    std::chrono::milliseconds elapsed{0};
};

// Sends `data` over TLS and reads until the server closes or `limit` passes; never sends more.
Exchange send_and_wait(const std::string& url, const std::string& data, std::chrono::seconds limit = 20s) {
    const auto port = static_cast<std::uint16_t>(std::stoi(url.substr(url.rfind(':') + 1)));
    Exchange r;
    net::io_context ioc;
    net::ssl::context ctx(net::ssl::context::tls_client);
    ctx.set_verify_mode(net::ssl::verify_none);
    net::ssl::stream<beast::tcp_stream> s(ioc, ctx);
    beast::get_lowest_layer(s).expires_after(limit);
    std::array<char, 4096> buf{};
    std::function<void()> read_all = [&] {
        s.async_read_some(net::buffer(buf), [&](boost::system::error_code ec, std::size_t n) {
            r.received.append(buf.data(), n);
            if (ec) {
                r.closed_by_server = ec != beast::error::timeout;
                return;
            }
            read_all();
        });
    };
    const auto start = std::chrono::steady_clock::now();
    beast::get_lowest_layer(s).async_connect(
        net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port), [&](boost::system::error_code ec) {
            if (ec) return;
            s.async_handshake(net::ssl::stream_base::client, [&](boost::system::error_code ec) {
                if (ec) return;
                // Reads while it writes: an answer may come before the last byte is sent.
                read_all();
                net::async_write(s, net::buffer(data), [](boost::system::error_code, std::size_t) {});
            });
        });
    ioc.run();
    r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    return r;
}

// A POST announcing `announced` body bytes, of which only the first KiB follows.
std::string post_head(const std::string& path, std::size_t announced, const std::string& extra = "") {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-protobuf\r\n" + extra +
           "Content-Length: " + std::to_string(announced) + "\r\n\r\n" + std::string(1024, 'x');
}

bool starts_with_status(const Exchange& e, int status) {
    return e.received.rfind("HTTP/1.1 " + std::to_string(status) + " ", 0) == 0;
}

}  // namespace

TEST_CASE("an endpoint without a token takes a small body only, and says so before reading it", "[server][http][limits]") {
    TestServer srv;
    // 1 MiB announced to /v1/enroll: 413 at once, with only 1 KiB of it sent.
    auto enroll = send_and_wait(srv.url(), post_head("/v1/enroll", 1024 * 1024));
    INFO(enroll.received);
    CHECK(starts_with_status(enroll, 413));
    CHECK(contains(enroll.received, "\"error\":\"too_large\""));
    CHECK(contains(enroll.received, "Ducha-Error: too_large\r\n"));  // as every error reply, from whichever layer
    CHECK(contains(enroll.received, "65536"));
    CHECK(contains(enroll.received, "Connection: close"));
    CHECK(enroll.closed_by_server);
    CHECK(enroll.elapsed < 15s);  // the read timeout (30 s) would have come first had it waited

    // A chunked body is counted as it arrives.
    const std::string chunk(70 * 1024, 'y');
    std::ostringstream hex;
    hex << std::hex << chunk.size();
    auto chunked = send_and_wait(srv.url(), "POST /v1/token/refresh HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                                                hex.str() + "\r\n" + chunk + "\r\n0\r\n\r\n");
    CHECK(starts_with_status(chunked, 413));

    // Through the device's own transport (which asks before sending a body over 1 MiB): the same answer.
    sync::TransportConfig cfg;
    cfg.base_url = srv.url();
    cfg.pin = srv.pin();
    sync::CurlTransport http{cfg};
    auto big = http.request("POST", "/v1/enroll", std::string(1024 * 1024 + 1, 'z'), {{"Content-Type", "application/x-protobuf"}});
    INFO((big ? std::string("HTTP ") + std::to_string(big->status) : big.error().message()));
    REQUIRE(big.has_value());
    CHECK(big->status == 413);
    CHECK(wire::from_reply(big->status, big->body, big->headers).code() == Errc::too_large);

    // A body of ordinary size still enrolls.
    TempDir tmp;
    must(tmp / "p", {"enroll", "--server", srv.url(), "--code", srv.account("volunteer").code, "--pin", srv.pin()});
}

TEST_CASE("a body sent without a valid token is refused with 401 before it is read", "[server][http][limits]") {
    TestServer srv;
    const std::size_t ten_mib = 10 * 1024 * 1024;
    for (const std::string auth : {"", "Authorization: Bearer not-a-token\r\n"}) {
        INFO("header: " << auth);
        auto r = send_and_wait(srv.url(), post_head("/v1/sync", ten_mib, auth));
        INFO(r.received);
        CHECK(starts_with_status(r, 401));
        CHECK(contains(r.received, "\"error\":\"unauthorized\""));
        CHECK(r.closed_by_server);
        CHECK(r.elapsed < 15s);
    }
    // A blob chunk too.
    auto blob = send_and_wait(srv.url(), "PUT /v1/blobs/" + std::string(64, 'a') + " HTTP/1.1\r\nHost: x\r\nContent-Length: 4000000\r\n\r\n" +
                                             std::string(1024, 'x'));
    CHECK(starts_with_status(blob, 401));

    // With a token the same body size is read and judged as ever (here: not a SyncRequest).
    TempDir tmp;
    must(tmp / "p", {"enroll", "--server", srv.url(), "--code", srv.account("volunteer").code, "--pin", srv.pin()});
    sync::TransportConfig cfg;
    cfg.base_url = srv.url();
    cfg.pin = srv.pin();
    sync::CurlTransport http{cfg};
    auto with_token = http.request("POST", "/v1/sync", std::string(ten_mib, '\xff'),
                                   {{"Authorization", "Bearer " + access_token_of(tmp / "p")}});
    REQUIRE(with_token.has_value());
    CHECK(with_token->status == 400);
    CHECK(with_token->header("ducha-error") == "malformed");
    auto without = http.request("POST", "/v1/sync", std::string(ten_mib, '\xff'), {});
    REQUIRE(without.has_value());
    CHECK(without->status == 401);
    CHECK(without->header("ducha-error") == "unauthorized");
}
