#pragma once
// QR codes the app shows on screen (enrollment links, device hand-over). Plain QImage so it works
// from QML image providers and from tests without a window system.
#include <QByteArray>
#include <QImage>
#include <QString>

namespace ducha::app {

class QrCode {
public:
    // Encodes `text` as UTF-8 bytes (error correction level M) and draws black modules on white
    // into a Grayscale8 square of `pixelSize` px (larger if the code needs more than 1 px per
    // module). Modules are integer-scaled so they stay crisp for scanners; `margin` is the quiet
    // zone in modules (4 is what the QR spec asks for). Null QImage on failure (empty text, text
    // containing NUL, too long for a QR code, pixelSize <= 0).
    static QImage render(const QString& text, int pixelSize, int margin = 4);

    // render() encoded as PNG; empty on failure.
    static QByteArray renderPng(const QString& text, int pixelSize, int margin = 4);
};

}  // namespace ducha::app
