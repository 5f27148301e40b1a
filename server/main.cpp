// ducha-server: the sync server. `init` prepares a data directory, `serve` runs it.
#include <signal.h>

#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "server/backup/backup_archive.h"
#include "server/backup/backup_rotation.h"
#include "server/cli/database_option.h"
#include "server/cli/enroll_link_target.h"
#include "server/cli/enrollment_sheets_command.h"
#include "server/cli/migrate_command.h"
#include "server/cli/verify_command.h"
#include "server/demo/demo_data.h"
#include "server/service/server_app.h"
#include "shared/cli/cli_args.h"
#include "shared/common/command_line.h"
#include "shared/common/config_file.h"
#include "shared/sync/enroll_link.h"

#include <nlohmann/json.hpp>

using namespace ducha;
using namespace ducha::server;

namespace {

constexpr const char* kUsage = R"(ducha-server — 双减督查 sync server

Usage:
  ducha-server init --data DIR [--database postgresql://...] [--demo] [--seed N]
      Create a data directory: database, server signing key, first admin.
      --database: the records live in that PostgreSQL database (DIR keeps the keys,
      TLS and evidence files); serve then needs the same --database.
      Prints "admin enrollment code: CODE". With --demo, loads Anshan's demo data
      (8 districts, ~1,500 institutions, 258 volunteers, ...) and writes
      DIR/enrollment-codes.csv with a one-time code for every demo user.
  ducha-server serve [--config FILE] --data DIR [--database postgresql://...]
                     [--listen HOST:PORT] [--cert PEM --key PEM]
                     [--request-log yes|no] [--io-threads N] [--workers N] [--max-connections N]
                     [--max-uploads-per-device N] [--max-upload-mib-per-device N]
                     [--stale-upload-days N] [--max-sign-ins-per-minute N]
      Serve HTTPS (TLS 1.2+). At most --max-connections open connections (default
      10000); a connection beyond them is closed at once and the device retries later.
      Each device may have --max-uploads-per-device unfinished evidence uploads (default
      8) of --max-upload-mib-per-device MiB together (default 256); a new one beyond is
      refused (the device keeps the file and sends it later). An unfinished upload no
      chunk reached for --stale-upload-days (default 7) is removed. One network address
      may enroll, refresh or sign in --max-sign-ins-per-minute times a minute (default
      120, saved up to a minute's worth; 0: no limit, behind a load balancer that limits
      addresses itself); beyond, it gets 429 and tries again later. Without --cert/--key a self-signed certificate is made
      in DIR/tls once and reused. Prints "pin: sha256//..." (give it to devices) and
      "listening on https://HOST:PORT" when ready, then one JSON line per request
      (--request-log no: none). SIGTERM/SIGINT drain and stop. SIGHUP reads the
      certificate and key again (a renewed certificate) without dropping connections.
      --config FILE: the same settings as "name = value" lines (deploy/ducha-server.conf);
      a flag on the command line wins over the file. Default --listen 127.0.0.1:8443.
  ducha-server enrollment-code --data DIR [--database postgresql://...] --user USER_ID [--days N]
                               [--server-url https://HOST:PORT [--cert PEM | --trust-ca]]
      Issue a new one-time enrollment code for a user (works while the server runs).
      Prints "enrollment code: CODE". With --server-url (the URL devices reach the
      server at), also prints "enrollment link: ducha://enroll?server=...&code=...&pin=..."
      carrying the pin of DIR/tls/cert.pem (or of --cert PEM, as given to serve);
      make a QR image of it with: qrencode -o code.png 'LINK'. --trust-ca: serve has
      a CA-issued certificate for HOST; the link carries no pin and devices check the
      certificate chain and host name instead (docs/OPERATIONS.md, Certificates).
  ducha-server enrollment-sheets --data DIR --server-url https://HOST:PORT [--cert PEM | --trust-ca]
                                 [--database postgresql://...]
                                 --out FILE.pdf [--district DISTRICT_ID | --user USER_ID ...]
                                 [--days N] [--all]
      Print-ready enrollment sheets: one A4 page per person with a new one-time code
      (valid --days, default 7), its QR link, and how to enroll. For the active people of
      --district, or each --user (repeatable), or everyone active; only those without an
      enrolled phone unless --all (replacement phones). Prints "USER_ID<TAB>NAME<TAB>CODE"
      per person. Everything is checked first; the codes exist only if FILE was written.
  ducha-server verify --data DIR [--database postgresql://...]
      Re-checks the server's records (works while the server runs): each report's device
      signature, each device's hash chain, each receipt's Merkle path and server signature,
      and each evidence file in DIR against its SHA-256. Prints "FAIL ..." per problem and
      "checked N reports, N receipts, N evidence files: all valid"; exit 1 on any problem.
  --database (enrollment-code, enrollment-sheets, verify): the same URL as serve; needed,
      and only allowed, when DIR was initialised with --database.

  ducha-server backup --data DIR (--to FILE | --to-dir DIR2 [--keep N])
      One file with everything the server needs to come back: the database (copied
      online, safe while serving), the signing key, DIR/tls and every evidence file,
      with a manifest of their SHA-256. FILE must not exist; it is written 0600 (it
      holds the signing key): keep it as secret as DIR. --to-dir writes
      DIR2/ducha-YYYYMMDDTHHMMSSZ.backup (UTC) and then removes the oldest such files
      beyond --keep N (default 14); other files in DIR2 are never touched.
  ducha-server restore --from FILE --data DIR
      Puts a backup back into DIR (created if missing; the server on DIR must be
      stopped). Checks the whole file first. DIR's previous database, key and TLS
      move to DIR/before-restore-TIME/. The server gets a new generation: devices
      send again what they had sent after the backup (docs/OPERATIONS.md).
  ducha-server migrate --from DIR --to postgresql://...
      Moves a SQLite data directory's records into an empty PostgreSQL database (the
      server on DIR must be stopped). Copies every table in one transaction and checks
      each one (rows and SHA-256) on both sides before it commits; then marks DIR as
      living in PostgreSQL and keeps the old file as DIR/ducha.db.migrated-to-postgresql.
      Evidence files, keys and TLS stay in DIR. Afterwards: serve --data DIR --database URL.

Every subcommand takes --help.
)";

using cli::Args;

int usage_error(const std::string& msg) {
    std::cerr << "ducha-server: " << msg << "\n\n" << kUsage;
    return 2;
}

// --database: absent means SQLite in DIR; a value that is not a PostgreSQL URL is a usage error.
std::optional<std::string> database_url(const Args& a) {
    auto url = database_option(a);
    if (!url) return std::nullopt;
    return *url;
}

int bad_database_url(const Args& a) {
    return usage_error(render_bilingual(Msg::database_url_not_postgresql, {a.get("--database").value_or("")}));
}

int cmd_init(const Args& a) {
    auto data = a.get("--data");
    if (!data) return usage_error(render_bilingual(Msg::command_needs_argument, {"init", "--data DIR"}));
    InitOptions o;
    o.data_dir = *data;
    auto url = database_url(a);
    if (!url) return bad_database_url(a);
    o.database_url = *url;
    o.demo = a.has("--demo");
    std::uint64_t seed = 2023;
    if (auto s = a.get("--seed")) seed = std::stoull(*s);
    if (o.demo) o.seed = [seed](std::int64_t now) { return make_demo_data(seed, now); };
    if (auto r = init_data_dir(o, std::cout); !r) {
        std::cerr << "ducha-server init: " << r.error().message() << "\n";
        return 1;
    }
    return 0;
}

int cmd_serve(const Args& a) {
    auto data = a.get("--data");
    if (!data) return usage_error(render_bilingual(Msg::command_needs_argument, {"serve", "--data DIR"}));
    ServeOptions o;
    o.data_dir = *data;
    auto url = database_url(a);
    if (!url) return bad_database_url(a);
    o.database_url = *url;
    if (auto l = a.get("--listen")) o.listen = *l;
    if (auto c = a.get("--cert")) o.cert_pem = *c;
    if (auto k = a.get("--key")) o.key_pem = *k;
    if (o.cert_pem.empty() != o.key_pem.empty()) return usage_error(render_bilingual(Msg::cert_and_key_together, {}));
    // A count outside its range is a usage error, like a misspelt option. The sign-in limit
    // alone may be 0 (no limit: behind HAProxy, whose per-address limit stands in for it).
    auto count = [&a](const std::string& flag, int& into, long least) {
        auto v = a.get(flag);
        if (!v) return true;
        std::size_t used = 0;
        try {
            const long n = std::stol(*v, &used);
            if (used != v->size() || n < least || n > 1000000) return false;
            into = static_cast<int>(n);
        } catch (const std::exception&) {
            return false;
        }
        return true;
    };
    int upload_files = static_cast<int>(o.uploads.max_files_per_device);
    int upload_mib = static_cast<int>(o.uploads.max_bytes_per_device / (1024 * 1024));
    int stale_days = static_cast<int>(o.uploads.stale_after_s / (24 * 3600));
    int sign_ins = o.sign_ins_per_minute;
    struct Count {
        const char* flag;
        int* into;
        long least;
    };
    for (const Count& c : {Count{"--io-threads", &o.io_threads, 1}, Count{"--workers", &o.worker_threads, 1},
                           Count{"--max-connections", &o.max_connections, 1},
                           Count{"--max-uploads-per-device", &upload_files, 1},
                           Count{"--max-upload-mib-per-device", &upload_mib, 1},
                           Count{"--stale-upload-days", &stale_days, 1},
                           Count{"--max-sign-ins-per-minute", &sign_ins, 0}})
        if (!count(c.flag, *c.into, c.least))
            return usage_error(render_bilingual(Msg::option_whole_number_range, {c.flag, std::to_string(c.least), "1000000"}));
    o.uploads.max_files_per_device = static_cast<std::size_t>(upload_files);
    o.uploads.max_bytes_per_device = static_cast<std::uint64_t>(upload_mib) * 1024 * 1024;
    o.uploads.stale_after_s = static_cast<std::int64_t>(stale_days) * 24 * 3600;
    o.sign_ins_per_minute = sign_ins;
    if (a.has("--no-fsync")) o.durable = false;
    const std::string request_log = a.get("--request-log").value_or("yes");
    if (request_log != "yes" && request_log != "no") return usage_error(render_bilingual(Msg::yes_no_option, {}));
    if (request_log == "yes")
        o.request_log = [](std::string_view line) {
            static std::mutex m;
            std::lock_guard lk(m);
            std::cout << line << std::endl;  // flushed per line: the journal sees it at once
        };

    // Block the stop signals before any thread starts, so only sigwait below sees them.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    signal(SIGPIPE, SIG_IGN);

    auto app = ServerApp::start(o);
    if (!app) {
        std::cerr << "ducha-server serve: " << app.error().message() << "\n";
        return 1;
    }
    std::cout << "pin: " << (*app)->pin() << "\n";
    std::cout << "listening on " << (*app)->url() << std::endl;
    int sig = 0;
    for (;;) {
        sigwait(&set, &sig);
        if (sig != SIGHUP) break;
        const std::string old_pin = (*app)->pin();
        auto pin = (*app)->reload_tls();
        nlohmann::json line{{"ts", RequestLog::utc_timestamp()}, {"event", "tls_reload"}, {"ok", pin.has_value()}};
        if (pin) {
            line["pin"] = *pin;
            line["message"] = render(Msg::tls_reloaded, {*pin}, Lang::en);
            // Devices enrolled with the old pin check the key: a new key locks them out.
            if (*pin != old_pin) line["pin_changed_from"] = old_pin;
        } else {
            line["message"] = render(Msg::tls_reload_failed, {pin.error().text(Lang::en)}, Lang::en);
        }
        std::cout << line.dump() << std::endl;
    }
    std::cout << "stopping (" << (sig == SIGTERM ? "SIGTERM" : "SIGINT") << "): draining requests" << std::endl;
    (*app)->stop();
    std::cout << "stopped" << std::endl;
    return 0;
}

int cmd_code(const Args& a) {
    auto data = a.get("--data");
    auto user = a.get("--user");
    if (!data || !user) return usage_error(render_bilingual(Msg::command_needs_argument, {"enrollment-code", "--data DIR --user USER_ID"}));
    auto url = database_url(a);
    if (!url) return bad_database_url(a);
    std::int64_t days = 7;
    if (auto d = a.get("--days")) days = std::stoll(*d);
    auto server_url = a.get("--server-url");
    if (a.has("--server-url") && !server_url) return usage_error(render_bilingual(Msg::option_needs_value, {"--server-url"}));
    if (a.has("--cert") && (!server_url || !a.get("--cert")))
        return usage_error(render_bilingual(Msg::option_goes_with, {"--cert PEM", "--server-url"}));
    if (a.has("--trust-ca") && (!server_url || a.has("--cert")))
        return usage_error(render_bilingual(Msg::trust_ca_goes_with_server_url, {}));
    std::string pin;
    if (server_url) {
        // Checked and computed before the code is issued, so a missing certificate wastes no code.
        auto target = enroll_link_target(*data, *server_url, a.get("--cert"), a.has("--trust-ca"));
        if (!target && target.error().code == Errc::invalid_argument) return usage_error(target.error().message());
        if (!target) {
            std::cerr << "ducha-server enrollment-code: " << target.error().message() << "\n";
            return 1;
        }
        server_url = target->server_url;
        pin = target->pin;
    }
    auto code = issue_enrollment_code(*data, *user, days * 24 * 3600, *url);
    if (!code) {
        std::cerr << "ducha-server enrollment-code: " << code.error().message() << "\n";
        return 1;
    }
    std::cout << "enrollment code: " << *code << "\n";
    if (server_url) std::cout << "enrollment link: " << ducha::sync::make_enroll_link({*server_url, *code, pin}) << "\n";
    return 0;
}

int cmd_backup(const Args& a) {
    auto data = a.get("--data");
    auto to = a.get("--to");
    auto to_dir = a.get("--to-dir");
    if (!data || (!to == !to_dir))
        return usage_error(render_bilingual(Msg::command_needs_argument, {"backup", "--data DIR --to FILE | --to-dir DIR"}));
    if (a.has("--keep") && !to_dir) return usage_error(render_bilingual(Msg::option_goes_with, {"--keep", "--to-dir"}));
    int keep = 14;
    if (auto k = a.get("--keep")) {
        std::size_t used = 0;
        keep = std::stoi(*k, &used);
        if (used != k->size() || keep < 1) return usage_error(render_bilingual(Msg::backup_keep_at_least_one, {}));
    }
    if (records_in_postgresql(*data)) {
        std::cerr << "ducha-server backup: " << render_bilingual(Msg::backup_of_postgresql_use_pg_dump, {*data}) << "\n";
        return 1;
    }
    const std::filesystem::path file = to ? std::filesystem::path(*to) : dated_backup_path(*to_dir, std::time(nullptr));
    auto r = write_backup(*data, file);
    if (!r) {
        std::cerr << "ducha-server backup: " << r.error().message() << "\n";
        return 1;
    }
    std::cout << "backup written to " << file.string() << ": " << r->evidence_files << " evidence files, " << r->bytes
              << " bytes, changes up to seq " << r->max_seq << "\n";
    if (to_dir) {
        // Pruned only after the new file is whole: a failed night never costs an old backup.
        auto removed = prune_backups(*to_dir, keep);
        if (!removed) {
            std::cerr << "ducha-server backup: " << removed.error().message() << "\n";
            return 1;
        }
        for (const auto& p : *removed) std::cout << "removed old backup " << p.string() << "\n";
    }
    return 0;
}

int cmd_restore(const Args& a) {
    auto from = a.get("--from");
    auto data = a.get("--data");
    if (!from || !data) return usage_error(render_bilingual(Msg::command_needs_argument, {"restore", "--from FILE --data DIR"}));
    if (records_in_postgresql(*data)) {
        std::cerr << "ducha-server restore: " << render_bilingual(Msg::backup_of_postgresql_use_pg_dump, {*data}) << "\n";
        return 1;
    }
    auto r = restore_backup(*from, *data);
    if (!r) {
        std::cerr << "ducha-server restore: " << r.error().message() << "\n";
        return 1;
    }
    if (!r->set_aside.empty()) std::cout << "previous state moved to " << r->set_aside.string() << "\n";
    std::cout << "restored " << *data << ": " << r->records << " records, " << r->evidence_files
              << " evidence files, changes up to seq " << r->restored_through_seq << "\n"
              << "new generation " << r->generation
              << ": devices send again what they sent after the backup when they next sync\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Args a;
    for (int i = 2; i < argc; ++i) a.v.emplace_back(argv[i]);
    std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd.empty() || cmd == "--help" || cmd == "-h" || cmd == "help" || a.has("--help") || a.has("-h")) {
        std::cout << kUsage;
        return cmd.empty() ? 2 : 0;
    }
    // The options of each subcommand (the usage above says what each does).
    static const std::map<std::string, std::pair<std::string_view, std::string_view>> kOptions{
        {"init", {"demo", "data database seed"}},
        {"serve", {"no-fsync", "config data database listen cert key request-log io-threads workers max-connections max-uploads-per-device max-upload-mib-per-device stale-upload-days max-sign-ins-per-minute"}},
        {"enrollment-code", {"trust-ca", "data database user days server-url cert"}},
        {"enrollment-sheets", {"all trust-ca", "data database server-url cert out district user days"}},
        {"verify", {"", "data database"}},
        {"backup", {"", "data to to-dir keep"}},
        {"restore", {"", "from data"}},
        {"migrate", {"", "from to"}},
    };
    if (auto o = kOptions.find(cmd); o != kOptions.end()) {
        if (auto s = check_command_options("ducha-server", cmd, a.v, o->second.first, o->second.second); !s)
            return usage_error(s.error().message());
        // The settings file's words go after the command line's: a flag given there wins.
        if (auto file = a.get("--config")) {
            auto words = config_file_words(*file, o->second.first, o->second.second);
            if (!words) return usage_error(words.error().message());
            a.v.insert(a.v.end(), words->begin(), words->end());
        }
    }
    try {
        if (cmd == "init") return cmd_init(a);
        if (cmd == "serve") return cmd_serve(a);
        if (cmd == "enrollment-code") return cmd_code(a);
        if (cmd == "enrollment-sheets") {
            auto rc = run_enrollment_sheets(a.v, std::cout, std::cerr);
            return rc ? *rc : usage_error(rc.error().message());
        }
        if (cmd == "verify") {
            auto rc = run_verify(a.v, std::cout, std::cerr);
            return rc ? *rc : usage_error(rc.error().message());
        }
        if (cmd == "backup") return cmd_backup(a);
        if (cmd == "restore") return cmd_restore(a);
        if (cmd == "migrate") {
            auto rc = run_migrate(a.v, std::cout, std::cerr);
            return rc ? *rc : usage_error(rc.error().message());
        }
    } catch (const std::exception& e) {
        return usage_error(render_bilingual(Msg::bad_argument_value, {e.what()}));
    }
    return usage_error(render_bilingual(Msg::unknown_command_named, {cmd}));
}
