#include "tests/fuzz/support/fuzz_server.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <sstream>
#include <stdexcept>

#include "server/demo/demo_data.h"
#include "server/service/router.h"
#include "server/service/server_app.h"
#include "server/service/server_context.h"
#include "server/storage/chain_heads.h"
#include "server/storage/record_table.h"
#include "shared/crypto/random.h"
#include "shared/desk/csv_reader.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"

namespace ducha::fuzz {

namespace fs = std::filesystem;

namespace {

// Often enough that what the fuzzer wrote stays small, seldom enough that copying costs little.
constexpr std::size_t kRequestsPerCopy = 2000;
constexpr const char* kRoles[] = {"volunteer", "coordinator", "supervisor", "admin"};

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "fuzz server: %s\n", what.c_str());
    std::abort();
}

// The first demo account of each role, with its enrollment code (DIR/enrollment-codes.csv).
std::vector<std::pair<std::string, std::string>> demo_codes(const fs::path& dir) {
    std::ifstream f(dir / "enrollment-codes.csv");
    std::stringstream text;
    text << f.rdbuf();
    auto csv = desk::parse_csv(text.str());
    if (!csv) die("enrollment-codes.csv: " + csv.error().message());
    auto role = csv->column({"role"}), code = csv->column({"code"});
    if (!role || !code) die("enrollment-codes.csv has no role or code column");
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* want : kRoles)
        for (const auto& row : csv->rows)
            if (row.cells.size() > std::max(*role, *code) && row.cells[*role] == want) {
                out.emplace_back(want, row.cells[*code]);
                break;
            }
    if (out.size() != std::size(kRoles)) die("the demo city lacks a role");
    return out;
}

}  // namespace

FuzzServer& FuzzServer::shared() {
    static FuzzServer server;
    return server;
}

FuzzServer::FuzzServer() {
    m_root = fs::temp_directory_path() / ("ducha-fuzz-" + crypto::random_token(9));
    m_pristine = m_root / "pristine";
    m_live = m_root / "live";
    fs::create_directories(m_root);
    std::ostringstream out;
    server::InitOptions init;
    init.data_dir = m_pristine;
    init.demo = true;
    init.seed = [](std::int64_t now) { return server::make_demo_data(2023, now); };
    if (auto r = server::init_data_dir(init, out); !r) die("init: " + r.error().message());
    start(m_pristine);
    // One device per role, enrolled the way a phone enrolls.
    for (const auto& [role, code] : demo_codes(m_pristine)) {
        FuzzAccount a;
        a.role = role;
        a.key = crypto::Ed25519KeyPair::generate();
        pb::EnrollRequest req;
        req.set_code(code);
        req.set_public_key(a.key.public_key());
        req.set_device_name("fuzz " + role);
        server::HttpRequest http;
        http.method = "POST";
        http.path = http.target = "/v1/enroll";
        http.body = req.SerializeAsString();
        auto resp = handle(std::move(http));
        pb::TokenResponse t;
        if (resp.status != 200 || !t.ParseFromString(resp.body)) die("enroll " + role + ": " + resp.body);
        a.user_id = t.user_id();
        a.device_id = t.device_id();
        a.access_token = t.access_token();
        a.refresh_token = t.refresh_token();
        m_accounts.push_back(std::move(a));
    }
    stop();
    restart_from_pristine();
}

FuzzServer::~FuzzServer() {
    stop();
    std::error_code ec;
    fs::remove_all(m_root, ec);
}

void FuzzServer::start(const fs::path& data_dir) {
    auto ctx = std::make_unique<server::ServerContext>();
    ctx->data_dir = data_dir;
    auto key = server::load_server_key(data_dir);
    if (!key) die("server key: " + key.error().message());
    ctx->server_key = *key;
    auto db = server::open_server_db(data_dir, false);
    if (!db) die("database: " + db.error().message());
    auto seq = server::RecordTable{*db}.max_seq();
    if (!seq) die("database: " + seq.error().message());
    ctx->readers = std::make_unique<server::ReaderPool>(data_dir / "ducha.db");
    server::Writer::Config cfg;
    cfg.clock = ctx->clock;
    ctx->writer = std::make_unique<server::Writer>(std::move(*db), *key, *seq, cfg);
    ctx->workers = std::make_unique<server::ThreadPool>(1);
    m_ctx = std::move(ctx);
    m_router = std::make_unique<server::Router>(*m_ctx, [] { return server::HttpServer::Stats{}; });
}

void FuzzServer::stop() {
    m_router.reset();
    m_ctx.reset();  // workers finish, the writer flushes, the connections close
}

void FuzzServer::restart_from_pristine() {
    stop();
    std::error_code ec;
    fs::remove_all(m_live, ec);
    fs::copy(m_pristine, m_live, fs::copy_options::recursive);
    start(m_live);
    m_requests = 0;
}

std::string FuzzServer::some_id(std::string_view collection, std::size_t n) const {
    auto lease = m_ctx->readers->acquire();
    if (!lease) return {};
    std::vector<std::string> ids;
    (void)server::RecordTable{lease->db()}.for_each_live(collection, [&](const pb::Record& r) {  // none: no id
        ids.push_back(r.id());
        return ids.size() < 16;
    });
    return ids.empty() ? std::string{} : ids[n % ids.size()];
}

std::optional<pb::Record> FuzzServer::record(std::string_view collection, const std::string& id) const {
    auto lease = m_ctx->readers->acquire();
    if (!lease) return std::nullopt;
    auto r = server::RecordTable{lease->db()}.get(collection, id);
    return r ? *r : std::nullopt;
}

std::int64_t FuzzServer::version_of(std::string_view collection, const std::string& id) const {
    auto r = record(collection, id);
    return r ? r->version() : 0;
}

void FuzzServer::sign_reports(const FuzzAccount& a, pb::SyncRequest& req) const {
    server::ChainHead head;
    if (auto lease = m_ctx->readers->acquire())
        if (auto h = server::ChainHeads{lease->db()}.get(a.device_id)) head = *h;
    if (head.hash.empty()) head.hash = domain::zero_hash();
    for (auto& m : *req.mutable_mutations()) {
        pb::Report r;
        if (m.collection() != domain::kReport || !r.ParseFromString(m.payload())) continue;
        r.set_device_id(a.device_id);
        r.set_user_id(a.user_id);
        r.set_chain_index(static_cast<std::uint64_t>(++head.index));
        r.set_prev_hash(head.hash);
        domain::sign_report(m.id(), r, a.key);
        head.hash = domain::report_hash(m.id(), r);
        m.set_payload(r.SerializeAsString());
    }
}

server::HttpResponse FuzzServer::handle(server::HttpRequest req) {
    if (++m_requests > kRequestsPerCopy && !m_accounts.empty()) restart_from_pristine();
    // The router answers once, on any thread; an answer it drops is the HTTP layer's 500.
    struct Pending {
        std::promise<server::HttpResponse> promise;
        bool answered = false;
        ~Pending() {
            if (answered) return;
            server::HttpResponse dropped;
            dropped.status = 500;
            promise.set_value(std::move(dropped));
        }
    };
    auto pending = std::make_shared<Pending>();
    auto answer = pending->promise.get_future();
    m_router->handle(std::move(req), [pending](server::HttpResponse r) {
        if (pending->answered) return;
        pending->answered = true;
        pending->promise.set_value(std::move(r));
    });
    pending.reset();
    return answer.get();
}

}  // namespace ducha::fuzz
