#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "shared/common/bytes.h"
#include "shared/crypto/ed25519.h"

using namespace ducha;
using namespace ducha::crypto;

namespace {

Bytes unhex(std::string_view h) {
    auto b = hex_decode(h);
    REQUIRE(b.has_value());
    return *b;
}

struct Vector {
    const char* seed;
    const char* pub;
    const char* message;
    const char* signature;
};

// RFC 8032 section 7.1, TEST 1 and TEST 2.
const Vector kVectors[] = {
    {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
     "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
    {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
     "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
};

}  // namespace

TEST_CASE("ed25519 RFC 8032 vectors sign and verify", "[crypto][ed25519]") {
    for (const auto& v : kVectors) {
        INFO(v.seed);
        auto kp = Ed25519KeyPair::from_seed(unhex(v.seed));
        REQUIRE(kp.has_value());
        CHECK(hex_encode(kp->seed()) == v.seed);
        CHECK(hex_encode(kp->public_key()) == v.pub);
        const Bytes msg = unhex(v.message);
        const Bytes sig = kp->sign(msg);
        CHECK(hex_encode(sig) == v.signature);  // Ed25519 is deterministic
        CHECK(ed25519_verify(unhex(v.pub), msg, unhex(v.signature)));
    }
}

TEST_CASE("ed25519 detects tampering", "[crypto][ed25519]") {
    const auto kp = Ed25519KeyPair::generate();
    REQUIRE(kp.public_key().size() == 32);
    REQUIRE(kp.seed().size() == 32);
    const std::string msg = "inspection 42: boiler room OK";
    const Bytes sig = kp.sign(msg);
    REQUIRE(sig.size() == 64);
    REQUIRE(ed25519_verify(kp.public_key(), msg, sig));

    SECTION("message") {
        for (std::size_t i = 0; i < msg.size(); ++i) {
            std::string m = msg;
            m[i] = static_cast<char>(m[i] ^ 0x01);
            CHECK_FALSE(ed25519_verify(kp.public_key(), m, sig));
        }
        CHECK_FALSE(ed25519_verify(kp.public_key(), msg + "x", sig));
        CHECK_FALSE(ed25519_verify(kp.public_key(), msg.substr(1), sig));
        CHECK_FALSE(ed25519_verify(kp.public_key(), "", sig));
    }
    SECTION("signature") {
        for (std::size_t i = 0; i < sig.size(); ++i) {
            Bytes s = sig;
            s[i] = static_cast<char>(s[i] ^ 0x80);
            CHECK_FALSE(ed25519_verify(kp.public_key(), msg, s));
        }
        CHECK_FALSE(ed25519_verify(kp.public_key(), msg, sig.substr(0, 63)));
        CHECK_FALSE(ed25519_verify(kp.public_key(), msg, sig + '\0'));
        CHECK_FALSE(ed25519_verify(kp.public_key(), msg, Bytes(64, '\0')));
    }
    SECTION("key") {
        for (std::size_t i = 0; i < 32; ++i) {
            Bytes k = kp.public_key();
            k[i] = static_cast<char>(k[i] ^ 0x04);
            CHECK_FALSE(ed25519_verify(k, msg, sig));
        }
        CHECK_FALSE(ed25519_verify(Ed25519KeyPair::generate().public_key(), msg, sig));
        CHECK_FALSE(ed25519_verify(kp.public_key().substr(0, 31), msg, sig));
        CHECK_FALSE(ed25519_verify(Bytes(), msg, sig));
    }
}

TEST_CASE("ed25519 keys from seeds", "[crypto][ed25519]") {
    const auto a = Ed25519KeyPair::generate();
    const auto b = Ed25519KeyPair::generate();
    CHECK(a.seed() != b.seed());
    CHECK(a.public_key() != b.public_key());

    auto again = Ed25519KeyPair::from_seed(a.seed());
    REQUIRE(again.has_value());
    CHECK(again->public_key() == a.public_key());
    CHECK(again->sign("x") == a.sign("x"));

    auto short_seed = Ed25519KeyPair::from_seed(Bytes(31, 'a'));
    REQUIRE_FALSE(short_seed.has_value());
    CHECK(short_seed.error().code == Errc::invalid_argument);
    CHECK_FALSE(Ed25519KeyPair::from_seed(Bytes(33, 'a')).has_value());
}

TEST_CASE("ed25519_verify is safe to call from several threads", "[crypto][ed25519]") {
    std::vector<Ed25519KeyPair> keys;
    std::vector<Bytes> sigs;
    for (int i = 0; i < 8; ++i) {
        keys.push_back(Ed25519KeyPair::generate());
        sigs.push_back(keys.back().sign("message " + std::to_string(i)));
    }
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int n = 0; n < 500; ++n) {
                const std::size_t i = static_cast<std::size_t>((n + t) % 8);
                const std::string msg = "message " + std::to_string(i);
                if (!ed25519_verify(keys[i].public_key(), msg, sigs[i])) ++wrong;
                if (ed25519_verify(keys[(i + 1) % 8].public_key(), msg, sigs[i])) ++wrong;
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(wrong.load() == 0);
}
