pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// S1 check-in: time and GPS. Far from the site or a mock location warns and is recorded; it never blocks.
ScrollView {
    id: root
    property InspectionSession session
    contentWidth: availableWidth
    ColumnLayout {
        width: parent.width
        spacing: 12
        Label {
            text: qsTr("Check in when you arrive. The time and your position are recorded with the report.")
            wrapMode: Text.Wrap; font.pixelSize: 16; Layout.fillWidth: true; Layout.margins: 16
        }
        Button {
            objectName: "checkInButton"
            text: session.gpsStatus === "locating" ? qsTr("Locating…") : session.checkedIn ? qsTr("Check in again") : qsTr("Check in now")
            enabled: session.gpsStatus !== "locating"
            highlighted: !session.checkedIn
            Layout.fillWidth: true; Layout.leftMargin: 16; Layout.rightMargin: 16
            Layout.preferredHeight: 56
            onClicked: session.checkIn()
        }
        Pane {
            visible: session.checkedIn
            Layout.fillWidth: true; Layout.margins: 12
            background: Rectangle { color: Style.card; radius: 6; border.color: "#D0D0D0" }
            GridLayout {
                anchors.fill: parent
                columns: 2
                columnSpacing: 12; rowSpacing: 6
                Label { text: qsTr("Time"); color: Style.muted }
                Label { objectName: "checkInTime"; text: TimeFormat.display(session.checkInTime) }
                Label { text: qsTr("Position"); color: Style.muted }
                Label {
                    objectName: "checkInPosition"
                    text: session.gpsStatus === "fixed" ? session.latitude.toFixed(5) + ", " + session.longitude.toFixed(5)
                        : session.gpsStatus === "locating" ? qsTr("locating…") : qsTr("no GPS fix (recorded without position)")
                    wrapMode: Text.Wrap; Layout.fillWidth: true
                }
                Label { visible: session.accuracy >= 0; text: qsTr("Accuracy"); color: Style.muted }
                Label { visible: session.accuracy >= 0; text: qsTr("±%1 m").arg(Math.round(session.accuracy)) }
                Label { visible: session.gpsStatus === "fixed"; text: qsTr("Fix age"); color: Style.muted }
                Label { visible: session.gpsStatus === "fixed"; text: qsTr("%1 s").arg(Math.round(session.fixAgeMs / 1000)) }
                Label { visible: session.distance >= 0; text: qsTr("Distance to site"); color: Style.muted }
                Label { objectName: "checkInDistance"; visible: session.distance >= 0; text: qsTr("%1 m").arg(Math.round(session.distance)); color: session.farFromSite ? Style.fail : Style.pass; font.bold: true }
            }
        }
        Label {
            objectName: "farWarning"
            visible: session.farFromSite
            text: qsTr("You seem to be %1 m from the registered address. You can go on; the distance is recorded for the reviewer.").arg(Math.round(session.distance))
            wrapMode: Text.Wrap; color: Style.warn; font.pixelSize: 15; Layout.fillWidth: true; Layout.margins: 16
            background: Rectangle { color: Style.warnBg; radius: 6 }
            padding: 10
        }
        Label {
            objectName: "mockWarning"
            visible: session.mockLocation && session.checkedIn
            text: qsTr("The position comes from a simulated (mock) location source. It is recorded and flagged for the reviewer.")
            wrapMode: Text.Wrap; color: Style.warn; font.pixelSize: 15; Layout.fillWidth: true; Layout.margins: 16
            background: Rectangle { color: Style.warnBg; radius: 6 }
            padding: 10
        }
    }
}
