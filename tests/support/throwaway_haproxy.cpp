#include "support/throwaway_haproxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "server/process/server_process.h"
#include "support/test_server.h"

namespace ducha::test {

namespace fs = std::filesystem;

namespace {

bool accepts_connections(std::uint16_t port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// The configuration's text with the frontend's bind and the backend's servers replaced.
std::string rewritten(const fs::path& config, std::uint16_t port, const std::vector<std::string>& backends) {
    std::ifstream in(config);
    if (!in) throw std::runtime_error("cannot read " + config.string());
    std::ostringstream out;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        const auto first = line.find_first_not_of(' ');
        const std::string word = first == std::string::npos ? "" : line.substr(first, line.find(' ', first) - first);
        if (word == "bind") {
            out << "    bind 127.0.0.1:" << port << "\n";
        } else if (word == "server") {
            if (n++ == 0)
                for (std::size_t i = 0; i < backends.size(); ++i)
                    out << "    server instance" << i + 1 << " " << backends[i] << "\n";
        } else {
            out << line << "\n";
        }
    }
    if (n == 0) throw std::runtime_error(config.string() + " has no server line to replace");
    return out.str();
}

}  // namespace

ThrowawayHaproxy::ThrowawayHaproxy(const fs::path& dir, const fs::path& config, const std::vector<std::string>& backends) {
    fs::create_directories(dir);
    m_port = free_port();
    m_log = dir / "haproxy.log";
    const fs::path cfg = dir / "haproxy.cfg";
    {
        std::ofstream f(cfg);
        f << rewritten(config, m_port, backends);
    }
    const int log_fd = ::open(m_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (log_fd < 0) throw std::runtime_error("cannot create " + m_log.string());
    m_pid = ::fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        ::dup2(log_fd, STDOUT_FILENO);
        ::dup2(log_fd, STDERR_FILENO);
        const char* argv[] = {"haproxy", "-db", "-f", cfg.c_str(), nullptr};
        ::execvp("haproxy", const_cast<char* const*>(argv));
        ::execv("/usr/sbin/haproxy", const_cast<char* const*>(argv));
        const char msg[] = "haproxy is not installed (deploy/setup-debian.sh installs it)\n";
        [[maybe_unused]] auto w = ::write(STDERR_FILENO, msg, sizeof msg - 1);
        ::_exit(127);
    }
    ::close(log_fd);
    // Listening is a state that lasts once reached: wait for it, or for haproxy to give up.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!accepts_connections(m_port)) {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            throw std::runtime_error("haproxy stopped: " + process::file_tail(m_log));
        }
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, &status, 0);
            m_pid = -1;
            throw std::runtime_error("haproxy does not listen: " + process::file_tail(m_log));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

ThrowawayHaproxy::~ThrowawayHaproxy() {
    if (m_pid <= 0) return;
    ::kill(m_pid, SIGTERM);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
}

}  // namespace ducha::test
