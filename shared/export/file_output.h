#pragma once
#include <filesystem>
#include <string_view>

#include "shared/common/durable_file.h"
#include "shared/common/result.h"

namespace ducha::exporting {

// An export is an ordinary user file (0666 less the umask), written the one durable way
// (shared/common/durable_file.h): readers see the old file or the whole new one, never a part; a
// full disk (or quota) gives Errc::disk_full.
inline Status write_file_atomically(const std::filesystem::path& p, std::string_view bytes) {
    return write_file_durably(p, bytes, 0666);
}

}  // namespace ducha::exporting
