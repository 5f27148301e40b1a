#include "mobile/app/image_provider.h"

#include <QMetaObject>
#include <QThread>

#include "mobile/app/app_session.h"
#include "mobile/support/qr_code.h"

namespace ducha::app {

QImage ImageProvider::requestImage(const QString& id, QSize* size, const QSize& requested) {
    AppSession* app = m_session;
    QImage img;
    if (app && id.startsWith("badge")) {
        QString url;
        // The session's store belongs to the GUI thread; ask it there.
        QMetaObject::invokeMethod(app, [&] { url = app->badgeUrl(); },
                                  QThread::currentThread() == app->thread() ? Qt::DirectConnection : Qt::BlockingQueuedConnection);
        if (!url.isEmpty()) img = QrCode::render(url, requested.width() > 0 ? requested.width() : 480);
    } else if (app && id.startsWith("blob/")) {
        const std::string hex = id.mid(5).section('?', 0, 0).toStdString();
        Result<std::string> data = fail(Errc::not_found, Msg::verbatim);
        QMetaObject::invokeMethod(app, [&] { data = app->profile()->read_blob(hex); },
                                  QThread::currentThread() == app->thread() ? Qt::DirectConnection : Qt::BlockingQueuedConnection);
        if (data) img.loadFromData(reinterpret_cast<const uchar*>(data->data()), static_cast<int>(data->size()));
        if (!img.isNull() && requested.isValid() && (requested.width() > 0 || requested.height() > 0))
            img = img.scaled(requested.width() > 0 ? requested.width() : img.width(),
                             requested.height() > 0 ? requested.height() : img.height(), Qt::KeepAspectRatio,
                             Qt::SmoothTransformation);
    }
    if (size) *size = img.size();
    return img;
}

}  // namespace ducha::app
