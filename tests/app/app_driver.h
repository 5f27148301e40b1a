#pragma once
// Drives the real app's QML from a test: find items by objectName, press them the way a finger
// would (signals the views handle) or with real mouse events, wait for conditions while the event
// loop runs, and save screenshots into DUCHA_SCREENSHOT_DIR when it is set.
#include <QObject>
#include <QPointF>
#include <QString>
#include <QVariant>
#include <functional>
#include <string>
#include <vector>

class QQuickItem;
class QQuickWindow;

namespace ducha::test {

// What a GPS receiver says at (lat, lon), north and east: a few $GPRMC/$GPGGA sentences with valid
// checksums, for DUCHA_NMEA_FILE (the app's stand-in for a receiver).
std::string nmea_log_at(double lat, double lon);

class AppDriver {
public:
    explicit AppDriver(QQuickWindow* window) : m_window(window) {}

    QQuickWindow* window() const { return m_window; }
    // The first object with this objectName anywhere in the window (nullptr if none).
    QObject* find(const QString& name) const;
    QObject* must(const QString& name) const;  // as find(), but a missing item fails the test
    QVariant prop(const QString& name, const char* property) const;
    void set(const QString& name, const char* property, const QVariant& value) const;
    // Emits `clicked` on a button (what a tap does).
    void tap(const QString& name) const;
    // Real mouse input: a press, moves along the points (in the item's coordinates), a release.
    void drag(QQuickItem* item, const std::vector<QPointF>& points) const;
    // Runs the event loop until pred() holds or the timeout passes; returns pred().
    static bool waitFor(const std::function<bool()>& pred, int timeout_ms = 15000);
    static void pump(int ms);
    // Saves the window as DIR/NAME.png when DUCHA_SCREENSHOT_DIR is set. Returns the grabbed size.
    QSize screenshot(const QString& name) const;

private:
    QQuickWindow* m_window;
};

}  // namespace ducha::test
