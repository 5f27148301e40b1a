#pragma once
// HEAD, GET and PUT /v1/blobs/{sha256} for an authenticated device. An evidence file is shown only
// to callers in whose scope a record references it (server/storage/blob_refs.h); to anyone else
// it is answered exactly like a file that does not exist. Reads through a covert visit's record
// and every refused read are written to the audit log before the answer leaves. Uploads are per
// device: only someone holding the bytes learns that an out-of-scope file is complete.
// Every call runs on a worker thread (scope needs SQL), a chunk on the upload threads (it waits on
// fsync; ServerContext::blob_io); `done` runs there or on the writer thread.
#include <atomic>
#include <expected>
#include <functional>
#include <optional>
#include <string>

#include "server/service/auth_service.h"
#include "server/service/blob_store.h"
#include "server/service/server_context.h"
#include "server/storage/blob_refs.h"
#include "shared/common/wire_error.h"

namespace ducha::server {

class BlobService {
public:
    explicit BlobService(ServerContext& ctx);

    // The upload's state the caller may know: the stored file's when a record in their scope
    // references it, else their own device's unfinished upload; nullopt = not found.
    void head(Caller c, std::string hex, std::function<void(Result<std::optional<BlobStore::State>>)> done);
    // The stored file (its path, to stream it from), when a record in the caller's scope
    // references it; nullopt = not found.
    void get(Caller c, std::string hex, std::function<void(Result<std::optional<std::filesystem::path>>)> done);
    // One chunk of the caller's device's upload (see BlobStore::put_chunk). A chunk that does not
    // start where the device's upload stands is refused with Errc::offset_mismatch and that
    // offset as a typed value (the reply's Upload-Offset).
    using PutResult = std::expected<BlobStore::State, wire::WireError>;
    void put(Caller c, std::string hex, std::uint64_t start, std::uint64_t total, std::string data,
             std::function<void(PutResult)> done);

    // The stored file's bytes, for a service that shows a file under its own rule (the public
    // badge check shows a badge's photo); nullopt when it is not (yet) stored. On the caller's thread.
    Result<std::optional<std::string>> read_stored(const std::string& hex);

private:
    // Whether a record in c's scope references the blob, and which (on a pooled reader).
    Result<std::optional<BlobAccess>> access(const Caller& c, const std::string& hex);
    void refuse_read(const Caller& c, const std::string& action, const std::string& hex, std::function<void(Status)> then);
    // Removes stale partial files when the last sweep is an hour old by the server's clock (at
    // start-up, then as uploads arrive: a server nobody uploads to needs no room).
    void sweep_if_due();

    ServerContext& m_ctx;
    BlobStore m_store;
    std::atomic<std::int64_t> m_next_sweep_s{0};
};

}  // namespace ducha::server
