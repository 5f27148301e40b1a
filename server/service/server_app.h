#pragma once
// `ducha-server init` and `ducha-server serve`: the data directory, keys, TLS, and the running server.
#include <atomic>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/store/database_url.h"
#include "server/http/http_server.h"
#include "server/service/request_log.h"
#include "server/service/router.h"
#include "server/service/seed_data.h"
#include "server/service/server_context.h"
#include "server/storage/data_dir_lock.h"

namespace ducha::server {

struct InitOptions {
    std::filesystem::path data_dir;
    std::string database_url;  // empty: SQLite in DIR; else a postgresql:// URL (the records live there)
    bool demo = false;   // seed the directory with `seed` and write DIR/enrollment-codes.csv
    SeedSource seed;     // required with demo (ducha_demo's make_demo_data, see server/main.cpp)
};

// Creates the database, the server signing key and the first admin; with demo, Anshan's demo data
// and DIR/enrollment-codes.csv. Prints "admin enrollment code: CODE". Refuses a used directory.
Status init_data_dir(const InitOptions& opt, std::ostream& out);

struct ServeOptions {
    std::filesystem::path data_dir;
    std::string database_url;  // empty: SQLite in DIR; else a postgresql:// URL (init'ed with the same)
    std::string listen = "127.0.0.1:8443";
    std::filesystem::path cert_pem, key_pem;  // empty: a self-signed pair in DIR/tls, made once and reused
    int io_threads = 2;
    int worker_threads = 0;  // 0: one per core
    int max_connections = 10000;  // beyond it a new connection is closed at once (the device retries)
    UploadLimits uploads;         // each device's unfinished uploads, and when one is stale
    int sign_ins_per_minute = 120;  // per network address: enroll, refresh, device sign-in (0: no limit)
    bool durable = true;     // fsync every commit (turn off only for throwaway benchmarks)
    const Clock* clock = nullptr;  // nullptr: the wall clock (tests set the time through their own)
    // Where the one-JSON-line-per-request log goes (docs/OPERATIONS.md); empty: no request log.
    std::function<void(std::string_view line)> request_log;
};

// A running server (the `serve` command and the tests use this).
class ServerApp {
public:
    static Result<std::unique_ptr<ServerApp>> start(const ServeOptions& opt);
    ~ServerApp();
    void stop();  // graceful: refuse new work, drain in-flight requests, flush the writer

    std::uint16_t port() const { return m_http->port(); }
    std::string pin() const;
    // Reads the certificate and key again (SIGHUP: a renewed certificate). New connections get the
    // new pair, open ones keep theirs. Answers the pin of the certificate now serving; a pair that
    // does not load leaves the old one serving and is the error.
    [[nodiscard]] Result<std::string> reload_tls();
    std::string url() const;
    ServerContext& context() { return *m_ctx; }

private:
    ServerApp() = default;
    std::optional<DataDirLock> m_lock;  // held from start to stop: no second server, no restore underneath
    std::string m_host;
    std::filesystem::path m_cert_pem;
    mutable std::mutex m_pin_mutex;
    std::string m_pin;
    std::unique_ptr<RequestLog> m_request_log;
    std::unique_ptr<ServerContext> m_ctx;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<HttpServer> m_http;
};

// Opens DIR's database with migrations applied (used by init, serve and the admin tool). SQLite: the
// embedded backend lives in DIR.
Result<store::Database> open_server_db(const std::filesystem::path& data_dir, bool durable = true);
Result<crypto::Ed25519KeyPair> load_server_key(const std::filesystem::path& data_dir);

// PostgreSQL (docs/OPERATIONS.md): a deployment whose records live in PostgreSQL keeps its keys,
// TLS and evidence files in DIR, and DIR holds a marker file (no URL: it may carry a password), so
// that a command without --database (serve, enrollment-code, enrollment-sheets, verify) and the
// SQLite-only ones (backup, restore) refuse it instead of starting an empty database beside it.
using store::is_postgresql_url;
bool records_in_postgresql(const std::filesystem::path& data_dir);
// Writes DIR's marker (init --database, and migrate once the records are copied).
Status mark_records_in_postgresql(const std::filesystem::path& data_dir);
// The SQLite database of DIR (the embedded backend's one file).
std::filesystem::path sqlite_database_path(const std::filesystem::path& data_dir);
// The server database with migrations applied: SQLite in DIR when `database_url` is empty, else
// the PostgreSQL database at the URL (a URL of another scheme is invalid_argument). A DIR holding
// its SQLite database and no marker is refused with a URL (invalid_argument): the URL would name
// another database than the one DIR was initialised with.
Result<std::unique_ptr<store::Connection>> open_server_connection(const std::filesystem::path& data_dir,
                                                                  const std::string& database_url,
                                                                  bool durable = true);

// Creates a one-time enrollment code for a user directly in DIR (the server may be running).
// `database_url`: as for open_server_connection (empty: SQLite in DIR).
Result<std::string> issue_enrollment_code(const std::filesystem::path& data_dir, const std::string& user_id,
                                          std::int64_t ttl_s, const std::string& database_url = "");

struct IssuedEnrollmentCode {
    std::string user_id, code;
    std::int64_t expires_at_s = 0;  // unix seconds
};
using BeforeCodesCommit = std::function<Status(const std::vector<IssuedEnrollmentCode>&)>;
// The same for several users in one transaction: all codes or none (an unknown user fails them
// all). `before_commit`, when given, sees the codes while the transaction is still open; its
// failure rolls every code back, so what it makes of them (a printed sheet) and the codes exist
// together or not at all.
Result<std::vector<IssuedEnrollmentCode>> issue_enrollment_codes(const std::filesystem::path& data_dir,
                                                                 const std::vector<std::string>& user_ids,
                                                                 std::int64_t ttl_s,
                                                                 const BeforeCodesCommit& before_commit = {},
                                                                 const std::string& database_url = "");

}  // namespace ducha::server
