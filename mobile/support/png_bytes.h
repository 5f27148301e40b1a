#pragma once
// An image as PNG bytes, with no text keys: nothing time- or host-dependent ends up in the file,
// so the same image always gives the same bytes. Empty on failure.
#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QImageWriter>

namespace ducha::app {

inline QByteArray png_bytes(const QImage& image) {
    if (image.isNull()) return {};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image)) return {};
    return bytes;
}

}  // namespace ducha::app
