#pragma once
// Where a device keeps the key that seals its profile (tokens, the device key's seed, drafts,
// evidence files). The desktop build keeps it in a file beside the profile (FileKeystore); a phone
// build puts the platform's keystore behind the same interface, and tests put their own.
#include <filesystem>

#include "shared/common/bytes.h"
#include "shared/common/result.h"

namespace ducha::sync {

class Keystore {
public:
    virtual ~Keystore() = default;
    // The profile's 32-byte AES-256 key: made on first use, the same one ever after.
    // storage: it cannot be kept; integrity: what is kept is not a key.
    virtual Result<Bytes> profile_key() = 0;
};

// A file of 32 bytes, mode 0600, written once and fsynced.
class FileKeystore final : public Keystore {
public:
    explicit FileKeystore(std::filesystem::path file) : m_file(std::move(file)) {}
    Result<Bytes> profile_key() override;

private:
    std::filesystem::path m_file;
};

}  // namespace ducha::sync
