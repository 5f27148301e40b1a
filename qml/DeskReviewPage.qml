pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Review (supervisor): flagged reports and reports of unlisted sites, newest first; the chosen
// report in full; the decision that opens the case; its PDF record.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "deskReviewPage"
    property string selectedId: ""

    DeskReviewModel { id: queue; session: page.app; objectName: "deskReviewModel" }
    DeskExports {
        id: exports
        session: page.app
        // The PDF is written off the GUI thread; its outcome arrives here.
        onExported: (r) => notice.show(r, qsTr("PDF record saved to %1.").arg(r.path || ""))
    }

    function savePdf(fileUrl) {
        notice.clear()
        exports.exportReportPdf(selectedId, fileUrl)
    }

    header: DeskHeader {
        app: page.app
        title: qsTr("Review")
        Switch { objectName: "includeDecidedSwitch"; text: qsTr("Show decided"); onToggled: queue.includeDecided = checked }
    }
    DeskFileDialog {
        id: pdfDialog
        save: true
        nameFilters: [qsTr("PDF files") + " (*.pdf)"]
        suggestedName: exports.suggestedName("record-" + page.selectedId.substring(0, 8), "pdf")
        onPicked: (url) => page.savePdf(url)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        DeskNotice { id: notice; app: page.app; objectName: "reviewNotice"; Layout.fillWidth: true }
        DeskBusy { running: exports.busy; text: qsTr("Writing the PDF record…"); Layout.fillWidth: true }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            ColumnLayout {
                Layout.preferredWidth: 380
                Layout.minimumWidth: 380
                Layout.maximumWidth: 380
                Layout.fillWidth: false
                Layout.fillHeight: true
                TextField { Layout.fillWidth: true; placeholderText: qsTr("Search institution or inspector"); onTextChanged: queue.search = text }
                Label { text: qsTr("%n report(s) to review", "", queue.count); color: Style.muted; font.pixelSize: 13 }
                ListView {
                    id: list
                    objectName: "reviewList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 4
                    model: queue
                    delegate: ItemDelegate {
                        required property var reportId
                        required property var institution
                        required property var inspector
                        required property var time
                        required property var failed
                        required property var failedCritical
                        required property var unlisted
                        required property var covert
                        required property var decided
                        required property var caseTier
                        width: list.width
                        padding: 8
                        highlighted: reportId === page.selectedId
                        onClicked: page.selectedId = reportId
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label { text: institution || qsTr("(unlisted site)"); font.bold: true; color: Style.ink; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: inspector + " · " + TimeFormat.display(time); color: Style.muted; font.pixelSize: 13 }
                            Flow {
                                Layout.fillWidth: true
                                spacing: 6
                                Tag { visible: failedCritical > 0; text: qsTr("%n critical failed", "", failedCritical); tone: Style.fail }
                                Tag { visible: failed > failedCritical; text: qsTr("%n failed", "", failed - failedCritical); tone: Style.warn }
                                Tag { visible: unlisted; text: qsTr("Unlisted site"); tone: Style.fail }
                                Tag { visible: covert; text: qsTr("Covert"); tone: Style.covert }
                                Tag { visible: decided; text: caseTier || qsTr("Decided"); tone: Style.pass }
                            }
                        }
                        background: Rectangle { color: parent.highlighted ? Style.infoBg : Style.card; radius: 6; border.color: "#D0D0D0" }
                    }
                    ScrollBar.vertical: ScrollBar {}
                    DeskListState { sync: page.sync; anchors.fill: parent; count: queue.count; error: queue.error; reading: queue.loading; emptyText: qsTr("Nothing to review: no flagged reports.") }
                }
            }
            Pane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                padding: 12
                background: Rectangle { color: Style.card; radius: 6; border.color: "#D0D0D0" }
                Label { anchors.centerIn: parent; visible: page.selectedId === ""; text: qsTr("Choose a report to review."); color: Style.muted }
                DeskReportView {
                    app: page.app
                    anchors.fill: parent
                    visible: page.selectedId !== ""
                    reportId: page.selectedId
                    onDecided: (r) => notice.show(r, qsTr("Decided. The case opens when this syncs; a violation gets its re-inspection task from the server."))
                    onPdfRequested: pdfDialog.open()
                }
            }
        }
    }
}
