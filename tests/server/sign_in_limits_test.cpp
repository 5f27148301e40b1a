// One network address may try to get tokens (enroll, refresh, device sign-in) only so often: past
// --max-sign-ins-per-minute it gets 429 rate_limited with Retry-After, its body unread, while
// devices that already hold a token sync on. The bucket refills with the server's clock (a clock
// of the test's own here, so nothing waits). Real server on 127.0.0.1, real TLS, real CLI profiles.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "ducha.pb.h"
#include "server/service/attempt_limiter.h"
#include "server/service/server_app.h"
#include "shared/common/clock.h"
#include "shared/common/wire_error.h"
#include "shared/crypto/random.h"
#include "shared/sync/curl_transport.h"
#include "support/cli_steps.h"
#include "support/test_server.h"

using namespace ducha;
using namespace ducha::test;

namespace {

struct LimitedServer {
    ManualClock clock;
    TestServer srv{TestServerOptions{true, &clock, {}, [](server::ServeOptions& o) { o.sign_ins_per_minute = 3; }, {}}};

    sync::HttpReply refresh_with(const std::string& refresh_token) {
        sync::TransportConfig cfg;
        cfg.base_url = srv.url();
        cfg.pin = srv.pin();
        sync::CurlTransport http{cfg};
        pb::RefreshRequest req;
        req.set_refresh_token(refresh_token);
        auto r = http.request("POST", "/v1/token/refresh", req.SerializeAsString(), {{"Content-Type", "application/x-protobuf"}});
        REQUIRE(r.has_value());
        return *r;
    }
};

Errc code_of(const sync::HttpReply& r) { return wire::from_reply(r.status, r.body, r.headers).code(); }

}  // namespace

TEST_CASE("an address past its sign-in attempts gets 429 until its bucket refills", "[limits][auth]") {
    LimitedServer s;
    TempDir tmp;
    // A device enrolled before the flood (one attempt of the three).
    must(tmp / "phone", {"enroll", "--server", s.srv.url(), "--code", s.srv.account("volunteer").code, "--pin", s.srv.pin()});

    // Guessing refresh tokens: the next two attempts are judged (401), then the address is refused.
    CHECK(code_of(s.refresh_with(crypto::random_token(32))) == Errc::unauthorized);
    CHECK(code_of(s.refresh_with(crypto::random_token(32))) == Errc::unauthorized);
    auto refused = s.refresh_with(crypto::random_token(32));
    CHECK(refused.status == 429);
    CHECK(code_of(refused) == Errc::rate_limited);
    CHECK(refused.headers["retry-after"] == "30");
    CHECK(contains(refused.body, "at most 3 a minute"));
    CHECK(wire::action_for(Errc::rate_limited) == wire::Action::retry_later);

    // A real enrollment from the same address waits too, and says why.
    auto late = run(tmp / "late", {"enroll", "--server", s.srv.url(), "--code", s.srv.account("volunteer", 1).code, "--pin",
                                   s.srv.pin()});
    CHECK(late.rc != 0);
    CHECK(contains(late.err, "too many sign-in attempts"));

    // A device that holds a token is not counted: it syncs on.
    must(tmp / "phone", {"sync"});

    // 20 s later a third of a minute's worth is back: one attempt, and the code was not used up.
    s.clock.advance(std::chrono::seconds(20));
    must(tmp / "late", {"enroll", "--server", s.srv.url(), "--code", s.srv.account("volunteer", 1).code, "--pin", s.srv.pin()});
    CHECK(s.refresh_with(crypto::random_token(32)).status == 429);
    must(tmp / "phone", {"sync"});
}

TEST_CASE("the attempt limiter counts per address and strips the port", "[limits]") {
    ManualClock clock;
    server::AttemptLimiter limiter{2, clock};
    CHECK(limiter.allow("10.0.0.1"));
    CHECK(limiter.allow("10.0.0.1"));
    CHECK_FALSE(limiter.allow("10.0.0.1"));
    CHECK(limiter.allow("10.0.0.2"));  // another address has its own bucket
    clock.advance(std::chrono::seconds(30));          // half a minute: one of two back
    CHECK(limiter.allow("10.0.0.1"));
    CHECK_FALSE(limiter.allow("10.0.0.1"));
    clock.advance(-std::chrono::hours(1));  // a clock set back gives nothing back
    CHECK_FALSE(limiter.allow("10.0.0.1"));

    server::AttemptLimiter unlimited{0, clock};
    for (int i = 0; i < 1000; ++i) REQUIRE(unlimited.allow("10.0.0.1"));

    CHECK(server::AttemptLimiter::address_of("127.0.0.1:54321") == "127.0.0.1");
    CHECK(server::AttemptLimiter::address_of("[::1]:54321") == "::1");
    CHECK(server::AttemptLimiter::address_of("[2001:db8::7]:443") == "2001:db8::7");
    CHECK(server::AttemptLimiter::address_of("2001:db8::7") == "2001:db8::7");
    CHECK(server::AttemptLimiter::address_of("") == "");
}
