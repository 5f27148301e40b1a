#pragma once
// Test fixtures: real servers on 127.0.0.1 (in-process or as a child process), temp dirs, and
// the `ducha` CLI run in-process. Everything cleans up after itself.
#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "server/process/server_process.h"
#include "server/service/server_app.h"
#include "shared/support/temp_dir.h"

namespace ducha::test {

struct DemoAccount {
    std::string user_id, role, name, district, code;
};

// Reads DIR/enrollment-codes.csv.
std::vector<DemoAccount> read_codes(const std::filesystem::path& data_dir);

struct TestServerOptions {
    bool demo = true;
    const Clock* clock = nullptr;          // the time the server decides by (nullptr: the wall clock)
    std::filesystem::path data_dir;        // empty: a temporary directory of its own
    std::function<void(server::ServeOptions&)> adjust;  // limits and the like, before it starts
    std::string database_url;              // empty: SQLite in the directory; else a PostgreSQL database
};

// `ducha-server init --data DIR [--demo]` in-process, then ServerApp::start on 127.0.0.1:0.
class TestServer {
public:
    // `clock`: the time the server decides by (nullptr: the wall clock); it must outlive the server.
    explicit TestServer(bool demo = true, const Clock* clock = nullptr);
    explicit TestServer(TestServerOptions opt);
    ~TestServer();
    std::string url() const { return m_app->url(); }
    std::string pin() const { return m_app->pin(); }
    const std::filesystem::path& data_dir() const { return m_data; }
    // Stops the server (its database closes) and starts it again on the same port and directory.
    void restart();
    server::ServerApp& app() { return *m_app; }
    const std::vector<DemoAccount>& accounts() const { return m_accounts; }
    // The n-th account with this role (and district name, if given).
    const DemoAccount& account(const std::string& role, int n = 0, const std::string& district = "") const;
    std::string admin_code() const { return m_admin_code; }
    // Counts live records of a collection in the server database.
    std::int64_t count(const std::string& collection);
    // The first registry (not field-reported) institution of a district, by id: "" if none.
    std::string registry_institution(const std::string& district_id);
    void stop() { m_app.reset(); }

private:
    TempDir m_dir;
    std::filesystem::path m_data;
    server::ServeOptions m_serve;
    std::unique_ptr<server::ServerApp> m_app;
    std::vector<DemoAccount> m_accounts;
    std::string m_admin_code;
};

// The real ducha-server binary as a child process on 127.0.0.1:PORT (0: any free port), for SIGKILL
// and restart tests, with extra environment entries like "DUCHA_FAILPOINT=kill_after_commit". Its
// output goes to DIR/server-process.log. Throws if it does not start.
std::unique_ptr<process::ServerProcess> spawn_server(const std::filesystem::path& data_dir, std::uint16_t port = 0,
                                                     std::vector<std::string> env = {});

// `ducha-server init` as a subprocess-free call: returns the admin code.
std::string init_data_dir(const std::filesystem::path& dir, bool demo, const std::string& database_url = "");

struct CliResult {
    int rc = -1;
    std::string out, err;
};
// Runs the `ducha` CLI in-process with these arguments.
CliResult cli(const std::vector<std::string>& args);

// The user record as the server in `data_dir` holds it; throws when it holds none.
pb::User server_user(const std::filesystem::path& data_dir, const std::string& user_id);

// Finds a free TCP port on 127.0.0.1.
std::uint16_t free_port();

}  // namespace ducha::test
