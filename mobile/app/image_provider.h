#pragma once
// image://ducha/...: pictures QML shows that live in the profile, never as plain files.
//   image://ducha/badge        the QR of my badge's public check URL
//   image://ducha/blob/HEX     an evidence photo (decrypted in memory, scaled to the request)
#include <QQuickImageProvider>

#include "mobile/app/app_session.h"

namespace ducha::app {

class ImageProvider : public QQuickImageProvider {
public:
    // Reads from `session`'s profile; the session outlives the engine that owns the provider.
    explicit ImageProvider(AppSession* session) : QQuickImageProvider(QQuickImageProvider::Image), m_session(session) {}
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;

private:
    AppSession* const m_session;  // read from the image loader threads: never changes
};

}  // namespace ducha::app
