pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

// A small coloured label (kind of task, licence state, overdue…).
Label {
    property color tone: Style.primary
    text: ""
    color: tone
    font.pixelSize: 13
    font.bold: true
    leftPadding: 8; rightPadding: 8; topPadding: 3; bottomPadding: 3
    background: Rectangle { radius: 4; color: "transparent"; border.color: parent.tone; border.width: 1.5 }
}
