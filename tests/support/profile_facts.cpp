#include "suite_database.h"
#include "support/profile_facts.h"

#include "server/service/server_app.h"
#include "shared/store/statement.h"

namespace ducha::test {

sync::Identity identity_of(const std::filesystem::path& profile) {
    auto p = sync::DeviceProfile::open(profile);
    REQUIRE(p.has_value());
    auto id = p->identity();
    REQUIRE(id.has_value());
    return *id;
}

std::string access_token_of(const std::filesystem::path& profile) {
    auto p = sync::DeviceProfile::open(profile);
    REQUIRE(p.has_value());
    auto t = p->access_token();
    REQUIRE(t.has_value());
    return *t;
}

std::optional<std::string> server_payload(const std::filesystem::path& data_dir, std::string_view collection,
                                          const std::string& id) {
    auto db = server_db(data_dir);
    REQUIRE(db);
    store::Statement st{*db, "SELECT payload FROM record WHERE collection=?1 AND id=?2 AND deleted=0"};
    st.bind(1, collection).bind(2, id);
    auto row = st.step();
    REQUIRE(row.has_value());
    if (!*row) return std::nullopt;
    return st.col_blob(0);
}

}  // namespace ducha::test
