#pragma once
#include <filesystem>
#include <memory>
#include <string_view>

#include "shared/common/bytes.h"
#include "shared/common/result.h"

namespace ducha::crypto {

// Incremental SHA-256 (OpenSSL EVP). Move-only.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view data);
    Bytes finish();  // 32 bytes; the object may not be used afterwards

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

Bytes sha256(std::string_view data);
Result<Bytes> sha256_file(const std::filesystem::path& path);

}  // namespace ducha::crypto
