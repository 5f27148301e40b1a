#include <catch2/catch.hpp>

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QVariantMap>

#include "mobile/support/qr_code.h"
#include "mobile/support/qr_decoder.h"
#include "mobile/support/signature_renderer.h"

using namespace ducha::app;

// No QGuiApplication: QImage, QPainter and the PNG/JPEG handlers all work without one.

namespace {

const QString kEnrollUrl =
    QStringLiteral("ducha://enroll?server=https%3A%2F%2F127.0.0.1%3A8443&code=ABCD-1234&pin=sha256%2F%2Fxyz");

QImage fromBytes(const QByteArray& bytes, const char* format) {
    QImage image;
    image.loadFromData(bytes, format);
    return image;
}

QByteArray encode(const QImage& image, const char* format, int quality = -1) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, quality);
    return bytes;
}

int darkPixels(const QImage& image) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += qGray(image.pixel(x, y)) < 100 ? 1 : 0;
    return n;
}

QList<QPointF> zigZag() {
    QList<QPointF> s;
    for (int i = 0; i <= 10; ++i)
        s.append(QPointF(20 + i * 30, (i % 2) ? 60 : 140));
    return s;
}

}  // namespace

TEST_CASE("an enrollment link renders as a QR code and decodes back exactly", "[qr]") {
    const QImage image = QrCode::render(kEnrollUrl, 400);
    REQUIRE_FALSE(image.isNull());
    CHECK(image.width() == image.height());
    CHECK(image.width() >= 400);
    CHECK(image.width() < 440);

    const QrDecodeResult r = QrDecoder::decode(image);
    REQUIRE(r.ok());
    CHECK(r.error == QrDecodeError::None);
    CHECK(r.message.isEmpty());
    CHECK(*r.text == kEnrollUrl);
}

TEST_CASE("a QR code saved as a PNG file decodes back from the file", "[qr]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QByteArray png = QrCode::renderPng(kEnrollUrl, 300);
    REQUIRE_FALSE(png.isEmpty());
    CHECK(png.startsWith("\x89PNG"));
    CHECK(QrCode::renderPng(kEnrollUrl, 300) == png);  // deterministic

    const QString path = dir.filePath(QStringLiteral("enroll.png"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(png);
    f.close();

    const QrDecodeResult r = QrDecoder::decodeFile(path);
    REQUIRE(r.ok());
    CHECK(*r.text == kEnrollUrl);
}

TEST_CASE("a QR code scaled by 3 and saved as JPEG still decodes", "[qr]") {
    const QImage image = QrCode::render(kEnrollUrl, 300);
    REQUIRE_FALSE(image.isNull());
    const QImage big = image.scaled(image.size() * 3, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                           .convertToFormat(QImage::Format_RGB32);
    const QByteArray jpeg = encode(big, "jpg", 75);
    REQUIRE_FALSE(jpeg.isEmpty());
    const QImage loaded = fromBytes(jpeg, "jpg");
    REQUIRE_FALSE(loaded.isNull());
    CHECK(loaded.width() == image.width() * 3);

    const QrDecodeResult r = QrDecoder::decode(loaded);
    REQUIRE(r.ok());
    CHECK(*r.text == kEnrollUrl);
}

TEST_CASE("an image larger than 2000 px is scaled down and still decodes", "[qr]") {
    const QImage image = QrCode::render(kEnrollUrl, 300);
    QImage canvas(3200, 2400, QImage::Format_RGB32);
    canvas.fill(Qt::white);
    for (int y = 0; y < image.height() * 4; ++y)
        for (int x = 0; x < image.width() * 4; ++x)
            canvas.setPixel(1000 + x, 600 + y, image.pixel(x / 4, y / 4));
    const QrDecodeResult r = QrDecoder::decode(canvas);
    REQUIRE(r.ok());
    CHECK(*r.text == kEnrollUrl);
}

TEST_CASE("Chinese text round-trips through a QR code", "[qr]") {
    // The short ones are what zbar's own charset guess used to read as Shift-JIS.
    const QString text = GENERATE(QStringLiteral(u"督查：北京市朝阳区幸福路 12 号，联系人 张伟 ✓"),
                                   QStringLiteral(u"中"), QStringLiteral(u"北京市朝阳区"),
                                   QStringLiteral(u"café résumé"), QStringLiteral(u"é"));
    CAPTURE(text.toStdString());
    const QImage image = QrCode::render(text, 360);
    REQUIRE_FALSE(image.isNull());
    const QrDecodeResult r = QrDecoder::decode(image);
    REQUIRE(r.ok());
    CHECK(*r.text == text);
}

TEST_CASE("a QR code on a transparent background decodes", "[qr]") {
    const QImage code = QrCode::render(kEnrollUrl, 300);
    QImage argb(code.size(), QImage::Format_ARGB32);
    argb.fill(Qt::transparent);
    for (int y = 0; y < code.height(); ++y)
        for (int x = 0; x < code.width(); ++x)
            if (qGray(code.pixel(x, y)) < 128)
                argb.setPixel(x, y, qRgba(0, 0, 0, 255));
    const QrDecodeResult r = QrDecoder::decode(argb);
    REQUIRE(r.ok());
    CHECK(*r.text == kEnrollUrl);
}

TEST_CASE("rendering refuses what cannot be a QR code", "[qr]") {
    CHECK(QrCode::render(QString(), 300).isNull());
    CHECK(QrCode::render(kEnrollUrl, 0).isNull());
    CHECK(QrCode::render(QString(5000, QLatin1Char('a')), 300).isNull());  // over QR capacity
    CHECK(QrCode::renderPng(QString(), 300).isEmpty());
    // A tiny pixelSize still gives a scannable 1-px-per-module image, not a truncated one.
    const QImage small = QrCode::render(kEnrollUrl, 10);
    REQUIRE_FALSE(small.isNull());
    CHECK(small.width() > 10);
}

TEST_CASE("a blank white image gives the no QR code error", "[qr]") {
    QImage blank(640, 480, QImage::Format_RGB32);
    blank.fill(Qt::white);
    const QrDecodeResult r = QrDecoder::decode(blank);
    CHECK_FALSE(r.ok());
    CHECK(r.error == QrDecodeError::NoQrCode);
    CHECK(r.message == QStringLiteral(u"图片中没有二维码 / no QR code in the image"));

    // Odd width: rows of a Grayscale8 QImage are padded, the decoder must not trip over that.
    QImage odd(333, 211, QImage::Format_Grayscale8);
    odd.fill(0xff);
    CHECK(QrDecoder::decode(odd).error == QrDecodeError::NoQrCode);
    CHECK(QrDecoder::decode(QImage()).error == QrDecodeError::NotAnImage);
}

TEST_CASE("an odd-width QR image with padded rows decodes", "[qr]") {
    QImage code = QrCode::render(kEnrollUrl, 301);
    REQUIRE(code.width() % 4 != 0);
    CHECK(code.bytesPerLine() != code.width());
    const QrDecodeResult r = QrDecoder::decode(code);
    REQUIRE(r.ok());
    CHECK(*r.text == kEnrollUrl);
}

TEST_CASE("a file that is not an image or does not exist gives a clear error", "[qr]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("this is not an image, just some text\n");
    f.close();

    const QrDecodeResult r = QrDecoder::decodeFile(path);
    CHECK_FALSE(r.ok());
    CHECK(r.error == QrDecodeError::NotAnImage);
    CHECK(r.message == QStringLiteral(u"文件不是图片 / the file is not an image"));

    const QrDecodeResult missing = QrDecoder::decodeFile(dir.filePath(QStringLiteral("nope.png")));
    CHECK_FALSE(missing.ok());
    CHECK(missing.error == QrDecodeError::FileUnreadable);
    CHECK(missing.message == QStringLiteral(u"无法读取文件 / the file could not be read"));
}

TEST_CASE("a zig-zag signature renders as a 600 px wide PNG with ink", "[signature]") {
    const QList<QList<QPointF>> strokes{zigZag()};
    REQUIRE(SignatureRenderer::isMeaningful(strokes));
    const QByteArray png = SignatureRenderer::toPng(strokes, QSizeF(360, 200));
    REQUIRE_FALSE(png.isEmpty());
    const QImage image = fromBytes(png, "png");
    REQUIRE_FALSE(image.isNull());
    CHECK(image.width() == 600);
    CHECK(image.height() == 333);  // 200 * 600 / 360, aspect ratio kept
    CHECK(darkPixels(image) > 500);
    CHECK(qGray(image.pixel(0, 0)) == 255);  // white paper where nothing was drawn

    const QImage narrow = fromBytes(SignatureRenderer::toPng(strokes, QSizeF(360, 200), 300), "png");
    CHECK(narrow.width() == 300);
}

TEST_CASE("a tap, a scratch or nothing is not a signature", "[signature]") {
    const QSizeF canvas(360, 200);
    CHECK(SignatureRenderer::toPng({}, canvas).isEmpty());
    CHECK(SignatureRenderer::toPng({{}}, canvas).isEmpty());
    CHECK(SignatureRenderer::toPng({{QPointF(50, 50)}}, canvas).isEmpty());
    CHECK(SignatureRenderer::toPng({{QPointF(50, 50)}, {QPointF(90, 90)}}, canvas).isEmpty());
    CHECK(SignatureRenderer::toPng({{QPointF(50, 50), QPointF(55, 58)}}, canvas).isEmpty());  // < 20 units
    CHECK_FALSE(SignatureRenderer::isMeaningful({}));
    CHECK_FALSE(SignatureRenderer::isMeaningful({{QPointF(1, 1)}}));
    CHECK(SignatureRenderer::isMeaningful({{QPointF(0, 0), QPointF(20, 0)}}));
    // A valid drawing on a degenerate canvas has nowhere to go.
    CHECK(SignatureRenderer::toPng({zigZag()}, QSizeF(0, 200)).isEmpty());
    CHECK(SignatureRenderer::toPng({zigZag()}, canvas, 0).isEmpty());
}

TEST_CASE("the same signature gives byte-identical PNGs", "[signature]") {
    const QList<QList<QPointF>> strokes{zigZag(), {QPointF(100, 30)}, {QPointF(10, 180), QPointF(300, 170)}};
    const QByteArray a = SignatureRenderer::toPng(strokes, QSizeF(360, 200));
    const QByteArray b = SignatureRenderer::toPng(strokes, QSizeF(360, 200));
    REQUIRE_FALSE(a.isEmpty());
    CHECK(a == b);
    CHECK_FALSE(a.contains("tEXt"));
    CHECK_FALSE(a.contains("tIME"));
}

TEST_CASE("fromVariant reads what QML passes", "[signature]") {
    auto pt = [](double x, double y) { return QVariantMap{{QStringLiteral("x"), x}, {QStringLiteral("y"), y}}; };
    QVariantList stroke1{pt(10, 20), pt(40, 60), pt(80, 20)};
    QVariantList stroke2{QVariant(QPointF(5, 5)), QVariant(QPointF(7.5, 9))};
    QVariantList junk{QStringLiteral("nonsense"), QVariantMap{{QStringLiteral("x"), 1}}, pt(qQNaN(), 3)};
    const QVariantList input{QVariant(stroke1), QVariant(stroke2), QVariant(junk), QVariant(42)};

    const auto strokes = SignatureRenderer::fromVariant(input);
    REQUIRE(strokes.size() == 2);
    CHECK(strokes[0] == QList<QPointF>{QPointF(10, 20), QPointF(40, 60), QPointF(80, 20)});
    CHECK(strokes[1] == QList<QPointF>{QPointF(5, 5), QPointF(7.5, 9)});
    CHECK(SignatureRenderer::isMeaningful(strokes));
    CHECK_FALSE(SignatureRenderer::toPng(strokes, QSizeF(100, 80)).isEmpty());

    // Numbers as strings (JS sometimes hands them over that way) and a QVariantHash point.
    QVariantHash hashPoint{{QStringLiteral("x"), QStringLiteral("3.5")}, {QStringLiteral("y"), 4}};
    const auto other = SignatureRenderer::fromVariant({QVariant(QVariantList{QVariant(hashPoint)})});
    REQUIRE(other.size() == 1);
    CHECK(other[0] == QList<QPointF>{QPointF(3.5, 4)});
    CHECK(SignatureRenderer::fromVariant({}).isEmpty());
}
