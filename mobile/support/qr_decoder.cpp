#include "mobile/support/qr_decoder.h"

#include <zbar.h>  // in C++ its C API lives in namespace zbar

#include <QByteArray>
#include <QFile>
#include <QImageReader>
#include <QPainter>
#include <QStringDecoder>
#include <cstring>
#include <memory>

namespace ducha::app {

namespace {

// zbar's QR finder gets slow on huge photos and gains nothing from the extra pixels.
constexpr int kMaxSide = 2000;

struct ScannerFree {
    void operator()(zbar::zbar_image_scanner_t* s) const { zbar::zbar_image_scanner_destroy(s); }
};
struct ImageFree {
    void operator()(zbar::zbar_image_t* i) const { zbar::zbar_image_destroy(i); }
};
using ScannerPtr = std::unique_ptr<zbar::zbar_image_scanner_t, ScannerFree>;
using ImagePtr = std::unique_ptr<zbar::zbar_image_t, ImageFree>;

QrDecodeResult failure(QrDecodeError error) {
    QrDecodeResult r;
    r.error = error;
    switch (error) {
    case QrDecodeError::FileUnreadable:
        r.message = QStringLiteral(u"无法读取文件 / the file could not be read");
        break;
    case QrDecodeError::NotAnImage:
        r.message = QStringLiteral(u"文件不是图片 / the file is not an image");
        break;
    case QrDecodeError::NoQrCode:
    case QrDecodeError::None:
        r.message = QStringLiteral(u"图片中没有二维码 / no QR code in the image");
        break;
    }
    return r;
}

// Tight 8-bit luminance buffer ("Y800") as zbar wants it: QImage rows are padded to 4 bytes,
// so they are copied one by one rather than handing zbar bits() directly.
QByteArray toY800(QImage image) {
    if (image.hasAlphaChannel()) {
        // Transparent pixels are usually black with alpha 0; flattened on white they become the
        // light background the code was drawn on, instead of a black square.
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter p(&flat);
        p.drawImage(0, 0, image);
        p.end();
        image = flat;
    }
    image = image.convertToFormat(QImage::Format_Grayscale8);
    const int w = image.width();
    const int h = image.height();
    QByteArray buffer(qsizetype(w) * h, Qt::Uninitialized);
    for (int y = 0; y < h; ++y)
        std::memcpy(buffer.data() + qsizetype(y) * w, image.constScanLine(y), std::size_t(w));
    return buffer;
}

// Our codes are UTF-8 (see QrCode). Bytes that are not valid UTF-8 come from some other
// generator; ISO-8859-1 is the QR standard's default for those, and never fails.
QString textFromBytes(const QByteArray& bytes) {
    QStringDecoder utf8(QStringConverter::Utf8);
    QString text = utf8(bytes);
    if (!utf8.hasError())
        return text;
    return QString::fromLatin1(bytes);
}

}  // namespace

QrDecodeResult QrDecoder::decode(const QImage& input) {
    if (input.isNull() || input.width() <= 0 || input.height() <= 0)
        return failure(QrDecodeError::NotAnImage);

    QImage image = input;
    if (image.width() > kMaxSide || image.height() > kMaxSide)
        image = image.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);

    const QByteArray gray = toY800(image);
    const ScannerPtr scanner(zbar::zbar_image_scanner_create());
    const ImagePtr zimage(zbar::zbar_image_create());
    if (!scanner || !zimage)
        return failure(QrDecodeError::NoQrCode);

    // Only QR: the other symbologies cost time and can misread text or patterns in a photo.
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    // Raw bytes: zbar's own charset guess takes short UTF-8 (e.g. "中", "é") for Shift-JIS and
    // garbles it. We decode ourselves, see textFromBytes().
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1);

    zbar::zbar_image_set_format(zimage.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(zimage.get(), unsigned(image.width()), unsigned(image.height()));
    // `gray` outlives the zbar image, so no cleanup handler: zbar must not free our buffer.
    zbar::zbar_image_set_data(zimage.get(), gray.constData(),
                              static_cast<unsigned long>(gray.size()), nullptr);

    if (zbar::zbar_scan_image(scanner.get(), zimage.get()) <= 0)
        return failure(QrDecodeError::NoQrCode);

    for (const zbar::zbar_symbol_t* sym = zbar::zbar_image_first_symbol(zimage.get()); sym;
         sym = zbar::zbar_symbol_next(sym)) {
        if (zbar::zbar_symbol_get_type(sym) != zbar::ZBAR_QRCODE)
            continue;
        const char* data = zbar::zbar_symbol_get_data(sym);
        const unsigned length = zbar::zbar_symbol_get_data_length(sym);
        if (!data || length == 0)
            continue;
        QrDecodeResult r;
        r.text = textFromBytes(QByteArray(data, qsizetype(length)));
        return r;
    }
    return failure(QrDecodeError::NoQrCode);
}

QrDecodeResult QrDecoder::decodeFile(const QString& path) {
    // Opened first so "cannot read" and "not an image" stay distinct for the user.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QrDecodeError::FileUnreadable);

    QImageReader reader(&file);
    reader.setAutoTransform(true);  // phone photos carry their rotation in EXIF
    const QImage image = reader.read();
    if (image.isNull()) {
        return failure(reader.error() == QImageReader::DeviceError ? QrDecodeError::FileUnreadable
                                                                    : QrDecodeError::NotAnImage);
    }
    return decode(image);
}

}  // namespace ducha::app
