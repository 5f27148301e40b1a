#include "shared/sync/chain_verifier.h"

#include <algorithm>
#include <map>

#include "shared/crypto/sha256.h"
#include "shared/domain/collections.h"
#include "shared/domain/report_signing.h"

namespace ducha::sync {

using namespace ducha::domain;

namespace {

// A report of a device's chain: its id, the report and its hash (what the next one links to).
struct Entry {
    std::string id;
    pb::Report r;
    Bytes hash;
};

using Chains = std::map<std::string, std::vector<Entry>>;  // device id -> its reports

// Device keys: our own, and any device records in scope (supervisors see all).
Result<std::map<std::string, Bytes>> device_keys(DeviceProfile& profile, LocalStore& store, const Identity& ident) {
    std::map<std::string, Bytes> keys;
    if (auto k = profile.device_key()) keys[ident.device_id] = k->public_key();
    auto devices = store.list(kDevice);
    if (!devices) return fail(devices.error());
    for (const auto& d : *devices) {
        pb::Device dev;
        if (dev.ParseFromString(d.payload())) keys.emplace(d.id(), dev.public_key());
    }
    return keys;
}

// Each report's signature and receipt; every report parsed joins its device's chain.
Status check_reports(LocalStore& store, const Identity& ident, const std::map<std::string, Bytes>& keys,
                     const std::vector<pb::Record>& reports, VerifyResult& out, Chains& chains) {
    for (const auto& rec : reports) {
        out.reports++;
        pb::Report r;
        if (!r.ParseFromString(rec.payload())) {
            out.failures.push_back({rec.id(), "signature", render_bilingual(Msg::report_unparsable, {})});
            continue;
        }
        auto key = keys.find(r.device_id());
        if (key == keys.end()) {
            out.notes.push_back({rec.id(), "signature", render_bilingual(Msg::signing_device_key_not_here, {})});
        } else if (!verify_report_signature(rec.id(), r, key->second)) {
            out.failures.push_back({rec.id(), "signature", render_bilingual(Msg::report_changed_after_signing, {})});
        }
        auto rc = store.get(kReceipt, rec.id());
        if (!rc) return fail(rc.error());
        if (*rc) {
            out.receipts++;
            pb::Receipt receipt;
            if (!receipt.ParseFromString((*rc)->payload())) {
                out.failures.push_back({rec.id(), "receipt", render_bilingual(Msg::receipt_unparsable, {})});
            } else if (auto v = verify_receipt(rec.id(), r, receipt, ident.server_public_key); !v) {
                out.failures.push_back({rec.id(), "receipt", v.error().message()});
            }
        } else {
            out.notes.push_back({rec.id(), "receipt", render_bilingual(Msg::no_server_receipt_yet, {})});
        }
        chains[r.device_id()].push_back({rec.id(), r, report_hash(rec.id(), r)});
    }
    return {};
}

// Our own reports not yet acknowledged are in the outbox, not in the replica: they chain too.
Status add_queued_reports(LocalStore& store, const std::vector<pb::Record>& reports, Chains& chains) {
    auto queued = store.outbox(true);
    if (!queued) return fail(queued.error());
    for (const auto& it : *queued) {
        if (it.mutation.collection() != kReport) continue;
        if (std::any_of(reports.begin(), reports.end(), [&](const pb::Record& x) { return x.id() == it.mutation.id(); }))
            continue;
        pb::Report r;
        if (r.ParseFromString(it.mutation.payload()))
            chains[r.device_id()].push_back({it.mutation.id(), r, report_hash(it.mutation.id(), r)});
    }
    return {};
}

// Each chain in order: no position taken twice, each link to the report before it intact, and
// none of our own missing.
void check_chains(Chains& chains, const Identity& ident, VerifyResult& out) {
    for (auto& [device, list] : chains) {
        std::sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) { return a.r.chain_index() < b.r.chain_index(); });
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto& e = list[i];
            if (i > 0 && list[i - 1].r.chain_index() == e.r.chain_index()) {
                out.failures.push_back({e.id, "chain", render_bilingual(Msg::two_reports_same_chain_position, {std::to_string(e.r.chain_index())})});
                continue;
            }
            bool prev_present = (i > 0 && list[i - 1].r.chain_index() + 1 == e.r.chain_index());
            if (e.r.chain_index() == 1 && e.r.prev_hash() != zero_hash()) {
                out.failures.push_back({e.id, "chain", render_bilingual(Msg::first_report_prev_hash_not_empty, {})});
            } else if (prev_present && e.r.prev_hash() != list[i - 1].hash) {
                out.failures.push_back({e.id, "chain", render_bilingual(Msg::broken_link_previous_report, {std::to_string(list[i - 1].r.chain_index())})});
            } else if (!prev_present && e.r.chain_index() > 1 && device == ident.device_id) {
                out.failures.push_back({e.id, "chain", render_bilingual(Msg::previous_report_missing, {std::to_string(e.r.chain_index() - 1)})});
            }
        }
    }
}

// Evidence files held here must still hash to what the signed report says.
Status check_evidence_files(DeviceProfile& profile, LocalStore& store, VerifyResult& out) {
    auto blobs = store.blobs(false);
    if (!blobs) return fail(blobs.error());
    for (const auto& b : *blobs) {
        out.files++;
        auto data = profile.read_blob(b.sha256_hex);
        if (!data) {
            out.failures.push_back({b.report_id, "evidence", data.error().message()});
        } else if (hex_encode(crypto::sha256(*data)) != b.sha256_hex) {
            out.failures.push_back({b.report_id, "evidence", render_bilingual(Msg::photo_differs_from_signed, {b.sha256_hex})});
        }
    }
    return {};
}

}  // namespace

Result<VerifyResult> verify_replica(DeviceProfile& profile) {
    auto& store = profile.store();
    VerifyResult out;
    auto ident = profile.identity();
    if (!ident) return fail(ident.error());
    auto keys = device_keys(profile, store, *ident);
    if (!keys) return fail(keys.error());
    auto reports = store.list(kReport);
    if (!reports) return fail(reports.error());
    Chains chains;
    if (auto s = check_reports(store, *ident, *keys, *reports, out, chains); !s) return fail(s.error());
    if (auto s = add_queued_reports(store, *reports, chains); !s) return fail(s.error());
    check_chains(chains, *ident, out);
    if (auto s = check_evidence_files(profile, store, out); !s) return fail(s.error());
    return out;
}

}  // namespace ducha::sync
