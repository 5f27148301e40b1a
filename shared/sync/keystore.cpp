#include "shared/sync/keystore.h"

#include <fstream>

#include "shared/common/durable_file.h"
#include "shared/crypto/random.h"

namespace ducha::sync {

namespace fs = std::filesystem;

Result<Bytes> FileKeystore::profile_key() {
    std::error_code ec;
    const fs::path& p = m_file;
    if (fs::exists(p, ec)) {
        std::ifstream in(p, std::ios::binary);
        Bytes k((std::istreambuf_iterator<char>(in)), {});
        if (k.size() != 32) return fail(Errc::integrity, Msg::keystore_file_damaged, p.string());
        return k;
    }
    Bytes k = crypto::random_bytes(32);
    // Never over a key another opener wrote meanwhile: its key may already seal the profile.
    if (auto st = write_file_durably(p, k, 0600, Replace::never); !st) {
        if (st.error().code == Errc::disk_full) return fail(st.error());
        return fail(Errc::storage, Msg::cannot_write_keystore, p.string());
    }
    return k;
}

}  // namespace ducha::sync
