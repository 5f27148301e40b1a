#include "shared/domain/badge_photo.h"

#include "shared/crypto/sha256.h"

namespace ducha::domain {

std::optional<std::string> badge_photo_mime(std::string_view bytes) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) return "image/jpeg";
    if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) return "image/png";
    return std::nullopt;
}

Status check_badge_photo_bytes(std::string_view bytes) {
    if (!badge_photo_mime(bytes)) return fail(Errc::invalid_argument, Msg::badge_photo_not_image);
    if (static_cast<std::int64_t>(bytes.size()) > kBadgePhotoMaxBytes)
        return fail(Errc::too_large, Msg::badge_photo_too_large, std::to_string(bytes.size()),
                    std::to_string(kBadgePhotoMaxBytes));
    return {};
}

Status check_badge_photo_ref(const pb::BlobRef& ref) {
    const bool ok = ref.sha256().size() == 32 && ref.size() > 0 && ref.size() <= kBadgePhotoMaxBytes &&
                    (ref.mime() == "image/jpeg" || ref.mime() == "image/png") && ref.kind() == kBadgePhotoKind;
    if (!ok) return fail(Errc::malformed, Msg::badge_photo_ref_malformed, std::to_string(kBadgePhotoMaxBytes));
    return {};
}

pb::BlobRef badge_photo_ref(std::string_view bytes) {
    pb::BlobRef ref;
    ref.set_sha256(crypto::sha256(bytes));
    ref.set_size(static_cast<std::int64_t>(bytes.size()));
    ref.set_mime(badge_photo_mime(bytes).value_or(""));
    ref.set_kind(std::string(kBadgePhotoKind));
    return ref;
}

}  // namespace ducha::domain
