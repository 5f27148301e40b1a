#include "test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "server/demo/demo_data.h"
#include "server/storage/record_table.h"
#include "shared/cli/cli_app.h"
#include "shared/crypto/random.h"
#include "shared/domain/collections.h"
#include "suite_database.h"

namespace ducha::test {

namespace fs = std::filesystem;

std::vector<DemoAccount> read_codes(const fs::path& data_dir) {
    std::ifstream in(data_dir / "enrollment-codes.csv");
    std::vector<DemoAccount> out;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string x;
        while (std::getline(ss, x, ',')) f.push_back(x);
        if (f.size() == 5) out.push_back({f[0], f[1], f[2], f[3], f[4]});
    }
    return out;
}

std::string init_data_dir(const fs::path& dir, bool demo, const std::string& database_url) {
    std::ostringstream out;
    server::InitOptions o;
    o.data_dir = dir;
    o.database_url = database_url.empty() ? new_suite_database(dir) : database_url;
    if (!database_url.empty()) remember_suite_database(dir, database_url);
    o.demo = demo;
    if (demo) o.seed = [](std::int64_t now) { return server::make_demo_data(2023, now); };
    if (auto r = server::init_data_dir(o, out); !r) throw std::runtime_error("init: " + r.error().message());
    auto text = out.str();
    auto p = text.find("admin enrollment code: ");
    if (p == std::string::npos) throw std::runtime_error("init printed no admin code: " + text);
    auto e = text.find('\n', p);
    return text.substr(p + 23, e - p - 23);
}

TestServer::TestServer(bool demo, const Clock* clock) : TestServer(TestServerOptions{demo, clock, {}, {}, {}}) {}

TestServer::TestServer(TestServerOptions opt) : m_data(opt.data_dir.empty() ? m_dir.path : opt.data_dir) {
    m_admin_code = init_data_dir(m_data, opt.demo, opt.database_url);
    if (opt.demo) m_accounts = read_codes(m_data);
    m_serve.data_dir = m_data;
    m_serve.database_url = suite_database_of(m_data);
    m_serve.listen = "127.0.0.1:0";
    m_serve.clock = opt.clock;
    if (opt.adjust) opt.adjust(m_serve);
    auto app = server::ServerApp::start(m_serve);
    if (!app) throw std::runtime_error("start: " + app.error().message());
    m_app = std::move(*app);
}

void TestServer::restart() {
    const std::uint16_t port = m_app->port();
    m_app.reset();
    m_serve.listen = "127.0.0.1:" + std::to_string(port);
    // Between the stop and the start another test's connection may take the port as its own local
    // port (the kernel hands out the same range for both): wait for it to go, a few seconds at most.
    for (int attempt = 0;; ++attempt) {
        auto app = server::ServerApp::start(m_serve);
        if (app) {
            m_app = std::move(*app);
            return;
        }
        if (app.error().code != Errc::network || attempt == 50)
            throw std::runtime_error("restart: " + app.error().message());
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

TestServer::~TestServer() { m_app.reset(); }

const DemoAccount& TestServer::account(const std::string& role, int n, const std::string& district) const {
    for (const auto& a : m_accounts)
        if (a.role == role && (district.empty() || a.district == district) && n-- == 0) return a;
    throw std::runtime_error("no demo account " + role + " " + district);
}

std::int64_t TestServer::count(const std::string& collection) {
    auto db = server::open_server_connection(m_data, m_serve.database_url);
    if (!db) throw std::runtime_error(db.error().message());
    auto n = server::RecordTable{**db}.count(collection);
    if (!n) throw std::runtime_error(n.error().message());
    return *n;
}

std::string TestServer::registry_institution(const std::string& district_id) {
    auto db = server_db(m_data);
    std::map<std::string, pb::Institution> by_id;
    auto scan = server::RecordTable{*db}.for_each_live(domain::kInstitution, [&](const pb::Record& r) {
        pb::Institution i;
        if (i.ParseFromString(r.payload()) && i.district_id() == district_id && !i.field_reported()) by_id.emplace(r.id(), i);
        return true;
    });
    if (!scan) throw std::runtime_error(scan.error().message());
    return by_id.empty() ? std::string() : by_id.begin()->first;
}

std::uint16_t free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

std::unique_ptr<process::ServerProcess> spawn_server(const fs::path& data_dir, std::uint16_t port,
                                                     std::vector<std::string> env) {
    auto sp = std::make_unique<process::ServerProcess>();
    process::ServerLaunch launch;
    launch.bin = DUCHA_SERVER_BIN;
    launch.data_dir = data_dir;
    launch.listen = "127.0.0.1:" + std::to_string(port);
    launch.log = data_dir / "server-process.log";
    launch.env = std::move(env);
    if (auto url = suite_database_of(data_dir); !url.empty()) launch.extra_args = {"--database", url};
    launch.ready_timeout = std::chrono::seconds(60);
    if (auto s = sp->start(launch); !s) throw std::runtime_error("ducha-server did not start: " + s.error().message());
    return sp;
}

CliResult cli(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    CliResult r;
    r.rc = cli::run_cli(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

pb::User server_user(const fs::path& data_dir, const std::string& user_id) {
    auto db = server_db(data_dir);
    auto rec = server::RecordTable{*db}.get(domain::kUser, user_id);
    if (!rec || !*rec) throw std::runtime_error("the server holds no user " + user_id);
    pb::User u;
    if (!u.ParseFromString((*rec)->payload())) throw std::runtime_error("unreadable user record " + user_id);
    return u;
}

}  // namespace ducha::test
