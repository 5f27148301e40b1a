// The keystore seam: the file keystore keeps one key for good and refuses a damaged file; a
// profile takes its key from whatever keystore it is given, says so when there is none, and a
// profile sealed under one key cannot be read under another.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "shared/crypto/random.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/keystore.h"
#include "shared/support/temp_dir.h"

using namespace ducha;
namespace fs = std::filesystem;

namespace {

using ducha::test::TempDir;

// A keystore in memory, or one that is locked (the phone's keystore before the user unlocks it).
class MemoryKeystore final : public sync::Keystore {
public:
    explicit MemoryKeystore(Bytes key) : m_key(std::move(key)) {}
    Result<Bytes> profile_key() override {
        if (m_key.empty()) return fail(Errc::storage, Msg::verbatim, "密钥库已锁定 / the keystore is locked");
        return m_key;
    }

private:
    Bytes m_key;
};

}  // namespace

TEST_CASE("the file keystore makes one key, keeps it private, and refuses a damaged file", "[keystore]") {
    TempDir dir;
    sync::FileKeystore ks{dir.path / "keystore.key"};
    auto first = ks.profile_key();
    REQUIRE(first.has_value());
    CHECK(first->size() == 32);
    struct stat st {};
    REQUIRE(::stat((dir.path / "keystore.key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto again = sync::FileKeystore{dir.path / "keystore.key"}.profile_key();
    REQUIRE(again.has_value());
    CHECK(*again == *first);

    std::ofstream(dir.path / "keystore.key", std::ios::binary | std::ios::trunc) << "short";
    auto damaged = ks.profile_key();
    REQUIRE_FALSE(damaged.has_value());
    CHECK(damaged.error().code == Errc::integrity);
    CHECK(damaged.error().message().find("the keystore file is damaged") != std::string::npos);
}

TEST_CASE("a profile takes its key from the keystore it is given", "[keystore]") {
    TempDir dir;
    SECTION("a locked keystore: the profile does not open, and says why") {
        MemoryKeystore locked{""};
        auto p = sync::DeviceProfile::open(dir.path / "p", locked);
        REQUIRE_FALSE(p.has_value());
        CHECK(p.error().code == Errc::storage);
        CHECK(p.error().message() == "密钥库已锁定 / the keystore is locked");
    }
    SECTION("a key from elsewhere: no key file beside the profile, and another key reads nothing") {
        MemoryKeystore ks{crypto::random_bytes(32)};
        {
            auto p = sync::DeviceProfile::open(dir.path / "p", ks);
            REQUIRE(p.has_value());
            pb::TokenResponse t;
            t.set_access_token("access-1");
            t.set_refresh_token("refresh-1");
            REQUIRE(p->store_tokens(t).has_value());
            auto back = p->access_token();
            REQUIRE(back.has_value());
            CHECK(*back == "access-1");
        }
        CHECK_FALSE(fs::exists(dir.path / "p" / "keystore.key"));
        MemoryKeystore other{crypto::random_bytes(32)};
        auto p = sync::DeviceProfile::open(dir.path / "p", other);
        REQUIRE(p.has_value());
        auto token = p->access_token();
        REQUIRE_FALSE(token.has_value());  // sealed under the first key
        auto same = sync::DeviceProfile::open(dir.path / "p", ks);
        REQUIRE(same.has_value());
        auto mine = same->refresh_token();
        REQUIRE(mine.has_value());
        CHECK(*mine == "refresh-1");
    }
}
