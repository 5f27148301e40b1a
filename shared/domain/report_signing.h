#pragma once
// Canonical encoding of a report for signing and chaining (invariant 5).
// Protobuf serialization is not canonical, so reports are signed over an explicit encoding:
// "ducha-report-v1" then each field in a fixed order as (u16 tag, u32 length, bytes), integers as
// 8-byte big-endian, doubles as their IEEE-754 bits big-endian, repeated fields in their order.
// The signature field is excluded; everything else the volunteer captured is covered.
#include "ducha.pb.h"
#include "shared/common/bytes.h"
#include "shared/common/result.h"
#include "shared/crypto/ed25519.h"

namespace ducha::domain {

Bytes report_canonical_bytes(const std::string& report_id, const pb::Report& r);
// Hash that chains reports and is the Merkle leaf of a receipt: SHA-256(canonical | signature).
Bytes report_hash(const std::string& report_id, const pb::Report& r);
// The same from canonical bytes already computed (e.g. for the signature check).
Bytes report_hash_of_canonical(const Bytes& canonical, const std::string& signature);
Bytes zero_hash();  // 32 zero bytes: prev_hash of a device's first report

void sign_report(const std::string& report_id, pb::Report& r, const crypto::Ed25519KeyPair& key);
bool verify_report_signature(const std::string& report_id, const pb::Report& r, const Bytes& device_public_key);

// Receipts: the server signs once per committed batch.
Bytes receipt_signing_bytes(const std::string& batch_id, const Bytes& root, std::int64_t server_time,
                            std::uint32_t leaf_count);
// Checks the Merkle path, that the receipt names this report's hash, and the server signature.
Status verify_receipt(const std::string& report_id, const pb::Report& r, const pb::Receipt& receipt,
                      const Bytes& server_public_key);

}  // namespace ducha::domain
