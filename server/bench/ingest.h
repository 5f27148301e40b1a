#pragma once
// `ducha-bench ingest`: N enrolled devices push M signed reports each, in batches, over HTTPS.
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>
#include <sys/types.h>

namespace ducha::bench {

struct IngestOptions {
    int devices = 50;
    int reports = 200;   // per device and run
    int batch = 100;     // reports per POST /v1/sync
    int runs = 3;
    std::size_t report_bytes = 1024;  // target size of a serialized report (notes are padded to reach it)
    std::string server_url, pin;      // the server under test
    // Several instances of it behind no balancer (one database, one identity): device i pushes to
    // instance_urls[i % size]; empty means server_url alone.
    std::vector<std::string> instance_urls;
    std::filesystem::path codes_csv;  // user_id,role,name,district,code
    std::filesystem::path work_dir;   // device profiles go here
    std::vector<pid_t> server_pids;   // the servers we started (for their CPU time), none otherwise
    bool verify_receipts = true;      // check every receipt's Merkle path and server signature (untimed)
};

// Runs the benchmark, printing progress to `err` and results to `out`; the last line of `out` is
// "ingest: R reports/s, p50 X ms, p99 Y ms". Returns the process exit code (0: every report applied).
int run_ingest(const IngestOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace ducha::bench
