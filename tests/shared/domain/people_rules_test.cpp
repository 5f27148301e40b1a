// The rules about a person that the import, the desk, the server's write rules and the public
// badge check share: how a phone number is written and compared, what a badge photo must be.
#include <catch2/catch.hpp>

#include "shared/common/bytes.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/badge_photo.h"
#include "shared/domain/phone_number.h"

using namespace ducha;
using namespace ducha::domain;

TEST_CASE("people rules: phone numbers are 7 to 15 digits and compare by their digits", "[domain][people]") {
    for (std::string_view ok : {"13812345678", "138-1234-5678", "+86 138 1234 5678", "0412-5551234", "5551234"})
        CHECK(phone_well_formed(ok));
    for (std::string_view bad : {"", "123456", "1234567890123456", "138--1234", "-1381234567", "1381234567-", "138x1234567",
                                 "++8613812345678", "138 1234 567 ", "+"})
        CHECK_FALSE(phone_well_formed(bad));
    CHECK(phone_digits("+86 138-1234") == "861381234");
    CHECK(phone_digits("138-1234-5678") == phone_digits("13812345678"));
}

TEST_CASE("people rules: a badge photo is a JPEG or PNG picture of at most 1 MiB", "[domain][people][badge]") {
    const std::string jpeg = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(1000, 'j');
    const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(1000, 'p');
    CHECK(badge_photo_mime(jpeg) == "image/jpeg");
    CHECK(badge_photo_mime(png) == "image/png");
    CHECK(check_badge_photo_bytes(jpeg));
    CHECK(check_badge_photo_bytes(png));

    SECTION("anything else is refused by name") {
        for (const std::string& bad : {std::string(), std::string("GIF89a") + std::string(100, 'g'), std::string("%PDF-1.7"),
                                       std::string("\xFF\xD8", 2), std::string("<svg xmlns=...>")}) {
            auto s = check_badge_photo_bytes(bad);
            REQUIRE_FALSE(s);
            CHECK(s.error().what == Msg::badge_photo_not_image);
        }
    }
    SECTION("a full-size camera photo must be made smaller first") {
        const std::string big = std::string("\xFF\xD8\xFF\xE1", 4) + std::string(kBadgePhotoMaxBytes, 'x');
        auto s = check_badge_photo_bytes(big);
        REQUIRE_FALSE(s);
        CHECK(s.error().code == Errc::too_large);
        CHECK(s.error().args.at(0) == std::to_string(big.size()));
        CHECK(check_badge_photo_bytes(big.substr(0, kBadgePhotoMaxBytes)));
    }
    SECTION("the reference names the picture by hash, size and type") {
        auto ref = badge_photo_ref(png);
        CHECK(ref.sha256() == crypto::sha256(png));
        CHECK(ref.size() == static_cast<std::int64_t>(png.size()));
        CHECK(ref.mime() == "image/png");
        CHECK(ref.kind() == "badge_photo");
        CHECK(check_badge_photo_ref(ref));

        auto broken = [&](auto change) {
            pb::BlobRef r = ref;
            change(r);
            auto s = check_badge_photo_ref(r);
            REQUIRE_FALSE(s);
            CHECK(s.error().what == Msg::badge_photo_ref_malformed);
        };
        broken([](pb::BlobRef& r) { r.set_sha256("short"); });
        broken([](pb::BlobRef& r) { r.set_size(0); });
        broken([](pb::BlobRef& r) { r.set_size(kBadgePhotoMaxBytes + 1); });
        broken([](pb::BlobRef& r) { r.set_mime("image/svg+xml"); });
        broken([](pb::BlobRef& r) { r.set_mime("text/html"); });
        broken([](pb::BlobRef& r) { r.set_kind("photo"); });
    }
}
