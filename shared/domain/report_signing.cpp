#include "shared/domain/report_signing.h"

#include <bit>
#include <cstring>

#include "shared/crypto/merkle.h"
#include "shared/crypto/sha256.h"

namespace ducha::domain {

namespace {

class Canon {
public:
    explicit Canon(std::string_view domain) { m_out.append(domain); }
    void field(std::uint16_t tag, std::string_view v) {
        put_be(tag, 2);
        put_be(v.size(), 4);
        m_out.append(v);
    }
    void i64(std::uint16_t tag, std::int64_t v) { field(tag, be8(static_cast<std::uint64_t>(v))); }
    void f64(std::uint16_t tag, double v) { field(tag, be8(std::bit_cast<std::uint64_t>(v))); }
    void boolean(std::uint16_t tag, bool v) { field(tag, std::string(1, v ? '\1' : '\0')); }
    std::string take() { return std::move(m_out); }

private:
    static std::string be8(std::uint64_t v) {
        std::string s(8, '\0');
        for (int i = 7; i >= 0; --i, v >>= 8) s[static_cast<std::size_t>(i)] = static_cast<char>(v & 0xff);
        return s;
    }
    void put_be(std::uint64_t v, int n) {
        for (int i = n - 1; i >= 0; --i) m_out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
    std::string m_out;
};

}  // namespace

Bytes report_canonical_bytes(const std::string& report_id, const pb::Report& r) {
    Canon c{"ducha-report-v1"};
    c.field(100, report_id);
    c.field(1, r.task_id());
    c.field(2, r.institution_id());
    c.field(3, r.district_id());
    c.field(4, r.template_id());
    c.i64(5, r.template_version());
    c.field(6, r.device_id());
    c.field(7, r.user_id());
    for (const auto& a : r.answers()) {
        Canon ac{"answer"};
        ac.field(1, a.code());
        ac.field(2, a.result());
        ac.field(3, a.note());
        for (const auto& h : a.photo_sha256()) ac.field(4, h);
        c.field(8, ac.take());
    }
    for (const auto& b : r.blobs()) {
        Canon bc{"blob"};
        bc.field(1, b.sha256());
        bc.i64(2, b.size());
        bc.field(3, b.mime());
        bc.field(4, b.kind());
        c.field(9, bc.take());
    }
    c.i64(10, r.device_time());
    c.f64(11, r.gps().lat());
    c.f64(11, r.gps().lon());
    c.f64(12, r.gps_accuracy_m());
    c.i64(13, r.gps_fix_age_ms());
    c.boolean(14, r.mock_location());
    c.f64(15, r.distance_m());
    c.boolean(16, r.covert());
    c.boolean(17, r.unlisted());
    c.field(18, r.notes());
    c.field(19, r.amends());
    c.i64(20, static_cast<std::int64_t>(r.chain_index()));
    c.field(21, r.prev_hash());
    c.boolean(23, r.flagged());
    return c.take();
}

Bytes report_hash(const std::string& report_id, const pb::Report& r) {
    return report_hash_of_canonical(report_canonical_bytes(report_id, r), r.signature());
}

Bytes report_hash_of_canonical(const Bytes& canonical, const std::string& signature) {
    crypto::Sha256 h;
    h.update(canonical);
    h.update(signature);
    return h.finish();
}

Bytes zero_hash() { return Bytes(32, '\0'); }

void sign_report(const std::string& report_id, pb::Report& r, const crypto::Ed25519KeyPair& key) {
    r.set_signature(key.sign(report_canonical_bytes(report_id, r)));
}

bool verify_report_signature(const std::string& report_id, const pb::Report& r, const Bytes& device_public_key) {
    return crypto::ed25519_verify(device_public_key, report_canonical_bytes(report_id, r), r.signature());
}

Bytes receipt_signing_bytes(const std::string& batch_id, const Bytes& root, std::int64_t server_time,
                            std::uint32_t leaf_count) {
    Canon c{"ducha-receipt-v1"};
    c.field(1, batch_id);
    c.field(2, root);
    c.i64(3, server_time);
    c.i64(4, leaf_count);
    return c.take();
}

Status verify_receipt(const std::string& report_id, const pb::Report& r, const pb::Receipt& receipt,
                      const Bytes& server_public_key) {
    Bytes h = report_hash(report_id, r);
    if (receipt.report_hash() != h)
        return fail(Errc::integrity, Msg::receipt_does_not_match_report);
    std::vector<Bytes> path(receipt.path().begin(), receipt.path().end());
    if (!crypto::merkle_verify(h, receipt.leaf_index(), receipt.leaf_count(), path, receipt.batch_root()))
        return fail(Errc::integrity, Msg::receipt_merkle_path_invalid);
    if (!crypto::ed25519_verify(server_public_key,
                                receipt_signing_bytes(receipt.batch_id(), receipt.batch_root(), receipt.server_time(),
                                                      receipt.leaf_count()),
                                receipt.server_signature()))
        return fail(Errc::integrity, Msg::server_signature_receipt_invalid);
    return {};
}

}  // namespace ducha::domain
