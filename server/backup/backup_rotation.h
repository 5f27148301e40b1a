#pragma once
// Nightly backups into one directory, the oldest removed beyond a count: `backup --to-dir DIR
// --keep N` (the systemd timer runs it). Only files this names (ducha-YYYYMMDDTHHMMSSZ.backup)
// are ever counted or removed; anything else in the directory is left alone.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "shared/common/result.h"

namespace ducha::server {

// "20261130T023000Z": a UTC second as backups and a restore's set-aside directory are named.
std::string utc_stamp(std::int64_t unix_s);

// DIR/ducha-20261130T023000Z.backup for that UTC second.
std::filesystem::path dated_backup_path(const std::filesystem::path& dir, std::int64_t unix_s);

// Removes the oldest dated backups in `dir` so that `keep` (at least 1) remain; answers what it
// removed, oldest first.
[[nodiscard]] Result<std::vector<std::filesystem::path>> prune_backups(const std::filesystem::path& dir, int keep);

}  // namespace ducha::server
