// Golden scope digests (tests/data/golden/README.md). A device sends the digest of its scope with
// every pull; when it differs from the one the server computes, the server answers "reset" and the
// device downloads its whole scope again. A change to how the digest is made therefore sends every
// enrolled device back to a full download on its next sync, even though no one's scope changed.
#include <catch2/catch.hpp>

#include "server/policy/policy.h"
#include "shared/common/bytes.h"
#include "shared/crypto/sha256.h"
#include "shared/support/golden.h"

using namespace ducha;
using namespace ducha::server;
using ducha::test::check_golden;

namespace {

PolicyLookup fixed_lookup() {
    PolicyLookup l;
    l.task = [](const std::string&) { return std::optional<pb::Task>{}; };
    l.user = [](const std::string&) { return std::optional<pb::User>{}; };
    l.report = [](const std::string&) { return std::optional<pb::Report>{}; };
    l.assignments_of = [](const std::string& user_id) {
        std::vector<pb::Assignment> out;
        pb::Assignment zone;
        zone.set_user_id(user_id);
        zone.set_district_id("district-tiedong");
        zone.set_zone_id("zone-胜利");
        out.push_back(zone);
        pb::Assignment inst;
        inst.set_user_id(user_id);
        inst.set_district_id("district-tiedong");
        inst.set_institution_id("inst-0042");
        out.push_back(inst);
        return out;
    };
    // A drawn task elsewhere, and one on an institution already assigned (counted once).
    l.task_institutions_of = [](const std::string&) { return std::vector<std::string>{"inst-far-7", "inst-0042"}; };
    l.district_ids = [] { return std::vector<std::string>{"district-tiexi", "district-tiedong", "district-lishan"}; };
    return l;
}

Principal principal(const std::string& user_id, const std::string& role, const std::string& district) {
    pb::User u;
    u.set_name("golden " + role);
    u.set_role(role);
    u.set_district_id(district);
    u.set_active(true);
    return make_principal(user_id, u, "dev-" + user_id, fixed_lookup());
}

// The digest as documented on Principal: SHA-256 over the sorted keys, each followed by '\n'.
Bytes digest_of(const std::vector<std::string>& keys) {
    std::string all;
    for (const auto& k : keys) all += k + "\n";
    return crypto::sha256(all);
}

}  // namespace

TEST_CASE("golden: scope digests of a volunteer, a coordinator, a supervisor and an admin", "[golden][policy]") {
    struct Case {
        std::string user_id, role, district, file;
        std::vector<std::string> keys;
    };
    const std::vector<Case> cases{
        {"user-vol-017", "volunteer", "district-tiedong", "scope-digest-volunteer.hex",
         {"all", "i:inst-0042", "i:inst-far-7", "u:user-vol-017", "z:zone-胜利"}},
        {"user-co-003", "coordinator", "district-tiedong", "scope-digest-coordinator.hex",
         {"all", "d:district-tiedong", "u:user-co-003"}},
        {"user-sup-001", "supervisor", "", "scope-digest-supervisor.hex",
         {"all", "d:district-lishan", "d:district-tiedong", "d:district-tiexi", "sup", "u:user-sup-001"}},
        {"user-admin", "admin", "", "scope-digest-admin.hex",
         {"adm", "all", "d:district-lishan", "d:district-tiedong", "d:district-tiexi", "sup", "u:user-admin"}},
    };
    for (const auto& c : cases) {
        INFO(c.role);
        const auto p = principal(c.user_id, c.role, c.district);
        CHECK(p.keys == c.keys);
        CHECK(p.scope_digest == digest_of(p.keys));
        check_golden(c.file, hex_encode(p.scope_digest) + "\n");
    }
}

TEST_CASE("golden: the scope digest depends on the keys only, not on the device or the user's name", "[golden][policy]") {
    const auto a = principal("user-co-003", "coordinator", "district-tiedong");
    pb::User renamed;
    renamed.set_name("another name");
    renamed.set_role("coordinator");
    renamed.set_district_id("district-tiedong");
    const auto b = make_principal("user-co-003", renamed, "dev-second-phone", fixed_lookup());
    CHECK(a.scope_digest == b.scope_digest);
    CHECK(a.scope_digest != principal("user-co-003", "coordinator", "district-tiexi").scope_digest);
}
