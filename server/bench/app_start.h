#pragma once
// `ducha-bench app-start`: cold start of ducha-app (offscreen) with a demo volunteer's data.
#include <filesystem>
#include <iosfwd>
#include <string>

namespace ducha::bench {

struct AppStartOptions {
    std::string app_bin;     // ducha-app
    std::string server_bin;  // ducha-server (to make the demo volunteer's profile)
    int runs = 11;
    std::filesystem::path work;  // a fresh temporary directory
};

// Makes a demo server, enrolls and syncs one volunteer's profile, stops the server, then starts
// `ducha-app --measure-startup` `runs` times (offscreen, no network) and prints per-run figures
// and the medians:  app-start: first frame p50 X ms, interactive p50 Y ms, T tasks
int run_app_start(const AppStartOptions& o, std::ostream& out, std::ostream& err);

}  // namespace ducha::bench
