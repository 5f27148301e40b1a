#pragma once
// Which backend the server integration suite runs on. The same test cases run twice under ctest:
// on SQLite in the data directory ("server: ..."), and on PostgreSQL ("server on pg: ..."), where
// DUCHA_TEST_POSTGRES names a running cluster (a URL of any database in it, e.g. the one
// deploy/pg-throwaway.sh prints) or says `throwaway` (this process starts its own cluster, for a
// run by hand: DUCHA_TEST_POSTGRES=throwaway server_tests "[sync]").
//
// On PostgreSQL every data directory the test support initialises gets a fresh database of its
// own, remembered against the directory, so code that only knows the directory (spawn_server,
// server_db) reaches the same records. The databases this process created are dropped when it ends.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "shared/store/connection.h"

namespace ducha::test {

// True when the suite runs on PostgreSQL (DUCHA_TEST_POSTGRES is set).
bool suite_on_postgresql();

// A new empty PostgreSQL database for `data_dir`, when the suite runs on PostgreSQL: its URL,
// remembered for the directory. "" on SQLite.
std::string new_suite_database(const std::filesystem::path& data_dir);

// The database URL `data_dir` was initialised with by the test support: "" for SQLite.
std::string suite_database_of(const std::filesystem::path& data_dir);

// Remembers that `data_dir` keeps its records in `database_url` (a test that chose its own).
void remember_suite_database(const std::filesystem::path& data_dir, const std::string& database_url);

// A ducha-server command line with `--database URL` added when its `--data DIR` keeps its records
// in a PostgreSQL database of the suite; unchanged otherwise.
std::vector<std::string> with_suite_database(std::vector<std::string> args);

// The server's records for `data_dir` on whichever backend it was initialised with, migrations
// applied; throws when it cannot be opened.
std::unique_ptr<store::Connection> server_db(const std::filesystem::path& data_dir);

// The first column of the first row of `sql` as a number; throws when there is no row.
std::int64_t scalar(store::Connection& db, const std::string& sql);

}  // namespace ducha::test
