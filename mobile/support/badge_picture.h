#pragma once
// A picture chosen for a badge, made fit for it (shared/domain/badge_photo.h): turned upright by
// its EXIF orientation, made at most 600 × 800 pixels, and saved again as a JPEG under 1 MiB. The
// new file carries no EXIF at all, so a phone photo's position and time do not travel with it.
#include <QString>

#include "shared/common/result.h"

namespace ducha::app {

// The JPEG bytes for the badge, or why the file cannot be one (not a picture, unreadable).
Result<std::string> badge_picture_from_file(const QString& path);

}  // namespace ducha::app
