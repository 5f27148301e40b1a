#include "app/app_driver.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QThread>
#include <cmath>
#include <cstdio>

namespace ducha::test {

namespace {
QObject* find_in(QObject* root, const QString& name) {
    if (!root) return nullptr;
    if (root->objectName() == name) return root;
    for (QObject* c : root->children())
        if (QObject* f = find_in(c, name)) return f;
    // Visual children (delegates, loaded steps) are not always QObject children.
    if (auto* item = qobject_cast<QQuickItem*>(root))
        for (QQuickItem* c : item->childItems())
            if (QObject* f = find_in(c, name)) return f;
    return nullptr;
}
}  // namespace

std::string nmea_log_at(double lat, double lon) {
    auto coord = [](double v, int deg_digits) {
        double a = std::abs(v);
        int d = static_cast<int>(a);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%0*d%07.4f", deg_digits, d, (a - d) * 60);
        return std::string(buf);
    };
    auto sentence = [](const std::string& body) {
        unsigned char sum = 0;
        for (char c : body) sum ^= static_cast<unsigned char>(c);
        char tail[8];
        std::snprintf(tail, sizeof tail, "*%02X", sum);
        return "$" + body + tail + "\r\n";
    };
    std::string la = coord(lat, 2), lo = coord(lon, 3);
    std::string out;
    for (int s = 10; s < 14; ++s) {
        std::string t = "0812" + std::to_string(s) + ".00";
        out += sentence("GPRMC," + t + ",A," + la + ",N," + lo + ",E,0.0,0.0,251126,,,A");
        out += sentence("GPGGA," + t + "," + la + ",N," + lo + ",E,1,09,0.9,50.0,M,0.0,M,,");
    }
    return out;
}

QObject* AppDriver::find(const QString& name) const {
    if (QObject* f = find_in(m_window, name)) return f;
    return find_in(m_window->contentItem(), name);
}

QObject* AppDriver::must(const QString& name) const {
    QObject* o = find(name);
    INFO("item " << name.toStdString());
    REQUIRE(o != nullptr);
    return o;
}

QVariant AppDriver::prop(const QString& name, const char* property) const { return must(name)->property(property); }

void AppDriver::set(const QString& name, const char* property, const QVariant& value) const {
    REQUIRE(must(name)->setProperty(property, value));
}

void AppDriver::tap(const QString& name) const {
    QObject* o = must(name);
    INFO("tap " << name.toStdString());
    REQUIRE(o->property("enabled").toBool());
    REQUIRE(QMetaObject::invokeMethod(o, "clicked"));
    pump(30);
}

void AppDriver::drag(QQuickItem* item, const std::vector<QPointF>& points) const {
    REQUIRE(item);
    REQUIRE(points.size() >= 2);
    auto at = [&](QPointF p) { return item->mapToScene(p).toPoint(); };
    QTest::mousePress(m_window, Qt::LeftButton, {}, at(points.front()));
    for (std::size_t i = 1; i < points.size(); ++i) {
        QTest::mouseMove(m_window, at(points[i]), 5);
    }
    QTest::mouseRelease(m_window, Qt::LeftButton, {}, at(points.back()), 5);
    pump(30);
}

bool AppDriver::waitFor(const std::function<bool()>& pred, int timeout_ms) {
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > timeout_ms) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

void AppDriver::pump(int ms) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
}

QSize AppDriver::screenshot(const QString& name) const {
    pump(120);  // let bindings, images and animations settle
    const QString dir = qEnvironmentVariable("DUCHA_SCREENSHOT_DIR");
    QImage img = m_window->grabWindow();
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        REQUIRE(img.save(dir + "/" + name + ".png"));
    }
    return img.size();
}

}  // namespace ducha::test
