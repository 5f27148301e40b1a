#pragma once
// The coordinator's random draw (双随机): commit, then reveal. `commit` builds the pool (filters),
// weights (key targets weighted by complaints and past violations), the inspector pool and the
// excluded pairs (own zone, recent repeats), makes a secret seed and queues the draw with only the
// seed's hash. Once the server has acknowledged the commitment (and so fixed its seq), `reveal`
// runs the draw with the seed mixed with that seq and queues the result; the server re-runs it and
// makes the tasks. `verify` re-runs any drawn record on this device.
#include <string>
#include <vector>

#include "shared/desk/record_writer.h"
#include "shared/domain/random_draw.h"

namespace ducha::desk {

struct DrawRequest {
    std::string district_id;
    int k = 5;
    int inspectors_per_site = 1;
    std::string category;            // empty: every category
    bool academic_only = false;
    bool key_targets_only = false;
    bool weight_key_targets = true;  // domain::site_weight
    bool exclude_own_zone = true;    // a volunteer never inspects a site of their own 3包 zone
    int exclude_recent_days = 90;    // nor one they visited this recently (0: no such rule)
    std::int64_t window_start = 0;   // 0 = now
    std::int64_t window_end = 0;     // 0 = start + 7 days
    bool covert = false;
    std::string title;
};

struct DrawView {
    std::string id, district_id, status, title, algorithm;
    std::string seed_hash_hex, seed_hex;
    int k = 0, inspectors_per_site = 0, pool_size = 0, inspectors = 0, excluded = 0;
    std::int64_t commit_seq = 0, drawn_at = 0;
    std::vector<domain::DrawPair> pairs;
    std::vector<std::string> task_ids;
    bool acknowledged = false;  // the commitment reached the server (reveal possible)
};

class DrawDesk {
public:
    explicit DrawDesk(RecordWriter& w) : m_w(w) {}

    Result<std::string> commit(const DrawRequest& req);
    Result<std::vector<domain::DrawPair>> reveal(const std::string& draw_id);
    Status verify(const std::string& draw_id);
    Result<DrawView> view(const std::string& draw_id);
    Result<std::vector<DrawView>> draws(const std::string& district_id);

private:
    RecordWriter& m_w;
};

}  // namespace ducha::desk
