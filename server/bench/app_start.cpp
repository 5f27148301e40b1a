#include "server/bench/app_start.h"

#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "server/process/server_process.h"
#include "server/bench/stats.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/sync_client.h"

namespace ducha::bench {

using process::file_tail;
using process::run_program;
using process::ServerProcess;

namespace fs = std::filesystem;

namespace {
std::string first_volunteer_code(const fs::path& csv) {
    std::ifstream in(csv);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
        if (f.size() >= 5 && f[1] == "volunteer") return f[4];
    }
    return {};
}
}  // namespace

int run_app_start(const AppStartOptions& o, std::ostream& out, std::ostream& err) {
    const fs::path data = o.work / "server", profile = o.work / "profile";
    auto init = run_program({o.server_bin, "init", "--data", data.string(), "--demo"}, o.work / "init.log");
    if (!init || *init != 0) {
        err << "ducha-bench: ducha-server init failed\n" << file_tail(o.work / "init.log");
        return 1;
    }
    {
        ServerProcess server;
        process::ServerLaunch launch;
        launch.bin = o.server_bin;
        launch.data_dir = data;
        launch.log = o.work / "server.log";
        if (auto s = server.start(launch); !s) {
            err << "ducha-bench: cannot start ducha-server: " << s.error().message() << "\n";
            return 1;
        }
        auto p = sync::DeviceProfile::open(profile);
        if (!p) {
            err << "ducha-bench: " << p.error().message() << "\n";
            return 1;
        }
        auto id = p->enroll(server.url(), first_volunteer_code(data / "enrollment-codes.csv"), server.pin(), "bench");
        if (!id) {
            err << "ducha-bench: enroll: " << id.error().message() << "\n";
            return 1;
        }
        auto r = sync::SyncClient(*p).sync(3);
        if (!r || !r->complete()) {
            err << "ducha-bench: the volunteer's first sync did not complete\n";
            return 1;
        }
        out << "profile: " << id->user_name << ", " << r->pulled << " records; the server is stopped (a cold start offline)"
            << std::endl;
    }

    std::vector<double> first, ready, pre;
    int tasks = -1;
    const std::regex line(R"(first_frame_ms=(\d+) interactive_ms=(\d+) tasks=(\d+) exec_to_main_ms=(-?\d+))");
    ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    for (int i = 1; i <= o.runs; ++i) {
        const fs::path log = o.work / ("app-" + std::to_string(i) + ".log");
        auto rc = run_program({o.app_bin, "--profile", profile.string(), "--measure-startup"}, log);
        std::ifstream in(log);
        std::string text((std::istreambuf_iterator<char>(in)), {});
        std::smatch m;
        if (!rc || *rc != 0 || !std::regex_search(text, m, line)) {
            err << "ducha-bench: ducha-app run " << i << " did not report its start-up\n" << file_tail(log);
            return 1;
        }
        first.push_back(std::stod(m[1]));
        ready.push_back(std::stod(m[2]));
        tasks = std::stoi(m[3]);
        pre.push_back(std::stod(m[4]));
        out << "run " << i << ": first frame " << m[1] << " ms, interactive " << m[2] << " ms (from main; exec to main "
            << m[4] << " ms)" << std::endl;
    }
    out << "app-start: first frame p50 " << fixed(median(first), 0) << " ms (min " << fixed(percentile(first, 0), 0)
        << ", max " << fixed(percentile(first, 100), 0) << "), interactive p50 " << fixed(median(ready), 0) << " ms, "
        << tasks << " tasks; exec to main() p50 " << fixed(median(pre), 0) << " ms more (10 ms resolution)" << std::endl;
    return 0;
}

}  // namespace ducha::bench
