#pragma once
// Sealing of the device's stored payloads that carry personal or covert words: reports (notes,
// covert visits), users (volunteers' phone numbers), complaints and cases. AES-256-GCM with the
// profile key from the keystore, bound to the record's collection and id, so a row copied under
// another record does not open. Other collections stay plain: they are the bureau's public registry
// and the hot path of the task list.
#include <span>
#include <string>
#include <string_view>

#include "shared/common/bytes.h"
#include "shared/common/result.h"

namespace ducha::sync {

class PayloadSeal {
public:
    explicit PayloadSeal(Bytes key32) : m_key(std::move(key32)) {}

    // The collections sealed at rest (the one list: LocalStore's one-time sealing of old rows reads it too).
    static std::span<const std::string_view> collections();
    static bool applies_to(std::string_view collection);
    // What to store: sealed for the collections above, the payload itself otherwise.
    std::string seal(std::string_view collection, std::string_view id, std::string_view payload) const;
    // The payload from what is stored. A plain payload (written before sealing began) passes through.
    [[nodiscard]] Result<std::string> open(std::string_view collection, std::string_view id,
                                           std::string_view stored) const;
    static bool is_sealed(std::string_view stored);

private:
    Bytes m_key;
};

// What to store for a payload and the payload from what is stored, through `seal` when the store
// has one (a store opened without the profile key keeps payloads as they are).
std::string stored_payload(const PayloadSeal* seal, std::string_view collection, std::string_view id,
                           std::string_view payload);
[[nodiscard]] Result<std::string> opened_payload(const PayloadSeal* seal, std::string_view collection,
                                                 std::string_view id, std::string_view stored);

}  // namespace ducha::sync
