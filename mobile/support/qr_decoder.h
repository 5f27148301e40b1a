#pragma once
// Reads a QR code from a photo or screenshot (enrollment when the camera is not an option: the
// volunteer picks an image of the code from the gallery).
#include <QImage>
#include <QString>
#include <optional>

namespace ducha::app {

enum class QrDecodeError {
    None,
    FileUnreadable,  // missing, no permission, I/O error
    NotAnImage,      // readable, but no image format recognises it
    NoQrCode,        // an image, but no QR code was found in it
};

struct QrDecodeResult {
    std::optional<QString> text;                // the code's content, set on success
    QrDecodeError error = QrDecodeError::None;  // why `text` is empty
    QString message;  // user-facing "中文 / English" explanation; empty on success

    bool ok() const { return text.has_value(); }
};

class QrDecoder {
public:
    // The first QR code found in `image`. Images larger than 2000 px are scaled down first.
    static QrDecodeResult decode(const QImage& image);
    static QrDecodeResult decodeFile(const QString& path);
};

}  // namespace ducha::app
