#include "tests/fuzz/support/fuzz_device.h"

#include <cstdio>
#include <cstdlib>

#include "shared/crypto/random.h"

namespace ducha::fuzz {

namespace fs = std::filesystem;

namespace {

void require(const Status& s, const char* what) {
    if (s) return;
    std::fprintf(stderr, "fuzz device: %s: %s\n", what, s.error().message().c_str());
    std::abort();
}

}  // namespace

FuzzDevice::FuzzDevice(const std::string& role, const std::string& user_id, const std::string& district_id) {
    m_dir = fs::temp_directory_path() / ("ducha-fuzz-device-" + crypto::random_token(9));
    auto p = sync::DeviceProfile::open(m_dir);
    if (!p) require(fail(p.error()), "open");
    m_profile.emplace(std::move(*p));
    for (auto [k, v] : {std::pair<std::string_view, std::string>{"server_url", "https://127.0.0.1:8443"},
                        {"pin", "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="},
                        {"device_id", "dev-fuzz"},
                        {"user_id", user_id},
                        {"role", role},
                        {"user_name", "模糊测试"},
                        {"district_id", district_id},
                        {"server_public_key", std::string(32, '\x01')}})
        require(store().set_meta(k, v), "meta");
}

FuzzDevice::~FuzzDevice() {
    m_profile.reset();
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

void FuzzDevice::put(std::string_view collection, const std::string& id, const google::protobuf::Message& msg,
                     std::int64_t version) {
    pb::Record r;
    r.set_collection(std::string(collection));
    r.set_id(id);
    r.set_version(version);
    r.set_payload(msg.SerializeAsString());
    r.set_seq(++m_seq);
    r.set_updated_at(1700000000000);
    require(store().apply_remote(r), "put");
}

void FuzzDevice::rolled_back(const std::function<void()>& input) {
    require(store().db().exec("BEGIN"), "begin");
    input();
    require(store().db().exec("ROLLBACK"), "rollback");
}

}  // namespace ducha::fuzz
