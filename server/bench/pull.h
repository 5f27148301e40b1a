#pragma once
// `ducha-bench pull`: what devices wait for when they read. A store is filled through the wire
// (enrolled volunteers push signed reports) to N records, then two things are timed: a fresh
// device's first pull of a volunteer's scope (one device alone, then every volunteer at once) and
// a coordinator's delta pull of a page of new changes (end to end, and the server's own time from
// its `Server-Timing` answer header).
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>
#include <sys/types.h>

namespace ducha::bench {

struct PullOptions {
    long records = 1'000'000;  // records in the store before anything is timed
    int fill_devices = 50;     // volunteers that push the reports filling the store
    int fill_batch = 2000;     // reports per push while filling
    int volunteers = 258;      // fresh devices whose first pull is timed (at most the demo's 258)
    int alone = 20;            // of them, how many are timed one at a time
    int changes = 100;         // changes per delta pull (its page size)
    int samples = 20;          // delta pulls per run
    int runs = 5;
    std::string server_url, pin;      // the server under test
    std::filesystem::path codes_csv;  // user_id,role,name,district,code
    std::filesystem::path work_dir;   // device profiles go here
    std::vector<pid_t> server_pids;   // the server we started (for its CPU time)
};

// Runs the benchmark, progress to `err`, results to `out`; the last line of `out` is
// "pull: delta C changes p50 S ms server, E ms end to end (p99 ...); first pull p50 F ms alone,
// V at once in W ms (p50 A ms, p99 B ms)". Returns the process exit code (0: every pull answered).
int run_pull(const PullOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace ducha::bench
