#pragma once
// GET /v1/public/badge/{token}[?device=ID]: whoever scans an inspector's badge QR learns whether
// the inspector is genuine and currently authorised. The app's QR also names the phone showing it:
// a phone reported lost and revoked makes the answer device_revoked, whatever the token. Public (no token), read-only, not audited (the server
// audits no reads). It answers the name, role and district only: never a phone number, school or
// any other field of the user record.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "ducha.pb.h"
#include "server/http/http_server.h"
#include "server/service/blob_service.h"
#include "server/service/server_context.h"

namespace ducha::server {

struct BadgeCheck {
    bool found = false;  // a live user carries this badge token (device_revoked: owns that phone)
    bool valid = false;  // found, active, an inspecting role, and checked_at < valid_until
    std::string status;  // valid | expired | inactive | device_revoked | unknown
    std::string name, role;
    std::string district;  // the district record's (Chinese) name; empty for city-wide users
    std::int64_t valid_until = 0;  // unix seconds
    std::int64_t checked_at = 0;   // unix seconds
    std::string token, device;     // as asked (the photo's address repeats them)
    std::string photo_sha256;      // hex; empty: the person has no badge photo (never sent out)
};

// The badge photo as the public may see it: a JPEG or PNG picture of at most 1 MiB.
struct BadgePhoto {
    std::string bytes, mime;
};

class BadgeService {
public:
    BadgeService(ServerContext& ctx, BlobService& blobs) : m_ctx(ctx), m_blobs(blobs) {}

    // valid | expired | inactive for a user's badge at `now_s` (unix seconds): the one rule the
    // badge check and the public list of inspectors share.
    static std::string badge_status(const pb::User& u, std::int64_t now_s);

    // [A-Za-z0-9_-]{1,128}: what the badge URL may carry (tokens are base64url).
    static bool valid_token(std::string_view token);
    // [A-Za-z0-9-]{1,64}: a device id as the server makes them (UUIDs).
    static bool valid_device(std::string_view device_id);

    // Looks the token up on a worker thread (off the I/O threads); `done` runs there. `device`
    // (may be empty) is the phone that showed the badge.
    void check(std::string token, std::string device, std::function<void(Result<BadgeCheck>)> done);
    // The same, synchronously on the caller's thread.
    Result<BadgeCheck> check_now(const std::string& token, const std::string& device = {});

    // GET /v1/public/badge/{token}/photo[?device=ID]: the photo of the person the same check
    // names, whatever the verdict (whoever holds the badge is compared with it); nullopt when
    // there is none, or its file has not arrived, or it is not a picture. On a worker thread.
    void photo(std::string token, std::string device, std::function<void(Result<std::optional<BadgePhoto>>)> done);
    Result<std::optional<BadgePhoto>> photo_now(const std::string& token, const std::string& device = {});
    static HttpResponse photo_response(const BadgePhoto& p);

    // 200 (404 when !found) with {"valid","status","name","role","district","valid_until",
    // "checked_at","photo","message_zh","message_en"}; an unknown token gets only
    // valid/status/messages. "photo" is the picture's address, or absent without one.
    static HttpResponse json_response(const BadgeCheck& c);
    // The same answer as a small self-contained page for a phone's browser (UTF-8, zh then en).
    static HttpResponse html_response(const BadgeCheck& c);

private:
    ServerContext& m_ctx;
    BlobService& m_blobs;
};

}  // namespace ducha::server
