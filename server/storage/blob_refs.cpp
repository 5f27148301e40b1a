#include "server/storage/blob_refs.h"

#include <algorithm>

#include "server/storage/json_array_rows.h"
#include "shared/common/bytes.h"
#include "shared/domain/collections.h"
#include "shared/store/statement.h"

namespace ducha::server {

using namespace ducha::domain;

std::vector<std::string> blob_refs_of(const pb::Report& r) {
    std::vector<std::string> out;
    for (const auto& b : r.blobs()) out.push_back(hex_encode(b.sha256()));
    for (const auto& a : r.answers())
        for (const auto& h : a.photo_sha256()) out.push_back(hex_encode(h));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    // A hash of the wrong length names no file we could hold.
    std::erase_if(out, [](const std::string& h) { return h.size() != 64; });
    return out;
}

std::vector<std::string> blob_refs_of(std::string_view collection, const std::string& payload) {
    if (collection == kReport) {
        pb::Report r;
        if (r.ParseFromString(payload)) return blob_refs_of(r);
    } else if (collection == kUser) {
        pb::User u;
        if (u.ParseFromString(payload) && u.badge_photo().sha256().size() == 32) return {hex_encode(u.badge_photo().sha256())};
    } else if (collection == kEvidence) {
        pb::Evidence e;
        if (e.ParseFromString(payload) && e.blob().sha256().size() == 32) return {hex_encode(e.blob().sha256())};
    }
    return {};
}

Status add_blob_refs(store::Connection& db, std::string_view collection, const std::string& id,
                     const std::vector<std::string>& sha256_hex) {
    if (sha256_hex.empty()) return {};
    auto& ins = db.cached("INSERT INTO blob_ref(sha256, collection, id) VALUES(?1,?2,?3) ON CONFLICT DO NOTHING");
    for (const auto& h : sha256_hex) {
        ins.bind(1, h).bind(2, collection).bind(3, id);
        if (auto r = ins.run(); !r) return r;
    }
    return {};
}

Result<std::optional<BlobAccess>> blob_access(store::Connection& db, const Principal& p, const std::string& sha256_hex) {
    // Each referencing record, with whether one of its active scope keys is the caller's.
    store::Statement st{db,
                        "SELECT b.collection, b.id FROM blob_ref b WHERE b.sha256=?1 AND EXISTS("
                        "SELECT 1 FROM record_key k WHERE k.collection=b.collection AND k.id=b.id AND k.active=1 "
                        "AND k.key IN (" + json_array_rows(db, 2) + "))"};
    std::string keys = "[";
    for (std::size_t i = 0; i < p.keys.size(); ++i) {
        if (i) keys += ",";
        keys += "\"" + p.keys[i] + "\"";  // keys are ids and fixed prefixes: no quotes inside
    }
    keys += "]";
    st.bind(1, sha256_hex).bind(2, keys);
    std::optional<BlobAccess> out;
    for (;;) {
        auto row = st.step();
        if (!row) return fail(row.error());
        if (!*row) break;
        BlobAccess a{st.col_text(0), st.col_text(1), false};
        // A covert visit's report has no district key: only its author, the task's creator and
        // supervisors hold it. Evidence rows carry their report's keys.
        store::Statement d{db, "SELECT 1 FROM record_key WHERE collection=?1 AND id=?2 AND active=1 AND key LIKE 'd:%'"};
        d.bind(1, a.collection).bind(2, a.record_id);
        auto has_district = d.step();
        if (!has_district) return fail(has_district.error());
        a.covert = !*has_district;
        // Prefer an open record: a read through it needs no audit entry.
        if (!out || (out->covert && !a.covert)) out = std::move(a);
    }
    return out;
}

}  // namespace ducha::server
