#pragma once
// A whole ducha-server in the fuzzing process, without its sockets: the demo city's database in a
// scratch directory, the services behind the real Router, and one enrolled device per role. A
// target hands it a request and gets the response the server would send. Every few thousand
// requests it starts again from a copy of the fresh database, so what the fuzzer wrote does not
// pile up (a run stays fast and mostly independent of the inputs before it).
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ducha.pb.h"
#include "server/http/http_server.h"
#include "shared/crypto/ed25519.h"

namespace ducha::server {
struct ServerContext;
class Router;
}  // namespace ducha::server

namespace ducha::fuzz {

struct FuzzAccount {
    std::string role, user_id, device_id, access_token, refresh_token;
    crypto::Ed25519KeyPair key;  // the device key the server holds the public half of
};

class FuzzServer {
public:
    // The one server of this process (made on first use: the demo city takes a few seconds).
    static FuzzServer& shared();

    // One enrolled device for each role: volunteer, coordinator, supervisor, admin.
    const std::vector<FuzzAccount>& accounts() const { return m_accounts; }
    const FuzzAccount& account(std::size_t i) const { return m_accounts[i % m_accounts.size()]; }
    // A record id of the demo city in this collection (empty if it has none): what an update targets.
    std::string some_id(std::string_view collection, std::size_t n) const;
    // The stored record, if there is one.
    std::optional<pb::Record> record(std::string_view collection, const std::string& id) const;
    // The stored version of that record (0 if none).
    std::int64_t version_of(std::string_view collection, const std::string& id) const;

    // Makes each report of `req` one the account's device could have sent: its device and user,
    // the next links of the device's chain as the server holds it, and the device's signature (the
    // one part of a report a fuzzer cannot make). Everything else stays as the fuzzer wrote it.
    void sign_reports(const FuzzAccount& a, pb::SyncRequest& req) const;

    // The server's answer, as the router gives it.
    server::HttpResponse handle(server::HttpRequest req);

    ~FuzzServer();
    FuzzServer(const FuzzServer&) = delete;
    FuzzServer& operator=(const FuzzServer&) = delete;

private:
    FuzzServer();
    void start(const std::filesystem::path& data_dir);
    void stop();
    void restart_from_pristine();

    std::filesystem::path m_root;       // scratch directory, removed at exit
    std::filesystem::path m_pristine;   // the demo city with its enrolled devices
    std::filesystem::path m_live;       // the copy the server runs on
    std::unique_ptr<server::ServerContext> m_ctx;
    std::unique_ptr<server::Router> m_router;
    std::vector<FuzzAccount> m_accounts;
    std::size_t m_requests = 0;
};

}  // namespace ducha::fuzz
