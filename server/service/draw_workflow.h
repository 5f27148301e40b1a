#pragma once
// The server's side of the random draw (双随机, docs/ARCHITECTURE.md, invariant 7). A draw is written
// twice: first "committed" with the seed's hash, the pool, weights, inspectors and exclusions and
// no seed; then "drawn" with the seed and the pairs. The server accepts the second write only if
// nothing but the seed, its pairs and the commit seq changed, the seed matches the hash, the commit
// seq is the one the server gave the commitment, and re-running the draw gives the same pairs.
// Then it makes the spot-check tasks, so drawn tasks reach the volunteers' phones.
#include <optional>
#include <string>

#include "ducha.pb.h"
#include "shared/common/result.h"

namespace ducha::server {

class MutationApplier;

class DrawWorkflow {
public:
    DrawWorkflow(MutationApplier& applier, std::int64_t now_ms) : m_applier(applier), m_now_ms(now_ms) {}

    // `before` is the stored draw and `before_seq` its seq (nullopt for a new draw). Errc::rejected
    // or Errc::integrity say why a change is refused.
    Status prepare_change(const std::optional<pb::Draw>& before, std::int64_t before_seq, const std::string& draw_id,
                          pb::Draw& after);

private:
    Status make_tasks(const std::string& draw_id, pb::Draw& d);

    MutationApplier& m_applier;
    std::int64_t m_now_ms;
};

}  // namespace ducha::server
