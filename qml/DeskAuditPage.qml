pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Audit log (admins and supervisors): the server's record of who did what, read online (admins
// see every entry, supervisors the refused and conflicting ones). Filters narrow what was read;
// the entries shown are exported as CSV, and the export is itself recorded.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "deskAuditPage"

    DeskAuditModel { id: entries; session: page.app; objectName: "deskAuditModel" }
    DeskAudit {
        id: audit
        session: page.app
        objectName: "deskAudit"
        // The file is written off the GUI thread; its outcome arrives here.
        onExported: (r) => notice.show(r, qsTr("Saved %n row(s) to %1.", "", r.rows || 0).arg(r.path || ""))
    }

    function outcomeLabel(o) {
        return o === "accepted" ? qsTr("Accepted") : o === "refused" ? qsTr("Refused") : o === "conflict" ? qsTr("Conflict") : o
    }
    // The save dialog's result; tests call it with a file URL. The outcome comes with `exported`.
    function exportCsv(fileUrl) {
        notice.clear()
        audit.exportCsv(entries, fileUrl)
    }

    header: DeskHeader {
        app: page.app
        title: qsTr("Audit log")
        Button { objectName: "auditRefreshButton"; text: qsTr("Refresh"); enabled: !entries.loading; onClicked: entries.reload() }
        Button {
            objectName: "auditExportButton"
            text: audit.busy ? qsTr("Exporting…") : qsTr("Export CSV")
            enabled: !audit.busy && entries.count > 0
            onClicked: saveDialog.open()
        }
    }
    DeskFileDialog {
        id: saveDialog
        save: true
        nameFilters: [qsTr("CSV files") + " (*.csv)"]
        suggestedName: audit.suggestedName()
        onPicked: (url) => page.exportCsv(url)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        DeskNotice { id: notice; app: page.app; objectName: "auditNotice"; Layout.fillWidth: true }
        Label {
            visible: page.app.role === "supervisor"
            text: qsTr("Supervisors see the refused and conflicting entries.")
            color: Style.muted; font.pixelSize: 13; wrapMode: Text.Wrap; Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            ComboBox {
                id: actionBox
                objectName: "auditActionBox"
                Layout.preferredWidth: 200
                model: [qsTr("Every action")].concat(entries.actions)
                onActivated: (i) => entries.action = i === 0 ? "" : entries.actions[i - 1]
            }
            ComboBox {
                objectName: "auditOutcomeBox"
                Layout.preferredWidth: 150
                textRole: "label"
                valueRole: "value"
                model: [{ "value": "", "label": qsTr("Every outcome") }, { "value": "refused", "label": qsTr("Refused") },
                        { "value": "conflict", "label": qsTr("Conflict") }, { "value": "accepted", "label": qsTr("Accepted") }]
                onActivated: entries.outcome = currentValue
            }
            TextField { objectName: "auditActorField"; Layout.preferredWidth: 160; placeholderText: qsTr("Person"); onTextChanged: entries.actor = text }
            DeskDateField { id: fromField; placeholderText: qsTr("From"); onMsChanged: if (valid) entries.fromMs = ms }
            Label { text: "–" }
            DeskDateField { id: toField; endOfDay: true; placeholderText: qsTr("To"); onMsChanged: if (valid) entries.toMs = ms }
            TextField { objectName: "auditSearchField"; Layout.fillWidth: true; placeholderText: qsTr("Search record, reason or code"); onTextChanged: entries.search = text }
        }
        Label {
            visible: entries.total > 0
            text: qsTr("%1 of %2 entries (the newest 1000)").arg(entries.count).arg(entries.total)
            color: Style.muted; font.pixelSize: 13
        }
        ListView {
            id: list
            objectName: "auditList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: entries
            delegate: Pane {
                id: row
                required property var at
                required property var actor
                required property var actorName
                required property var role
                required property var action
                required property var record
                required property var outcome
                required property var code
                required property var reason
                width: list.width
                padding: 8
                background: Rectangle { color: Style.card; radius: 6; border.color: row.outcome === "accepted" ? "#D0D0D0" : Style.fail }
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 8
                        Label { text: TimeFormat.display(row.at); color: Style.muted; font.pixelSize: 13; Layout.preferredWidth: 120 }
                        Label { text: row.actorName !== "" ? row.actorName : (row.actor !== "" ? row.actor : qsTr("(the server)")); font.bold: true; color: Style.ink }
                        Label { text: row.action; color: Style.ink }
                        Label { text: row.record; color: Style.muted; elide: Text.ElideMiddle; Layout.fillWidth: true }
                        Tag { text: page.outcomeLabel(row.outcome) + (row.code !== "" ? " · " + row.code : ""); tone: row.outcome === "accepted" ? Style.pass : Style.fail }
                    }
                    Label { visible: row.reason !== ""; text: row.reason; color: Style.muted; font.pixelSize: 13; wrapMode: Text.Wrap; Layout.fillWidth: true }
                }
            }
            ScrollBar.vertical: ScrollBar {}
            // Loading, offline, refused, empty: the audit log is on the server only.
            Label {
                objectName: "auditState"
                anchors.fill: parent
                visible: entries.count === 0 || entries.error !== ""
                text: entries.loading ? qsTr("Loading…")
                    : entries.offline ? qsTr("The audit log is on the server: this needs a connection.")
                    : entries.error !== "" ? qsTr("Could not read the audit log: %1").arg(entries.error)
                    : entries.total > 0 ? qsTr("No entry matches these filters.")
                    : qsTr("No audit entries.")
                color: entries.error !== "" && !entries.loading ? Style.fail : Style.muted
                font.pixelSize: 15
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                padding: 16
            }
        }
    }
}
