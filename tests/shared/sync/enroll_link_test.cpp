#include <catch2/catch.hpp>

#include "shared/sync/enroll_link.h"

using namespace ducha;
using namespace ducha::sync;

TEST_CASE("An enrollment link round-trips server, code and pin", "[sync][enroll-link]") {
    EnrollLink l{"https://127.0.0.1:8443/base path", "ABCD-1234", "sha256//AfavI2bK+G6m/uat2OwuK7HQ="};
    const std::string text = make_enroll_link(l);
    CHECK(text.rfind("ducha://enroll?server=https%3A%2F%2F127.0.0.1%3A8443", 0) == 0);
    CHECK(text.find(' ') == std::string::npos);
    auto back = parse_enroll_link("  " + text + "\n");  // what a QR reader or a paste may add
    REQUIRE(back);
    CHECK(back->server_url == l.server_url);
    CHECK(back->code == l.code);
    CHECK(back->pin == l.pin);
}

TEST_CASE("A link without a pin is accepted and broken links say what is wrong", "[sync][enroll-link]") {
    auto ok = parse_enroll_link("ducha://enroll?server=https%3A%2F%2Fducha.example.cn&code=X1");
    REQUIRE(ok);
    CHECK(ok->pin.empty());
    struct Case {
        std::string text, says;
    };
    for (const auto& c : {Case{"https://ducha.example.cn", "ducha://enroll"},
                          Case{"ducha://enroll?server=http%3A%2F%2Fx&code=A", "https"},
                          Case{"ducha://enroll?server=https%3A%2F%2Fx", "no code"},
                          Case{"ducha://enroll?server=https%3A%2F%2Fx&code=A&pin=md5%2F%2Fz", "sha256//"},
                          Case{"ducha://enroll?server=https%3A%2F%2Fx&code=%G1", "%-escape"}}) {
        auto r = parse_enroll_link(c.text);
        INFO(c.text);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Errc::invalid_argument);
        CHECK(r.error().message().find(c.says) != std::string::npos);
        CHECK(r.error().message().find("注册二维码") != std::string::npos);
    }
}
