#pragma once
// `ducha-server verify`: re-checks what the server holds about evidence, on either backend: each
// report's device signature, each device's hash chain, each report's receipt (Merkle path and the
// server's signature) and each stored evidence file against the SHA-256 it is named by. What a
// device's `ducha verify` checks of its replica, for the whole server; a row changed behind the
// server's back (in the database itself) shows up here.
#include <filesystem>

#include "shared/common/bytes.h"
#include "shared/common/result.h"
#include "shared/store/connection.h"
#include "shared/sync/chain_verifier.h"

namespace ducha::server {

// `db`: the server database (read only); `server_public_key`: of DIR's signing key; `blobs_dir`:
// DIR/blobs (missing: no evidence files). A finding is a failure (something was changed or
// removed) or a note (a gap in a device's chain, where the server refused a report it could not
// verify). The error is a database or file-system failure, not a finding.
Result<sync::VerifyResult> verify_server_records(store::Connection& db, const Bytes& server_public_key,
                                                 const std::filesystem::path& blobs_dir);

}  // namespace ducha::server
