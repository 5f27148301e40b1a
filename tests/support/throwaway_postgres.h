#pragma once
// A PostgreSQL cluster of its own for tests: initdb into a fresh temporary directory, `postgres`
// listening only on a Unix socket inside it, tuned for speed over durability (fsync, synchronous
// commit and full-page writes off: a test machine's crash loses nothing that matters), one
// database, and everything stopped and deleted in the destructor.
//
// initdb and postgres refuse to run as root: under root (tests and CI) they run as the `postgres`
// account the package creates (or `nobody`) through runuser, and the directory is given to it.
// The server programs are found through `pg_config --bindir`, else /usr/lib/postgresql/15/bin.
// Without them the constructor throws, saying what to install: the tests fail, never skip.
// deploy/pg-throwaway.sh does the same from a shell.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace ducha::test {

class ThrowawayPostgres {
public:
    // Creates and starts the cluster with database `database`; throws std::runtime_error (with the
    // log's tail) when it cannot.
    explicit ThrowawayPostgres(std::string database = "ducha");
    ~ThrowawayPostgres();
    ThrowawayPostgres(const ThrowawayPostgres&) = delete;
    ThrowawayPostgres& operator=(const ThrowawayPostgres&) = delete;

    // One cluster for the whole test process, started on first use (a function-local static).
    static ThrowawayPostgres& shared();

    // A libpq URL of the database: postgresql:///NAME?host=SOCKET_DIR&port=PORT&user=USER.
    std::string url() const;
    // The same cluster's URL for another database of it (created with create_database).
    std::string url_of(const std::string& database) const;
    // A new empty database in this cluster (a test that needs a schema of its own).
    void create_database(const std::string& database);
    // A new empty database named STEM_N (N counts up in this process): its URL.
    std::string fresh_database_url(const std::string& stem);

    // pg_ctl stop -m fast (then immediate); the directory stays until the destructor. Idempotent.
    void stop();
    // Starts a stopped cluster again on the same directory and socket.
    void start();
    bool running() const { return m_running; }

    const std::filesystem::path& dir() const { return m_dir; }

private:
    // Runs a PostgreSQL program (as the cluster's account when `as_owner` and we are root) with its
    // output appended to the setup log; returns its exit status.
    int run(const std::vector<std::string>& argv, bool as_owner);
    [[noreturn]] void failed(const std::string& what);

    std::filesystem::path m_bindir;
    std::filesystem::path m_dir;  // the socket lives here; data/ below it
    std::string m_database;
    std::string m_user = "ducha";
    int m_port = 5432;            // names the socket file only: nothing listens on TCP
    std::string m_run_as;         // the account when we are root, else ""
    bool m_running = false;
};

// shared().fresh_database_url(stem): a new empty database of the test process's cluster.
std::string fresh_database_url(const std::string& stem);

}  // namespace ducha::test
