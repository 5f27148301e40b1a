#include "suite_database.h"

#include <unistd.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "server/pg/pg_connection.h"
#include "server/service/server_app.h"
#include "shared/store/statement.h"
#include "throwaway_postgres.h"

namespace ducha::test {

namespace fs = std::filesystem;

namespace {

// The URL with its database name replaced: postgresql://AUTHORITY/NAME?PARAMS.
std::string with_database(const std::string& url, const std::string& name) {
    auto scheme = url.find("://");
    if (scheme == std::string::npos) throw std::runtime_error("DUCHA_TEST_POSTGRES is not a URL: " + url);
    auto slash = url.find('/', scheme + 3);
    auto query = url.find('?', scheme + 3);
    if (slash == std::string::npos || (query != std::string::npos && slash > query))
        return url.substr(0, query == std::string::npos ? url.size() : query) + "/" + name +
               (query == std::string::npos ? "" : url.substr(query));
    return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

class SuiteDatabases {
public:
    static SuiteDatabases& instance() {
        static SuiteDatabases s;
        return s;
    }

    std::string create(const fs::path& dir) {
        std::lock_guard lock(m_mu);
        const std::string name = "suite_" + std::to_string(::getpid()) + "_" + std::to_string(m_created.size());
        auto admin = admin_connection();
        if (auto r = admin.exec("CREATE DATABASE " + name); !r)
            throw std::runtime_error("CREATE DATABASE " + name + ": " + r.error().message());
        m_created.push_back(name);
        auto url = with_database(cluster_url(), name);
        m_by_dir[fs::weakly_canonical(dir)] = url;
        return url;
    }

    void remember(const fs::path& dir, const std::string& url) {
        std::lock_guard lock(m_mu);
        m_by_dir[fs::weakly_canonical(dir)] = url;
    }

    std::string of(const fs::path& dir) {
        std::lock_guard lock(m_mu);
        auto it = m_by_dir.find(fs::weakly_canonical(dir));
        return it == m_by_dir.end() ? std::string() : it->second;
    }

    ~SuiteDatabases() {
        if (m_created.empty()) return;
        // The servers are stopped by now (the test cases' objects are gone); FORCE ends any
        // session a spawned process left behind.
        try {
            auto admin = admin_connection();
            for (const auto& name : m_created) (void)admin.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (const std::exception&) {
            // The cluster went first (a throwaway one in this process): nothing is left to drop.
        }
    }

private:
    static std::string cluster_url() {
        const char* v = std::getenv("DUCHA_TEST_POSTGRES");
        if (!v || !*v) throw std::logic_error("the suite does not run on PostgreSQL");
        if (std::string_view(v) == "throwaway") return ThrowawayPostgres::shared().url();
        return v;
    }

    static pg::PgConnection admin_connection() {
        auto c = pg::PgConnection::open(cluster_url());
        if (!c) throw std::runtime_error("cannot reach the suite's PostgreSQL (DUCHA_TEST_POSTGRES): " + c.error().message());
        return std::move(*c);
    }

    std::mutex m_mu;
    std::vector<std::string> m_created;
    std::map<fs::path, std::string> m_by_dir;
};

}  // namespace

bool suite_on_postgresql() {
    const char* v = std::getenv("DUCHA_TEST_POSTGRES");
    return v && *v;
}

std::string new_suite_database(const fs::path& data_dir) {
    if (!suite_on_postgresql()) return {};
    return SuiteDatabases::instance().create(data_dir);
}

std::string suite_database_of(const fs::path& data_dir) {
    return SuiteDatabases::instance().of(data_dir);
}

void remember_suite_database(const fs::path& data_dir, const std::string& database_url) {
    SuiteDatabases::instance().remember(data_dir, database_url);
}

std::vector<std::string> with_suite_database(std::vector<std::string> args) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] != "--data") continue;
        if (auto url = suite_database_of(args[i + 1]); !url.empty()) args.insert(args.end(), {"--database", url});
        break;
    }
    return args;
}

std::unique_ptr<store::Connection> server_db(const fs::path& data_dir) {
    auto db = server::open_server_connection(data_dir, suite_database_of(data_dir));
    if (!db) throw std::runtime_error("cannot open the server's records in " + data_dir.string() + ": " + db.error().message());
    return std::move(*db);
}

std::int64_t scalar(store::Connection& db, const std::string& sql) {
    store::Statement st{db, sql};
    auto row = st.step();
    if (!row) throw std::runtime_error(sql + ": " + row.error().message());
    if (!*row) throw std::runtime_error(sql + ": no row");
    return st.col_int(0);
}

}  // namespace ducha::test
