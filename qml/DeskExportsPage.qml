pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Exports (coordinator and supervisor): reports, cases, complaints and coverage as CSV or XLSX,
// and the printable PDF record of one report, each to a file the user chooses.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "deskExportsPage"
    property string pendingKind: ""
    property string pendingFormat: ""
    property string pendingReport: ""

    DeskExports {
        id: exports
        session: page.app
        objectName: "deskExports"
        // The file is written off the GUI thread; its outcome arrives here.
        onExported: (r) => {
            if (r.kind === "record") notice.show(r, qsTr("PDF record saved to %1.").arg(r.path || ""))
            else notice.show(r, qsTr("Saved %n row(s) to %1.", "", r.rows || 0).arg(r.path || ""))
        }
    }
    DeskReportModel { id: reports; session: page.app; objectName: "deskReportModel" }

    function ask(kind, format) {
        pendingKind = kind
        pendingFormat = format
        pendingReport = ""
        saveDialog.nameFilters = [format === "xlsx" ? qsTr("Excel workbooks") + " (*.xlsx)" : qsTr("CSV files") + " (*.csv)"]
        saveDialog.suggestedName = exports.suggestedName(kind, format)
        saveDialog.open()
    }
    function askPdf(reportId) {
        pendingReport = reportId
        saveDialog.nameFilters = [qsTr("PDF files") + " (*.pdf)"]
        saveDialog.suggestedName = exports.suggestedName("record-" + reportId.substring(0, 8), "pdf")
        saveDialog.open()
    }
    // The save dialog's result; tests call it with a file URL. The outcome comes with `exported`.
    function save(fileUrl) {
        notice.clear()
        if (pendingReport !== "") exports.exportReportPdf(pendingReport, fileUrl)
        else exports.exportTable(pendingKind, pendingFormat, fileUrl, { "fromMs": fromField.ms, "toMs": toField.ms })
    }

    header: DeskHeader { app: page.app; title: qsTr("Exports") }
    DeskFileDialog { id: saveDialog; save: true; onPicked: (url) => page.save(url) }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        DeskNotice { id: notice; app: page.app; objectName: "exportsNotice"; Layout.fillWidth: true }
        DeskBusy { objectName: "exportsBusy"; running: exports.busy; text: qsTr("Writing the export…"); Layout.fillWidth: true }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            ColumnLayout {
                Layout.preferredWidth: 460
                Layout.minimumWidth: 460
                Layout.maximumWidth: 460
                Layout.fillWidth: false
                Layout.alignment: Qt.AlignTop
                spacing: 8
                DeskSectionTitle { text: qsTr("Tables") }
                RowLayout {
                    Label { text: qsTr("Period (reports, coverage)") }
                    DeskDateField { id: fromField; placeholderText: qsTr("30 days ago") }
                    Label { text: "–" }
                    DeskDateField { id: toField; endOfDay: true; placeholderText: qsTr("today") }
                }
                Repeater {
                    model: [{ "kind": "reports", "label": qsTr("Inspection reports") }, { "kind": "cases", "label": qsTr("Cases") },
                            { "kind": "complaints", "label": qsTr("Complaints") }, { "kind": "coverage", "label": qsTr("Coverage") }]
                    Pane {
                        required property var modelData
                        Layout.fillWidth: true
                        padding: 10
                        background: Rectangle { color: Style.card; radius: 6; border.color: "#D0D0D0" }
                        RowLayout {
                            anchors.fill: parent
                            Label { text: modelData.label; font.bold: true; font.pixelSize: 15; Layout.fillWidth: true }
                            Button { objectName: "export_" + modelData.kind + "_csv"; text: "CSV"; enabled: fromField.valid && toField.valid && !exports.busy; onClicked: page.ask(modelData.kind, "csv") }
                            Button { objectName: "export_" + modelData.kind + "_xlsx"; text: "XLSX"; enabled: fromField.valid && toField.valid && !exports.busy; onClicked: page.ask(modelData.kind, "xlsx") }
                        }
                    }
                }
                Label {
                    text: qsTr("CSV files open in Excel with Chinese intact (UTF-8 with a byte-order mark). Covert visits stay covert: exports never publish anything.")
                    wrapMode: Text.Wrap; color: Style.muted; font.pixelSize: 13; Layout.fillWidth: true
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                DeskSectionTitle { text: qsTr("PDF record of a report") }
                TextField { Layout.fillWidth: true; placeholderText: qsTr("Search institution or inspector"); onTextChanged: reports.search = text }
                ListView {
                    id: list
                    objectName: "exportReportList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 4
                    model: reports
                    delegate: Pane {
                        required property var reportId
                        required property var institution
                        required property var inspector
                        required property var time
                        required property var failed
                        required property var flagged
                        width: list.width
                        padding: 8
                        background: Rectangle { color: Style.card; radius: 6; border.color: flagged ? Style.fail : "#D0D0D0" }
                        RowLayout {
                            anchors.fill: parent
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 2
                                Label { text: institution || qsTr("(unlisted site)"); font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                                Label {
                                    text: inspector + " · " + TimeFormat.display(time) + " · " + qsTr("%n failed item(s)", "", failed)
                                    color: Style.muted; font.pixelSize: 13
                                }
                            }
                            Button { text: qsTr("PDF"); enabled: !exports.busy; onClicked: page.askPdf(reportId) }
                        }
                    }
                    ScrollBar.vertical: ScrollBar {}
                    DeskListState { sync: page.sync; anchors.fill: parent; count: reports.count; error: reports.error; reading: reports.loading; emptyText: qsTr("No reports on this device yet.") }
                }
            }
        }
    }
}
