#pragma once
// Merkle tree over 32-byte leaves, RFC 6962 style: leaf = H(0x00 | data), node = H(0x01 | l | r),
// an odd node at the end of a level is promoted unchanged.
#include <cstdint>
#include <vector>

#include "shared/common/bytes.h"

namespace ducha::crypto {

// All levels of one tree, built once: the root and every leaf's path without rehashing
// (a batch of n receipts costs O(n) hashes, not O(n^2)).
class MerkleTree {
public:
    explicit MerkleTree(const std::vector<Bytes>& leaves);
    const Bytes& root() const { return m_root; }
    std::vector<Bytes> path(std::size_t index) const;

private:
    std::vector<std::vector<Bytes>> m_levels;  // [0] = hashed leaves, last = {root}
    Bytes m_root;
};

Bytes merkle_root(const std::vector<Bytes>& leaves);  // empty input: sha256("")
std::vector<Bytes> merkle_path(const std::vector<Bytes>& leaves, std::size_t index);
bool merkle_verify(const Bytes& leaf, std::uint32_t index, std::uint32_t count,
                   const std::vector<Bytes>& path, const Bytes& root);

}  // namespace ducha::crypto
