#pragma once
// 双随机 (the reproducible random draw): draw institutions at random and pair each with
// inspectors drawn at random. A supervisor first commits to sha256(seed) (the draw record's
// seed_hash, stored at server seq `commit_seq`), then reveals the seed; anyone holding the record
// can re-run the draw and check the pairs. Pure functions: every replica computes the same result.
//
// Algorithm "ducha-draw-v1", precisely (enough to re-implement it elsewhere; all arithmetic on
// numbers that are not integers is IEEE-754 binary64 with round-to-nearest, sums left to right):
//
// 1. Random stream. Block c (c = 0, 1, 2, ...) is
//      SHA-256(seed || BE64(commit_seq) || BE64(c))
//    where BE64 is 8 bytes big-endian (commit_seq as two's complement). Each 32-byte block gives
//    four values, bytes [0,8), [8,16), [16,24), [24,32), each read as a big-endian uint64; blocks
//    are used in order and no value is skipped or reused.
//    - uniform_int(n), n >= 1: limit = floor(2^64 / n) * n; take values x until x < limit, return
//      x mod n (rejection sampling, no modulo bias). It always takes at least one value, even
//      for n = 1.
//    - uniform_double(): take one value x, return (x >> 11) * 2^-53, in [0, 1).
//
// 2. Validation (Errc::invalid_argument): the seed is 32 bytes; k >= 1; inspectors_per_site >= 1;
//    the pool and the inspectors are not empty; ids are non-empty, contain no ':' and are unique
//    (within the pool, within the inspectors); weights are finite and > 0; every excluded pair is
//    "institution_id:user_id" with exactly one ':' and both parts non-empty. An excluded pair
//    naming an id outside the pool or the inspectors is allowed and has no effect.
//
// 3. Eligibility. Going through the pool in its given (canonical) order, a site is kept when at
//    least inspectors_per_site inspectors are not excluded for it; the others are dropped. The kept
//    sites, in pool order, are the eligible list E. If k > |E|: Errc::invalid_argument, saying |E|.
//
// 4. Sites: k times, with R = the sites of E not yet drawn, in E's order:
//      total = sum of R's weights; t = uniform_double() * total;
//      pick the first site of R whose running (cumulative) weight sum is > t, or the last site of R
//      if none is (rounding); it is drawn and leaves R.
//    With k = 1 each site is drawn with probability weight / total.
//
// 5. Inspectors, after all k sites are drawn, for each drawn site in draw order, inspectors_per_site
//    times: C = the inspectors, in their given order, not excluded for this site and not already
//    chosen for it; keep those of C with the fewest assignments so far in this whole draw (spreads
//    the load); choose C'[uniform_int(|C'|)] from that list, in the same order. Eligibility
//    guarantees C is never empty.
//
// 6. Output: sites in the order drawn, each with its inspectors in the order chosen.
//    pb::Draw.pairs stores "institution_id:user_id" one per inspector in that same order.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ducha.pb.h"
#include "shared/common/bytes.h"
#include "shared/common/result.h"

namespace ducha::domain {

inline constexpr std::string_view kDrawAlgorithm = "ducha-draw-v1";
inline constexpr std::size_t kDrawSeedSize = 32;

struct DrawSite {
    std::string institution_id;
    double weight = 1.0;
};

struct DrawInput {
    Bytes seed;                     // 32 random bytes, revealed after the commitment
    std::int64_t commit_seq = 0;    // server seq of the commitment; mixed in so nobody can pre-compute the outcome before committing
    int k = 0;                      // how many sites to draw
    int inspectors_per_site = 1;    // >= 1
    std::vector<DrawSite> pool;     // canonical order as given; ids unique
    std::vector<std::string> inspectors;      // user ids, canonical order as given; unique
    std::vector<std::string> excluded_pairs;  // "institution_id:user_id": never paired (conflict of interest, recent repeat)
};

struct DrawPair {
    std::string institution_id;
    std::vector<std::string> inspectors;
};

// The random stream of step 1, exposed so tests (and other implementations) can pin it.
class DrawStream {
public:
    DrawStream(Bytes seed, std::int64_t commit_seq);
    std::uint64_t next_u64();
    std::uint64_t uniform_int(std::uint64_t n);  // [0, n); n must be >= 1
    double uniform_double();                     // [0, 1)

private:
    Bytes m_seed;
    std::int64_t m_commit_seq;
    std::uint64_t m_counter = 0;
    Bytes m_block;
    std::size_t m_used = 0;  // bytes of m_block already consumed
};

// SHA-256 of the seed: the commitment stored before the seed is revealed.
Bytes draw_seed_hash(const Bytes& seed);

// Weight of an institution in a draw: 1, or when `weight_key_targets` is on:
//   1 + 2*(key_target ? 1 : 0) + max(0, complaint_count) + 2*max(0, past_violations)
// so key targets and institutions with complaints or past violations come up more often.
// Always >= 1.
double site_weight(const pb::Institution& i, bool weight_key_targets);

// Runs the draw (steps 2-6 above). Errc::invalid_argument with a bilingual message on bad input.
[[nodiscard]] Result<std::vector<DrawPair>> run_draw(const DrawInput& in);

// "institution_id:user_id", one per inspector, in draw order (what pb::Draw.pairs stores).
std::vector<std::string> pair_strings(const std::vector<DrawPair>& pairs);

// The draw's input from the record's fields (pool[i] gets weights[i]; a missing weight is 1).
DrawInput draw_input(const pb::Draw& d);

// Re-runs the draw stored in `d` (status drawn): checks the status, the algorithm,
// sha256(seed) == seed_hash, that pool and weights have the same size, and that the recomputed
// pairs equal d.pairs(). Errc::integrity with a bilingual message saying which check failed.
[[nodiscard]] Status verify_draw(const pb::Draw& d);

}  // namespace ducha::domain
