#pragma once
// A ducha-server child process, for the benchmark and the tests that need a real process (SIGKILL,
// restart on the same port, failpoints): `serve` on 127.0.0.1, its pin and URL read from its
// stdout, everything it prints kept in a log file, SIGTERM (then SIGKILL) at the end.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "shared/common/result.h"

namespace ducha::process {

// Runs a program to completion, stdout and stderr appended to `log`. Returns its exit status.
Result<int> run_program(const std::vector<std::string>& argv, const std::filesystem::path& log);

struct ServerLaunch {
    std::string bin;                      // the ducha-server binary
    std::filesystem::path data_dir;
    std::filesystem::path log;            // the server's stderr, and its stdout after the ready lines
    std::string listen = "127.0.0.1:0";   // port 0: the server picks one and prints it
    std::vector<std::string> extra_args;  // after `serve --data DIR --listen ADDR`
    std::vector<std::string> env;         // NAME=VALUE entries added to this process's environment
    std::chrono::seconds ready_timeout{120};
};

class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts the server and waits until it prints its pin and URL.
    Status start(const ServerLaunch& launch);
    // SIGTERM, wait (SIGKILL after `grace`). Returns the exit status (or -signal). Idempotent.
    int stop(std::chrono::seconds grace = std::chrono::seconds(60));
    // SIGKILL and reap.
    void kill9();
    // Waits until the process ends by itself; its raw wait status (WIFSIGNALED, WTERMSIG apply).
    int wait_exit();
    // Whether the process is still there (reaps it if it has ended).
    bool running();

    pid_t pid() const { return m_pid; }
    const std::string& url() const { return m_url; }
    const std::string& pin() const { return m_pin; }

private:
    void join_drain();

    pid_t m_pid = -1;
    int m_out = -1;
    std::thread m_drain;
    std::string m_url, m_pin;
};

// CPU seconds (user + system) a process has used so far, from /proc/PID/stat; -1 if unknown.
double process_cpu_seconds(pid_t pid);
// CPU seconds of this process (all threads).
double self_cpu_seconds();

// The last `max_bytes` of a text file (for error messages).
std::string file_tail(const std::filesystem::path& p, std::size_t max_bytes = 2000);

}  // namespace ducha::process
