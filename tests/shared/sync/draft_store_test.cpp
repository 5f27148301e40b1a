#include <catch2/catch.hpp>

#include <filesystem>

#include "shared/crypto/random.h"
#include "shared/store/statement.h"
#include "shared/sync/device_profile.h"
#include "shared/support/temp_dir.h"

using namespace ducha;
using namespace ducha::sync;
namespace fs = std::filesystem;

namespace {
using ducha::test::TempDir;
}  // namespace

TEST_CASE("Drafts survive closing the profile and are sealed at rest", "[sync][draft]") {
    TempDir dir;
    const std::string secret = R"({"answers":{"L1":{"result":"fail","note":"无许可证 permit missing"}}})";
    {
        auto p = DeviceProfile::open(dir.path);
        REQUIRE(p);
        REQUIRE(p->drafts().save("task:t1", secret));
        REQUIRE(p->drafts().save("task:t1", secret + " "));  // the latest save wins
        REQUIRE(p->drafts().save("unlisted", "{}"));
    }
    auto p = DeviceProfile::open(dir.path);
    REQUIRE(p);
    auto got = p->drafts().load("task:t1");
    REQUIRE(got);
    REQUIRE(*got);
    CHECK(**got == secret + " ");
    auto none = p->drafts().load("task:nope");
    REQUIRE(none);
    CHECK_FALSE(*none);
    auto list = p->drafts().list();
    REQUIRE(list);
    CHECK(list->size() == 2);

    // On disk the note is not readable: the row holds AES-GCM ciphertext.
    store::Statement st{p->store().db(), "SELECT payload FROM draft WHERE key='task:t1'"};
    auto row = st.step();
    REQUIRE(row);
    REQUIRE(*row);
    CHECK(st.col_blob(0).find("permit missing") == std::string::npos);

    REQUIRE(p->drafts().remove("task:t1"));
    auto gone = p->drafts().load("task:t1");
    REQUIRE(gone);
    CHECK_FALSE(*gone);
}

TEST_CASE("A draft moved to another key is refused, not misread", "[sync][draft]") {
    TempDir dir;
    auto p = DeviceProfile::open(dir.path);
    REQUIRE(p);
    REQUIRE(p->drafts().save("task:a", "answers of a"));
    store::Statement mv{p->store().db(), "UPDATE draft SET key='task:b' WHERE key='task:a'"};
    REQUIRE(mv.run());
    auto r = p->drafts().load("task:b");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::integrity);
}
