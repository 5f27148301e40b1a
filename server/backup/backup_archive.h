#pragma once
// `ducha-server backup` and `ducha-server restore`: one file holding everything a server needs to
// come back (the database, the signing key, the TLS material and every evidence file), and the way
// back from it. A restore gives the server a new generation, so that devices send again what they
// had acknowledged after the backup was taken (docs/OPERATIONS.md, "Backup and restore").
#include <cstdint>
#include <filesystem>
#include <string>

#include "shared/common/result.h"

namespace ducha::server {

struct BackupSummary {
    std::size_t evidence_files = 0;
    std::uint64_t bytes = 0;      // the archive's content
    std::int64_t max_seq = 0;     // the last change the backup holds
    std::string generation;       // the server's generation when it was taken
};

// Writes `dest` (which must not exist; mode 0600: it holds the signing key) while the server may
// run: the database is copied with SQLite's online backup, then the other files, then a manifest
// with each file's SHA-256. The file appears under its name only when complete and fsynced.
[[nodiscard]] Result<BackupSummary> write_backup(const std::filesystem::path& data_dir, const std::filesystem::path& dest);

struct RestoreSummary {
    std::int64_t records = 0;
    std::size_t evidence_files = 0;
    std::int64_t restored_through_seq = 0;
    std::string generation;          // the new one
    std::filesystem::path set_aside; // where the directory's previous state was moved (empty if none)
};

// Checks the whole archive against its manifest before touching anything, then puts it into
// `data_dir` (created if missing). The directory must not be in use by a running server. Its previous
// database, key and TLS files, if any, move to DIR/before-restore-TIME/; evidence files already in
// DIR stay (they are named by their hash). The restored database gets a new generation.
[[nodiscard]] Result<RestoreSummary> restore_backup(const std::filesystem::path& from,
                                                    const std::filesystem::path& data_dir);

}  // namespace ducha::server
