#pragma once
// The photo on an inspector's badge: what a picture must be to go on it, one rule for the desk
// that sets it, the server that accepts the change and the public badge check that shows it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ducha.pb.h"
#include "shared/common/result.h"

namespace ducha::domain {

// A passport-style picture needs far less; a camera's full-size photo must be made smaller first.
inline constexpr std::int64_t kBadgePhotoMaxBytes = 1 << 20;
inline constexpr std::string_view kBadgePhotoKind = "badge_photo";

// "image/jpeg" or "image/png" when the bytes start like one; nullopt for anything else.
std::optional<std::string> badge_photo_mime(std::string_view bytes);

// The picture itself: JPEG or PNG, not empty, at most kBadgePhotoMaxBytes.
Status check_badge_photo_bytes(std::string_view bytes);

// A user record's reference to its photo: a 32-byte SHA-256, a size within bounds, an image type
// and the badge_photo kind.
Status check_badge_photo_ref(const pb::BlobRef& ref);

// The reference for these bytes (assumed checked): their SHA-256, size and type.
pb::BlobRef badge_photo_ref(std::string_view bytes);

}  // namespace ducha::domain
