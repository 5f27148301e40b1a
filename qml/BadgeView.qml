pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ducha.Core

// My inspector badge: name, photo (once a coordinator has added it), valid-until, and a QR whoever I visit can scan to
// check with the server that I am genuine and currently authorised.
Rectangle {
    id: badge
    required property AppSession app
    objectName: "badgeView"
    implicitWidth: 340
    implicitHeight: col.implicitHeight + 32
    radius: 10
    color: "white"
    border.color: badge.app.badgeValid ? Style.primary : Style.fail
    border.width: 3
    ColumnLayout {
        id: col
        anchors.fill: parent
        anchors.margins: 16
        spacing: 8
        Label { text: qsTr("Off-campus training inspector"); font.pixelSize: 14; color: Style.primary; font.bold: true; Layout.alignment: Qt.AlignHCenter }
        Label { text: "校外培训督查员证"; font.pixelSize: 20; font.bold: true; color: Style.ink; Layout.alignment: Qt.AlignHCenter }
        RowLayout {
            spacing: 14
            Layout.alignment: Qt.AlignHCenter
            Rectangle {
                width: 84; height: 108; color: "#ECEFF1"; border.color: "#90A4AE"
                Image {
                    objectName: "badgePhoto"
                    anchors.fill: parent
                    anchors.margins: 1
                    visible: badge.app.badgePhoto !== ""
                    source: badge.app.badgePhoto !== "" ? "image://ducha/blob/" + badge.app.badgePhoto : ""
                    sourceSize.width: 168
                    sourceSize.height: 216
                    fillMode: Image.PreserveAspectCrop
                    Accessible.name: qsTr("Badge photo")
                }
                Label {
                    anchors.fill: parent
                    anchors.margins: 4
                    visible: badge.app.badgePhoto === ""
                    text: qsTr("No photo yet: your coordinator adds it")
                    color: Style.muted; font.pixelSize: 11
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter
                }
            }
            ColumnLayout {
                Label { objectName: "badgeName"; text: badge.app.userName; font.pixelSize: 22; font.bold: true; color: Style.ink }
                Label { text: badge.app.districtName; font.pixelSize: 15; color: Style.ink }
                Label {
                    text: badge.app.badgeValidUntil ? qsTr("Valid until %1").arg(badge.app.badgeValidUntil) : qsTr("No validity on this phone yet: sync")
                    color: badge.app.badgeValid ? Style.pass : Style.fail; font.pixelSize: 14; font.bold: true
                }
            }
        }
        Image {
            objectName: "badgeQr"
            visible: badge.app.badgeUrl !== ""
            source: badge.app.badgeUrl !== "" ? "image://ducha/badge?" + encodeURIComponent(badge.app.badgeUrl) : ""
            sourceSize.width: 220
            sourceSize.height: 220
            Layout.alignment: Qt.AlignHCenter
            cache: false
        }
        Label {
            text: qsTr("Scan to check this inspector with the server")
            font.pixelSize: 13; color: Style.muted; Layout.alignment: Qt.AlignHCenter
            horizontalAlignment: Text.AlignHCenter; wrapMode: Text.Wrap; Layout.fillWidth: true
        }
    }
}
