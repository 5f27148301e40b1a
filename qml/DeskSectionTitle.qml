pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

// A heading inside a desk screen.
Label {
    font.pixelSize: 16
    font.bold: true
    color: Style.ink
    topPadding: 6
    bottomPadding: 2
}
