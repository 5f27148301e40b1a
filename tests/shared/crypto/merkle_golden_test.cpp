// Golden Merkle root and paths (tests/data/golden/README.md): receipts carry a batch root and a
// leaf's path, so a change to how the tree is built makes every stored receipt fail to verify.
#include <catch2/catch.hpp>

#include "shared/common/bytes.h"
#include "shared/crypto/merkle.h"
#include "shared/crypto/sha256.h"
#include "shared/support/golden.h"

using namespace ducha;
using namespace ducha::crypto;
using ducha::test::check_golden;

TEST_CASE("golden: the Merkle root and every path of a seven-leaf batch", "[golden][crypto][merkle]") {
    // Seven leaves: the last one is promoted at the first level, so both path shapes occur.
    std::vector<Bytes> leaves;
    for (int i = 0; i < 7; ++i) leaves.push_back(sha256("golden merkle leaf " + std::to_string(i)));
    const MerkleTree tree(leaves);
    REQUIRE(tree.root() == merkle_root(leaves));
    check_golden("merkle-7-root.hex", hex_encode(tree.root()) + "\n");

    // One line per leaf: its sibling hashes, leaf to root, separated by spaces.
    std::string paths;
    for (std::uint32_t i = 0; i < leaves.size(); ++i) {
        const auto path = tree.path(i);
        CHECK(path == merkle_path(leaves, i));
        CHECK(merkle_verify(leaves[i], i, static_cast<std::uint32_t>(leaves.size()), path, tree.root()));
        std::string line;
        for (const auto& p : path) line += (line.empty() ? "" : " ") + hex_encode(p);
        paths += line + "\n";
    }
    check_golden("merkle-7-paths.txt", paths);
}
