// Golden vectors of what devices and the server sign (tests/data/golden/README.md): a report's
// canonical bytes, its device signature and hash, a receipt's signing bytes and the server's
// signature over them. Each is compared byte for byte with its checked-in file: a difference is a
// change of the signed format, and every report and receipt signed before it stops verifying.
#include <catch2/catch.hpp>

#include "shared/common/bytes.h"
#include "shared/crypto/ed25519.h"
#include "shared/crypto/merkle.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/report_signing.h"
#include "shared/support/golden.h"

using namespace ducha;
using namespace ducha::domain;
using ducha::test::check_golden;
using ducha::test::hex_lines;
using ducha::test::read_golden;
using ducha::test::writing_golden;

namespace {

// Fixed Ed25519 seeds (Ed25519 is deterministic: the same seed and message give the same signature).
constexpr std::string_view kDeviceSeed = "ac2c6d50394475cb91445025fc345d1c27b1acc06c8eb31c7763ac8e13e5d313";
constexpr std::string_view kServerSeed = "e3eda6e29cb2f8f5998d4b7fa0b2808375f691318ca84f22fbcaf4ac77617c5d";

const std::string kReportId = "0d6c1f52-7a3e-4b8d-9c41-2f5e8a7b3c10";
const std::string kBatchId = "b7e2a9d4-1c3f-4e5a-8b6d-9f0a1b2c3d4e";
constexpr std::int64_t kServerTime = 1700000123456;  // ms
constexpr std::uint32_t kLeafIndex = 4;
constexpr std::uint32_t kLeafCount = 7;

Bytes unhex(std::string_view hex) {
    auto b = hex_decode(hex);
    REQUIRE(b.has_value());
    return *b;
}

// A golden file holding one hex value (trailing newline and line breaks ignored).
Bytes golden_bytes(const std::string& name) {
    std::string text = read_golden(name), hex;
    for (char c : text)
        if (c != '\n') hex += c;
    return unhex(hex);
}

crypto::Ed25519KeyPair key(std::string_view seed_hex) {
    auto k = crypto::Ed25519KeyPair::from_seed(unhex(seed_hex));
    REQUIRE(k.has_value());
    return *k;
}

// Every field the canonical encoding covers is set: repeated answers, photos and blobs, GPS,
// negative numbers (an int64 and a double), booleans set, Chinese text, an empty note.
pb::Report golden_report() {
    pb::Report r;
    r.set_task_id("5f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a190");
    r.set_institution_id("inst-铁东-0042");
    r.set_district_id("district-tiedong");
    r.set_template_id("checklist-v1");
    r.set_template_version(3);
    r.set_device_id("dev-7f1e");
    r.set_user_id("user-volunteer-017");
    auto* a1 = r.add_answers();
    a1->set_code("L1");
    a1->set_result("pass");  // empty note: a zero-length field
    auto* a2 = r.add_answers();
    a2->set_code("T3");
    a2->set_result("fail");
    a2->set_note("21:10 仍在上课，约 30 名学生");
    a2->add_photo_sha256(crypto::sha256("golden photo 1"));
    a2->add_photo_sha256(crypto::sha256("golden photo 2"));
    auto* a3 = r.add_answers();
    a3->set_code("T2");
    a3->set_result("na");
    a3->set_note("不适用 / not applicable");
    auto* b1 = r.add_blobs();
    b1->set_sha256(crypto::sha256("golden photo 1"));
    b1->set_size(183211);
    b1->set_mime("image/jpeg");
    b1->set_kind("photo");
    auto* b2 = r.add_blobs();
    b2->set_sha256(crypto::sha256("golden photo 2"));
    b2->set_size(95012);
    b2->set_mime("image/jpeg");
    b2->set_kind("photo");
    auto* b3 = r.add_blobs();
    b3->set_sha256(crypto::sha256("golden signature"));
    b3->set_size(4096);
    b3->set_mime("image/png");
    b3->set_kind("signature");
    r.set_device_time(1700000000123);
    r.mutable_gps()->set_lat(41.108765);
    r.mutable_gps()->set_lon(122.994321);
    r.set_gps_accuracy_m(8.75);
    r.set_gps_fix_age_ms(-2500);  // a fix stamped after the device clock
    r.set_mock_location(true);
    r.set_distance_m(-1);  // unknown
    r.set_covert(true);
    r.set_unlisted(true);
    r.set_notes("周末在居民楼内授课；门口无公示。Weekend classes in a flat.");
    r.set_amends("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    r.set_chain_index(42);
    r.set_prev_hash(crypto::sha256("golden previous report"));
    r.set_flagged(true);
    return r;
}

pb::Report signed_golden_report() {
    auto r = golden_report();
    sign_report(kReportId, r, key(kDeviceSeed));
    return r;
}

// The batch the receipt covers: the report's hash is leaf kLeafIndex of kLeafCount.
std::vector<Bytes> batch_leaves(const Bytes& report_hash) {
    std::vector<Bytes> leaves;
    for (std::uint32_t i = 0; i < kLeafCount; ++i)
        leaves.push_back(i == kLeafIndex ? report_hash : crypto::sha256("golden batch leaf " + std::to_string(i)));
    return leaves;
}

}  // namespace

TEST_CASE("golden: a report's canonical bytes, signature and hash", "[golden][domain][signing]") {
    const auto r = signed_golden_report();
    const Bytes canonical = report_canonical_bytes(kReportId, r);
    CHECK(canonical.rfind("ducha-report-v1", 0) == 0);
    check_golden("report-v1-canonical.hex", hex_lines(hex_encode(canonical)));
    check_golden("report-v1-signature.hex", hex_encode(r.signature()) + "\n");
    check_golden("report-v1-hash.hex", hex_encode(report_hash(kReportId, r)) + "\n");
    CHECK(report_hash(kReportId, r) == report_hash_of_canonical(canonical, r.signature()));

    // The signature excluded from what is signed: the same bytes before and after signing.
    CHECK(report_canonical_bytes(kReportId, golden_report()) == canonical);
    // The signature as stored in the golden file still verifies with today's code.
    if (!writing_golden()) {
        auto stored = golden_report();
        stored.set_signature(golden_bytes("report-v1-signature.hex"));
        CHECK(verify_report_signature(kReportId, stored, key(kDeviceSeed).public_key()));
    }
}

TEST_CASE("golden: a receipt's signing bytes and the server's signature", "[golden][domain][signing]") {
    const auto r = signed_golden_report();
    const auto leaves = batch_leaves(report_hash(kReportId, r));
    const crypto::MerkleTree tree(leaves);
    const Bytes signing = receipt_signing_bytes(kBatchId, tree.root(), kServerTime, kLeafCount);
    CHECK(signing.rfind("ducha-receipt-v1", 0) == 0);
    check_golden("receipt-v1-signing-bytes.hex", hex_lines(hex_encode(signing)));
    const auto server = key(kServerSeed);
    check_golden("receipt-v1-signature.hex", hex_encode(server.sign(signing)) + "\n");

    // A receipt as a device stored it (the golden signature) verifies against the golden report.
    if (!writing_golden()) {
        pb::Receipt rc;
        rc.set_report_id(kReportId);
        rc.set_report_hash(golden_bytes("report-v1-hash.hex"));
        rc.set_seq(981);
        rc.set_server_time(kServerTime);
        rc.set_batch_id(kBatchId);
        rc.set_batch_root(tree.root());
        rc.set_leaf_index(kLeafIndex);
        rc.set_leaf_count(kLeafCount);
        for (const auto& p : tree.path(kLeafIndex)) rc.add_path(p);
        rc.set_server_signature(golden_bytes("receipt-v1-signature.hex"));
        auto stored = golden_report();
        stored.set_signature(golden_bytes("report-v1-signature.hex"));
        auto ok = verify_receipt(kReportId, stored, rc, server.public_key());
        INFO((ok ? std::string("ok") : ok.error().message()));
        CHECK(ok.has_value());
    }
}
