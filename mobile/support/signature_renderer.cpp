#include "mobile/support/signature_renderer.h"
#include "mobile/support/png_bytes.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPen>
#include <QVariantMap>
#include <algorithm>
#include <cmath>
#include <optional>

namespace ducha::app {

namespace {

constexpr double kMinInkLength = 20.0;  // canvas units
constexpr double kPenWidth = 3.0;       // canvas units, scaled with the image
// A signature pad is wide, never a needle; this bounds memory when the canvas size is nonsense.
constexpr int kMaxAspect = 4;
// Fixed 96 dpi so the PNG's pHYs chunk does not depend on the device's screen.
constexpr int kDotsPerMeter = 3780;

const QColor kInk(0x14, 0x18, 0x28);  // blue-black, like a pen

bool finite(QPointF p) { return std::isfinite(p.x()) && std::isfinite(p.y()); }

double inkLength(const QList<SignatureRenderer::Stroke>& strokes, bool* anyLine) {
    double total = 0;
    *anyLine = false;
    for (const auto& stroke : strokes) {
        if (stroke.size() >= 2)
            *anyLine = true;
        for (qsizetype i = 1; i < stroke.size(); ++i) {
            const QPointF a = stroke[i - 1];
            const QPointF b = stroke[i];
            if (finite(a) && finite(b))
                total += std::hypot(b.x() - a.x(), b.y() - a.y());
        }
    }
    return total;
}

// Finger input is sampled sparsely; quadratic curves through the midpoints of consecutive points
// give a smooth line that still passes close to every sample.
QPainterPath smoothPath(const QList<QPointF>& pts) {
    QPainterPath path(pts.front());
    if (pts.size() == 2) {
        path.lineTo(pts[1]);
        return path;
    }
    for (qsizetype i = 1; i + 1 < pts.size(); ++i)
        path.quadTo(pts[i], (pts[i] + pts[i + 1]) / 2);
    path.lineTo(pts.back());
    return path;
}

std::optional<double> number(const QVariant& v) {
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

std::optional<QPointF> toPoint(const QVariant& v) {
    const int type = v.metaType().id();
    if (type == QMetaType::QPointF || type == QMetaType::QPoint) {
        const QPointF p = v.toPointF();
        return finite(p) ? std::optional(p) : std::nullopt;
    }
    // {x, y}: a QVariantMap from the QML engine (a QVariantHash converts as well).
    if (!v.canConvert<QVariantMap>())
        return std::nullopt;
    const QVariantMap map = v.toMap();
    const auto x = number(map.value(QStringLiteral("x")));
    const auto y = number(map.value(QStringLiteral("y")));
    if (!x || !y)
        return std::nullopt;
    return QPointF(*x, *y);
}

}  // namespace

bool SignatureRenderer::isMeaningful(const QList<Stroke>& strokes) {
    bool anyLine = false;
    const double length = inkLength(strokes, &anyLine);
    return anyLine && length >= kMinInkLength;
}

QByteArray SignatureRenderer::toPng(const QList<Stroke>& strokes, QSizeF canvas, int width) {
    if (width <= 0 || !std::isfinite(canvas.width()) || !std::isfinite(canvas.height()) ||
        canvas.width() <= 0 || canvas.height() <= 0)
        return {};
    if (!isMeaningful(strokes))
        return {};

    const double scale = width / canvas.width();
    const double maxHeight = double(width) * kMaxAspect;
    const int height = int(std::lround(std::clamp(canvas.height() * scale, 1.0, maxHeight)));

    QImage image(width, height, QImage::Format_RGB32);
    if (image.isNull())
        return {};
    image.fill(Qt::white);
    image.setDotsPerMeterX(kDotsPerMeter);
    image.setDotsPerMeterY(kDotsPerMeter);

    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(scale, scale);  // draw in canvas units; the pen scales along with it
        QPen pen(kInk, kPenWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        for (const auto& stroke : strokes) {
            QList<QPointF> pts;
            pts.reserve(stroke.size());
            for (const QPointF& p : stroke) {
                if (finite(p))
                    pts.append(p);
            }
            if (pts.isEmpty())
                continue;
            if (pts.size() == 1)
                painter.drawPoint(pts.front());  // the dot on an "i": a round-capped point
            else
                painter.drawPath(smoothPath(pts));
        }
    }

    return png_bytes(image);
}

QList<SignatureRenderer::Stroke> SignatureRenderer::fromVariant(const QVariantList& strokes) {
    QList<Stroke> result;
    result.reserve(strokes.size());
    for (const QVariant& s : strokes) {
        if (!s.canConvert<QVariantList>())
            continue;
        const QVariantList points = s.toList();
        Stroke stroke;
        stroke.reserve(points.size());
        for (const QVariant& p : points) {
            if (const auto point = toPoint(p))
                stroke.append(*point);
        }
        if (!stroke.isEmpty())
            result.append(stroke);
    }
    return result;
}

}  // namespace ducha::app
