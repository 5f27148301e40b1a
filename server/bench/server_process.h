#pragma once
// A ducha-server child process for the benchmark: `init --demo` on a fresh data directory, then
// `serve` on 127.0.0.1, read its pin and URL from stdout, SIGTERM it at the end.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "shared/common/result.h"

namespace ducha::bench {

// Runs a program to completion, stdout and stderr appended to `log`. Returns its exit status.
Result<int> run_program(const std::vector<std::string>& argv, const std::filesystem::path& log);

class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts `BIN serve --data DIR --listen 127.0.0.1:0 EXTRA...` and waits until it prints its URL.
    // The server's stderr (and stdout after the ready lines) go to `log`.
    Status start(const std::string& bin, const std::filesystem::path& data_dir, const std::vector<std::string>& extra,
                 const std::filesystem::path& log, std::chrono::seconds ready_timeout = std::chrono::seconds(120));
    // SIGTERM, wait (SIGKILL after `grace`). Returns the exit status (or -signal). Idempotent.
    int stop(std::chrono::seconds grace = std::chrono::seconds(60));

    bool running() const { return m_pid > 0; }
    pid_t pid() const { return m_pid; }
    const std::string& url() const { return m_url; }
    const std::string& pin() const { return m_pin; }

private:
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

}  // namespace ducha::bench
