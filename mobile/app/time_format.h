#pragma once
// How the views write a time (QML: `TimeFormat.display(ms)`): local "MM-dd HH:mm", or
// "yyyy-MM-dd" when it is far from now. Stateless, so a per-engine singleton holds nothing shared.
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace ducha::app {

class TimeFormat : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit TimeFormat(QObject* parent = nullptr) : QObject(parent) {}

    // A unix-ms time as the views show it; "" for 0 (never).
    Q_INVOKABLE static QString display(qint64 unixMs);
};

}  // namespace ducha::app
