#pragma once
#include <filesystem>
#include <string_view>

#include "shared/common/result.h"

namespace ducha::exporting {

// Writes `bytes` to a temporary file beside `p`, fsyncs it, renames it over `p` and fsyncs the
// directory: readers see the old file or the whole new one, never a part. On any failure the
// temporary file is removed; a full disk (or quota) gives Errc::disk_full.
Status write_file_atomically(const std::filesystem::path& p, std::string_view bytes);

}  // namespace ducha::exporting
