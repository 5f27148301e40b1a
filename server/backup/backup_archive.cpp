#include "server/backup/backup_archive.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <set>
#include <sstream>

#include "server/backup/backup_rotation.h"
#include "server/backup/tar_reader.h"
#include "server/backup/tar_writer.h"
#include "server/service/server_app.h"
#include "server/storage/data_dir_lock.h"
#include "server/storage/record_table.h"
#include "server/storage/server_generation.h"
#include "shared/common/clock.h"
#include "shared/common/durable_file.h"
#include "shared/store/database.h"
#include "shared/store/statement.h"

namespace ducha::server {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFormat = "ducha-backup 1";
constexpr const char* kDb = "ducha.db";
constexpr const char* kKey = "server-signing.key";
constexpr const char* kManifest = "MANIFEST";
constexpr std::size_t kMaxManifest = 256u << 20;

bool is_lower_hex(std::string_view s, std::size_t digits) {
    if (s.size() != digits) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool is_hex64(std::string_view s) { return is_lower_hex(s, 64); }

bool is_plain_name(std::string_view s) {
    if (s.empty() || s.size() > 64 || s.front() == '.') return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')) return false;
    return true;
}

// The only entries a backup holds; anything else (a path that climbs out, a link) is refused.
bool allowed_entry(std::string_view name) {
    if (name == kDb || name == kKey || name == kManifest) return true;
    if (name.starts_with("tls/")) return is_plain_name(name.substr(4));
    // blobs/XX/HEX: evidence files sit in a folder named by their hash's first two digits.
    if (name.starts_with("blobs/") && name.size() == 6 + 3 + 64 && name[8] == '/')
        return is_hex64(name.substr(9)) && name.substr(6, 2) == name.substr(9, 2);
    return false;
}

Status rename_file(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::rename(from, to, ec);
    if (ec) return fail(Errc::storage, Msg::cannot_rename_file, from.string(), to.string(), ec.message());
    return {};
}

// What the backup's database snapshot says about itself.
struct SnapshotFacts {
    std::int64_t max_seq = 0;
    std::string generation;
};

// SQLite by nature: the snapshot is SQLite's online backup of the file.
Result<SnapshotFacts> snapshot_database(const fs::path& data_dir, const fs::path& snapshot) {
    store::Database::Options ro;
    ro.read_only = true;
    auto src = store::Database::open(data_dir / kDb, ro);
    if (!src) return fail(src.error());
    store::Database::Options wo;
    wo.wal = false;
    auto dst = store::Database::open(snapshot, wo);
    if (!dst) return fail(dst.error());
    if (auto r = store::copy_database(*src, *dst); !r) return fail(r.error());
    auto seq = RecordTable{*dst}.max_seq();
    if (!seq) return fail(seq.error());
    auto gen = ServerGeneration{*dst}.get();
    if (!gen) return fail(gen.error());
    return SnapshotFacts{*seq, gen->id};
}

struct Manifest {
    std::map<std::string, TarEntryDigest> files;
    std::string text;

    void add(const std::string& name, const TarEntryDigest& d) {
        files[name] = d;
        text += "file " + d.sha256_hex + " " + std::to_string(d.size) + " " + name + "\n";
    }
};

Status add_files_of(TarWriter& tar, Manifest& m, const fs::path& dir, const std::string& prefix,
                    bool (*wanted)(std::string_view), BackupSummary& sum) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return {};
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file() || !wanted(name)) continue;
        const std::string inside = prefix + name;
        auto d = tar.add_file(inside, entry.path());
        if (!d) return fail(d.error());
        m.add(inside, *d);
        sum.bytes += d->size;
    }
    if (ec) return fail(Errc::storage, Msg::cannot_read_file_os, dir.string(), ec.message());
    return {};
}

// Complete evidence files only (DIR/blobs/XX/HEX); unfinished uploads under blobs/partial/ resume
// from the devices.
Status add_evidence_files(TarWriter& tar, Manifest& m, const fs::path& blobs, BackupSummary& sum) {
    std::error_code ec;
    if (!fs::is_directory(blobs, ec)) return {};
    for (const auto& sub : fs::directory_iterator(blobs, ec)) {
        const std::string two = sub.path().filename().string();
        if (!sub.is_directory() || !is_lower_hex(two, 2)) continue;
        const std::size_t before = m.files.size();
        if (auto s = add_files_of(tar, m, sub.path(), "blobs/" + two + "/", is_hex64, sum); !s) return s;
        sum.evidence_files += m.files.size() - before;
    }
    if (ec) return fail(Errc::storage, Msg::cannot_read_file_os, blobs.string(), ec.message());
    return {};
}

Status write_archive(const fs::path& data_dir, const fs::path& snapshot, const fs::path& partial,
                     const SnapshotFacts& facts, BackupSummary& sum) {
    auto tar = TarWriter::create(partial);
    if (!tar) return fail(tar.error());
    Manifest m;
    m.text = std::string(kFormat) + "\ncreated_at_ms " + std::to_string(unix_ms_now()) + "\ngeneration " +
             facts.generation + "\nmax_seq " + std::to_string(facts.max_seq) + "\n";
    auto db = tar->add_file(kDb, snapshot);
    if (!db) return fail(db.error());
    m.add(kDb, *db);
    sum.bytes += db->size;
    auto key = tar->add_file(kKey, data_dir / kKey);
    if (!key) return fail(key.error());
    m.add(kKey, *key);
    if (auto s = add_files_of(*tar, m, data_dir / "tls", "tls/", is_plain_name, sum); !s) return s;
    if (auto s = add_evidence_files(*tar, m, data_dir / "blobs", sum); !s) return s;
    auto man = tar->add_bytes(kManifest, m.text);
    if (!man) return fail(man.error());
    return tar->finish();
}

// Every entry of the archive into `staging`, each checked against the manifest at the end.
Result<Manifest> extract_checked(const fs::path& from, const fs::path& staging) {
    auto tar = TarReader::open(from);
    if (!tar) return fail(tar.error());
    std::map<std::string, TarEntryDigest> got;
    std::optional<std::string> manifest;
    for (;;) {
        auto e = tar->next();
        if (!e) return fail(e.error());
        if (!*e) break;
        const std::string name = (*e)->name;
        if (!allowed_entry(name) || got.count(name) || (name == kManifest && manifest))
            return fail(Errc::integrity, Msg::backup_entry_not_allowed, name);
        if (name == kManifest) {
            auto text = tar->read_all(kMaxManifest);
            if (!text) return fail(text.error());
            manifest = std::move(*text);
            continue;
        }
        std::error_code ec;
        fs::create_directories((staging / name).parent_path(), ec);
        auto d = tar->extract_to(staging / name);
        if (!d) return fail(d.error());
        got[name] = *d;
    }
    if (!manifest) return fail(Errc::integrity, Msg::backup_lacks_file, kManifest);
    std::istringstream in(*manifest);
    std::string line;
    std::getline(in, line);
    if (line != kFormat) return fail(Errc::integrity, Msg::backup_version_unknown, line.substr(0, 40));
    Manifest m;
    m.text = *manifest;
    while (std::getline(in, line)) {
        std::istringstream f(line);
        std::string word, sha, name;
        std::uint64_t size = 0;
        f >> word;
        if (word != "file") continue;  // the header lines
        if (!(f >> sha >> size >> name)) return fail(Errc::integrity, Msg::backup_lacks_file, line.substr(0, 80));
        m.files[name] = TarEntryDigest{sha, size};
    }
    for (const auto& [name, want] : m.files) {
        auto it = got.find(name);
        if (it == got.end()) return fail(Errc::integrity, Msg::backup_lacks_file, name);
        if (it->second.sha256_hex != want.sha256_hex || it->second.size != want.size)
            return fail(Errc::integrity, Msg::backup_file_mismatch, name);
    }
    for (const auto& [name, d] : got)
        if (!m.files.count(name)) return fail(Errc::integrity, Msg::backup_entry_not_allowed, name);
    for (const char* must : {kDb, kKey})
        if (!m.files.count(must)) return fail(Errc::integrity, Msg::backup_lacks_file, must);
    return m;
}

// The staged database: migrated to this version, with a new generation whose recovery line is the
// last seq the backup holds.
Result<RestoreSummary> renew_generation(const fs::path& staging) {
    auto db = open_server_db(staging);
    if (!db) return fail(db.error());
    RecordTable table{*db};
    auto seq = table.max_seq();
    if (!seq) return fail(seq.error());
    auto gen = ServerGeneration{*db}.start_new(*seq);
    if (!gen) return fail(gen.error());
    RestoreSummary sum;
    sum.restored_through_seq = *seq;
    sum.generation = gen->id;
    store::Statement st{*db, "SELECT COUNT(*) FROM record WHERE deleted=0"};
    auto row = st.step();
    if (!row) return fail(row.error());
    sum.records = st.col_int(0);
    return sum;
}

// The directory's own database, key and TLS files move aside, kept for the operator.
Result<fs::path> set_previous_aside(const fs::path& data_dir) {
    std::error_code ec;
    std::vector<std::string> present;
    for (const char* n : {kDb, "ducha.db-wal", "ducha.db-shm", kKey, "tls"})
        if (fs::exists(data_dir / n, ec)) present.emplace_back(n);
    if (present.empty()) return fs::path{};
    const fs::path aside = data_dir / ("before-restore-" + utc_stamp(unix_seconds_now()));
    fs::create_directory(aside, ec);
    if (ec) return fail(Errc::storage, Msg::cannot_create_file_os, aside.string(), ec.message());
    for (const auto& n : present)
        if (auto s = rename_file(data_dir / n, aside / n); !s) return fail(s.error());
    if (auto s = sync_directory(aside); !s) return fail(s.error());
    return aside;
}

Status move_into_place(const fs::path& staging, const fs::path& data_dir, const Manifest& m, RestoreSummary& sum) {
    std::error_code made;
    fs::create_directories(data_dir / "blobs", made);  // the server's evidence store, even when empty
    if (made) return fail(Errc::storage, Msg::cannot_create_file_os, (data_dir / "blobs").string(), made.message());
    std::set<fs::path> touched{data_dir / "blobs"};
    for (const auto& [name, d] : m.files) {
        if (name == kDb) continue;  // last: a directory with the database is a restored one
        const fs::path dest = data_dir / name;
        std::error_code ec;
        fs::create_directories(dest.parent_path(), ec);
        if (ec) return fail(Errc::storage, Msg::cannot_create_file_os, dest.parent_path().string(), ec.message());
        if (name.starts_with("blobs/")) {
            sum.evidence_files++;
            if (fs::exists(dest, ec)) continue;  // the same bytes (the name is their hash)
        }
        if (auto s = rename_file(staging / name, dest); !s) return s;
        touched.insert(dest.parent_path());
    }
    for (const auto& dir : touched)
        if (auto s = sync_directory(dir); !s) return s;
    if (auto s = rename_file(staging / kDb, data_dir / kDb); !s) return s;
    return sync_directory(data_dir);
}

}  // namespace

Result<BackupSummary> write_backup(const fs::path& data_dir, const fs::path& dest) {
    std::error_code ec;
    if (fs::exists(dest, ec)) return fail(Errc::already_exists, Msg::exists_nothing_was_written, dest.string());
    if (!fs::exists(data_dir / kDb, ec)) return fail(Errc::not_found, Msg::no_server_signing_key_run, data_dir.string());
    // Both temporary files sit beside `dest`, so the final rename stays on one filesystem.
    const fs::path snapshot = fs::path(dest.string() + ".db-snapshot");
    const fs::path partial = fs::path(dest.string() + ".partial");
    fs::remove(snapshot, ec);  // left by a backup that was interrupted
    fs::remove(partial, ec);
    BackupSummary sum;
    auto facts = snapshot_database(data_dir, snapshot);
    Status s = facts ? write_archive(data_dir, snapshot, partial, *facts, sum) : Status{fail(facts.error())};
    fs::remove(snapshot, ec);
    if (s) s = rename_file(partial, dest);
    if (s) s = sync_directory(dest.has_parent_path() ? dest.parent_path() : fs::path("."));
    if (!s) {
        fs::remove(partial, ec);
        return fail(s.error());
    }
    sum.max_seq = facts->max_seq;
    sum.generation = facts->generation;
    return sum;
}

Result<RestoreSummary> restore_backup(const fs::path& from, const fs::path& data_dir) {
    std::error_code ec;
    if (!fs::is_regular_file(from, ec)) return fail(Errc::not_found, Msg::cannot_open_file_os, from.string(), "not a file");
    fs::create_directories(data_dir, ec);
    if (ec) return fail(Errc::storage, Msg::cannot_create_data_dir, data_dir.string(), ec.message());
    auto lock = DataDirLock::acquire(data_dir);
    if (!lock) return fail(lock.error());
    const fs::path staging = data_dir / ".restore-staging";
    fs::remove_all(staging, ec);
    fs::create_directories(staging, ec);
    if (ec) return fail(Errc::storage, Msg::cannot_create_file_os, staging.string(), ec.message());
    auto m = extract_checked(from, staging);
    auto sum = m ? renew_generation(staging) : Result<RestoreSummary>{fail(m.error())};
    if (sum) {
        auto aside = set_previous_aside(data_dir);
        if (!aside) sum = fail(aside.error());
        else sum->set_aside = *aside;
    }
    if (sum)
        if (auto s = move_into_place(staging, data_dir, *m, *sum); !s) sum = fail(s.error());
    fs::remove_all(staging, ec);
    return sum;
}

}  // namespace ducha::server
