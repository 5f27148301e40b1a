#include <catch2/catch.hpp>

#include "shared/common/bytes.h"
#include "shared/crypto/merkle.h"
#include "shared/crypto/sha256.h"

using namespace ducha;
using namespace ducha::crypto;

namespace {

Bytes leaf_hash(const Bytes& d) { return sha256(std::string(1, '\0') + d); }
Bytes node_hash(const Bytes& l, const Bytes& r) { return sha256("\x01" + l + r); }

// RFC 6962 section 2.1 MTH, written independently: split at the largest power of two below n.
Bytes reference_root(const std::vector<Bytes>& d, std::size_t begin, std::size_t end) {
    const std::size_t n = end - begin;
    if (n == 1) return leaf_hash(d[begin]);
    std::size_t k = 1;
    while (k * 2 < n) k *= 2;
    return node_hash(reference_root(d, begin, begin + k), reference_root(d, begin + k, end));
}

std::vector<Bytes> make_leaves(std::size_t n) {
    std::vector<Bytes> leaves;
    for (std::size_t i = 0; i < n; ++i) leaves.push_back(sha256("leaf " + std::to_string(i)));
    return leaves;
}

}  // namespace

TEST_CASE("merkle root of small trees", "[crypto][merkle]") {
    CHECK(merkle_root({}) == sha256(""));

    const auto l = make_leaves(3);
    CHECK(merkle_root({l[0]}) == leaf_hash(l[0]));
    CHECK(merkle_root({l[0], l[1]}) == node_hash(leaf_hash(l[0]), leaf_hash(l[1])));
    // The odd third leaf is promoted and joins at the next level.
    CHECK(merkle_root(l) == node_hash(node_hash(leaf_hash(l[0]), leaf_hash(l[1])), leaf_hash(l[2])));
    CHECK(merkle_root({l[1], l[0]}) != merkle_root({l[0], l[1]}));
    CHECK(merkle_root(l).size() == 32);
}

TEST_CASE("merkle root matches RFC 6962 MTH", "[crypto][merkle]") {
    const auto all = make_leaves(70);
    for (std::size_t n = 1; n <= all.size(); ++n) {
        INFO(n);
        const std::vector<Bytes> leaves(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n));
        CHECK(merkle_root(leaves) == reference_root(leaves, 0, n));
    }
}

TEST_CASE("merkle path verifies for every count 1..33 and every index", "[crypto][merkle]") {
    const auto all = make_leaves(33);
    for (std::uint32_t n = 1; n <= 33; ++n) {
        const std::vector<Bytes> leaves(all.begin(), all.begin() + n);
        const Bytes root = merkle_root(leaves);
        for (std::uint32_t i = 0; i < n; ++i) {
            INFO("count " << n << " index " << i);
            const auto path = merkle_path(leaves, i);
            REQUIRE(merkle_verify(leaves[i], i, n, path, root));

            CHECK(path.size() <= 6);
            CHECK_FALSE(merkle_verify(sha256("other"), i, n, path, root));
            CHECK_FALSE(merkle_verify(leaves[i], i, n, path, sha256("other root")));
            CHECK_FALSE(merkle_verify(leaves[i], n, n, path, root));  // index out of range
            if (n > 1) {
                // The sibling's index reorders the hashing or changes the path shape.
                const std::uint32_t other = (i + 1) % n;
                CHECK_FALSE(merkle_verify(leaves[i], other, n, path, root));
                CHECK_FALSE(merkle_verify(leaves[other], other, n, path, root));
            }
            for (std::size_t p = 0; p < path.size(); ++p) {
                auto bad = path;
                bad[p][0] = static_cast<char>(bad[p][0] ^ 1);
                CHECK_FALSE(merkle_verify(leaves[i], i, n, bad, root));
            }
            auto longer = path;
            longer.push_back(sha256("extra"));
            CHECK_FALSE(merkle_verify(leaves[i], i, n, longer, root));
            if (!path.empty()) {
                auto shorter = path;
                shorter.pop_back();
                CHECK_FALSE(merkle_verify(leaves[i], i, n, shorter, root));
            }
        }
    }
}

TEST_CASE("merkle path of a single leaf is empty", "[crypto][merkle]") {
    const auto l = make_leaves(1);
    CHECK(merkle_path(l, 0).empty());
    CHECK(merkle_verify(l[0], 0, 1, {}, merkle_root(l)));
    CHECK_FALSE(merkle_verify(l[0], 0, 0, {}, merkle_root(l)));
    CHECK_THROWS_AS(merkle_path(l, 1), std::out_of_range);
}

TEST_CASE("merkle path of a promoted leaf skips the missing sibling", "[crypto][merkle]") {
    // Five leaves: leaf 4 is promoted twice, then meets the root of the first four.
    const auto l = make_leaves(5);
    const auto path = merkle_path(l, 4);
    REQUIRE(path.size() == 1);
    CHECK(path[0] == merkle_root({l[0], l[1], l[2], l[3]}));
    CHECK(merkle_verify(l[4], 4, 5, path, merkle_root(l)));
}
