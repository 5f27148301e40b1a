#pragma once
// Which records reference which evidence file (by SHA-256). A blob is readable by a caller only
// when a record in the caller's scope references it (GET/HEAD /v1/blobs/{sha256}); otherwise the
// server answers as if it did not exist.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ducha.pb.h"
#include "server/policy/policy.h"
#include "shared/common/result.h"
#include "shared/store/connection.h"

namespace ducha::server {

// The blobs (lower-case hex SHA-256) a report, evidence or user (badge photo) payload references;
// empty for other collections or an unparseable payload.
std::vector<std::string> blob_refs_of(std::string_view collection, const std::string& payload);
std::vector<std::string> blob_refs_of(const pb::Report& r);

// Records that (collection, id) references each blob in `sha256_hex` (idempotent).
Status add_blob_refs(store::Connection& db, std::string_view collection, const std::string& id,
                     const std::vector<std::string>& sha256_hex);

// How `p` may see a blob: nullopt when no record in p's scope references it.
struct BlobAccess {
    std::string collection, record_id;  // one referencing record the caller may read
    bool covert = false;                // that record belongs to a covert visit (its reads are audited)
};
Result<std::optional<BlobAccess>> blob_access(store::Connection& db, const Principal& p, const std::string& sha256_hex);

}  // namespace ducha::server
