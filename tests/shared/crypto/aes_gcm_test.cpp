#include <catch2/catch.hpp>

#include "shared/common/bytes.h"
#include "shared/crypto/aes_gcm.h"
#include "shared/crypto/random.h"

using namespace ducha;
using namespace ducha::crypto;

TEST_CASE("aes-gcm round trip", "[crypto][aes_gcm]") {
    const Bytes key = random_bytes(32);
    for (std::size_t n : {0u, 1u, 15u, 16u, 17u, 1000u, 70000u}) {
        INFO(n);
        const Bytes plain = random_bytes(n);
        const Bytes sealed = aes_gcm_seal(key, plain, "aad");
        CHECK(sealed.size() == 12 + n + 16);
        if (n >= 16) CHECK(sealed.find(plain) == std::string::npos);
        auto opened = aes_gcm_open(key, sealed, "aad");
        REQUIRE(opened.has_value());
        CHECK(*opened == plain);
    }
    // Default (empty) aad.
    auto opened = aes_gcm_open(key, aes_gcm_seal(key, "hello"));
    REQUIRE(opened.has_value());
    CHECK(*opened == "hello");
}

TEST_CASE("aes-gcm uses a fresh nonce each time", "[crypto][aes_gcm]") {
    const Bytes key = random_bytes(32);
    const Bytes a = aes_gcm_seal(key, "same text");
    const Bytes b = aes_gcm_seal(key, "same text");
    CHECK(a.substr(0, 12) != b.substr(0, 12));
    CHECK(a != b);
}

TEST_CASE("aes-gcm opens a NIST known-answer vector", "[crypto][aes_gcm]") {
    // GCM spec test case 14: K = 0^256, IV = 0^96, P = 0^128.
    const Bytes key(32, '\0');
    const Bytes sealed = Bytes(12, '\0') + *hex_decode("cea7403d4d606b6e074ec5d3baf39d18") +
                         *hex_decode("d0d1c8a799996bf0265b98b5d48ab919");
    auto opened = aes_gcm_open(key, sealed);
    REQUIRE(opened.has_value());
    CHECK(*opened == Bytes(16, '\0'));

    // Test case 13: empty plaintext, only the tag.
    auto empty = aes_gcm_open(key, Bytes(12, '\0') + *hex_decode("530f8afbc74536b9a963b4f1c4cb738b"));
    REQUIRE(empty.has_value());
    CHECK(empty->empty());
}

TEST_CASE("aes-gcm rejects tampering", "[crypto][aes_gcm]") {
    const Bytes key = random_bytes(32);
    const Bytes sealed = aes_gcm_seal(key, "the inspection passed", "record-7");
    REQUIRE(aes_gcm_open(key, sealed, "record-7").has_value());

    SECTION("every byte: nonce, ciphertext and tag") {
        for (std::size_t i = 0; i < sealed.size(); ++i) {
            Bytes t = sealed;
            t[i] = static_cast<char>(t[i] ^ 0x01);
            auto r = aes_gcm_open(key, t, "record-7");
            REQUIRE_FALSE(r.has_value());
            CHECK(r.error().code == Errc::integrity);
        }
    }
    SECTION("aad") {
        auto r = aes_gcm_open(key, sealed, "record-8");
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::integrity);
        CHECK_FALSE(aes_gcm_open(key, sealed).has_value());
    }
    SECTION("wrong key") {
        auto r = aes_gcm_open(random_bytes(32), sealed, "record-7");
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::integrity);
    }
    SECTION("truncated or extended") {
        auto r = aes_gcm_open(key, sealed.substr(0, sealed.size() - 1), "record-7");
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Errc::integrity);
        CHECK_FALSE(aes_gcm_open(key, sealed + "x", "record-7").has_value());
    }
}

TEST_CASE("aes-gcm rejects malformed arguments", "[crypto][aes_gcm]") {
    const Bytes key = random_bytes(32);
    auto short_input = aes_gcm_open(key, Bytes(27, 'x'));
    REQUIRE_FALSE(short_input.has_value());
    CHECK(short_input.error().code == Errc::invalid_argument);

    const Bytes sealed = aes_gcm_seal(key, "x");
    auto short_key = aes_gcm_open(key.substr(0, 16), sealed);
    REQUIRE_FALSE(short_key.has_value());
    CHECK(short_key.error().code == Errc::invalid_argument);

    CHECK_THROWS_AS(aes_gcm_seal(Bytes(16, 'k'), "x"), std::invalid_argument);
}
