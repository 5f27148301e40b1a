#include "shared/sync/keystore.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>

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
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return fail(Errc::storage, Msg::cannot_create_keystore, p.string());
    bool ok = ::write(fd, k.data(), k.size()) == 32 && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) return fail(Errc::storage, Msg::cannot_write_keystore, p.string());
    return k;
}

}  // namespace ducha::sync
