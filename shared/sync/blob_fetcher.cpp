#include "shared/sync/blob_fetcher.h"

#include <filesystem>

#include "shared/crypto/sha256.h"
#include "shared/sync/curl_transport.h"
#include "shared/sync/sync_client.h"

namespace ducha::sync {

bool BlobFetcher::has(const std::string& hex) const {
    std::error_code ec;
    return std::filesystem::exists(m_p.blob_path(hex), ec);
}

Result<std::string> BlobFetcher::get(const std::string& hex) {
    if (has(hex)) return m_p.read_blob(hex);
    auto id = m_p.identity();
    if (!id) return fail(id.error());
    CurlTransport t{TransportConfig{.base_url = id->server_url, .pin = id->pin}};
    return get(hex, t);
}

Result<std::string> BlobFetcher::get(const std::string& hex, HttpTransport& http) {
    if (has(hex)) return m_p.read_blob(hex);
    // An expired token is refreshed and the request repeated, as sync does.
    auto r = authorized_request(m_p, http, "GET", "/v1/blobs/" + hex, "");
    if (!r) return fail(r.error());
    if (r->status == 404)
        return fail(Errc::not_found, Msg::server_no_such_file_you, hex);
    if (r->status != 200) return fail(reply_error(*r).error);
    // Evidence must be exactly what the volunteer captured: check before keeping it.
    if (hex_encode(crypto::sha256(r->body)) != hex)
        return fail(Errc::integrity, Msg::downloaded_file_does_not_match, hex);
    auto saved = m_p.save_blob(r->body);
    if (!saved) return fail(saved.error());
    return std::move(r->body);
}

}  // namespace ducha::sync
