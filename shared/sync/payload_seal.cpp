#include "shared/sync/payload_seal.h"

#include "shared/crypto/aes_gcm.h"
#include "shared/domain/collections.h"

namespace ducha::sync {

namespace {

// No protobuf message starts with a zero byte (field number 0 does not exist), so a stored payload
// with this prefix is a sealed one and any other is plain.
constexpr std::string_view kPrefix{"\0DS1", 4};

std::string aad_of(std::string_view collection, std::string_view id) {
    std::string aad(collection);
    aad += '/';
    aad += id;
    return aad;
}

}  // namespace

std::span<const std::string_view> PayloadSeal::collections() {
    static constexpr std::string_view kSealed[] = {domain::kReport, domain::kUser, domain::kComplaint, domain::kCase};
    return kSealed;
}

bool PayloadSeal::applies_to(std::string_view collection) {
    for (auto c : collections())
        if (c == collection) return true;
    return false;
}

bool PayloadSeal::is_sealed(std::string_view stored) { return stored.starts_with(kPrefix); }

std::string PayloadSeal::seal(std::string_view collection, std::string_view id, std::string_view payload) const {
    if (!applies_to(collection) || payload.empty()) return std::string(payload);
    return std::string(kPrefix) + crypto::aes_gcm_seal(m_key, payload, aad_of(collection, id));
}

Result<std::string> PayloadSeal::open(std::string_view collection, std::string_view id, std::string_view stored) const {
    if (!is_sealed(stored)) return std::string(stored);
    auto plain = crypto::aes_gcm_open(m_key, stored.substr(kPrefix.size()), aad_of(collection, id));
    if (!plain)
        return fail(Errc::integrity, Msg::stored_record_damaged, std::string(collection), std::string(id),
                    plain.error().message());
    return std::string(std::move(*plain));
}

std::string stored_payload(const PayloadSeal* seal, std::string_view collection, std::string_view id,
                           std::string_view payload) {
    return seal ? seal->seal(collection, id, payload) : std::string(payload);
}

Result<std::string> opened_payload(const PayloadSeal* seal, std::string_view collection, std::string_view id,
                                   std::string_view stored) {
    if (!seal) return std::string(stored);
    return seal->open(collection, id, stored);
}

}  // namespace ducha::sync
