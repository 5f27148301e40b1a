#include "mobile/support/qr_code.h"
#include "mobile/support/png_bytes.h"

#include <algorithm>
#include <cstring>

#include "shared/export/qr_matrix.h"

namespace ducha::app {

namespace {
// Fixed 96 dpi: QImage otherwise takes the screen's dpi, which would make the PNG (pHYs chunk)
// differ from one device to the next.
constexpr int kDotsPerMeter = 3780;
}  // namespace

QImage QrCode::render(const QString& text, int pixelSize, int margin) {
    if (text.isEmpty() || pixelSize <= 0)
        return {};
    const QByteArray utf8 = text.toUtf8();
    // The same modules the printed enrollment sheet draws (8-bit mode, level M; no NUL bytes).
    const auto code = exporting::qr_matrix(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    if (!code)
        return {};

    margin = std::clamp(margin, 0, 64);
    const int modules = code->width + 2 * margin;
    const int scale = std::max(1, pixelSize / modules);
    const int side = std::max(pixelSize, modules * scale);
    // Centre the code when pixelSize is not a multiple of the module count; the extra border is
    // just more quiet zone.
    const int offset = (side - modules * scale) / 2 + margin * scale;

    QImage image(side, side, QImage::Format_Grayscale8);
    if (image.isNull())
        return {};
    image.fill(0xff);
    image.setDotsPerMeterX(kDotsPerMeter);
    image.setDotsPerMeterY(kDotsPerMeter);

    // Drawn straight into the scanlines: no painter, no antialiasing, module edges exact.
    const int width = code->width;
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if (!code->is_dark(x, y))
                continue;
            for (int dy = 0; dy < scale; ++dy) {
                uchar* row = image.scanLine(offset + y * scale + dy);
                std::memset(row + offset + x * scale, 0x00, static_cast<std::size_t>(scale));
            }
        }
    }
    return image;
}

QByteArray QrCode::renderPng(const QString& text, int pixelSize, int margin) {
    return png_bytes(render(text, pixelSize, margin));
}

}  // namespace ducha::app
