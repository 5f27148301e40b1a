pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Review: what is still missing (each line jumps to its step), what will be flagged, then submit.
ScrollView {
    id: root
    property InspectionSession session
    signal goToStep(int index)
    contentWidth: availableWidth
    ColumnLayout {
        width: parent.width
        spacing: 10
        Label {
            text: qsTr("%1 of %2 items answered").arg(session.answeredCount).arg(session.applicableCount)
            font.pixelSize: 18; font.bold: true; Layout.margins: 12
        }
        Label {
            visible: session.willBeFlagged
            objectName: "flagWarning"
            text: qsTr("This report will be flagged for a supervisor.")
            color: Style.fail; font.pixelSize: 16; font.bold: true; Layout.leftMargin: 12
        }
        Label {
            text: session.checkedIn ? qsTr("Checked in %1").arg(TimeFormat.display(session.checkInTime)) + (session.distance >= 0 ? " · " + qsTr("%1 m from the site").arg(Math.round(session.distance)) : "") : ""
            visible: session.checkedIn; color: Style.muted; Layout.leftMargin: 12
        }
        Label { text: qsTr("%n photo(s)", "", session.photos.length) + (session.covert ? "" : " · " + (session.hasSignature ? qsTr("signed") : qsTr("not signed"))); color: Style.muted; Layout.leftMargin: 12 }
        Label {
            visible: session.problems.length > 0
            text: qsTr("Still missing:")
            font.bold: true; color: Style.fail; Layout.leftMargin: 12
        }
        Repeater {
            model: session.problems
            ItemDelegate {
                required property int index
                required property var modelData
                objectName: "problem" + index
                Layout.fillWidth: true
                text: "• " + modelData
                font.pixelSize: 15
                contentItem: Label { text: "• " + modelData; wrapMode: Text.Wrap; color: Style.fail; font.pixelSize: 15 }
                onClicked: {
                    var step = root.session.problemStep(index)
                    if (step >= 0) root.goToStep(step)
                }
            }
        }
        Label {
            visible: session.problems.length === 0
            objectName: "readyLabel"
            text: qsTr("Everything is filled in. Submitting signs the report with this phone's key; it cannot be changed afterwards.")
            wrapMode: Text.Wrap; color: Style.pass; font.pixelSize: 15; Layout.fillWidth: true; Layout.margins: 12
        }
        Label {
            visible: session.lastError !== ""
            objectName: "submitError"
            text: session.lastError; color: Style.fail; wrapMode: Text.Wrap; Layout.fillWidth: true; Layout.margins: 12
        }
    }
}
