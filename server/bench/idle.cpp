#include "server/bench/idle.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <sstream>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include "ducha.pb.h"
#include "server/bench/stats.h"
#include "shared/common/wire_error.h"
#include "shared/domain/collections.h"
#include "shared/sync/device_profile.h"
#include "shared/sync/inspection_recorder.h"
#include "shared/sync/sync_client.h"

namespace ducha::bench {

namespace fs = std::filesystem;
namespace net = boost::asio;
namespace ssl = net::ssl;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;

namespace {

// Template v1's 21 items (shared/CHECKLIST.md).
constexpr const char* kItems[] = {"L1", "L2", "L3", "L4", "T1", "T2", "T3", "T4", "T5", "T6", "P1",
                                  "P2", "F1", "F2", "F3", "F4", "A1", "X1", "X2", "X3", "X4"};
// Opening the connections (handshakes on a busy two-core machine included) must end by then.
constexpr std::chrono::seconds kOpeningLimit{300};

// ---------------------------------------------------------------- the processes' figures

// The soft open-file limit of this process, raised towards `want` as far as the hard limit allows.
rlim_t raise_own_file_limit(rlim_t want) {
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return 0;
    if (rl.rlim_cur < want) {
        rlimit raised = rl;
        raised.rlim_cur = rl.rlim_max == RLIM_INFINITY ? want : std::min(want, rl.rlim_max);
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) rl = raised;
    }
    return rl.rlim_cur;
}

// A "Name:   value kB" line of /proc/PID/status, in kB; -1 when unreadable.
long proc_status_kb(pid_t pid, const std::string& name) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(f, line)) {
        if (line.rfind(name + ":", 0) != 0) continue;
        std::istringstream in(line.substr(name.size() + 1));
        long kb = -1;
        in >> kb;
        return kb;
    }
    return -1;
}

// The soft "Max open files" of /proc/PID/limits; empty when unreadable.
std::string open_file_limit(pid_t pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/limits");
    std::string line;
    while (std::getline(f, line)) {
        if (line.rfind("Max open files", 0) != 0) continue;
        std::istringstream in(line.substr(14));
        std::string soft, hard;
        in >> soft >> hard;
        return soft + " (hard " + hard + ")";
    }
    return {};
}

long open_files(pid_t pid) {
    std::error_code ec;
    long n = 0;
    for (fs::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", ec), end; !ec && it != end; it.increment(ec)) ++n;
    return ec ? -1 : n;
}

std::string mb(long kb) { return kb < 0 ? std::string("?") : fixed(static_cast<double>(kb) / 1024.0, 1); }

// ---------------------------------------------------------------- the idle connections

// C TLS connections opened from one thread: connect, handshake, GET /healthz, then nothing but a
// pending one-byte read that completes only if the server closes the connection.
class IdleFleet {
public:
    IdleFleet(tcp::endpoint server, int count, int opening)
        : m_server(server), m_count(count), m_opening(std::max(1, opening)), m_work(m_ioc.get_executor()) {
        m_tls.set_verify_mode(ssl::verify_none);  // the bench measures the server, the syncing device pins it
        m_thread = std::thread([this] { m_ioc.run(); });
    }
    ~IdleFleet() {  // the connections close with their sockets, after the thread
        m_work.reset();
        m_ioc.stop();
        m_thread.join();
    }
    IdleFleet(const IdleFleet&) = delete;
    IdleFleet& operator=(const IdleFleet&) = delete;

    // Opens every connection, `opening` at a time; false when that took longer than the limit.
    bool open() {
        net::post(m_ioc, [this] {
            m_conns.resize(static_cast<std::size_t>(m_count));
            for (int i = 0; i < std::min(m_opening, m_count); ++i) start_next();
        });
        std::unique_lock lk(m_mu);
        return m_done.wait_for(lk, kOpeningLimit, [this] { return m_opened + m_failed >= m_count; });
    }

    int opened() const { return m_opened.load(); }
    int failed() const { return m_failed.load(); }
    int closed_by_server() const { return m_closed.load(); }
    std::string first_error() {
        std::lock_guard lk(m_mu);
        return m_first_error;
    }

private:
    struct Conn {
        Conn(net::io_context& ioc, ssl::context& tls) : stream(ioc, tls) {}
        ssl::stream<tcp::socket> stream;
        // only while the first request is answered
        std::unique_ptr<beast::flat_buffer> buffer = std::make_unique<beast::flat_buffer>();
        std::unique_ptr<http::response<http::string_body>> response = std::make_unique<http::response<http::string_body>>();
        char byte = 0;
    };

    void start_next() {
        if (m_next >= m_count) return;
        const auto i = static_cast<std::size_t>(m_next++);
        m_conns[i] = std::make_unique<Conn>(m_ioc, m_tls);
        Conn& c = *m_conns[i];
        c.stream.next_layer().async_connect(m_server, [this, &c](error_code ec) {
            if (ec) return failed(c, "connect: " + ec.message());
            c.stream.async_handshake(ssl::stream_base::client, [this, &c](error_code ec) {
                if (ec) return failed(c, "TLS handshake: " + ec.message());
                static const std::string kRequest = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
                net::async_write(c.stream, net::buffer(kRequest), [this, &c](error_code ec, std::size_t) {
                    if (ec) return failed(c, "write: " + ec.message());
                    http::async_read(c.stream, *c.buffer, *c.response, [this, &c](error_code ec, std::size_t) {
                        if (ec) return failed(c, "GET /healthz: " + ec.message());
                        if (c.response->result_int() != 200 || !c.response->keep_alive())
                            return failed(c, "GET /healthz: HTTP " + std::to_string(c.response->result_int()) +
                                                 (c.response->keep_alive() ? "" : ", not kept alive"));
                        c.buffer.reset();
                        c.response.reset();
                        watch(c);
                        finished(true);
                    });
                });
            });
        });
    }

    void watch(Conn& c) {
        c.stream.async_read_some(net::buffer(&c.byte, 1), [this](error_code ec, std::size_t) {
            if (ec == net::error::operation_aborted) return;
            ++m_closed;  // the server closed it (or sent what nobody asked for)
        });
    }

    void failed(Conn& c, const std::string& why) {
        error_code ec;
        c.stream.next_layer().close(ec);
        {
            std::lock_guard lk(m_mu);
            if (m_first_error.empty()) m_first_error = why;
        }
        finished(false);
    }

    void finished(bool ok) {
        {
            std::lock_guard lk(m_mu);
            ++(ok ? m_opened : m_failed);
        }
        m_done.notify_all();
        start_next();
    }

    net::io_context m_ioc{1};
    ssl::context m_tls{ssl::context::tls_client};
    const tcp::endpoint m_server;
    const int m_count, m_opening;
    net::executor_work_guard<net::io_context::executor_type> m_work;
    std::vector<std::unique_ptr<Conn>> m_conns;  // on the fleet's thread only
    int m_next = 0;                              // on the fleet's thread only
    std::atomic<int> m_opened{0}, m_failed{0}, m_closed{0};
    std::mutex m_mu;
    std::condition_variable m_done;
    std::string m_first_error;
    std::thread m_thread;
};

// https://HOST:PORT -> its endpoint (an address, not a name: the bench talks to the loopback).
std::optional<tcp::endpoint> endpoint_of(const std::string& url) {
    std::string rest = url.substr(url.find("://") == std::string::npos ? 0 : url.find("://") + 3);
    rest = rest.substr(0, rest.find('/'));
    auto colon = rest.rfind(':');
    if (colon == std::string::npos) return std::nullopt;
    std::string host = rest.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
    error_code ec;
    auto addr = net::ip::make_address(host, ec);
    if (ec) return std::nullopt;
    try {
        return tcp::endpoint(addr, static_cast<unsigned short>(std::stoi(rest.substr(colon + 1))));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// ---------------------------------------------------------------- the syncing device

std::vector<std::string> split_csv_line(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            out.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            out.emplace_back();
        } else if (c != '\r') {
            out.back() += c;
        }
    }
    return out;
}

// The volunteers' one-time codes, in file order.
std::vector<std::string> volunteer_codes(const fs::path& csv) {
    std::ifstream f(csv);
    std::string line;
    std::vector<std::string> codes;
    if (!std::getline(f, line)) return codes;
    auto header = split_csv_line(line);
    auto col = [&](const char* name) { return std::find(header.begin(), header.end(), name) - header.begin(); };
    const auto role = static_cast<std::size_t>(col("role")), code = static_cast<std::size_t>(col("code"));
    while (std::getline(f, line)) {
        auto v = split_csv_line(line);
        if (role < v.size() && code < v.size() && v[role] == "volunteer" && !v[code].empty()) codes.push_back(v[code]);
    }
    return codes;
}

// One enrolled volunteer's device that reports on one of its tasks and syncs, pass after pass.
struct SyncDevice {
    std::unique_ptr<sync::DeviceProfile> profile;
    std::unique_ptr<sync::SyncClient> client;
    std::string task_id;
    std::optional<pb::GeoPoint> location;
    int reports = 0;
};

// A task of the user's that a report can be made on; empty when none.
std::string usable_task(sync::LocalStore& store, const std::string& user_id, std::optional<pb::GeoPoint>& location) {
    auto tasks = store.list(domain::kTask);
    if (!tasks) return {};
    for (const auto& rec : *tasks) {
        pb::Task t;
        if (!t.ParseFromString(rec.payload())) continue;
        if (t.status() != "open" && t.status() != "in_progress" && t.status() != "submitted") continue;
        if (std::find(t.assignees().begin(), t.assignees().end(), user_id) == t.assignees().end()) continue;
        auto tpl = store.get(domain::kChecklistTemplate, t.template_id());
        auto inst = store.get(domain::kInstitution, t.institution_id());
        if (!tpl || !*tpl || !inst || !*inst) continue;
        pb::Institution i;
        if (i.ParseFromString((*inst)->payload()) && i.has_location()) location = i.location();
        return rec.id();
    }
    return {};
}

// Enrolls the first volunteer whose code works and who has a task; the error otherwise.
std::string set_up_device(SyncDevice& d, const IdleOptions& opt) {
    auto codes = volunteer_codes(opt.codes_csv);
    if (codes.empty()) return "no volunteer codes in " + opt.codes_csv.string();
    for (std::size_t k = 0; k < codes.size(); ++k) {
        fs::path dir = opt.work_dir / ("device-" + std::to_string(k));
        std::error_code ec;
        fs::create_directories(dir, ec);
        auto p = sync::DeviceProfile::open(dir);
        if (!p) return "cannot open a device profile: " + p.error().message();
        d.profile = std::make_unique<sync::DeviceProfile>(std::move(*p));
        auto id = d.profile->enroll(opt.server_url, codes[k], opt.pin, "ducha-bench idle");
        if (!id) {
            if (wire::action_for(id.error().code) == wire::Action::stop) continue;  // used or expired
            return "enrollment failed: " + id.error().to_string();
        }
        d.client = std::make_unique<sync::SyncClient>(*d.profile);
        auto first = d.client->sync(5);
        if (!first) return "initial sync failed: " + first.error().to_string();
        d.task_id = usable_task(d.profile->store(), id->user_id, d.location);
        if (!d.task_id.empty()) return {};
    }
    return "no volunteer with an open task";
}

// `passes` sync passes, each after one report recorded and signed offline (not timed): the
// latency of each pass (push of the report, the pull, acknowledgements) in ms, and the first error.
std::vector<double> sync_passes(SyncDevice& d, int passes, std::string& error) {
    std::vector<double> ms;
    sync::InspectionRecorder recorder(*d.profile);
    for (int i = 0; i < passes && error.empty(); ++i) {
        sync::InspectionInput in;
        in.task_id = d.task_id;
        for (const char* code : kItems) in.answers.push_back({code, "pass", "", 0});
        if (d.location) {
            in.gps = *d.location;
            in.gps_accuracy_m = 8;
            in.gps_fix_age_ms = 1000;
        }
        in.notes = "ducha-bench idle #" + std::to_string(++d.reports);
        if (auto r = recorder.record(in); !r) {
            error = "recording a report failed: " + r.error().to_string();
            break;
        }
        auto t0 = Clock::now();
        auto rep = d.client->sync_once();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (!rep) error = "sync failed: " + rep.error().to_string();
        else if (rep->pushed < 1) error = "the sync pass pushed nothing";
        else if (!rep->complete()) error = "sync pass incomplete";
    }
    return ms;
}

}  // namespace

int run_idle(const IdleOptions& opt, std::ostream& out, std::ostream& err) {
    const rlim_t need = static_cast<rlim_t>(opt.connections) + 256;
    if (rlim_t got = raise_own_file_limit(need); got < need) {
        err << "ducha-bench: this process may open " << got << " files, " << opt.connections
            << " connections need about " << need << " (raise the hard limit: ulimit -Hn, LimitNOFILE)\n";
        return 1;
    }
    auto ep = endpoint_of(opt.server_url);
    if (!ep) {
        err << "ducha-bench: cannot read an address and port from " << opt.server_url << "\n";
        return 1;
    }
    const bool own = opt.server_pid > 0;
    if (own) out << "server open-file limit: " << open_file_limit(opt.server_pid) << std::endl;

    err << "enrolling the syncing device...\n";
    SyncDevice device;
    if (auto e = set_up_device(device, opt); !e.empty()) {
        err << "ducha-bench: " << e << "\n";
        return 1;
    }
    // Beside nothing first: the figure the idle connections are compared with (and a warm server).
    std::string error;
    auto base = sync_passes(device, opt.syncs, error);
    if (!error.empty()) {
        err << "ducha-bench: " << error << "\n";
        return 1;
    }
    const long rss_before = own ? proc_status_kb(opt.server_pid, "VmRSS") : -1;
    const long files_before = own ? open_files(opt.server_pid) : -1;
    out << "alone: sync p50 " << fixed(percentile(base, 50), 1) << " ms, p99 " << fixed(percentile(base, 99), 1)
        << " ms (" << base.size() << " passes); server RSS " << mb(rss_before) << " MB, " << files_before
        << " open files" << std::endl;

    err << "opening " << opt.connections << " idle connections...\n";
    IdleFleet fleet(*ep, opt.connections, opt.opening);
    auto t0 = Clock::now();
    const bool opened_in_time = fleet.open();
    const double open_s = std::chrono::duration<double>(Clock::now() - t0).count();
    std::this_thread::sleep_for(std::chrono::seconds(1));  // let the server settle (freed handshake state)
    const long rss_open = own ? proc_status_kb(opt.server_pid, "VmRSS") : -1;
    const long files_open = own ? open_files(opt.server_pid) : -1;
    out << "opened " << fleet.opened() << " of " << opt.connections << " connections in " << fixed(open_s, 1) << " s ("
        << fixed(open_s > 0 ? fleet.opened() / open_s : 0, 0) << "/s), " << fleet.failed() << " failed; server RSS "
        << mb(rss_open) << " MB";
    if (own && rss_before >= 0 && rss_open >= 0 && fleet.opened() > 0)
        out << " (+" << mb(rss_open - rss_before) << " MB, "
            << fixed(static_cast<double>(rss_open - rss_before) / fleet.opened(), 1) << " KB per connection)";
    out << ", " << files_open << " open files" << std::endl;
    if (!opened_in_time || fleet.failed() > 0) {
        err << "ducha-bench: " << (opened_in_time ? "" : "opening did not finish in time; ") << fleet.failed()
            << " connections failed, e.g. " << fleet.first_error() << "\n";
        return 1;
    }

    std::vector<double> p50s, p99s;
    long rss_max = rss_open;
    for (int run = 1; run <= opt.runs; ++run) {
        err << "run " << run << "/" << opt.runs << ": " << opt.syncs << " sync passes beside the idle connections...\n";
        auto ms = sync_passes(device, opt.syncs, error);
        const long rss = own ? proc_status_kb(opt.server_pid, "VmRSS") : -1;
        rss_max = std::max(rss_max, rss);
        p50s.push_back(percentile(ms, 50));
        p99s.push_back(percentile(ms, 99));
        out << "run " << run << "/" << opt.runs << ": sync p50 " << fixed(p50s.back(), 1) << " ms, p99 "
            << fixed(p99s.back(), 1) << " ms (" << ms.size() << " passes); server RSS " << mb(rss) << " MB; "
            << fleet.opened() - fleet.closed_by_server() << " idle connections open" << std::endl;
        if (!error.empty()) {
            err << "ducha-bench: " << error << "\n";
            return 1;
        }
    }
    const int closed = fleet.closed_by_server();
    // VmRSS counts the shared libraries' pages too (file-backed, shared with other processes);
    // RssAnon is the server's own memory.
    if (own)
        out << "server peak RSS (VmHWM) " << mb(proc_status_kb(opt.server_pid, "VmHWM")) << " MB; anonymous "
            << mb(proc_status_kb(opt.server_pid, "RssAnon")) << " MB, file-backed "
            << mb(proc_status_kb(opt.server_pid, "RssFile")) << " MB" << std::endl;
    out << "idle: " << fleet.opened() - closed << " connections, server RSS " << mb(rss_max) << " MB, sync p50 "
        << fixed(median(p50s), 1) << " ms, p99 " << fixed(median(p99s), 1) << " ms" << std::endl;
    if (closed > 0) {
        err << "ducha-bench: the server closed " << closed
            << " idle connections during the benchmark (its keep-alive idle timeout is 120 s: fewer --syncs or --runs)\n";
        return 1;
    }
    return 0;
}

}  // namespace ducha::bench
