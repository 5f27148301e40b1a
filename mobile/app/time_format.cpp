#include "mobile/app/time_format.h"

#include <QDateTime>

namespace ducha::app {

QString TimeFormat::display(qint64 unixMs) {
    if (unixMs <= 0) return {};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(unixMs);
    const QDateTime now = QDateTime::currentDateTime();
    if (qAbs(t.daysTo(now)) > 180) return t.toString("yyyy-MM-dd");
    return t.toString("MM-dd HH:mm");
}

}  // namespace ducha::app
