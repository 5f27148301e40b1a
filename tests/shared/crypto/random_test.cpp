#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <string>
#include <thread>

#include "shared/common/bytes.h"
#include "shared/crypto/random.h"

using namespace ducha;
using namespace ducha::crypto;

namespace {

// 8-4-4-4-12 lower-case hex; version nibble 7; variant nibble 8, 9, a or b.
// (Hand-written rather than std::regex, which trips GCC 12 warnings under the sanitizers.)
bool is_uuid_v7(const std::string& u) {
    if (u.size() != 36) return false;
    for (std::size_t i = 0; i < u.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const char c = u[i];
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return u[14] == '7' && std::string_view("89ab").find(u[19]) != std::string_view::npos;
}

}  // namespace

TEST_CASE("random_bytes gives the requested length and differs per call", "[crypto][random]") {
    CHECK(random_bytes(0).empty());
    CHECK(random_bytes(1).size() == 1);
    CHECK(random_bytes(100000).size() == 100000);
    CHECK(random_bytes(32) != random_bytes(32));

    // Crude sanity: 64 KiB of output should use every byte value.
    const Bytes big = random_bytes(65536);
    std::set<unsigned char> seen(big.begin(), big.end());
    CHECK(seen.size() == 256);
}

TEST_CASE("random_token is unpadded base64url", "[crypto][random]") {
    const std::string t = random_token();
    CHECK(t.size() == 43);  // 32 bytes
    CHECK(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
          std::string::npos);
    auto decoded = base64_decode(t);
    REQUIRE(decoded.has_value());
    CHECK(decoded->size() == 32);
    CHECK(random_token(16).size() == 22);
    CHECK(random_token() != random_token());
}

TEST_CASE("new_uuid is a time-ordered RFC 9562 version 7 uuid", "[crypto][random]") {
    CHECK(is_uuid_v7("123e4567-e89b-72d3-a456-426614174000"));
    CHECK_FALSE(is_uuid_v7("123e4567-e89b-42d3-a456-426614174000"));  // version 4
    CHECK_FALSE(is_uuid_v7("123e4567-e89b-72d3-c456-426614174000"));  // wrong variant
    CHECK_FALSE(is_uuid_v7("123E4567-e89b-72d3-a456-426614174000"));  // upper case

    std::set<std::string> all;
    std::set<char> variants;
    for (int i = 0; i < 10000; ++i) {
        const std::string u = new_uuid();
        REQUIRE(is_uuid_v7(u));
        variants.insert(u[19]);
        all.insert(u);
    }
    CHECK(all.size() == 10000);
    CHECK(variants.size() == 4);  // the free variant bits really are random

    // The first 48 bits are the time in milliseconds: ids made later sort later (across a
    // millisecond boundary), and the prefix is today's time.
    const std::string before = new_uuid();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const std::string after = new_uuid();
    CHECK(before < after);
    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count();
    const long long stamped = std::stoll(after.substr(0, 8) + after.substr(9, 4), nullptr, 16);
    CHECK(stamped <= now_ms);
    CHECK(stamped > now_ms - 60000);
}
