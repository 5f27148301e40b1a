#pragma once
// The one way the product writes a whole file so that it survives a crash or a power cut: the
// bytes go to a temporary file beside the target, the file is fsynced, renamed over the target
// (or linked, when an existing file must never be replaced), and the directory is fsynced so the
// new name is on disk too. Readers see the old file or the whole new one, never a part.
#include <filesystem>
#include <string_view>

#include "shared/common/result.h"

namespace ducha {

enum class Replace {
    allowed,  // an existing file is replaced (exports, certificates, the device's files)
    never,    // an existing file is kept and already_exists answered (a signing key, a keystore)
};

// Writes `bytes` to `p` durably, created with `mode` (less the umask) from the start so a secret
// is never briefly readable by others. On any failure the temporary file is removed and `p` is as
// it was. A full disk or quota (ENOSPC, EDQUOT) gives Errc::disk_full, any other failure
// Errc::storage; both name the file.
Status write_file_durably(const std::filesystem::path& p, std::string_view bytes, unsigned mode = 0600,
                          Replace replace = Replace::allowed);

// fsyncs a directory so that a rename, a new file or a removal in it is on disk. A filesystem that
// cannot fsync a directory (EINVAL) is taken as having nothing to flush.
Status sync_directory(const std::filesystem::path& dir);

// The error for a failed file operation `step` ("write", "fsync", "rename"...) on `p` with errno
// `err`: Errc::disk_full for ENOSPC and EDQUOT, else Errc::storage.
Error file_error(std::string_view step, const std::filesystem::path& p, int err);

}  // namespace ducha
