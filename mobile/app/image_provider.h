#pragma once
// image://ducha/...: pictures QML shows that live in the profile, never as plain files.
//   image://ducha/badge        the QR of my badge's public check URL
//   image://ducha/blob/HEX     an evidence photo (decrypted in memory, scaled to the request)
#include <QQuickImageProvider>

namespace ducha::app {

class ImageProvider : public QQuickImageProvider {
public:
    ImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;
};

}  // namespace ducha::app
