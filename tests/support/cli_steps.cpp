#include "support/cli_steps.h"

#include <catch2/catch.hpp>

#include <ctime>
#include <fstream>
#include <sstream>
#include <iterator>

#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "shared/sync/device_profile.h"

namespace ducha::test {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string> kItems = {"L1", "L2", "L3", "L4", "T1", "T2", "T3", "T4", "T5", "T6", "P1",
                                         "P2", "F1", "F2", "F3", "F4", "A1", "X1", "X2", "X3", "X4"};

std::string describe(const std::vector<std::string>& args, const CliResult& r) {
    std::string cmd;
    for (const auto& a : args) cmd += a + ' ';
    return "ducha " + cmd + "\n  rc=" + std::to_string(r.rc) + "\n  out: " + r.out + "\n  err: " + r.err;
}

CliResult run(const fs::path& profile, std::vector<std::string> args) {
    args.insert(args.begin(), {"--profile", profile.string()});
    return cli(args);
}

CliResult must(const fs::path& profile, const std::vector<std::string>& args) {
    auto r = run(profile, args);
    INFO(describe(args, r));
    REQUIRE(r.rc == 0);
    return r;
}

json cli_json(const fs::path& profile, const std::vector<std::string>& args) {
    auto r = must(profile, args);
    auto j = json::parse(r.out, nullptr, false);
    INFO(describe(args, r));
    REQUIRE(j.is_array());
    return j;
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
    return s;
}

std::string china_date(std::int64_t unix_s) {
    std::time_t t = static_cast<std::time_t>(unix_s + 8 * 3600);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

std::vector<std::string> printed_ids(const std::string& out) {
    std::vector<std::string> ids;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        if (line.size() == 36 && line[8] == '-') ids.push_back(line);
    return ids;
}

void write_file(const fs::path& p, std::string_view data) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    REQUIRE(out.good());
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

void queue_raw(const fs::path& profile, std::string_view collection, const std::string& id, std::int64_t base_version,
               const google::protobuf::Message& msg, std::vector<std::string> changed_fields) {
    auto p = sync::DeviceProfile::open(profile);
    REQUIRE(p.has_value());
    pb::Mutation m;
    m.set_collection(std::string(collection));
    m.set_id(id);
    m.set_base_version(base_version);
    m.set_payload(msg.SerializeAsString());
    if (domain::conflict_rule(collection) == domain::ConflictRule::field_lww)
        m.set_hlc(static_cast<std::uint64_t>(std::time(nullptr)) * 1000);
    for (auto& f : changed_fields) m.add_changed_fields(std::move(f));
    REQUIRE(p->store().enqueue(m).has_value());
}

fs::path synced_volunteer(TestServer& srv, const fs::path& dir, const DemoAccount& a) {
    const fs::path p = dir / "volunteer";
    must(p, {"enroll", "--server", srv.url(), "--code", a.code, "--pin", srv.pin()});
    must(p, {"sync"});
    return p;
}

std::string first_open_task(const fs::path& profile) {
    for (const auto& t : cli_json(profile, {"tasks", "--json"}))
        if (!t.value("covert", false)) return t["id"];
    FAIL("no open task on " << profile);
    return {};
}

fs::path write_answers(const fs::path& dir, const json& overrides) {
    json j = json::object();
    for (const auto& c : kItems) j[c] = "pass";
    for (const auto& [k, v] : overrides.items()) j[k] = v;
    auto p = dir / ("answers-" + crypto::random_token(6) + ".json");
    write_file(p, j.dump());
    return p;
}

}  // namespace ducha::test
