#pragma once
// Test fixtures: real servers on 127.0.0.1 (in-process or as a child process), temp dirs, and
// the `ducha` CLI run in-process. Everything cleans up after itself.
#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "server/service/server_app.h"

namespace ducha::test {

struct TempDir {
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    std::filesystem::path path;
    std::filesystem::path operator/(const std::string& s) const { return path / s; }
};

struct DemoAccount {
    std::string user_id, role, name, district, code;
};

// Reads DIR/enrollment-codes.csv.
std::vector<DemoAccount> read_codes(const std::filesystem::path& data_dir);

// `ducha-server init --data DIR [--demo]` in-process, then ServerApp::start on 127.0.0.1:0.
class TestServer {
public:
    explicit TestServer(bool demo = true);
    ~TestServer();
    std::string url() const { return m_app->url(); }
    std::string pin() const { return m_app->pin(); }
    const std::filesystem::path& data_dir() const { return m_dir.path; }
    server::ServerApp& app() { return *m_app; }
    const std::vector<DemoAccount>& accounts() const { return m_accounts; }
    // The n-th account with this role (and district name, if given).
    const DemoAccount& account(const std::string& role, int n = 0, const std::string& district = "") const;
    std::string admin_code() const { return m_admin_code; }
    // Counts live records of a collection in the server database.
    std::int64_t count(const std::string& collection);
    void stop() { m_app.reset(); }

private:
    TempDir m_dir;
    std::unique_ptr<server::ServerApp> m_app;
    std::vector<DemoAccount> m_accounts;
    std::string m_admin_code;
};

// The real ducha-server binary as a child process (for SIGKILL and restart tests).
class ServerProcess {
public:
    // Starts `ducha-server serve --data DIR --listen 127.0.0.1:PORT` (PORT 0 = pick a free one)
    // with extra environment entries like "DUCHA_FAILPOINT=kill_after_commit".
    ServerProcess(std::filesystem::path data_dir, std::uint16_t port = 0, std::vector<std::string> env = {});
    ~ServerProcess();  // SIGTERM, wait
    std::string url() const;
    const std::string& pin() const { return m_pin; }
    std::uint16_t port() const { return m_port; }
    void kill9();
    bool alive();
    int wait_exit();  // returns the wait status

private:
    pid_t m_pid = -1;
    std::uint16_t m_port = 0;
    std::string m_pin;
};

// `ducha-server init` as a subprocess-free call: returns the admin code.
std::string init_data_dir(const std::filesystem::path& dir, bool demo);

struct CliResult {
    int rc = -1;
    std::string out, err;
};
// Runs the `ducha` CLI in-process with these arguments.
CliResult cli(const std::vector<std::string>& args);

// Finds a free TCP port on 127.0.0.1.
std::uint16_t free_port();

}  // namespace ducha::test
