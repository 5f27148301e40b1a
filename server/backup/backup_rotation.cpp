#include "server/backup/backup_rotation.h"

#include <algorithm>
#include <ctime>
#include <string>

namespace ducha::server {

namespace fs = std::filesystem;

namespace {

// "ducha-" 8 digits "T" 6 digits "Z.backup": sorts by time as text.
bool is_dated_backup(const std::string& name) {
    constexpr std::string_view kPrefix = "ducha-", kSuffix = "Z.backup";
    if (name.size() != kPrefix.size() + 15 + kSuffix.size()) return false;
    if (name.rfind(kPrefix, 0) != 0 || name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0)
        return false;
    for (std::size_t i = 0; i < 15; ++i) {
        const char c = name[kPrefix.size() + i];
        if (i == 8 ? c != 'T' : (c < '0' || c > '9')) return false;
    }
    return true;
}

}  // namespace

std::string utc_stamp(std::int64_t unix_s) {
    const std::time_t t = static_cast<std::time_t>(unix_s);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

fs::path dated_backup_path(const fs::path& dir, std::int64_t unix_s) { return dir / ("ducha-" + utc_stamp(unix_s) + ".backup"); }

Result<std::vector<fs::path>> prune_backups(const fs::path& dir, int keep) {
    if (keep < 1) return fail(Errc::invalid_argument, Msg::backup_keep_at_least_one);
    std::error_code ec;
    std::vector<fs::path> dated;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file() && is_dated_backup(it->path().filename().string())) dated.push_back(it->path());
    if (ec) return fail(Errc::storage, Msg::cannot_read_file, dir.string());
    std::sort(dated.begin(), dated.end());
    std::vector<fs::path> removed;
    for (std::size_t i = 0; i + static_cast<std::size_t>(keep) < dated.size(); ++i) {
        if (!fs::remove(dated[i], ec) || ec) return fail(Errc::storage, Msg::cannot_remove_old_backup, dated[i].string(), ec.message());
        removed.push_back(dated[i]);
    }
    return removed;
}

}  // namespace ducha::server
