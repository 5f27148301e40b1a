#include "shared/crypto/merkle.h"

#include <stdexcept>

#include "shared/crypto/sha256.h"

namespace ducha::crypto {

namespace {

// Domain separation (0x00 leaf, 0x01 node) keeps a leaf from posing as an inner node.
Bytes leaf_hash(const Bytes& leaf) {
    Sha256 h;
    h.update(std::string_view("\x00", 1));
    h.update(leaf);
    return h.finish();
}

Bytes node_hash(const Bytes& left, const Bytes& right) {
    Sha256 h;
    h.update(std::string_view("\x01", 1));
    h.update(left);
    h.update(right);
    return h.finish();
}

std::vector<Bytes> next_level(const std::vector<Bytes>& level) {
    std::vector<Bytes> up;
    up.reserve((level.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < level.size(); i += 2) up.push_back(node_hash(level[i], level[i + 1]));
    if (level.size() % 2 == 1) up.push_back(level.back());  // odd last node is promoted unchanged
    return up;
}

std::vector<Bytes> leaf_level(const std::vector<Bytes>& leaves) {
    std::vector<Bytes> level;
    level.reserve(leaves.size());
    for (const auto& l : leaves) level.push_back(leaf_hash(l));
    return level;
}

}  // namespace

Bytes merkle_root(const std::vector<Bytes>& leaves) {
    if (leaves.empty()) return sha256("");
    std::vector<Bytes> level = leaf_level(leaves);
    while (level.size() > 1) level = next_level(level);
    return level.front();
}

std::vector<Bytes> merkle_path(const std::vector<Bytes>& leaves, std::size_t index) {
    if (index >= leaves.size()) throw std::out_of_range("merkle_path: index out of range");
    std::vector<Bytes> path;
    std::vector<Bytes> level = leaf_level(leaves);
    while (level.size() > 1) {
        // A promoted node (last of an odd level) has no sibling and adds nothing to the path.
        const std::size_t sibling = index ^ 1;
        if (sibling < level.size()) path.push_back(level[sibling]);
        level = next_level(level);
        index /= 2;
    }
    return path;
}

bool merkle_verify(const Bytes& leaf, std::uint32_t index, std::uint32_t count, const std::vector<Bytes>& path,
                   const Bytes& root) {
    if (index >= count) return false;
    Bytes hash = leaf_hash(leaf);
    std::size_t used = 0;
    std::uint64_t idx = index;
    std::uint64_t n = count;
    // Walk up the same level shapes merkle_path saw, so promotion steps consume no path entry.
    while (n > 1) {
        if (idx % 2 == 1) {
            if (used == path.size()) return false;
            hash = node_hash(path[used++], hash);
        } else if (idx + 1 < n) {
            if (used == path.size()) return false;
            hash = node_hash(hash, path[used++]);
        }
        idx /= 2;
        n = (n + 1) / 2;
    }
    return used == path.size() && hash == root;
}

}  // namespace ducha::crypto
