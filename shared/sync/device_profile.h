#pragma once
// A device's profile directory: its database, its keys and credentials, its evidence files.
//   DIR/device.db       the LocalStore
//   DIR/keystore.key    32-byte AES-256 key, mode 0600 (the desktop keystore, FileKeystore)
//   DIR/blobs/HEX.enc   evidence, AES-256-GCM encrypted with the keystore key
// The device's Ed25519 seed and its tokens are stored encrypted in the database's meta table.
#include <filesystem>
#include <optional>
#include <string>

#include "ducha.pb.h"
#include "shared/common/bytes.h"
#include "shared/common/result.h"
#include "shared/crypto/ed25519.h"
#include "shared/sync/draft_store.h"
#include "shared/sync/keystore.h"
#include "shared/sync/local_store.h"

namespace ducha::sync {

struct Identity {
    std::string server_url, pin, device_id, user_id, role, user_name, district_id;
    Bytes server_public_key;
};

class DeviceProfile {
public:
    static Result<DeviceProfile> open(const std::filesystem::path& dir);  // with DIR/keystore.key
    // With the profile key from elsewhere (a platform keystore; a test's).
    static Result<DeviceProfile> open(const std::filesystem::path& dir, Keystore& keystore);

    LocalStore& store() { return m_store; }
    const std::filesystem::path& dir() const { return m_dir; }

    bool enrolled();
    Result<Identity> identity();
    Result<crypto::Ed25519KeyPair> device_key();

    // Redeems an enrollment code at the server: makes the device key pair, registers it, keeps the
    // tokens. On an enrolled profile it enrolls the same device again (same id and key, for the
    // same user), for a server that no longer knows it; its outbox and photos stay and are sent.
    Result<Identity> enroll(const std::string& server_url, const std::string& code, const std::string& pin,
                            const std::string& device_name);
    Status store_tokens(const pb::TokenResponse& t);
    Result<std::string> access_token();
    Result<std::string> refresh_token();

    // Evidence at rest: encrypts and stores, returns the SHA-256 (hex) of the plaintext.
    Result<std::string> save_blob(std::string_view data);
    Result<std::string> read_blob(const std::string& hex);
    std::filesystem::path blob_path(const std::string& hex) const;

    // Inspections in progress, sealed with the keystore key.
    DraftStore drafts() { return DraftStore(m_store, m_key); }

    // Hybrid logical clock for last-writer-wins fields: wall-clock milliseconds, never going back.
    Result<std::uint64_t> next_hlc();

    // Queues a change this person makes, after judging it by the same write rules the server
    // applies (over this replica): a change the server would refuse is refused here, in the
    // server's words, and nothing is queued. Every change a person makes goes through here;
    // LocalStore::enqueue is the raw outbox underneath.
    [[nodiscard]] Result<std::uint64_t> submit(pb::Mutation m);
    // The same judgement without queuing (for a screen that wants to say "no" before the user starts).
    [[nodiscard]] Status check_write(const pb::Mutation& m);

private:
    DeviceProfile(std::filesystem::path dir, LocalStore store, Bytes key)
        : m_dir(std::move(dir)), m_store(std::move(store)), m_key(std::move(key)) {}
    Result<crypto::Ed25519KeyPair> pending_enroll_key(const std::string& code);
    Status set_secret(std::string_view key, std::string_view value);
    Result<std::optional<std::string>> secret(std::string_view key);

    std::filesystem::path m_dir;
    LocalStore m_store;
    Bytes m_key;
};

}  // namespace ducha::sync
