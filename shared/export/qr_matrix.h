#pragma once
// The modules of a QR code (libqrencode), for whoever draws it: the printed enrollment sheet
// draws them as rectangles with cairo, the app paints them into an image.
#include <string_view>
#include <vector>

#include "shared/common/result.h"

namespace ducha::exporting {

struct QrMatrix {
    int width = 0;              // modules per side, without the quiet zone
    std::vector<bool> dark;     // width * width, row by row
    bool is_dark(int x, int y) const { return dark[static_cast<std::size_t>(y * width + x)]; }
};

// The quiet zone scanners need around the symbol, in modules (ISO/IEC 18004).
inline constexpr int kQrQuietZone = 4;

// `text` as a QR code in 8-bit mode (the bytes exactly, which decoders read as UTF-8) with error
// correction level M. Errc::invalid_argument for empty text or text with a NUL byte (the encoder
// would cut it there), Errc::too_large when no QR version holds it.
Result<QrMatrix> qr_matrix(std::string_view text);

}  // namespace ducha::exporting
