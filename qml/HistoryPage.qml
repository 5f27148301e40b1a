pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// History: my reports, newest first, with where each stands and the server's receipt.
Page {
    id: page
    required property AppSession app
    objectName: "historyPage"
    ReportListModel { id: reports; session: page.app; objectName: "reportModel" }

    header: ToolBar {
        Material.background: Style.card
        Label { anchors.fill: parent; anchors.leftMargin: 16; verticalAlignment: Text.AlignVCenter; text: qsTr("History"); font.pixelSize: 20; font.bold: true; color: Style.ink }
    }
    ListView {
        id: list
        objectName: "reportList"
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        clip: true
        model: reports
        delegate: Pane {
            required property var reportId
            required property var institutionName
            required property var stage
            required property var stageLabel
            required property var time
            required property var failedItems
            required property var photoCount
            required property var detail
            required property var pendingPhotos
            required property var receiptSeq
            required property var receiptTime
            required property var covert
            required property var flagged
            required property var unlisted
            width: list.width
            padding: 12
            background: Rectangle { color: Style.card; radius: 6; border.color: stage === "set_aside" ? Style.fail : "#D0D0D0" }
            ColumnLayout {
                anchors.fill: parent
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    Label { text: institutionName || qsTr("(unlisted site)"); font.bold: true; font.pixelSize: 16; color: Style.ink; elide: Text.ElideRight; Layout.fillWidth: true }
                    Tag {
                        objectName: "stage_" + reportId
                        text: stageLabel
                        tone: stage === "set_aside" || stage === "case_open" || stage === "rectification" ? Style.fail
                            : stage === "queued" || stage === "flagged" || stage === "reinspection" ? Style.warn
                            : Style.pass
                    }
                }
                Label { text: TimeFormat.display(time) + " · " + qsTr("%n failed item(s)", "", failedItems) + " · " + qsTr("%n photo(s)", "", photoCount); color: Style.muted; font.pixelSize: 13 }
                Label { visible: detail !== ""; text: detail; color: stage === "set_aside" ? Style.fail : Style.ink; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: 14 }
                Label { visible: pendingPhotos > 0; text: qsTr("%n photo(s) not uploaded yet", "", pendingPhotos); color: Style.warn; font.pixelSize: 13 }
                Label {
                    visible: receiptSeq > 0
                    text: qsTr("Receipt #%1 · server time %2").arg(receiptSeq).arg(TimeFormat.display(receiptTime))
                    color: Style.pass; font.pixelSize: 13
                }
                Row {
                    spacing: 6
                    Tag { visible: covert; text: qsTr("Covert visit"); tone: Style.covert }
                    Tag { visible: flagged && stage !== "flagged"; text: qsTr("Flagged"); tone: Style.fail }
                    Tag { visible: unlisted; text: qsTr("Unlisted site"); tone: Style.fail }
                }
            }
        }
    }
    Label {
        anchors.centerIn: parent
        visible: reports.count === 0
        text: qsTr("No reports yet.")
        color: Style.muted; font.pixelSize: 16
    }
}
