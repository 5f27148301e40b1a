#pragma once
// The resumable upload of one evidence file, as every device sends it: where the server's copy
// stands (HEAD /v1/blobs/{sha256}, only when this device may have sent part of it before), then
// PUT chunks with Content-Range from there until the server answers 201 (stored, hash checked).
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "shared/common/result.h"
#include "shared/sync/http_transport.h"

namespace ducha::sync {

class BlobUploader {
public:
    // One authorized request (the device's token added, refreshed when refused).
    using Call = std::function<Result<HttpReply>(const std::string& method, const std::string& path,
                                                 const std::string& body, std::map<std::string, std::string> headers)>;

    BlobUploader(Call call, std::size_t chunk) : m_call(std::move(call)), m_chunk(chunk ? chunk : 1) {}

    // Uploads `data`, whose SHA-256 is `hex`. `resume`: this device recorded part of it as sent
    // earlier, so the server is asked where it stands first; otherwise the first chunk goes from 0
    // at once (a server holding more, or the whole file, says so in its answer to that chunk).
    // `on_chunk(offset)` runs after each acknowledged chunk. Done only when the server confirms the
    // whole file; Errc::integrity when it discarded it (hash) or never confirmed it.
    Status upload(const std::string& hex, std::string_view data, bool resume,
                  const std::function<void(std::uint64_t)>& on_chunk = {});

private:
    Call m_call;
    std::size_t m_chunk;
};

}  // namespace ducha::sync
