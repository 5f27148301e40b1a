#include "server/service/badge_service.h"

#include "server/http/html_text.h"
#include "shared/common/bytes.h"
#include "shared/common/shanghai_time.h"

#include <ctime>
#include <optional>
#include <nlohmann/json.hpp>

#include "ducha.pb.h"
#include "server/storage/record_table.h"
#include "shared/domain/badge_photo.h"
#include "shared/domain/collections.h"

namespace ducha::server {

using namespace ducha::domain;

namespace {

bool inspecting_role(const std::string& role) {
    return role == "volunteer" || role == "coordinator" || role == "supervisor";
}

struct Message {
    const char* zh;
    const char* en;
};

Message message_for(const std::string& status) {
    if (status == "valid") return {"该督查员身份真实，当前获授权开展督查", "This inspector is genuine and currently authorised to inspect"};
    if (status == "expired") return {"证件已过期，持证人当前无督查授权", "This badge has expired: the holder is not currently authorised to inspect"};
    if (status == "inactive")
        return {"证件未启用或已停用，持证人当前无督查授权", "This badge is not in force: the holder is not authorised to inspect"};
    if (status == "device_revoked")
        return {"此手机已挂失停用，其上显示的证件无效", "This phone was reported lost and revoked: a badge shown on it is not valid"};
    return {"查无此证件，可能不是真实证件", "No such badge: it may not be genuine"};
}

const char* role_label(const std::string& role) {
    if (role == "volunteer") return "志愿督查员 / Volunteer inspector";
    if (role == "coordinator") return "区协调员 / District coordinator";
    if (role == "supervisor") return "督导 / Supervisor";
    if (role == "admin") return "管理员 / Administrator";
    return "—";
}


// The answer depends on the moment and on Accept, and the URL carries the badge token.
void common_headers(HttpResponse& r) {
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("Vary", "Accept");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
}

// The photo's address, relative to the badge page's own (/v1/public/badge/TOKEN): token and
// device hold only [A-Za-z0-9_-], so they need no escaping.
std::string photo_path(const BadgeCheck& c) {
    std::string p = "/v1/public/badge/" + c.token + "/photo";
    if (!c.device.empty()) p += "?device=" + c.device;
    return p;
}

}  // namespace

void BadgeService::photo(std::string token, std::string device,
                         std::function<void(Result<std::optional<BadgePhoto>>)> done) {
    m_ctx.workers->post([this, token = std::move(token), device = std::move(device), done = std::move(done)] {
        done(photo_now(token, device));
    });
}

Result<std::optional<BadgePhoto>> BadgeService::photo_now(const std::string& token, const std::string& device) {
    auto c = check_now(token, device);
    if (!c) return fail(c.error());
    if (!c->found || c->photo_sha256.empty()) return std::optional<BadgePhoto>{};
    auto bytes = m_blobs.read_stored(c->photo_sha256);
    if (!bytes) return fail(bytes.error());
    // Only a picture goes out, whatever a modified client uploaded under the photo's hash.
    if (!*bytes || !domain::check_badge_photo_bytes(**bytes)) return std::optional<BadgePhoto>{};
    BadgePhoto p;
    p.mime = *domain::badge_photo_mime(**bytes);
    p.bytes = std::move(**bytes);
    return std::optional<BadgePhoto>{std::move(p)};
}

HttpResponse BadgeService::photo_response(const BadgePhoto& p) {
    HttpResponse r;
    r.content_type = p.mime;
    r.body = p.bytes;
    common_headers(r);
    r.headers.emplace_back("Content-Security-Policy", "default-src 'none'");
    return r;
}

std::string BadgeService::badge_status(const pb::User& u, std::int64_t now_s) {
    if (!u.active() || !inspecting_role(u.role())) return "inactive";
    if (now_s >= u.badge_valid_until()) return "expired";
    return "valid";
}

bool BadgeService::valid_token(std::string_view token) {
    if (token.empty() || token.size() > 128) return false;
    for (char c : token) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

bool BadgeService::valid_device(std::string_view device_id) {
    if (device_id.empty() || device_id.size() > 64) return false;
    for (char c : device_id) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) return false;
    }
    return true;
}

void BadgeService::check(std::string token, std::string device, std::function<void(Result<BadgeCheck>)> done) {
    m_ctx.workers->post([this, token = std::move(token), device = std::move(device), done = std::move(done)] {
        done(check_now(token, device));
    });
}

namespace {

// The live user record `id`, if there is one.
Result<std::optional<pb::User>> live_user(store::Connection& db, const std::string& id) {
    auto r = RecordTable{db}.get(kUser, id);
    if (!r) return fail(r.error());
    pb::User u;
    if (!*r || (*r)->deleted() || !u.ParseFromString((*r)->payload())) return std::optional<pb::User>{};
    return std::optional<pb::User>{std::move(u)};
}

// Whether `device_id` names a revoked phone; its owner then, who is the person the answer names.
Result<std::optional<pb::User>> revoked_phone_owner(store::Connection& db, const std::string& device_id) {
    auto r = RecordTable{db}.get(kDevice, device_id);
    if (!r) return fail(r.error());
    pb::Device d;
    if (!*r || (*r)->deleted() || !d.ParseFromString((*r)->payload()) || !d.revoked()) return std::optional<pb::User>{};
    return live_user(db, d.user_id());
}

}  // namespace

Result<BadgeCheck> BadgeService::check_now(const std::string& token, const std::string& device) {
    BadgeCheck out;
    out.token = token;
    out.device = device;
    out.checked_at = m_ctx.clock->now_s();
    out.status = "unknown";
    if (token.empty()) return out;  // users without a badge carry an empty token: never a match
    auto lease = m_ctx.readers->acquire();
    if (!lease) return fail(lease.error());
    auto& db = lease->db();
    // A badge on a phone reported lost is not valid, whoever's token it shows.
    std::optional<pb::User> lost_phone_owner;
    bool phone_revoked = false;
    if (!device.empty()) {
        auto owner = revoked_phone_owner(db, device);
        if (!owner) return fail(owner.error());
        lost_phone_owner = std::move(*owner);
        phone_revoked = lost_phone_owner.has_value();
    }
    // Badge tokens are not indexed (they live inside the user payload), so this reads the user
    // records, and only those: the (collection, id) index keeps the scan to the ~300 users rather
    // than every record. Should users ever number in the tens of thousands, index the token.
    pb::User user;
    bool match = false;
    if (phone_revoked) {
        user = std::move(*lost_phone_owner);
        match = true;
    } else {
        auto scan = RecordTable{db}.for_each_live(kUser, [&](const pb::Record& r) {
            pb::User u;
            if (!u.ParseFromString(r.payload()) || u.badge_token() != token) return true;
            user = std::move(u);
            match = true;
            return false;
        });
        if (!scan) return fail(scan.error());
    }
    if (!match) return out;

    out.found = true;
    out.name = user.name();
    out.role = user.role();
    out.valid_until = user.badge_valid_until();
    if (!user.district_id().empty()) {
        auto d = RecordTable{db}.get(kDistrict, user.district_id());
        if (!d) return fail(d.error());
        pb::District district;
        if (*d && !(*d)->deleted() && district.ParseFromString((*d)->payload())) out.district = district.name();
    }
    if (user.badge_photo().sha256().size() == 32) out.photo_sha256 = hex_encode(user.badge_photo().sha256());
    out.status = phone_revoked ? "device_revoked" : badge_status(user, out.checked_at);
    out.valid = out.status == "valid";
    return out;
}

HttpResponse BadgeService::json_response(const BadgeCheck& c) {
    nlohmann::json j;
    j["valid"] = c.valid;
    j["status"] = c.status;
    if (c.found) {
        j["name"] = c.name;
        j["role"] = c.role;
        j["district"] = c.district;
        j["valid_until"] = c.valid_until;
        j["checked_at"] = c.checked_at;
        if (!c.photo_sha256.empty()) j["photo"] = photo_path(c);
    }
    auto m = message_for(c.status);
    j["message_zh"] = m.zh;
    j["message_en"] = m.en;
    HttpResponse r;
    r.status = c.found ? 200 : 404;
    r.content_type = "application/json; charset=utf-8";
    r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    common_headers(r);
    return r;
}

HttpResponse BadgeService::html_response(const BadgeCheck& c) {
    auto m = message_for(c.status);
    std::string h;
    h += "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>督查员证件核验 / Inspector badge check</title><style>"
         "body{font-family:system-ui,-apple-system,\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;margin:0;"
         "padding:1em;background:#f2f2f2;color:#222}"
         "main{max-width:28em;margin:0 auto;background:#fff;border-radius:12px;padding:1.2em;"
         "box-shadow:0 1px 4px rgba(0,0,0,.15)}"
         ".verdict{font-size:2.2em;font-weight:bold;text-align:center;color:#fff;border-radius:8px;"
         "padding:.6em .2em;margin:0 0 .5em}"
         ".ok{background:#1b7f3b}.bad{background:#c62828}"
         "p{margin:.4em 0}dl{margin:1em 0 0}dt{color:#666;font-size:.9em;margin-top:.8em}"
         "dd{margin:0;font-size:1.3em}.note{color:#666;font-size:.85em;margin-top:1.2em}"
         ".photo{display:block;margin:.8em auto;max-width:12em;max-height:16em;border-radius:6px;border:1px solid #ccc}"
         "</style></head><body><main>\n";
    h += c.valid ? "<h1 class=\"verdict ok\">有效 / VALID</h1>\n" : "<h1 class=\"verdict bad\">无效 / NOT VALID</h1>\n";
    h += "<p>" + html_escape(m.zh) + "</p>\n<p lang=\"en\">" + html_escape(m.en) + "</p>\n";
    if (c.found && !c.photo_sha256.empty())
        h += "<img class=\"photo\" src=\"" + html_escape(photo_path(c)) + "\" alt=\"证件照 / Badge photo\">\n";
    if (c.found) {
        h += "<dl><dt>姓名 / Name</dt><dd>" + html_escape(c.name) + "</dd>\n";
        h += "<dt>身份 / Role</dt><dd>" + html_escape(role_label(c.role)) + "</dd>\n";
        h += "<dt>所属区 / District</dt><dd>" + (c.district.empty() ? std::string("全市 / city-wide") : html_escape(c.district)) +
             "</dd>\n";
        h += "<dt>有效期至 / Valid until</dt><dd>" + (c.valid_until > 0 ? shanghai_date(c.valid_until) : "—") + "</dd></dl>\n";
    }
    h += "<p class=\"note\">核验时间 / Checked at " + shanghai_minute(c.checked_at * 1000) +
         "（北京时间 / Beijing time）</p>\n</main></body></html>\n";
    HttpResponse r;
    r.status = c.found ? 200 : 404;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::move(h);
    common_headers(r);
    // No script, no outside resource: the inline style above, and the photo from this server.
    r.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'");
    return r;
}

}  // namespace ducha::server
