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

MerkleTree::MerkleTree(const std::vector<Bytes>& leaves) {
    if (leaves.empty()) {
        m_root = sha256("");
        return;
    }
    m_levels.push_back(leaf_level(leaves));
    while (m_levels.back().size() > 1) m_levels.push_back(next_level(m_levels.back()));
    m_root = m_levels.back().front();
}

std::vector<Bytes> MerkleTree::path(std::size_t index) const {
    if (m_levels.empty() || index >= m_levels.front().size()) throw std::out_of_range("merkle_path: index out of range");
    std::vector<Bytes> path;
    for (std::size_t l = 0; l + 1 < m_levels.size(); ++l) {
        // A promoted node (last of an odd level) has no sibling and adds nothing to the path.
        const std::size_t sibling = index ^ 1;
        if (sibling < m_levels[l].size()) path.push_back(m_levels[l][sibling]);
        index /= 2;
    }
    return path;
}

Bytes merkle_root(const std::vector<Bytes>& leaves) { return MerkleTree(leaves).root(); }

std::vector<Bytes> merkle_path(const std::vector<Bytes>& leaves, std::size_t index) {
    if (index >= leaves.size()) throw std::out_of_range("merkle_path: index out of range");
    return MerkleTree(leaves).path(index);
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
