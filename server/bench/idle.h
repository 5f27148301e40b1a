#pragma once
// `ducha-bench idle`: C idle TLS keep-alive connections held open to the server, the server's
// memory with them, and one device syncing beside them.
#include <filesystem>
#include <iosfwd>
#include <string>
#include <sys/types.h>

namespace ducha::bench {

struct IdleOptions {
    int connections = 5000;  // idle keep-alive connections to hold open
    int syncs = 200;         // sync passes per run (each pushes one report and pulls)
    int runs = 3;
    int opening = 64;        // connections being opened at once (TCP + TLS + the first request)
    std::string server_url, pin;
    std::filesystem::path codes_csv;  // user_id,role,name,district,code
    std::filesystem::path work_dir;   // the syncing device's profile goes here
    pid_t server_pid = -1;            // for its memory (/proc/PID/status) and open-file limit
};

// Runs the benchmark, progress to `err`, results to `out`; the last line of `out` is
// "idle: C connections, server RSS X MB, sync p50 Y ms, p99 Z ms". Returns the exit code (0: every
// connection opened and stayed open, every sync pass pushed its report).
int run_idle(const IdleOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace ducha::bench
