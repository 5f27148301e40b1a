#include "shared/domain/random_draw.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_set>

#include "shared/crypto/sha256.h"

namespace ducha::domain {

namespace {

void append_be64(Bytes& out, std::uint64_t v) {
    for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xff));
}

// Shortest text that reads back as the same double, for messages.
std::string number_text(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec != std::errc{}) return "?";
    return std::string(buf, end);
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

bool valid_id(const std::string& id) { return !id.empty() && id.find(':') == std::string::npos; }

std::string pair_key(const std::string& institution_id, const std::string& user_id) {
    return institution_id + ":" + user_id;
}

Status validate(const DrawInput& in) {
    if (in.seed.size() != kDrawSeedSize) {
        return fail(Errc::invalid_argument, Msg::draw_seed_must_32_bytes, std::to_string(in.seed.size()));
    }
    if (in.k < 1) {
        return fail(Errc::invalid_argument, Msg::draw_k_at_least_one, std::to_string(in.k));
    }
    if (in.inspectors_per_site < 1) {
        return fail(Errc::invalid_argument, Msg::inspectors_per_site_must_at, std::to_string(in.inspectors_per_site));
    }
    if (in.pool.empty()) return fail(Errc::invalid_argument, Msg::institution_pool_empty);
    if (in.inspectors.empty()) return fail(Errc::invalid_argument, Msg::inspector_list_empty);

    std::unordered_set<std::string> seen;
    for (const auto& s : in.pool) {
        if (!valid_id(s.institution_id)) {
            return fail(Errc::invalid_argument, Msg::institution_id_empty_or_contains, s.institution_id, quoted(s.institution_id));
        }
        if (!seen.insert(s.institution_id).second) {
            return fail(Errc::invalid_argument, Msg::institution_appears_twice_pool, s.institution_id, quoted(s.institution_id));
        }
        // !(w > 0) also catches NaN.
        if (!(s.weight > 0) || !std::isfinite(s.weight)) {
            return fail(Errc::invalid_argument, Msg::weight_institution_must_finite_and, s.institution_id, number_text(s.weight), quoted(s.institution_id));
        }
    }
    seen.clear();
    for (const auto& u : in.inspectors) {
        if (!valid_id(u)) {
            return fail(Errc::invalid_argument, Msg::inspector_id_empty_or_contains, u, quoted(u));
        }
        if (!seen.insert(u).second) {
            return fail(Errc::invalid_argument, Msg::inspector_appears_twice_list, u, quoted(u));
        }
    }
    for (const auto& p : in.excluded_pairs) {
        const auto colon = p.find(':');
        const bool ok = colon != std::string::npos && colon > 0 && colon + 1 < p.size() &&
                        p.find(':', colon + 1) == std::string::npos;
        if (!ok) {
            return fail(Errc::invalid_argument, Msg::excluded_pair_malformed_expected_institution, p, quoted(p));
        }
    }
    return {};
}

}  // namespace

DrawStream::DrawStream(Bytes seed, std::int64_t commit_seq) : m_seed(std::move(seed)), m_commit_seq(commit_seq) {}

std::uint64_t DrawStream::next_u64() {
    if (m_block.empty() || m_used == m_block.size()) {
        Bytes msg = m_seed;
        append_be64(msg, static_cast<std::uint64_t>(m_commit_seq));
        append_be64(msg, m_counter++);
        m_block = crypto::sha256(msg);
        m_used = 0;
    }
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(m_block[m_used + i]);
    m_used += 8;
    return v;
}

std::uint64_t DrawStream::uniform_int(std::uint64_t n) {
    if (n <= 1) {
        next_u64();  // the documented stream always takes one value, even for n = 1
        return 0;
    }
    // 2^64 mod n, computed in 64 bits; values at or above limit would bias the low residues.
    const std::uint64_t rem = (std::numeric_limits<std::uint64_t>::max() % n + 1) % n;
    const std::uint64_t limit = 0 - rem;  // floor(2^64 / n) * n, modulo 2^64; rem == 0 means none rejected
    for (;;) {
        const std::uint64_t x = next_u64();
        if (rem == 0 || x < limit) return x % n;
    }
}

double DrawStream::uniform_double() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

Bytes draw_seed_hash(const Bytes& seed) { return crypto::sha256(seed); }

double site_weight(const pb::Institution& i, bool weight_key_targets) {
    if (!weight_key_targets) return 1.0;
    // Negative counts can only come from a bad record; they must not push a weight to <= 0.
    const double complaints = std::max(0, i.complaint_count());
    const double violations = std::max(0, i.past_violations());
    return 1.0 + (i.key_target() ? 2.0 : 0.0) + complaints + 2.0 * violations;
}

Result<std::vector<DrawPair>> run_draw(const DrawInput& in) {
    if (auto v = validate(in); !v) return fail(v.error());

    const std::set<std::string> excluded(in.excluded_pairs.begin(), in.excluded_pairs.end());
    auto is_excluded = [&](const std::string& site, const std::string& user) {
        return excluded.contains(pair_key(site, user));
    };

    // Step 3: eligible sites, in pool order.
    std::vector<const DrawSite*> remaining;
    for (const auto& s : in.pool) {
        const auto free = std::count_if(in.inspectors.begin(), in.inspectors.end(),
                                        [&](const std::string& u) { return !is_excluded(s.institution_id, u); });
        if (free >= in.inspectors_per_site) remaining.push_back(&s);
    }
    if (static_cast<std::size_t>(in.k) > remaining.size()) {
        const auto n = std::to_string(remaining.size());
        const auto per = std::to_string(in.inspectors_per_site);
        const auto k = std::to_string(in.k);
        return fail(Errc::invalid_argument, Msg::only_institutions_are_eligible_each, n, per, k);
    }

    DrawStream stream(in.seed, in.commit_seq);

    // Step 4: weighted sampling without replacement, one uniform double per site.
    std::vector<DrawPair> out;
    out.reserve(static_cast<std::size_t>(in.k));
    for (int step = 0; step < in.k; ++step) {
        double total = 0;
        for (const auto* s : remaining) total += s->weight;
        const double t = stream.uniform_double() * total;
        std::size_t pick = remaining.size() - 1;  // rounding can leave t at total: the last site then
        double cumulative = 0;
        for (std::size_t i = 0; i < remaining.size(); ++i) {
            cumulative += remaining[i]->weight;
            if (t < cumulative) {
                pick = i;
                break;
            }
        }
        out.push_back(DrawPair{remaining[pick]->institution_id, {}});
        remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(pick));
    }

    // Step 5: inspectors, least loaded first, uniform among the equally loaded.
    std::vector<int> load(in.inspectors.size(), 0);
    std::vector<std::size_t> candidates;
    for (auto& pair : out) {
        std::vector<bool> chosen(in.inspectors.size(), false);
        for (int n = 0; n < in.inspectors_per_site; ++n) {
            candidates.clear();
            int fewest = std::numeric_limits<int>::max();
            for (std::size_t u = 0; u < in.inspectors.size(); ++u) {
                if (chosen[u] || is_excluded(pair.institution_id, in.inspectors[u])) continue;
                if (load[u] < fewest) {
                    fewest = load[u];
                    candidates.clear();
                }
                if (load[u] == fewest) candidates.push_back(u);
            }
            // Eligibility (step 3) guarantees a candidate; guard anyway rather than index past the end.
            if (candidates.empty()) return fail(Errc::internal, Msg::internal_error_draw);
            const auto u = candidates[stream.uniform_int(candidates.size())];
            chosen[u] = true;
            ++load[u];
            pair.inspectors.push_back(in.inspectors[u]);
        }
    }
    return out;
}

std::vector<std::string> pair_strings(const std::vector<DrawPair>& pairs) {
    std::vector<std::string> out;
    for (const auto& p : pairs)
        for (const auto& u : p.inspectors) out.push_back(pair_key(p.institution_id, u));
    return out;
}

DrawInput draw_input(const pb::Draw& d) {
    DrawInput in;
    in.seed = d.seed();
    in.commit_seq = d.commit_seq();
    in.k = d.k();
    in.inspectors_per_site = d.inspectors_per_site();
    in.pool.reserve(static_cast<std::size_t>(d.pool_size()));
    for (int i = 0; i < d.pool_size(); ++i) in.pool.push_back({d.pool(i), i < d.weights_size() ? d.weights(i) : 1.0});
    in.inspectors.assign(d.inspectors().begin(), d.inspectors().end());
    in.excluded_pairs.assign(d.excluded_pairs().begin(), d.excluded_pairs().end());
    return in;
}

Status verify_draw(const pb::Draw& d) {
    if (d.status() != "drawn") {
        return fail(Errc::integrity, Msg::draw_status_not_drawn_nothing, d.status(), quoted(d.status()));
    }
    if (d.algorithm() != kDrawAlgorithm) {
        return fail(Errc::integrity, Msg::draw_algorithm_not, d.algorithm(), kDrawAlgorithm, quoted(d.algorithm()), quoted(std::string(kDrawAlgorithm)));
    }
    if (draw_seed_hash(d.seed()) != d.seed_hash()) {
        return fail(Errc::integrity, Msg::seed_does_not_match_seed, hex_encode(draw_seed_hash(d.seed())), hex_encode(d.seed_hash()));
    }
    if (d.pool_size() != d.weights_size()) {
        return fail(Errc::integrity, Msg::pool_institutions_but_weights_entries, std::to_string(d.pool_size()), std::to_string(d.weights_size()));
    }
    auto drawn = run_draw(draw_input(d));
    if (!drawn) {
        // The inner message is already bilingual.
        return fail(Errc::integrity, Msg::draw_cannot_re_run, drawn.error().message());
    }
    const auto pairs = pair_strings(*drawn);
    const auto stored = static_cast<std::size_t>(d.pairs_size());
    if (pairs.size() != stored) {
        return fail(Errc::integrity, Msg::record_pairs_but_re_running, std::to_string(stored), std::to_string(pairs.size()));
    }
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const auto& s = d.pairs(static_cast<int>(i));
        if (s != pairs[i]) {
            const auto at = std::to_string(i + 1);
            return fail(Errc::integrity, Msg::pair_does_not_match_record, at, s, pairs[i], quoted(s), quoted(pairs[i]));
        }
    }
    return {};
}

}  // namespace ducha::domain
