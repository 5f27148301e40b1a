#include "server/process/server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

extern char** environ;

namespace ducha::process {

namespace {

std::string sys_error(const std::string& what) { return what + ": " + std::strerror(errno); }

// fork + exec with the child's stdout/stderr on the given descriptors and `env` added to this
// process's environment. Everything the child does between fork and exec is async-signal-safe
// (this process has threads): argv and the environment are built before the fork.
Result<pid_t> spawn(const std::vector<std::string>& args, int out_fd, int err_fd,
                    const std::vector<std::string>& env = {}) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (char** e = environ; e && *e; ++e) envp.push_back(*e);
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) return fail(Errc::internal, Msg::verbatim, sys_error("fork"));
    if (pid == 0) {
        ::dup2(out_fd, STDOUT_FILENO);
        ::dup2(err_fd, STDERR_FILENO);
        // The benchmark blocks SIGINT/SIGTERM for its own signal thread; the child starts clean.
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::signal(SIGPIPE, SIG_DFL);
        // Never outlive the benchmark, even if it is killed.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        ::execve(argv[0], argv.data(), envp.data());
        const char msg[] = "cannot exec the server binary\n";
        (void)!::write(err_fd, msg, sizeof msg - 1);
        ::_exit(127);
    }
    return pid;
}

int exit_code(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return -WTERMSIG(status);
    return -1;
}

int open_log(const std::filesystem::path& log) {
    return ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

}  // namespace

Result<int> run_program(const std::vector<std::string>& argv, const std::filesystem::path& log) {
    int fd = open_log(log);
    if (fd < 0) return fail(Errc::storage, Msg::verbatim, sys_error("open " + log.string()));
    auto pid = spawn(argv, fd, fd);
    ::close(fd);
    if (!pid) return fail(pid.error());
    int status = 0;
    while (::waitpid(*pid, &status, 0) < 0) {
        if (errno != EINTR) return fail(Errc::internal, Msg::verbatim, sys_error("waitpid"));
    }
    return exit_code(status);
}

ServerProcess::~ServerProcess() { stop(std::chrono::seconds(10)); }

Status ServerProcess::start(const ServerLaunch& launch) {
    const auto& log = launch.log;
    int log_fd = open_log(log);
    if (log_fd < 0) return fail(Errc::storage, Msg::verbatim, sys_error("open " + log.string()));
    int p[2];
    if (::pipe2(p, O_CLOEXEC) != 0) {
        ::close(log_fd);
        return fail(Errc::internal, Msg::verbatim, sys_error("pipe"));
    }
    std::vector<std::string> args{launch.bin, "serve", "--data", launch.data_dir.string(), "--listen", launch.listen};
    args.insert(args.end(), launch.extra_args.begin(), launch.extra_args.end());
    auto pid = spawn(args, p[1], log_fd, launch.env);
    ::close(p[1]);
    if (!pid) {
        ::close(p[0]);
        ::close(log_fd);
        return fail(pid.error());
    }
    m_pid = *pid;
    m_out = p[0];

    // Read stdout until "pin: ..." and "listening on ..." have both been printed.
    std::string buf;
    auto deadline = std::chrono::steady_clock::now() + launch.ready_timeout;
    auto failed = [&](std::string why) -> Status {
        ::close(log_fd);
        stop(std::chrono::seconds(5));
        return fail(Errc::unavailable, Msg::server_log_tail, why, file_tail(log));
    };
    while (m_url.empty() || m_pin.empty()) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return failed("ducha-server did not report ready in time");
        pollfd pfd{m_out, POLLIN, 0};
        int n = ::poll(&pfd, 1, static_cast<int>(std::min<long>(left.count(), 500)));
        if (n < 0 && errno != EINTR) return failed(sys_error("poll"));
        if (n <= 0) continue;
        char chunk[4096];
        ssize_t got = ::read(m_out, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            int status = 0;
            ::waitpid(m_pid, &status, 0);
            m_pid = -1;
            return failed("ducha-server exited before it was ready (status " + std::to_string(exit_code(status)) + ")");
        }
        (void)!::write(log_fd, chunk, static_cast<std::size_t>(got));
        buf.append(chunk, static_cast<std::size_t>(got));
        for (auto nl = buf.find('\n'); nl != std::string::npos; nl = buf.find('\n')) {
            std::string line = buf.substr(0, nl);
            buf.erase(0, nl + 1);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.rfind("pin: ", 0) == 0) m_pin = line.substr(5);
            const std::string ready = "listening on ";
            if (auto at = line.find(ready); at != std::string::npos) m_url = line.substr(at + ready.size());
        }
    }
    // Keep reading so the server never blocks on a full pipe; everything goes to the log.
    int out = m_out;
    m_drain = std::thread([out, log_fd] {
        char chunk[4096];
        for (;;) {
            ssize_t got = ::read(out, chunk, sizeof chunk);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) break;
            (void)!::write(log_fd, chunk, static_cast<std::size_t>(got));
        }
        ::close(log_fd);
    });
    return {};
}

int ServerProcess::stop(std::chrono::seconds grace) {
    int code = 0;
    if (m_pid > 0) {
        ::kill(m_pid, SIGTERM);
        auto deadline = std::chrono::steady_clock::now() + grace;
        int status = 0;
        bool reaped = false;
        while (!reaped) {
            pid_t r = ::waitpid(m_pid, &status, WNOHANG);
            if (r == m_pid || (r < 0 && errno != EINTR)) {
                reaped = r == m_pid;
                break;
            }
            if (std::chrono::steady_clock::now() > deadline) {
                ::kill(m_pid, SIGKILL);
                ::waitpid(m_pid, &status, 0);
                reaped = true;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        code = reaped ? exit_code(status) : -1;
        m_pid = -1;
    }
    join_drain();
    return code;
}

void ServerProcess::join_drain() {
    if (m_drain.joinable()) m_drain.join();
    if (m_out >= 0) {
        ::close(m_out);
        m_out = -1;
    }
}

void ServerProcess::kill9() {
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        (void)wait_exit();
    }
}

int ServerProcess::wait_exit() {
    int status = 0;
    if (m_pid > 0) {
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {}
        m_pid = -1;
    }
    join_drain();
    return status;
}

bool ServerProcess::running() {
    if (m_pid <= 0) return false;
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        join_drain();
        return false;
    }
    return true;
}

double process_cpu_seconds(pid_t pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string s((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
    auto close = s.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream in(s.substr(close + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && in >> field; ++i) {
        if (i == 14) utime = std::stoull(field);
        if (i == 15) stime = std::stoull(field);
    }
    long hz = ::sysconf(_SC_CLK_TCK);
    return hz > 0 ? static_cast<double>(utime + stime) / static_cast<double>(hz) : -1;
}

double self_cpu_seconds() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return sec(u.ru_utime) + sec(u.ru_stime);
}

std::string file_tail(const std::filesystem::path& p, std::size_t max_bytes) {
    std::ifstream f(p, std::ios::binary);
    if (!f) return {};
    std::string s((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    return s.size() > max_bytes ? s.substr(s.size() - max_bytes) : s;
}

}  // namespace ducha::process
