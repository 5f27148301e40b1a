pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Cases (supervisor): by status, with the tier, the rectification deadline, escalations and the
// re-inspection task; "close" asks the server, which refuses unless a re-inspection passed
// (不解决不销号): its answer shows on the case.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "deskCasesPage"

    DeskCaseModel { id: cases; session: page.app; objectName: "deskCaseModel" }

    function closeCase(id) {
        var r = cases.close(id)
        notice.show(r, qsTr("Close requested. The server closes the case only if its re-inspection passed; its answer shows here after the sync."))
        return r
    }

    header: DeskHeader {
        app: page.app
        title: qsTr("Cases")
        ComboBox {
            objectName: "caseStatusFilter"
            Layout.preferredWidth: 180
            textRole: "label"; valueRole: "key"
            model: [{ "key": "", "label": qsTr("Every status") }, { "key": "rectification", "label": qsTr("Rectification") },
                    { "key": "reinspection", "label": qsTr("Re-inspection due") }, { "key": "open", "label": qsTr("Open") },
                    { "key": "closed", "label": qsTr("Closed") }, { "key": "no_violation", "label": qsTr("No violation") }]
            onActivated: cases.statusFilter = currentValue
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        DeskNotice { id: notice; app: page.app; objectName: "casesNotice"; Layout.fillWidth: true }
        TextField { Layout.fillWidth: true; placeholderText: qsTr("Search institution, tier or order"); onTextChanged: cases.search = text }
        ListView {
            id: list
            objectName: "caseList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: cases
            delegate: Pane {
                required property var caseId
                required property var institution
                required property var status
                required property var statusLabel
                required property var tier
                required property var deadline
                required property var overdue
                required property var order
                required property var note
                required property var escalations
                required property var reinspectionTaskId
                required property var reinspectionStatusLabel
                required property var closedByReportId
                required property var refusal
                width: list.width
                padding: 10
                background: Rectangle { color: Style.card; radius: 6; border.color: overdue ? Style.fail : "#D0D0D0"; border.width: overdue ? 2 : 1 }
                RowLayout {
                    anchors.fill: parent
                    spacing: 12
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 3
                        RowLayout {
                            Layout.fillWidth: true
                            Label { text: institution || qsTr("(unlisted site)"); font.bold: true; font.pixelSize: 16; color: Style.ink; elide: Text.ElideRight; Layout.fillWidth: true }
                            Tag { text: statusLabel; tone: status === "closed" || status === "no_violation" ? Style.pass : Style.warn }
                            Tag { visible: tier !== ""; text: tier; tone: Style.fail }
                        }
                        Label {
                            visible: deadline > 0
                            text: qsTr("Rectify by %1").arg(Qt.formatDate(new Date(deadline), "yyyy-MM-dd")) + (overdue ? " · " + qsTr("overdue") : "")
                            color: overdue ? Style.fail : Style.ink; font.bold: overdue
                        }
                        Label { visible: order !== ""; text: qsTr("Order: %1").arg(order); wrapMode: Text.Wrap; Layout.fillWidth: true }
                        Label { visible: note !== ""; text: note; color: Style.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        Label {
                            text: (escalations > 0 ? qsTr("%n escalation(s)", "", escalations) + " · " : "")
                                  + (reinspectionTaskId !== "" ? qsTr("Re-inspection task: %1").arg(reinspectionStatusLabel) : qsTr("No re-inspection task yet"))
                                  + (closedByReportId !== "" ? " · " + qsTr("closed by a passing re-inspection") : "")
                            color: Style.muted; font.pixelSize: 13
                        }
                        Label {
                            objectName: "caseRefusal_" + caseId
                            visible: refusal !== ""
                            text: qsTr("The server refused: %1").arg(refusal)
                            color: Style.fail; font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true
                        }
                    }
                    Button {
                        objectName: "closeCase_" + caseId
                        visible: status !== "closed" && status !== "no_violation"
                        text: qsTr("Close case")
                        // Waits for a running sync pass: the case changes from the version the server acknowledged.
                        enabled: page.sync.state !== "syncing"
                        onClicked: page.closeCase(caseId)
                    }
                }
            }
            ScrollBar.vertical: ScrollBar {}
            DeskListState { sync: page.sync; anchors.fill: parent; count: cases.count; error: cases.error; reading: cases.loading; emptyText: qsTr("No cases.") }
        }
    }
}
