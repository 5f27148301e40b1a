#pragma once
// `ducha-server migrate --from DIR --to postgresql://...`: moves a stopped SQLite deployment's
// records into an empty PostgreSQL database (docs/OPERATIONS.md, "Moving a SQLite deployment").
//
// Under DIR's lock (a running `serve` makes it refuse), it applies the PostgreSQL schema, then, in
// one PostgreSQL transaction, copies every table of the SQLite schema by column name (a SQLite
// table or column with no PostgreSQL twin stops it before anything is copied), moves the identity
// sequences and the feed sequencer past the copied rows, and compares every table on both sides
// (row count and a SHA-256 of its rows); any difference rolls everything back. Only then does it
// mark DIR `records-in-postgresql` and rename DIR's SQLite file to `ducha.db.migrated-to-postgresql`.
// Evidence files stay in DIR: each one the records reference is checked (present, SHA-256 right);
// a missing or damaged one is a warning, since migrating neither causes nor cures it.
#include <iosfwd>
#include <string>
#include <vector>

#include "shared/common/result.h"

namespace ducha::server {

// `words` are the command's arguments after its name, already checked against its option table.
// Returns the exit code (0, or 1 with the reason on `err`); a usage mistake (an option missing, a
// URL that is not postgresql://) is the Error (the caller prints it with the usage, exit 2).
Result<int> run_migrate(const std::vector<std::string>& words, std::ostream& out, std::ostream& err);

}  // namespace ducha::server
