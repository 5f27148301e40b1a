#include "mobile/support/badge_picture.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>

#include "shared/domain/badge_photo.h"

namespace ducha::app {

namespace {

constexpr int kMaxWidth = 600, kMaxHeight = 800;

QByteArray jpeg_bytes(const QImage& image, int quality) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    if (!writer.write(image)) return {};
    return bytes;
}

}  // namespace

Result<std::string> badge_picture_from_file(const QString& path) {
    QImageReader reader(path);
    reader.setAutoTransform(true);  // EXIF orientation: a portrait photo stays portrait
    QImage image = reader.read();
    if (image.isNull()) return fail(Errc::invalid_argument, Msg::badge_photo_not_image);
    if (image.width() > kMaxWidth || image.height() > kMaxHeight)
        image = image.scaled(kMaxWidth, kMaxHeight, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // JPEG has no transparency: a PNG's transparent parts become white, not black.
    if (image.hasAlphaChannel()) {
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter(&flat).drawImage(0, 0, image);
        image = flat;
    }
    // 600 × 800 at quality 85 is well under the limit; lower qualities are the fallback for a
    // picture full of fine detail.
    Status last = fail(Errc::invalid_argument, Msg::badge_photo_not_image);
    for (int quality : {85, 70, 50}) {
        const QByteArray bytes = jpeg_bytes(image, quality);
        if (bytes.isEmpty()) break;
        std::string out(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        last = domain::check_badge_photo_bytes(out);
        if (last) return out;
    }
    return fail(last.error());
}

}  // namespace ducha::app
