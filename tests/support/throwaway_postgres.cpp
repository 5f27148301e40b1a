#include "support/throwaway_postgres.h"

#include <atomic>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace ducha::test {

namespace fs = std::filesystem;

namespace {

// The directory of initdb, pg_ctl and postgres, or "" when PostgreSQL is not installed.
fs::path find_bindir() {
    std::vector<fs::path> candidates;
    if (FILE* p = ::popen("pg_config --bindir 2>/dev/null", "r")) {
        std::array<char, 512> buf{};
        std::string out;
        while (std::fgets(buf.data(), static_cast<int>(buf.size()), p)) out += buf.data();
        ::pclose(p);
        while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
        if (!out.empty()) candidates.emplace_back(out);
    }
    candidates.emplace_back("/usr/lib/postgresql/15/bin");
    for (const auto& dir : candidates) {
        std::error_code ec;
        if (fs::exists(dir / "initdb", ec) && fs::exists(dir / "pg_ctl", ec) && fs::exists(dir / "postgres", ec))
            return dir;
    }
    return {};
}

// A short parent: the socket's path (DIR/.s.PGSQL.PORT) must fit in 107 bytes. Under root, /tmp:
// the cluster's account must be able to reach it, which a root-only TMPDIR would not allow.
fs::path socket_parent() {
    if (::geteuid() == 0) return "/tmp";
    std::error_code ec;
    fs::path tmp = fs::temp_directory_path(ec);
    if (ec || tmp.string().size() > 60) tmp = "/tmp";
    return tmp;
}

std::string file_tail(const fs::path& p, std::size_t max_bytes = 3000) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    return s.size() <= max_bytes ? s : s.substr(s.size() - max_bytes);
}

}  // namespace

ThrowawayPostgres::ThrowawayPostgres(std::string database) : m_database(std::move(database)) {
    m_bindir = find_bindir();
    if (m_bindir.empty())
        throw std::runtime_error(
            "PostgreSQL's server programs (initdb, pg_ctl, postgres) were not found through `pg_config --bindir` "
            "nor in /usr/lib/postgresql/15/bin: install postgresql-15 (deploy/setup-debian.sh) to run the [pg] tests");

    std::string pattern = (socket_parent() / "ducha-pg-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp " + pattern + ": " + std::strerror(errno));
    m_dir = pattern;

    if (::geteuid() == 0) {
        // initdb and postgres refuse root: the cluster belongs to an unprivileged account.
        const passwd* pw = ::getpwnam("postgres");
        if (!pw) pw = ::getpwnam("nobody");
        if (!pw) failed("running as root, and neither the postgres nor the nobody account exists to own the cluster");
        m_run_as = pw->pw_name;
        if (::chown(m_dir.c_str(), pw->pw_uid, pw->pw_gid) != 0) failed("chown " + m_dir.string());
    }

    if (run({(m_bindir / "initdb").string(), "-D", (m_dir / "data").string(), "-U", m_user, "--auth=trust",
             "--encoding=UTF8", "--no-locale", "--no-sync", "--no-instructions"},
            true) != 0)
        failed("initdb");
    start();
    if (run({(m_bindir / "createdb").string(), "-h", m_dir.string(), "-p", std::to_string(m_port), "-U", m_user,
             m_database},
            false) != 0)
        failed("createdb " + m_database);
}

ThrowawayPostgres::~ThrowawayPostgres() {
    stop();
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

ThrowawayPostgres& ThrowawayPostgres::shared() {
    static ThrowawayPostgres cluster;
    return cluster;
}

std::string ThrowawayPostgres::url() const { return url_of(m_database); }

std::string ThrowawayPostgres::url_of(const std::string& database) const {
    return "postgresql:///" + database + "?host=" + m_dir.string() + "&port=" + std::to_string(m_port) +
           "&user=" + m_user;
}

void ThrowawayPostgres::create_database(const std::string& database) {
    if (run({(m_bindir / "createdb").string(), "-h", m_dir.string(), "-p", std::to_string(m_port), "-U", m_user,
             database},
            false) != 0)
        failed("createdb " + database);
}

std::string ThrowawayPostgres::fresh_database_url(const std::string& stem) {
    static std::atomic<int> counter{0};
    const std::string name = stem + "_" + std::to_string(++counter);
    create_database(name);
    return url_of(name);
}

std::string fresh_database_url(const std::string& stem) { return ThrowawayPostgres::shared().fresh_database_url(stem); }

void ThrowawayPostgres::start() {
    if (m_running) return;
    // Only the socket in our own directory; settings for speed on a test machine.
    std::string options = "-c listen_addresses='' -k " + m_dir.string() + " -p " + std::to_string(m_port) +
                          " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                          " -c max_connections=40 -c shared_buffers=16MB";
    if (run({(m_bindir / "pg_ctl").string(), "start", "-w", "-t", "120", "-D", (m_dir / "data").string(), "-l",
             (m_dir / "postgres.log").string(), "-o", options},
            true) != 0)
        failed("pg_ctl start");
    m_running = true;
}

void ThrowawayPostgres::stop() {
    if (!m_running) return;
    const std::string data = (m_dir / "data").string();
    if (run({(m_bindir / "pg_ctl").string(), "stop", "-w", "-t", "30", "-D", data, "-m", "fast"}, true) != 0)
        (void)run({(m_bindir / "pg_ctl").string(), "stop", "-w", "-t", "30", "-D", data, "-m", "immediate"}, true);
    m_running = false;
}

int ThrowawayPostgres::run(const std::vector<std::string>& argv, bool as_owner) {
    std::vector<std::string> full;
    if (as_owner && !m_run_as.empty()) full = {"runuser", "-u", m_run_as, "--"};
    full.insert(full.end(), argv.begin(), argv.end());
    std::vector<char*> args;
    for (auto& a : full) args.push_back(a.data());
    args.push_back(nullptr);

    int log = ::open((m_dir / "setup.log").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log < 0) return -1;
    pid_t pid = ::fork();
    if (pid == 0) {
        // The account must be able to stand in its working directory.
        if (::chdir(m_dir.c_str()) != 0) ::_exit(126);
        ::dup2(log, STDOUT_FILENO);
        ::dup2(log, STDERR_FILENO);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    ::close(log);
    if (pid < 0) return -1;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void ThrowawayPostgres::failed(const std::string& what) {
    std::string msg = "throwaway PostgreSQL: " + what + " failed in " + m_dir.string() + "\n" +
                      file_tail(m_dir / "setup.log") + file_tail(m_dir / "postgres.log");
    stop();
    std::error_code ec;
    fs::remove_all(m_dir, ec);
    throw std::runtime_error(msg);
}

}  // namespace ducha::test
