#pragma once
// `ducha-bench photos`: N enrolled devices upload their inspections' photos over HTTPS, the way
// `ducha sync` does (resumable PUT /v1/blobs/{sha256}); each is acknowledged only once the server
// has checked its hash and made it durable.
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>
#include <sys/types.h>

namespace ducha::bench {

struct PhotosOptions {
    int devices = 32;
    int photos = 20;                    // per device and run
    std::size_t photo_bytes = 204800;   // each photo's size (random bytes: no two alike)
    int photos_per_report = 4;          // photos attached to one report
    int runs = 5;
    std::size_t chunk = 256 * 1024;     // upload chunk, as the sync client's default
    std::string server_url, pin;        // the server under test
    std::filesystem::path codes_csv;    // user_id,role,name,district,code
    std::filesystem::path work_dir;     // device profiles go here
    std::vector<pid_t> server_pids;     // the server we started (for its CPU time), none otherwise
};

// Runs the benchmark, printing progress to `err` and results to `out`; the last line of `out` is
// "photos: X MB/s, p50 Y ms, p99 Z ms". Returns the process exit code (0: every photo stored and checked).
int run_photos(const PhotosOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace ducha::bench
