#pragma once
// `ducha-bench app-load`: ducha-app (offscreen) opening a big device profile: how long after the
// start of the load the Today list has its rows and the sync banner its counts.
#include <filesystem>
#include <iosfwd>
#include <string>

namespace ducha::bench {

struct AppLoadOptions {
    std::string app_bin;     // ducha-app
    std::string server_bin;  // ducha-server (to enroll and sync the volunteer's profile first)
    int records = 50000;     // rows of the device's replica, the queued reports' own rows included
    int outbox = 5000;       // signed reports waiting in the outbox
    int runs = 11;
    std::filesystem::path work;  // a fresh temporary directory
};

// Enrolls and syncs a demo volunteer's profile, stops the server, fills the profile through the
// core's own store and recorder (records as a sync would apply them, reports signed and queued as
// `ducha inspect` queues them), then starts `ducha-app --measure-startup` `runs` times (offscreen,
// no network) and prints per-run figures and the medians:
//     app-load: task list p50 X ms, banner p50 Y ms (...)
int run_app_load(const AppLoadOptions& o, std::ostream& out, std::ostream& err);

}  // namespace ducha::bench
