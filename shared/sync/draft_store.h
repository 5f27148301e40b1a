#pragma once
// Drafts: the inspection a volunteer is filling in, kept on the device until it is submitted or
// discarded. Written on every change (one small row, encrypted), read back when the app reopens.
#include <optional>
#include <string>
#include <vector>

#include "shared/common/bytes.h"
#include "shared/common/result.h"
#include "shared/sync/local_store.h"

namespace ducha::sync {

struct DraftInfo {
    std::string key;
    std::int64_t updated_at = 0;  // unix milliseconds
};

class DraftStore {
public:
    DraftStore(LocalStore& store, const Bytes& key) : m_store(store), m_key(key) {}

    Status save(const std::string& key, std::string_view payload);
    Result<std::optional<std::string>> load(const std::string& key);
    Status remove(const std::string& key);
    Result<std::vector<DraftInfo>> list();

private:
    LocalStore& m_store;
    const Bytes& m_key;
};

}  // namespace ducha::sync
