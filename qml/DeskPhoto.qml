pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// An evidence photo from the profile (image://ducha/blob/HEX), or a box naming its hash when
// this device does not hold the file.
Column {
    id: photo
    property string hex
    property bool onDevice: true
    property string caption: ""
    spacing: 2
    Rectangle {
        width: 160; height: 120
        color: "#EEEEEE"
        border.color: "#D0D0D0"
        Image {
            id: img
            anchors.fill: parent
            anchors.margins: 1
            visible: photo.onDevice
            source: photo.onDevice ? "image://ducha/blob/" + photo.hex : ""
            sourceSize.width: 320
            fillMode: Image.PreserveAspectFit
            asynchronous: true
        }
        Label {
            anchors.fill: parent
            anchors.margins: 6
            visible: !photo.onDevice || img.status === Image.Error
            text: qsTr("Not on this device") + "\n" + photo.hex.substring(0, 12) + "…"
            color: Style.muted; font.pixelSize: 12; wrapMode: Text.WrapAnywhere
            horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter
        }
    }
    Label { visible: photo.caption !== ""; text: photo.caption; color: Style.muted; font.pixelSize: 12 }
}
