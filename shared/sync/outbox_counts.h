#pragma once
// What the sync banner shows of a device's queue: how many changes wait (and how many were set
// aside), and how many evidence files still wait to upload. Counted in the indexes: the banner
// needs no entry's payload, and reading the entries would unseal every report waiting.
#include <cstdint>

#include "shared/common/result.h"
#include "shared/sync/local_store.h"

namespace ducha::sync {

struct OutboxCounts {
    std::int64_t pending = 0, set_aside = 0, photos = 0;
};

Result<OutboxCounts> count_outbox(LocalStore& store);

}  // namespace ducha::sync
