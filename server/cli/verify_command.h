#pragma once
// `ducha-server verify`: re-checks the server's records and evidence files (records_verifier.h).
#include <iosfwd>
#include <string>
#include <vector>

#include "shared/common/result.h"

namespace ducha::server {

// `words` are the command's arguments after its name, already checked against its option table
// (--data DIR, --database URL). Prints "FAIL CHECK ID: MESSAGE" per failure, "note ..." per note,
// and "checked N reports, N receipts, N evidence files: all valid" (or "N failed") on `out`.
// Returns the exit code: 0 all valid; 1 a failure (summed up on `err`) or the records could not be
// read (the reason on `err`). A usage mistake is the Error (the caller prints the usage, exit 2).
Result<int> run_verify(const std::vector<std::string>& words, std::ostream& out, std::ostream& err);

}  // namespace ducha::server
