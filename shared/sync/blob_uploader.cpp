#include "shared/sync/blob_uploader.h"

#include <charconv>

namespace ducha::sync {

Status BlobUploader::upload(const std::string& hex, std::string_view data, bool resume,
                            const std::function<void(std::uint64_t)>& on_chunk) {
    const std::string path = "/v1/blobs/" + hex;
    std::uint64_t offset = 0;
    if (resume) {
        auto head = m_call("HEAD", path, "", {});
        if (!head) return fail(head.error());
        if (head->status == 200) {
            if (head->header("blob-complete") == "1") return {};
            // The server's word, so never trusted to be a number: no offset (or a wrong one) starts over.
            const std::string given = head->header("upload-offset");
            if (std::from_chars(given.data(), given.data() + given.size(), offset).ec != std::errc{}) offset = 0;
            // A partial copy is shorter than the file; an offset at or past its end is not believable.
            if (offset >= data.size()) offset = 0;
        } else if (head->status != 404) {
            return fail(reply_error(*head).error);
        }
    }
    // Done only when the server says so (Blob-Complete above, or 201 to a chunk), never because the
    // offsets it gave add up to the size.
    bool confirmed = false;
    int restarts = 0;
    while (offset < data.size() && !confirmed) {
        std::size_t n = std::min<std::size_t>(m_chunk, data.size() - offset);
        std::string range = "bytes " + std::to_string(offset) + "-" + std::to_string(offset + n - 1) + "/" +
                            std::to_string(data.size());
        auto r = m_call("PUT", path, std::string(data.substr(offset, n)),
                        {{"Content-Range", range}, {"Content-Type", "application/octet-stream"}});
        if (!r) return fail(r.error());
        if (r->status != 201 && r->status != 202) {
            auto e = reply_error(*r);
            // The server holds a different amount: continue from there. An offset at or past the
            // file's end without a 201 is not believed (the file is not marked sent), and the
            // restarts are bounded, so a confused server cannot keep the device going round.
            if (e.action() == wire::Action::resume_upload && e.upload_offset) {
                if (*e.upload_offset >= data.size() || ++restarts > 16) break;
                offset = *e.upload_offset;
                continue;
            }
            return fail(std::move(e.error));
        }
        offset += n;
        // 201: stored (a duplicate the caller may know of is answered complete at its first chunk).
        confirmed = r->status == 201;
        if (on_chunk) on_chunk(confirmed ? data.size() : offset);
    }
    if (!confirmed) return fail(Errc::integrity, Msg::server_did_not_confirm_file, hex.substr(0, 12));
    return {};
}

}  // namespace ducha::sync
