#include "server/service/server_app.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <ostream>
#include <thread>

#include "server/pg/pg_connection.h"
#include "server/pg/pg_migrations.h"
#include "server/service/mutation_applier.h"
#include "server/service/risk_workflow.h"
#include "server/storage/record_table.h"
#include "server/storage/pg_server_schema.h"
#include "server/storage/server_schema.h"
#include "shared/common/durable_file.h"
#include "shared/crypto/certificate.h"
#include "shared/crypto/random.h"
#include "shared/domain/checklist.h"
#include "shared/domain/checklist_template_check.h"
#include "shared/domain/collections.h"
#include "shared/domain/institution_risk.h"

namespace ducha::server {

namespace fs = std::filesystem;
using namespace ducha::domain;

namespace {

constexpr const char* kDbName = "ducha.db";
// Threads for evidence uploads (see ServerContext::blob_io): each mostly waits on the disk.
constexpr unsigned kBlobIoThreads = 16;
constexpr const char* kKeyName = "server-signing.key";
constexpr const char* kPostgresqlMarker = "records-in-postgresql";

Status write_secret_file(const fs::path& p, std::string_view data) {
    return write_file_durably(p, data, 0600, Replace::never);
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// DIR/tls's pair, made on the first start. Instances starting together on one DIR take turns under
// the first-start lock: the first makes the pair, the others find both files and serve the same
// certificate (one pin for every instance). A key without its certificate (a start that died
// between the two files) is made again with it; a whole pair is never replaced.
Status ensure_self_signed_pair(const fs::path& data_dir, const fs::path& cert_pem, const fs::path& key_pem) {
    std::error_code ec;
    fs::create_directories(cert_pem.parent_path(), ec);
    if (ec) return fail(Errc::storage, Msg::cannot_create_file_os, cert_pem.parent_path().string(), ec.message());
    if (fs::exists(cert_pem) && fs::exists(key_pem)) return {};
    auto turn = DataDirLock::wait_for_first_start(data_dir);
    if (!turn) return fail(turn.error());
    if (fs::exists(cert_pem) && fs::exists(key_pem)) return {};  // another instance made it meanwhile
    return crypto::write_self_signed_certificate(key_pem, cert_pem, "ducha-server");
}

}  // namespace

bool records_in_postgresql(const fs::path& data_dir) {
    std::error_code ec;
    return fs::exists(data_dir / kPostgresqlMarker, ec);
}

Status mark_records_in_postgresql(const fs::path& data_dir) {
    return write_file_durably(data_dir / kPostgresqlMarker,
                              "The records of this server live in PostgreSQL: serve with --database.\n", 0600,
                              Replace::never);
}

fs::path sqlite_database_path(const fs::path& data_dir) { return data_dir / kDbName; }

Result<std::unique_ptr<store::Connection>> open_server_connection(const fs::path& data_dir,
                                                                  const std::string& database_url, bool durable) {
    if (database_url.empty()) {
        auto db = open_server_db(data_dir, durable);
        if (!db) return fail(db.error());
        return std::unique_ptr<store::Connection>(std::make_unique<store::Database>(std::move(*db)));
    }
    if (!is_postgresql_url(database_url))
        return fail(Errc::invalid_argument, Msg::database_url_not_postgresql, database_url);
    // A directory initialised for SQLite: PostgreSQL would be another (likely empty) database.
    if (std::error_code ec; !records_in_postgresql(data_dir) && fs::exists(data_dir / kDbName, ec))
        return fail(Errc::invalid_argument, Msg::records_in_sqlite_not_postgresql, data_dir.string(),
                    (data_dir / kDbName).string());
    auto pg = pg::PgConnection::open(database_url);
    if (!pg) return fail(pg.error());
    if (auto r = pg::apply_pg_migrations(*pg, pg_server_migrations()); !r) return fail(r.error());
    return std::unique_ptr<store::Connection>(std::make_unique<pg::PgConnection>(std::move(*pg)));
}

Result<store::Database> open_server_db(const fs::path& data_dir, bool durable) {
    if (records_in_postgresql(data_dir))
        return fail(Errc::invalid_argument, Msg::records_in_postgresql_use_database, data_dir.string());
    store::Database::Options o;
    o.synchronous_full = durable;
    o.cache_kib = 64 * 1024;
    o.page_size = 16384;  // fewer, larger WAL writes per group commit
    auto db = store::Database::open(data_dir / kDbName, o);
    if (!db) return db;
    if (auto r = store::apply_migrations(*db, server_migrations()); !r) return fail(r.error());
    return db;
}

Result<crypto::Ed25519KeyPair> load_server_key(const fs::path& data_dir) {
    std::ifstream in(data_dir / kKeyName, std::ios::binary);
    if (!in) return fail(Errc::not_found, Msg::no_server_signing_key_run, data_dir.string());
    std::string hex((std::istreambuf_iterator<char>(in)), {});
    while (!hex.empty() && (hex.back() == '\n' || hex.back() == ' ')) hex.pop_back();
    auto seed = hex_decode(hex);
    if (!seed) return fail(Errc::integrity, Msg::server_signing_key_file_corrupt);
    return crypto::Ed25519KeyPair::from_seed(*seed);
}

Status init_data_dir(const InitOptions& opt, std::ostream& out) {
    std::error_code ec;
    fs::create_directories(opt.data_dir, ec);
    if (ec) return fail(Errc::storage, Msg::cannot_create_data_dir, opt.data_dir.string(), ec.message());
    if (fs::exists(opt.data_dir / kDbName) || fs::exists(opt.data_dir / kKeyName) || records_in_postgresql(opt.data_dir))
        return fail(Errc::already_exists, Msg::already_initialised_nothing_was_changed, opt.data_dir.string());
    ::chmod(opt.data_dir.c_str(), 0700);
    // PostgreSQL: reached and checked before DIR gets anything, so a wrong URL leaves DIR unused.
    std::unique_ptr<store::Connection> db;
    if (!opt.database_url.empty()) {
        auto pg = open_server_connection(opt.data_dir, opt.database_url);
        if (!pg) return fail(pg.error());
        auto used = RecordTable{**pg}.max_seq();
        if (!used) return fail(used.error());
        if (*used > 0) {
            auto* conn = dynamic_cast<pg::PgConnection*>(pg->get());
            return fail(Errc::already_exists, Msg::postgresql_database_already_used,
                        conn ? conn->database_name() : std::string("postgresql"));
        }
        db = std::move(*pg);
    }
    auto key = crypto::Ed25519KeyPair::generate();
    if (auto r = write_secret_file(opt.data_dir / kKeyName, hex_encode(key.seed()) + "\n"); !r) return r;
    if (db) {
        if (auto r = mark_records_in_postgresql(opt.data_dir); !r) return r;
    } else {
        auto sqlite = open_server_connection(opt.data_dir, "");
        if (!sqlite) return fail(sqlite.error());
        db = std::move(*sqlite);
    }
    auto seq = RecordTable{*db}.max_seq();
    if (!seq) return fail(seq.error());
    Writer writer{std::move(db), key, *seq, Writer::Config{}};

    std::int64_t now = system_clock().now_s();
    if (opt.demo && !opt.seed)
        return fail(Errc::invalid_argument, Msg::program_carries_no_demo_data);
    std::vector<SeedUser> users;
    std::string admin_id;
    auto r = writer.run_sync([&](WriteBatch& b) -> Status {
        RecordTable table{b.db};
        MutationApplier ap{b, table};
        if (opt.demo) {
            auto demo = opt.seed(now);
            // Complaints and cases first: each institution is then written once, with the counts
            // its facts give, instead of again for every complaint or case naming it.
            std::stable_partition(demo.records.begin(), demo.records.end(),
                                  [](const SeedRecord& rec) { return is_risk_fact(rec.collection); });
            RiskWorkflow risk{ap, table, b.db};
            for (auto& rec : demo.records) {
                if (rec.collection == kInstitution) {
                    pb::Institution inst;
                    if (!inst.ParseFromString(rec.payload)) return fail(Errc::malformed, Msg::record_unparsable);
                    if (auto s = risk.complete(rec.id, inst); !s) return s;
                    rec.payload = inst.SerializeAsString();
                }
                if (auto w = ap.write(rec.collection, rec.id, 1, rec.payload, false); !w) return fail(w.error());
            }
            users = std::move(demo.users);
            for (const auto& u : users)
                if (u.role == "admin") admin_id = u.user_id;
        } else {
            if (auto w = ap.write(kChecklistTemplate, checklist_version_id(1), 1, default_checklist().SerializeAsString(), false); !w)
                return fail(w.error());
        }
        if (admin_id.empty()) {
            admin_id = crypto::new_uuid();
            pb::User admin;
            admin.set_name("系统管理员");
            admin.set_role("admin");
            admin.set_active(true);
            admin.set_badge_token(crypto::random_token(16));
            admin.set_badge_valid_until(now + 365 * 24 * 3600);
            if (auto w = ap.write(kUser, admin_id, 1, admin.SerializeAsString(), false); !w) return fail(w.error());
            users.push_back({admin_id, "admin", "系统管理员", "", ""});
        }
        return {};
    });
    if (!r) return r;

    // Codes: the admin's always; with demo, one per demo user, written to a CSV for hand-out.
    std::vector<std::pair<SeedUser, std::string>> codes;
    r = writer.run_sync([&](WriteBatch& b) -> Status {
        for (const auto& u : users) {
            if (!opt.demo && u.user_id != admin_id) continue;
            auto code = AuthService::create_enrollment_code(b, u.user_id, "init", opt.demo ? 30 * 24 * 3600 : 7 * 24 * 3600);
            if (!code) return fail(code.error());
            codes.emplace_back(u, *code);
        }
        return {};
    });
    if (!r) return r;
    for (const auto& [u, code] : codes)
        if (u.user_id == admin_id) out << "admin enrollment code: " << code << "\n";
    if (opt.demo) {
        fs::path csv = opt.data_dir / "enrollment-codes.csv";
        std::ofstream f(csv);
        f << "user_id,role,name,district,code\n";
        for (const auto& [u, code] : codes)
            f << u.user_id << ',' << u.role << ',' << csv_field(u.name) << ',' << csv_field(u.district_name) << ','
              << code << '\n';
        f.close();
        ::chmod(csv.c_str(), 0600);
        if (!f) return fail(Errc::storage, Msg::cannot_write_file, csv.string());
        out << "demo data: " << users.size() << " users; enrollment codes in " << csv.string() << "\n";
    }
    out << "initialised " << opt.data_dir.string() << "\n";
    return {};
}

Result<std::string> issue_enrollment_code(const fs::path& data_dir, const std::string& user_id, std::int64_t ttl_s,
                                          const std::string& database_url) {
    auto issued = issue_enrollment_codes(data_dir, {user_id}, ttl_s, {}, database_url);
    if (!issued) return fail(issued.error());
    return issued->front().code;
}

Result<std::vector<IssuedEnrollmentCode>> issue_enrollment_codes(const fs::path& data_dir,
                                                                 const std::vector<std::string>& user_ids,
                                                                 std::int64_t ttl_s, const BeforeCodesCommit& before_commit,
                                                                 const std::string& database_url) {
    auto db = open_server_connection(data_dir, database_url);
    if (!db) return fail(db.error());
    RecordTable table{**db};
    for (const auto& user_id : user_ids) {
        auto u = table.get(kUser, user_id);
        if (!u) return fail(u.error());
        if (!*u) return fail(Errc::not_found, Msg::no_such_user, user_id);
    }
    auto key = load_server_key(data_dir);
    if (!key) return fail(key.error());
    auto seq = table.max_seq();
    if (!seq) return fail(seq.error());
    std::vector<IssuedEnrollmentCode> issued;
    {
        // A running server has its own writer on the same database; SQLite's lock, or PostgreSQL's
        // lock on the feed sequencer row, serialises the two.
        Writer w{std::move(*db), *key, *seq, Writer::Config{}};
        auto r = w.run_sync([&](WriteBatch& b) -> Status {
            issued.clear();
            for (const auto& user_id : user_ids) {
                auto c = AuthService::create_enrollment_code(b, user_id, "admin-cli", ttl_s);
                if (!c) return fail(c.error());
                issued.push_back(IssuedEnrollmentCode{user_id, *c, b.server_time_ms / 1000 + ttl_s});
            }
            if (before_commit) return before_commit(issued);
            return {};
        });
        if (!r) return fail(r.error());
    }
    return issued;
}

Result<std::unique_ptr<ServerApp>> ServerApp::start(const ServeOptions& opt) {
    std::unique_ptr<ServerApp> app{new ServerApp};
    auto ctx = std::make_unique<ServerContext>();
    ctx->data_dir = opt.data_dir;
    ctx->limits.uploads = opt.uploads;
    ctx->limits.sign_ins_per_minute = opt.sign_ins_per_minute;
    if (const char* fp = std::getenv("DUCHA_FAILPOINT"); fp && std::string_view(fp) == "kill_after_commit")
        ctx->failpoint_kill_after_commit = true;
    auto key = load_server_key(opt.data_dir);
    if (!key) return fail(key.error());
    ctx->server_key = *key;
    // SQLite: this server alone. PostgreSQL: other instances may serve the same DIR (its key, TLS
    // pair and evidence files); `restore` still cannot run underneath any of them.
    auto lock = DataDirLock::acquire(opt.data_dir, opt.database_url.empty() ? DataDirUse::alone : DataDirUse::shared);
    if (!lock) return fail(lock.error());
    app->m_lock.emplace(std::move(*lock));
    auto db = open_server_connection(opt.data_dir, opt.database_url, opt.durable);
    if (!db) return fail(db.error());
    auto seq = RecordTable{**db}.max_seq();
    if (!seq) return fail(seq.error());
    auto generation = ServerGeneration{**db}.get();
    if (!generation) return fail(generation.error());
    ctx->generation = std::move(*generation);
    if (opt.database_url.empty()) {
        ctx->readers = std::make_unique<ReaderPool>(opt.data_dir / kDbName);
        // Checkpoints run beside the writer, so its commits seldom pay for copying pages. The writer
        // still checkpoints once the WAL passes 64 MiB (4096 pages of 16 KiB): by then the background
        // pass has copied nearly everything, and only a checkpoint right after a commit can complete,
        // which lets the next transaction start the WAL over instead of growing it forever.
        if (auto r = (*db)->exec("PRAGMA wal_autocheckpoint=4096"); !r) return fail(r.error());
        auto cp_db = open_server_db(opt.data_dir, opt.durable);
        if (!cp_db) return fail(cp_db.error());
        ctx->checkpointer = std::make_unique<Checkpointer>(std::move(*cp_db), std::chrono::milliseconds(500));
    } else {
        // PostgreSQL: read-only sessions, no checkpointer (the database server writes its own WAL).
        ctx->readers = std::make_unique<ReaderPool>(
            [url = opt.database_url]() -> Result<std::unique_ptr<store::Connection>> {
                auto pg = pg::PgConnection::open(url);
                if (!pg) return fail(pg.error());
                if (auto r = pg->exec("SET default_transaction_read_only = on"); !r) return fail(r.error());
                return std::unique_ptr<store::Connection>(std::make_unique<pg::PgConnection>(std::move(*pg)));
            },
            "SELECT last_seq FROM feed_sequencer");
    }
    if (opt.clock) ctx->clock = opt.clock;
    Writer::Config writer_cfg;
    writer_cfg.clock = ctx->clock;
    if (!opt.database_url.empty())
        writer_cfg.reopen = [dir = opt.data_dir, url = opt.database_url, durable = opt.durable] {
            return open_server_connection(dir, url, durable);
        };
    ctx->writer = std::make_unique<Writer>(std::move(*db), *key, *seq, writer_cfg);
    unsigned workers = opt.worker_threads > 0 ? static_cast<unsigned>(opt.worker_threads)
                                              : std::max(2u, std::thread::hardware_concurrency());
    ctx->workers = std::make_unique<ThreadPool>(workers);
    ctx->blob_io = std::make_unique<ThreadPool>(kBlobIoThreads);

    HttpServerConfig hc;
    auto colon = opt.listen.rfind(':');
    if (colon == std::string::npos)
        return fail(Errc::invalid_argument, Msg::listen_needs_host_port_got, opt.listen);
    hc.host = opt.listen.substr(0, colon);
    if (hc.host.size() > 2 && hc.host.front() == '[' && hc.host.back() == ']') hc.host = hc.host.substr(1, hc.host.size() - 2);
    try {
        int port = std::stoi(opt.listen.substr(colon + 1));
        if (port < 0 || port > 65535) throw std::out_of_range("port");
        hc.port = static_cast<std::uint16_t>(port);
    } catch (const std::exception&) {
        return fail(Errc::invalid_argument, Msg::invalid_port_listen, opt.listen);
    }
    hc.threads = opt.io_threads;
    hc.max_body = ctx->limits.max_body;
    hc.max_connections = static_cast<std::size_t>(opt.max_connections);
    hc.cert_pem = opt.cert_pem;
    hc.key_pem = opt.key_pem;
    if (hc.cert_pem.empty()) {
        hc.cert_pem = opt.data_dir / "tls" / "cert.pem";
        hc.key_pem = opt.data_dir / "tls" / "key.pem";
        if (auto r = ensure_self_signed_pair(opt.data_dir, hc.cert_pem, hc.key_pem); !r) return fail(r.error());
    }
    auto pin = crypto::public_key_pin_of_certificate(hc.cert_pem);
    if (!pin) return fail(pin.error());
    app->m_pin = *pin;
    app->m_cert_pem = hc.cert_pem;
    app->m_host = hc.host;
    if (opt.request_log) app->m_request_log = std::make_unique<RequestLog>(opt.request_log);
    app->m_ctx = std::move(ctx);
    ServerApp* self = app.get();
    app->m_router = std::make_unique<Router>(*app->m_ctx, [self] { return self->m_http->stats(); });
    hc.header_check = [self](const HttpRequest& req) {
        auto policy = self->m_router->body_policy(req);
        if (policy.refusal && self->m_request_log) self->m_request_log->refused(req, *policy.refusal);
        return policy;
    };
    app->m_http = std::make_unique<HttpServer>(hc, [self](HttpRequest&& req, Respond respond) {
        if (self->m_request_log) respond = self->m_request_log->wrap(req, std::move(respond));
        self->m_router->handle(std::move(req), std::move(respond));
    });
    auto port = app->m_http->start();
    if (!port) return fail(port.error());
    return app;
}

std::string ServerApp::pin() const {
    std::lock_guard lk(m_pin_mutex);
    return m_pin;
}

Result<std::string> ServerApp::reload_tls() {
    // The pin first: a certificate whose key cannot be read is refused before anything changes.
    auto pin = crypto::public_key_pin_of_certificate(m_cert_pem);
    if (!pin) return fail(pin.error());
    if (auto s = m_http->reload_tls(); !s) return fail(s.error());
    std::lock_guard lk(m_pin_mutex);
    m_pin = *pin;
    return *pin;
}

std::string ServerApp::url() const {
    std::string host = m_host.find(':') != std::string::npos ? "[" + m_host + "]" : m_host;
    return "https://" + host + ":" + std::to_string(port());
}

void ServerApp::stop() {
    if (!m_ctx || !m_http) return;
    m_ctx->draining = true;
    m_http->stop();
    m_ctx->blob_io.reset();  // finish uploads in flight
    m_ctx->workers.reset();  // finish pulls in flight
    m_ctx->writer.reset();   // commit what is queued
    m_ctx->checkpointer.reset();  // a last checkpoint
    m_lock.reset();
}

ServerApp::~ServerApp() { stop(); }

}  // namespace ducha::server
