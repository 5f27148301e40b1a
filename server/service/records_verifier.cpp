#include "server/service/records_verifier.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "server/service/blob_store.h"
#include "server/storage/record_table.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"

namespace ducha::server {

namespace fs = std::filesystem;
using namespace ducha::domain;
using sync::VerifyResult;

namespace {

// A report's place in its device's chain (the report itself is not kept: a server holds many).
struct Link {
    std::string id;
    std::uint64_t index = 0;  // 1 for the device's first report
    Bytes prev_hash, hash;
};

Result<std::map<std::string, Bytes>> device_keys(const RecordTable& table) {
    std::map<std::string, Bytes> keys;
    auto s = table.for_each_live(kDevice, [&keys](const pb::Record& rec) {
        pb::Device dev;
        if (dev.ParseFromString(rec.payload())) keys.emplace(rec.id(), dev.public_key());
        return true;
    });
    if (!s) return fail(s.error());
    return keys;
}

void check_report(const pb::Record& rec, const std::optional<std::string>& receipt_payload,
                  const std::map<std::string, Bytes>& keys, const Bytes& server_key, VerifyResult& out,
                  std::map<std::string, std::vector<Link>>& chains) {
    out.reports++;
    pb::Report r;
    if (!r.ParseFromString(rec.payload())) {
        out.failures.push_back({rec.id(), "signature", render_bilingual(Msg::report_unparsable, {})});
        return;
    }
    // The server stored only reports whose signature it checked, from devices it enrolled.
    auto key = keys.find(r.device_id());
    if (key == keys.end())
        out.failures.push_back({rec.id(), "signature", render_bilingual(Msg::server_signing_device_unknown, {r.device_id()})});
    else if (!verify_report_signature(rec.id(), r, key->second))
        out.failures.push_back({rec.id(), "signature", render_bilingual(Msg::report_changed_after_signing, {})});
    // Each report is written with its receipt, in one transaction.
    if (!receipt_payload) {
        out.failures.push_back({rec.id(), "receipt", render_bilingual(Msg::server_report_without_receipt, {})});
    } else {
        out.receipts++;
        pb::Receipt receipt;
        if (!receipt.ParseFromString(*receipt_payload))
            out.failures.push_back({rec.id(), "receipt", render_bilingual(Msg::receipt_unparsable, {})});
        else if (auto v = verify_receipt(rec.id(), r, receipt, server_key); !v)
            out.failures.push_back({rec.id(), "receipt", v.error().message()});
    }
    chains[r.device_id()].push_back({rec.id(), r.chain_index(), r.prev_hash(), report_hash(rec.id(), r)});
}

// Each chain in order: no position taken twice, each link to the report before it intact. A gap is
// a note: the server refuses a report it cannot verify, and the device's chain goes on after it.
void check_chains(std::map<std::string, std::vector<Link>>& chains, VerifyResult& out) {
    for (auto& [device, list] : chains) {
        std::sort(list.begin(), list.end(), [](const Link& a, const Link& b) { return a.index < b.index; });
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Link& e = list[i];
            const std::string at = std::to_string(e.index);
            if (i > 0 && list[i - 1].index == e.index) {
                out.failures.push_back({e.id, "chain", render_bilingual(Msg::two_reports_same_chain_position, {at})});
                continue;
            }
            const bool prev_present = i > 0 && list[i - 1].index + 1 == e.index;
            if (e.index == 1 && e.prev_hash != zero_hash())
                out.failures.push_back({e.id, "chain", render_bilingual(Msg::first_report_prev_hash_not_empty, {})});
            else if (prev_present && e.prev_hash != list[i - 1].hash)
                out.failures.push_back(
                    {e.id, "chain", render_bilingual(Msg::broken_link_previous_report, {std::to_string(e.index - 1)})});
            else if (!prev_present && e.index > 1)
                out.notes.push_back({e.id, "chain", render_bilingual(Msg::previous_report_missing, {std::to_string(e.index - 1)})});
        }
    }
}

// DIR/blobs/XX/SHA256: each stored file must still hash to its name (partial uploads are skipped).
Status check_evidence_files(const fs::path& blobs_dir, VerifyResult& out) {
    std::error_code ec;
    if (!fs::exists(blobs_dir, ec)) return {};
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(blobs_dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it->path().filename() == "partial") {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && BlobStore::valid_name(it->path().filename().string())) files.push_back(it->path());
    }
    if (ec) return fail(Errc::storage, Msg::cannot_read_file_os, blobs_dir.string(), ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        out.files++;
        const std::string name = f.filename().string();
        auto digest = crypto::sha256_file(f);
        if (!digest)
            out.failures.push_back({name, "evidence", digest.error().message()});
        else if (hex_encode(*digest) != name)
            out.failures.push_back({name, "evidence", render_bilingual(Msg::server_evidence_file_changed, {f.string()})});
    }
    return {};
}

}  // namespace

Result<VerifyResult> verify_server_records(store::Connection& db, const Bytes& server_public_key,
                                           const fs::path& blobs_dir) {
    RecordTable table{db};
    auto keys = device_keys(table);
    if (!keys) return fail(keys.error());
    VerifyResult out;
    std::map<std::string, std::vector<Link>> chains;
    auto s = table.for_each_report([&](const pb::Record& rec, const std::optional<std::string>& receipt) {
        check_report(rec, receipt, *keys, server_public_key, out, chains);
        return true;
    });
    if (!s) return fail(s.error());
    check_chains(chains, out);
    if (auto e = check_evidence_files(blobs_dir, out); !e) return fail(e.error());
    return out;
}

}  // namespace ducha::server
