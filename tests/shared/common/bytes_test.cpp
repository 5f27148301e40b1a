#include <catch2/catch.hpp>

#include "shared/common/bytes.h"

using namespace ducha;

TEST_CASE("hex encodes lower-case and round-trips", "[common][bytes]") {
    CHECK(hex_encode("") == "");
    CHECK(hex_encode(std::string("\x00\xff\x10" "ab", 5)) == "00ff106162");
    CHECK(hex_decode("00ff106162") == std::string("\x00\xff\x10" "ab", 5));
    CHECK(hex_decode("00FF10") == std::string("\x00\xff\x10", 3));
    CHECK(hex_decode("") == std::string());

    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    CHECK(hex_decode(hex_encode(all)) == all);
}

TEST_CASE("hex_decode rejects bad input", "[common][bytes]") {
    CHECK_FALSE(hex_decode("0").has_value());
    CHECK_FALSE(hex_decode("abc").has_value());
    CHECK_FALSE(hex_decode("0g").has_value());
    CHECK_FALSE(hex_decode("g0").has_value());
    CHECK_FALSE(hex_decode("0 ").has_value());
    CHECK_FALSE(hex_decode("-1").has_value());
    CHECK_FALSE(hex_decode(std::string("0\0", 2)).has_value());
}

TEST_CASE("base64 matches the RFC 4648 vectors", "[common][bytes]") {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, encoded] : vectors) {
        INFO(plain);
        CHECK(base64_encode(plain) == encoded);
        CHECK(base64_decode(encoded) == std::string(plain));
        std::string unpadded = encoded;
        while (!unpadded.empty() && unpadded.back() == '=') unpadded.pop_back();
        CHECK(base64url_encode(plain) == unpadded);
        CHECK(base64_decode(unpadded) == std::string(plain));
    }
}

TEST_CASE("base64 alphabets differ only in 62 and 63", "[common][bytes]") {
    const std::string data("\xfb\xff\xbf", 3);
    CHECK(base64_encode(data) == "+/+/");
    CHECK(base64url_encode(data) == "-_-_");
    CHECK(base64_decode("+/+/") == data);
    CHECK(base64_decode("-_-_") == data);
    CHECK(base64_encode(std::string("\xfb\xff", 2)) == "+/8=");
    CHECK(base64url_encode(std::string("\xfb\xff", 2)) == "-_8");
}

TEST_CASE("base64 round-trips every length and byte", "[common][bytes]") {
    std::string data;
    for (int n = 0; n < 100; ++n) {
        INFO(n);
        REQUIRE(base64_decode(base64_encode(data)) == data);
        REQUIRE(base64_decode(base64url_encode(data)) == data);
        CHECK(base64_encode(data).size() == (data.size() + 2) / 3 * 4);
        CHECK(base64url_encode(data).find_first_of("+/=") == std::string::npos);
        data += static_cast<char>(n * 37 + 200);
    }
}

TEST_CASE("base64_decode rejects bad input", "[common][bytes]") {
    CHECK_FALSE(base64_decode("Z").has_value());        // 6 bits cannot make a byte
    CHECK_FALSE(base64_decode("Zm9vY").has_value());
    CHECK_FALSE(base64_decode("Zg=").has_value());      // padding that does not complete the quantum
    CHECK_FALSE(base64_decode("Zm9v=").has_value());
    CHECK_FALSE(base64_decode("Zg===").has_value());
    CHECK_FALSE(base64_decode("=").has_value());
    CHECK_FALSE(base64_decode("Z=g=").has_value());     // padding in the middle
    CHECK_FALSE(base64_decode("Zm 9v").has_value());
    CHECK_FALSE(base64_decode("Zm9v\n").has_value());
    CHECK_FALSE(base64_decode("Zm9*").has_value());
    CHECK_FALSE(base64_decode("Zh==").has_value());     // non-zero leftover bits
    CHECK_FALSE(base64_decode("Zm9=").has_value());
    CHECK_FALSE(base64_decode(std::string("Zm9\0", 4)).has_value());
}
