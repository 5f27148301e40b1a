#include "shared/domain/random_draw.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "shared/crypto/sha256.h"

using namespace ducha;
using namespace ducha::domain;

namespace {

// Seeds derived deterministically, so every statistical test below sees the same draws each run.
Bytes seed_for(const std::string& label) { return crypto::sha256("ducha-draw-test/" + label); }
Bytes seed_for(int index) { return seed_for(std::to_string(index)); }

std::vector<DrawSite> sites(int n, const std::string& prefix = "inst-") {
    std::vector<DrawSite> out;
    for (int i = 0; i < n; ++i) out.push_back({prefix + std::to_string(i), 1.0 + i % 3});
    return out;
}

std::vector<std::string> users(int n) {
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) out.push_back("u-" + std::to_string(i));
    return out;
}

DrawInput base_input() {
    DrawInput in;
    in.seed = seed_for("base");
    in.commit_seq = 1234;
    in.k = 10;
    in.inspectors_per_site = 2;
    in.pool = sites(50);
    in.inspectors = users(12);
    in.excluded_pairs = {"inst-0:u-0", "inst-3:u-5", "inst-7:u-11"};
    return in;
}

std::vector<DrawPair> must_draw(const DrawInput& in) {
    auto r = run_draw(in);
    if (!r) FAIL(r.error().to_string());
    return *r;
}

pb::Draw record_for(const DrawInput& in) {
    pb::Draw d;
    d.set_status("drawn");
    d.set_algorithm(std::string(kDrawAlgorithm));
    d.set_seed(in.seed);
    d.set_seed_hash(draw_seed_hash(in.seed));
    d.set_commit_seq(in.commit_seq);
    d.set_k(in.k);
    d.set_inspectors_per_site(in.inspectors_per_site);
    for (const auto& s : in.pool) {
        d.add_pool(s.institution_id);
        d.add_weights(s.weight);
    }
    for (const auto& u : in.inspectors) d.add_inspectors(u);
    for (const auto& p : in.excluded_pairs) d.add_excluded_pairs(p);
    for (const auto& p : pair_strings(must_draw(in))) d.add_pairs(p);
    return d;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

void require_error(const Status& s, Errc code, const std::string& english) {
    REQUIRE_FALSE(s.has_value());
    INFO(s.error().message());
    CHECK(s.error().code == code);
    CHECK(contains(s.error().message(), english));
    CHECK(contains(s.error().message(), " / "));  // bilingual
}

void require_invalid(const DrawInput& in, const std::string& english) {
    auto r = run_draw(in);
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().message());
    CHECK(r.error().code == Errc::invalid_argument);
    CHECK(contains(r.error().message(), english));
    CHECK(contains(r.error().message(), " / "));
}

}  // namespace

TEST_CASE("draw: the same input gives the same pairs, another seed or commit_seq does not", "[draw]") {
    const auto in = base_input();
    const auto a = pair_strings(must_draw(in));
    CHECK(a.size() == 20);  // k * inspectors_per_site
    CHECK(pair_strings(must_draw(in)) == a);

    // 10 ordered sites out of 50 (plus inspectors): two inputs colliding by chance is negligible.
    auto other_seed = in;
    other_seed.seed[0] = static_cast<char>(other_seed.seed[0] ^ 1);
    CHECK(pair_strings(must_draw(other_seed)) != a);

    auto other_seq = in;
    other_seq.commit_seq += 1;
    CHECK(pair_strings(must_draw(other_seq)) != a);

    // draw_input reads back exactly what run_draw was given.
    const auto d = record_for(in);
    const auto back = draw_input(d);
    CHECK(back.seed == in.seed);
    CHECK(back.commit_seq == in.commit_seq);
    CHECK(back.k == in.k);
    CHECK(back.inspectors_per_site == in.inspectors_per_site);
    REQUIRE(back.pool.size() == in.pool.size());
    for (std::size_t i = 0; i < in.pool.size(); ++i) {
        CHECK(back.pool[i].institution_id == in.pool[i].institution_id);
        CHECK(back.pool[i].weight == in.pool[i].weight);
    }
    CHECK(back.inspectors == in.inspectors);
    CHECK(back.excluded_pairs == in.excluded_pairs);
    CHECK(pair_strings(must_draw(back)) == a);
}

TEST_CASE("draw: verify_draw accepts its own record and names each tampering", "[draw]") {
    const auto in = base_input();
    const auto good = record_for(in);
    REQUIRE(verify_draw(good).has_value());

    SECTION("a changed pair") {
        auto d = good;
        const std::string original = d.pairs(3);
        const std::string forged = original.substr(0, original.find(':')) + ":u-forged";
        d.set_pairs(3, forged);
        require_error(verify_draw(d), Errc::integrity, "pair 4 does not match");
        CHECK(contains(verify_draw(d).error().message(), forged));
        CHECK(contains(verify_draw(d).error().message(), original));
    }
    SECTION("a pair added or removed") {
        auto d = good;
        d.add_pairs("inst-1:u-1");
        require_error(verify_draw(d), Errc::integrity, "the record has 21 pairs but re-running the draw gives 20");
        d = good;
        d.mutable_pairs()->RemoveLast();
        require_error(verify_draw(d), Errc::integrity, "the record has 19 pairs");
    }
    SECTION("a changed weight") {
        // Give an institution that was not drawn a weight that swamps all others: with the same
        // random stream it is now drawn first, so the stored pairs no longer follow.
        auto d = good;
        const auto drawn = must_draw(in);
        int target = -1;
        for (int i = 0; i < d.pool_size() && target < 0; ++i) {
            if (std::none_of(drawn.begin(), drawn.end(), [&](const DrawPair& p) { return p.institution_id == d.pool(i); }))
                target = i;
        }
        REQUIRE(target >= 0);
        d.set_weights(target, 1e9);
        require_error(verify_draw(d), Errc::integrity, "pair 1 does not match");
    }
    SECTION("pool and weights of different sizes") {
        auto d = good;
        d.mutable_weights()->RemoveLast();
        require_error(verify_draw(d), Errc::integrity, "the pool has 50 institutions but weights has 49 entries");
    }
    SECTION("a seed that does not match seed_hash") {
        auto d = good;
        std::string seed = d.seed();
        seed[31] = static_cast<char>(seed[31] ^ 0x80);
        d.set_seed(seed);
        require_error(verify_draw(d), Errc::integrity, "the seed does not match seed_hash");
        d = good;
        d.set_seed_hash(draw_seed_hash(seed_for("another")));
        require_error(verify_draw(d), Errc::integrity, "the seed does not match seed_hash");
    }
    SECTION("a wrong algorithm") {
        auto d = good;
        d.set_algorithm("ducha-draw-v0");
        require_error(verify_draw(d), Errc::integrity, "algorithm \"ducha-draw-v0\" is not \"ducha-draw-v1\"");
        d.clear_algorithm();
        require_error(verify_draw(d), Errc::integrity, "algorithm \"\" is not");
    }
    SECTION("not drawn yet") {
        auto d = good;
        d.set_status("committed");
        require_error(verify_draw(d), Errc::integrity, "not \"drawn\"");
    }
    SECTION("a record whose input cannot be drawn") {
        auto d = good;
        d.set_k(51);  // more than the pool; the seed and its hash are still consistent
        require_error(verify_draw(d), Errc::integrity, "the draw cannot be re-run");
        CHECK(contains(verify_draw(d).error().message(), "fewer than k = 51"));
    }
}

// Known answer for one small input. This pins "ducha-draw-v1": if it changes, every draw stored
// so far stops verifying, so a change to the algorithm needs a new algorithm name instead.
// The expected values were also produced by an independent re-implementation (in Python) written
// from the description in random_draw.h only.
TEST_CASE("draw: known-answer vector pins ducha-draw-v1", "[draw]") {
    Bytes seed;
    for (int i = 0; i < 32; ++i) seed.push_back(static_cast<char>(i));

    DrawStream stream(seed, 42);
    CHECK(stream.next_u64() == 0x687ad379619210f4ULL);
    CHECK(stream.next_u64() == 0x5c4c48b39be7c25aULL);
    CHECK(stream.next_u64() == 0x6c3e2f1a10b32300ULL);
    CHECK(stream.next_u64() == 0x581c52a59452594bULL);
    CHECK(stream.next_u64() == 0x18fc794817ffb58bULL);  // first value of the second block

    DrawInput in;
    in.seed = seed;
    in.commit_seq = 42;
    in.k = 3;
    in.inspectors_per_site = 2;
    in.pool = {{"inst-a", 1.0}, {"inst-b", 2.0}, {"inst-c", 3.0}, {"inst-d", 1.0}, {"inst-e", 0.5}, {"inst-f", 2.0}};
    in.inspectors = {"u-1", "u-2", "u-3", "u-4"};
    in.excluded_pairs = {"inst-c:u-1", "inst-a:u-2", "inst-e:u-1", "inst-e:u-2", "inst-e:u-3"};
    const std::vector<std::string> expected{"inst-c:u-3", "inst-c:u-4", "inst-b:u-2",
                                            "inst-b:u-1", "inst-d:u-4", "inst-d:u-2"};
    CHECK(pair_strings(must_draw(in)) == expected);
    CHECK(hex_encode(draw_seed_hash(seed)) == "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
}

TEST_CASE("draw: DrawStream rejects values that would bias uniform_int", "[draw]") {
    // n = 2^63 + 1: limit = floor(2^64 / n) * n = n, so every value >= n is rejected (about half).
    const std::uint64_t n = (1ULL << 63) + 1;
    DrawStream raw(seed_for("stream"), 7);
    DrawStream sampled(seed_for("stream"), 7);
    int rejected = 0;
    for (int i = 0; i < 200; ++i) {
        std::uint64_t x = raw.next_u64();
        while (x >= n) {
            x = raw.next_u64();
            ++rejected;
        }
        REQUIRE(sampled.uniform_int(n) == x);
    }
    CHECK(rejected > 50);  // the branch was exercised, not just the fast path

    // A power of two rejects nothing; uniform_int(1) still consumes one value.
    DrawStream a(seed_for("stream"), 7);
    DrawStream b(seed_for("stream"), 7);
    CHECK(a.uniform_int(1) == 0);
    b.next_u64();
    CHECK(a.uniform_int(1ULL << 32) == b.next_u64() % (1ULL << 32));
    // uniform_double is the top 53 bits.
    CHECK(a.uniform_double() == static_cast<double>(b.next_u64() >> 11) / 9007199254740992.0);
}

TEST_CASE("draw: with k = 1 each site comes up with probability weight / total", "[draw]") {
    DrawInput in;
    in.commit_seq = 99;
    in.k = 1;
    in.pool = {{"a", 1}, {"b", 1}, {"c", 2}, {"d", 4}, {"e", 8}};
    in.inspectors = {"u-1"};
    const double total = 16;
    const int n = 20000;
    std::map<std::string, int> count;
    for (int i = 0; i < n; ++i) {
        in.seed = seed_for(i);
        ++count[must_draw(in).at(0).institution_id];
    }
    // Two criteria, both on the same fixed draws: each site within 4 standard deviations of its
    // binomial expectation (per-site false alarm ~6e-5), and Pearson's chi-square below 18.47, the
    // critical value for 4 degrees of freedom at significance 0.001.
    double chi2 = 0;
    for (const auto& s : in.pool) {
        const double p = s.weight / total;
        const double expected = n * p;
        const double sd = std::sqrt(n * p * (1 - p));
        INFO(s.institution_id << ": observed " << count[s.institution_id] << ", expected " << expected);
        CHECK(std::abs(count[s.institution_id] - expected) < 4 * sd);
        chi2 += (count[s.institution_id] - expected) * (count[s.institution_id] - expected) / expected;
    }
    INFO("chi-square " << chi2);
    CHECK(chi2 < 18.47);
}

TEST_CASE("draw: inspectors are chosen uniformly among those eligible", "[draw]") {
    DrawInput in;
    in.commit_seq = 5;
    in.k = 1;
    in.pool = {{"inst-a", 1}};
    in.inspectors = {"u-1", "u-2", "u-3", "u-4", "u-5", "u-6"};
    in.excluded_pairs = {"inst-a:u-6"};
    const int n = 10000;
    const int eligible = 5;
    // Same criteria as above: within 4 standard deviations each, chi-square (4 d.f.) below 18.47
    // at significance 0.001.
    for (int per_site : {1, 2}) {
        in.inspectors_per_site = per_site;
        std::map<std::string, int> count;
        for (int i = 0; i < n; ++i) {
            in.seed = seed_for("inspectors/" + std::to_string(i));
            const auto pairs = must_draw(in);  // kept alive: the loop below reads into it
            for (const auto& u : pairs.at(0).inspectors) ++count[u];
        }
        CHECK(count.count("u-6") == 0);
        // Each eligible inspector appears on the site with probability per_site / eligible.
        const double p = static_cast<double>(per_site) / eligible;
        const double expected = n * p;
        const double sd = std::sqrt(n * p * (1 - p));
        double chi2 = 0;
        for (int u = 1; u <= eligible; ++u) {
            const auto id = "u-" + std::to_string(u);
            INFO("per site " << per_site << ", " << id << ": observed " << count[id] << ", expected " << expected);
            CHECK(std::abs(count[id] - expected) < 4 * sd);
            chi2 += (count[id] - expected) * (count[id] - expected) / expected;
        }
        INFO("chi-square " << chi2);
        CHECK(chi2 < 18.47);
    }
}

TEST_CASE("draw: no site is drawn twice and no inspector twice on one site", "[draw]") {
    DrawInput in;
    in.commit_seq = 11;
    in.inspectors_per_site = 3;
    in.pool = sites(12);
    in.inspectors = users(6);
    for (int i = 0; i < 500; ++i) {
        in.seed = seed_for("replacement/" + std::to_string(i));
        in.k = 1 + i % 12;
        const auto pairs = must_draw(in);
        REQUIRE(pairs.size() == static_cast<std::size_t>(in.k));
        std::set<std::string> seen_sites;
        for (const auto& p : pairs) {
            CHECK(seen_sites.insert(p.institution_id).second);
            REQUIRE(p.inspectors.size() == 3);
            CHECK(std::set<std::string>(p.inspectors.begin(), p.inspectors.end()).size() == 3);
        }
    }
}

TEST_CASE("draw: excluded pairs never occur, sites without enough inspectors are never drawn", "[draw]") {
    DrawInput in;
    in.commit_seq = 77;
    in.k = 6;
    in.inspectors_per_site = 2;
    in.pool = sites(15);
    in.inspectors = users(8);
    // A scattered set of conflicts on the first 13 sites (about one in seven pairs)...
    for (int s = 0; s < 13; ++s)
        for (int u = 0; u < 8; ++u)
            if ((s * 5 + u * 3) % 7 == 0) in.excluded_pairs.push_back("inst-" + std::to_string(s) + ":u-" + std::to_string(u));
    // ...inst-13 has every inspector excluded, inst-14 all but one (fewer than 2 per site).
    for (int u = 0; u < 8; ++u) in.excluded_pairs.push_back("inst-13:u-" + std::to_string(u));
    for (int u = 1; u < 8; ++u) in.excluded_pairs.push_back("inst-14:u-" + std::to_string(u));
    const std::set<std::string> excluded(in.excluded_pairs.begin(), in.excluded_pairs.end());
    REQUIRE(excluded.size() > 25);

    std::set<std::string> drawn_sites;
    for (int i = 0; i < 2000; ++i) {
        in.seed = seed_for("excluded/" + std::to_string(i));
        const auto pairs = must_draw(in);
        for (const auto& p : pair_strings(pairs)) {
            INFO(p);
            CHECK(excluded.count(p) == 0);
        }
        for (const auto& p : pairs) drawn_sites.insert(p.institution_id);
    }
    CHECK(drawn_sites.count("inst-13") == 0);
    CHECK(drawn_sites.count("inst-14") == 0);
    CHECK(drawn_sites.size() == 13);  // every eligible site did come up: the check above is not vacuous
}

TEST_CASE("draw: k larger than the eligible pool is an error saying how many are eligible", "[draw]") {
    DrawInput in;
    in.seed = seed_for("too-many");
    in.inspectors_per_site = 2;
    in.pool = sites(5);
    in.inspectors = users(3);
    in.excluded_pairs = {"inst-0:u-0", "inst-0:u-1", "inst-2:u-2", "inst-2:u-0"};  // inst-0 and inst-2 out
    in.k = 3;
    CHECK(must_draw(in).size() == 3);
    in.k = 4;
    require_invalid(in, "only 3 institutions are eligible (each needs 2 inspectors not excluded for it), fewer than k = 4");
    in.k = 5;
    require_invalid(in, "only 3 institutions are eligible");

    in.k = 1;
    in.inspectors_per_site = 4;  // more than there are inspectors: nothing is eligible
    require_invalid(in, "only 0 institutions are eligible");
}

TEST_CASE("draw: the load spreads evenly over the inspectors", "[draw]") {
    DrawInput in;
    in.commit_seq = 3;
    in.k = 10;
    in.inspectors_per_site = 1;
    in.pool = sites(10);
    in.inspectors = users(5);
    for (int i = 0; i < 50; ++i) {
        in.seed = seed_for("load/" + std::to_string(i));
        std::map<std::string, int> count;
        for (const auto& p : must_draw(in)) ++count[p.inspectors.at(0)];
        REQUIRE(count.size() == 5);
        for (const auto& [u, c] : count) {
            INFO(u);
            CHECK(c == 2);
        }
    }
    // Same with two per site: 20 assignments over 5 inspectors, 4 each.
    in.inspectors_per_site = 2;
    in.seed = seed_for("load/two");
    std::map<std::string, int> count;
    for (const auto& p : pair_strings(must_draw(in))) ++count[p.substr(p.find(':') + 1)];
    REQUIRE(count.size() == 5);
    for (const auto& [u, c] : count) CHECK(c == 4);
}

TEST_CASE("draw: invalid input is rejected with a message naming the problem", "[draw]") {
    const auto good = base_input();
    REQUIRE(run_draw(good).has_value());

    auto in = good;
    in.seed.pop_back();
    require_invalid(in, "the draw seed must be 32 bytes (got 31)");
    in = good;
    in.seed.clear();
    require_invalid(in, "the draw seed must be 32 bytes (got 0)");

    in = good;
    in.k = 0;
    require_invalid(in, "must be at least 1 (got 0)");
    in.k = -3;
    require_invalid(in, "must be at least 1 (got -3)");

    in = good;
    in.inspectors_per_site = 0;
    require_invalid(in, "inspectors_per_site must be at least 1 (got 0)");

    in = good;
    in.pool.clear();
    require_invalid(in, "the institution pool is empty");
    in = good;
    in.inspectors.clear();
    require_invalid(in, "the inspector list is empty");

    for (double w : {0.0, -1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
        in = good;
        in.pool[4].weight = w;
        INFO(w);
        require_invalid(in, "the weight of institution \"inst-4\" must be finite and > 0");
    }

    in = good;
    in.pool[9].institution_id = "inst-2";
    require_invalid(in, "institution \"inst-2\" appears twice in the pool");
    in = good;
    in.inspectors[5] = "u-1";
    require_invalid(in, "inspector \"u-1\" appears twice in the list");
    in = good;
    in.pool[1].institution_id = "a:b";
    require_invalid(in, "institution id \"a:b\" is empty or contains ':'");
    in = good;
    in.inspectors[0] = "";
    require_invalid(in, "inspector id \"\" is empty or contains ':'");

    for (const std::string bad : {"inst-1", "inst-1:", ":u-1", "inst-1:u-1:x", ""}) {
        in = good;
        in.excluded_pairs.push_back(bad);
        INFO(bad);
        require_invalid(in, "excluded pair \"" + bad + "\" is malformed");
    }

    // An exclusion naming someone outside this draw is harmless.
    in = good;
    in.excluded_pairs.push_back("inst-elsewhere:u-elsewhere");
    CHECK(pair_strings(must_draw(in)) == pair_strings(must_draw(good)));
}

TEST_CASE("draw: site_weight follows its formula", "[draw]") {
    pb::Institution i;
    CHECK(site_weight(i, false) == 1.0);
    CHECK(site_weight(i, true) == 1.0);
    i.set_key_target(true);
    CHECK(site_weight(i, true) == 3.0);
    i.set_complaint_count(4);
    CHECK(site_weight(i, true) == 7.0);
    i.set_past_violations(2);
    CHECK(site_weight(i, true) == 11.0);  // 1 + 2 + 4 + 2*2
    CHECK(site_weight(i, false) == 1.0);
    i.set_key_target(false);
    i.set_complaint_count(-5);  // a bad record never drops the weight below 1
    i.set_past_violations(-1);
    CHECK(site_weight(i, true) == 1.0);
}
