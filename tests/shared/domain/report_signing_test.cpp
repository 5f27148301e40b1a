#include <catch2/catch.hpp>

#include "shared/crypto/merkle.h"
#include "shared/crypto/sha256.h"
#include "shared/domain/report_signing.h"

using namespace ducha;
using namespace ducha::domain;

namespace {
pb::Report sample() {
    pb::Report r;
    r.set_task_id("t1");
    r.set_institution_id("i1");
    r.set_device_id("d1");
    r.set_user_id("u1");
    auto* a = r.add_answers();
    a->set_code("T3");
    a->set_result("fail");
    a->set_note("21:10 仍在上课");
    a->add_photo_sha256(crypto::sha256("photo"));
    r.set_device_time(1700000000000);
    r.mutable_gps()->set_lat(41.11);
    r.mutable_gps()->set_lon(122.99);
    r.set_chain_index(1);
    r.set_prev_hash(zero_hash());
    return r;
}
}  // namespace

TEST_CASE("a report's signature covers every captured field", "[domain][signing]") {
    auto key = crypto::Ed25519KeyPair::generate();
    auto r = sample();
    sign_report("r1", r, key);
    REQUIRE(verify_report_signature("r1", r, key.public_key()));
    CHECK_FALSE(verify_report_signature("r2", r, key.public_key()));  // the id is covered
    CHECK_FALSE(verify_report_signature("r1", r, crypto::Ed25519KeyPair::generate().public_key()));

    auto changed = [&](auto mutate) {
        pb::Report c = r;
        mutate(c);
        return !verify_report_signature("r1", c, key.public_key());
    };
    CHECK(changed([](pb::Report& c) { c.mutable_answers(0)->set_note("改过"); }));
    CHECK(changed([](pb::Report& c) { c.mutable_answers(0)->set_result("pass"); }));
    CHECK(changed([](pb::Report& c) { c.mutable_answers(0)->set_photo_sha256(0, crypto::sha256("other")); }));
    CHECK(changed([](pb::Report& c) { c.set_device_time(c.device_time() + 1); }));
    CHECK(changed([](pb::Report& c) { c.mutable_gps()->set_lat(41.12); }));
    CHECK(changed([](pb::Report& c) { c.set_mock_location(true); }));
    CHECK(changed([](pb::Report& c) { c.set_prev_hash(crypto::sha256("x")); }));
    CHECK(changed([](pb::Report& c) { c.set_chain_index(2); }));
    CHECK(changed([](pb::Report& c) { c.set_flagged(true); }));
}

TEST_CASE("the canonical encoding is stable and field-boundary safe", "[domain][signing]") {
    auto r = sample();
    auto a = report_canonical_bytes("r1", r);
    CHECK(a == report_canonical_bytes("r1", r));
    CHECK(a.rfind("ducha-report-v1", 0) == 0);
    // Moving a character between adjacent fields must change the encoding.
    pb::Report x = r, y = r;
    x.set_task_id("ab");
    x.set_institution_id("c");
    y.set_task_id("a");
    y.set_institution_id("bc");
    CHECK(report_canonical_bytes("r1", x) != report_canonical_bytes("r1", y));
}

TEST_CASE("a receipt verifies only for its report, path and server key", "[domain][signing]") {
    auto device = crypto::Ed25519KeyPair::generate();
    auto server = crypto::Ed25519KeyPair::generate();
    std::vector<pb::Report> reports;
    std::vector<Bytes> leaves;
    for (int i = 0; i < 5; ++i) {
        auto r = sample();
        r.set_chain_index(static_cast<std::uint64_t>(i + 1));
        sign_report("r" + std::to_string(i), r, device);
        leaves.push_back(report_hash("r" + std::to_string(i), r));
        reports.push_back(r);
    }
    auto root = crypto::merkle_root(leaves);
    auto sig = server.sign(receipt_signing_bytes("b1", root, 42, 5));
    pb::Receipt rc;
    rc.set_report_id("r3");
    rc.set_report_hash(leaves[3]);
    rc.set_batch_id("b1");
    rc.set_batch_root(root);
    rc.set_server_time(42);
    rc.set_leaf_index(3);
    rc.set_leaf_count(5);
    for (auto& p : crypto::merkle_path(leaves, 3)) rc.add_path(p);
    rc.set_server_signature(sig);
    REQUIRE(verify_receipt("r3", reports[3], rc, server.public_key()));
    CHECK_FALSE(verify_receipt("r2", reports[2], rc, server.public_key()));
    CHECK_FALSE(verify_receipt("r3", reports[3], rc, device.public_key()));
    pb::Receipt late = rc;
    late.set_server_time(43);
    CHECK_FALSE(verify_receipt("r3", reports[3], late, server.public_key()));
    pb::Receipt moved = rc;
    moved.set_leaf_index(2);
    CHECK_FALSE(verify_receipt("r3", reports[3], moved, server.public_key()));
}
