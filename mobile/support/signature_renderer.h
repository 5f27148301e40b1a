#pragma once
// The on-site signature: strokes drawn with a finger on the signature pad, turned into a PNG that
// travels with the inspection record. Pure QImage/QPainter, no window system needed.
#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QSizeF>
#include <QVariantList>

namespace ducha::app {

class SignatureRenderer {
public:
    using Stroke = QList<QPointF>;

    // Dark ink on white, `width` px wide, height from the canvas aspect ratio. Points are in
    // canvas coordinates. Empty when there is nothing worth keeping (see isMeaningful), when the
    // canvas size is not positive, or when width <= 0. Same input, same bytes (no metadata).
    static QByteArray toPng(const QList<Stroke>& strokes, QSizeF canvas, int width = 600);

    // At least one stroke of >= 2 points and >= 20 canvas units of ink in total: a stray tap or
    // a tiny scratch is not a signature.
    static bool isMeaningful(const QList<Stroke>& strokes);

    // What QML hands over: a list of strokes, each a list of {x, y} objects or Qt.point values.
    // Points that are neither, or not finite numbers, are dropped; so are strokes left empty.
    static QList<Stroke> fromVariant(const QVariantList& strokes);
};

}  // namespace ducha::app
