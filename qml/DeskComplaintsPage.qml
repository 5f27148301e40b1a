pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// The complaint ledger (投诉举报台账): open complaints first, overdue ones marked; intake by hand
// or CSV; one complaint linked to an institution or an address, triaged into a follow-up task for
// chosen volunteers, started, resolved (a resolution is required), closed, or reopened.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "deskComplaintsPage"
    property string selectedId: ""
    property int revision: 0
    readonly property var complaint: { revision; return ledger.byId(selectedId) }
    // A complaint changes step by step from the version the server acknowledged: its actions wait
    // while a sync pass is sending the previous step.
    readonly property bool idle: page.sync.state !== "syncing"

    DeskComplaintModel { id: ledger; session: page.app; objectName: "deskComplaintModel"; onCountChanged: page.revision++ }
    DeskComplaints { id: desk; session: page.app; objectName: "deskComplaints" }

    function importCsv(fileUrl) {
        var r = desk.importCsv(fileUrl)
        notice.show(r, qsTr("Imported %n complaint(s).", "", r.imported || 0))
        return r
    }
    function act(r, success) { notice.show(r, success); revision++; return r }

    header: DeskHeader {
        app: page.app
        title: qsTr("Complaints")
        Switch { text: qsTr("Show closed"); onToggled: ledger.includeClosed = checked }
        Button { objectName: "newComplaintButton"; text: qsTr("New complaint"); highlighted: true; onClicked: intake.open() }
        Button { objectName: "importComplaintsButton"; text: qsTr("Import CSV"); onClicked: csvDialog.open() }
    }
    DeskFileDialog { id: csvDialog; onPicked: (url) => page.importCsv(url) }

    Dialog {
        id: intake
        objectName: "complaintIntake"
        title: qsTr("New complaint")
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 40, 620)
        standardButtons: Dialog.NoButton
        onOpened: { intakeText.text = ""; intakeRef.text = ""; intakeAddress.text = ""; intakePicker.clear(); intakeError.text = "" }
        contentItem: ScrollView {
            contentWidth: availableWidth
            implicitHeight: Math.min(intakeColumn.implicitHeight, page.height - 200)
            ColumnLayout {
            id: intakeColumn
            width: parent.width
            spacing: 6
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                Label { text: qsTr("Source") }
                ComboBox { id: intakeSource; Layout.fillWidth: true; textRole: "label"; valueRole: "key"; model: ledger.sources() }
                Label { text: qsTr("Ticket no.") }
                TextField { id: intakeRef; Layout.fillWidth: true }
                Label { text: qsTr("Received") }
                DeskDateField { id: intakeReceived; placeholderText: qsTr("today") }
                Label { text: qsTr("Due") }
                DeskDateField { id: intakeDue; endOfDay: true; placeholderText: qsTr("in 15 days") }
                Label { text: qsTr("Address") }
                TextField { id: intakeAddress; Layout.fillWidth: true; placeholderText: qsTr("when the institution is not in the registry") }
            }
            Label { text: qsTr("Complaint") + " *" }
            TextArea { id: intakeText; Layout.fillWidth: true; Layout.preferredHeight: 80; wrapMode: TextEdit.Wrap }
            Label { text: qsTr("Institution (optional)") }
            DeskInstitutionPicker { id: intakePicker; app: page.app; sync: page.sync; Layout.fillWidth: true; Layout.preferredHeight: 170 }
            Label { id: intakeError; visible: text !== ""; color: Style.fail; wrapMode: Text.Wrap; Layout.fillWidth: true }
        }
        }
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button {
                text: qsTr("Save")
                highlighted: true
                onClicked: {
                    var r = desk.intake({ "source": intakeSource.currentValue, "text": intakeText.text, "reference": intakeRef.text,
                                          "receivedAt": intakeReceived.ms, "dueAt": intakeDue.ms, "address": intakeAddress.text,
                                          "institutionId": intakePicker.selectedId })
                    if (!r.ok) { intakeError.text = r.message; return }
                    page.act(r, qsTr("Complaint recorded."))
                    page.selectedId = r.id
                    intake.close()
                }
            }
            onRejected: intake.close()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        DeskNotice { id: notice; app: page.app; objectName: "complaintsNotice"; Layout.fillWidth: true }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            ColumnLayout {
                Layout.preferredWidth: 440
                Layout.minimumWidth: 440
                Layout.maximumWidth: 440
                Layout.fillWidth: false
                Layout.fillHeight: true
                TextField { Layout.fillWidth: true; placeholderText: qsTr("Search text, institution, address or ticket"); onTextChanged: ledger.search = text }
                Label {
                    text: qsTr("%n complaint(s)", "", ledger.count) + (ledger.overdueCount > 0 ? " · " + qsTr("%n overdue", "", ledger.overdueCount) : "")
                    color: ledger.overdueCount > 0 ? Style.fail : Style.muted; font.pixelSize: 13
                }
                ListView {
                    id: list
                    objectName: "complaintList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 4
                    model: ledger
                    delegate: ItemDelegate {
                        required property var model
                        required property var complaintId
                        required property var institution
                        required property var address
                        required property var sourceLabel
                        required property var status
                        required property var statusLabel
                        required property var overdue
                        required property var dueAt
                        width: list.width
                        padding: 8
                        highlighted: complaintId === page.selectedId
                        onClicked: page.selectedId = complaintId
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label { text: model.text; maximumLineCount: 2; wrapMode: Text.Wrap; elide: Text.ElideRight; color: Style.ink; Layout.fillWidth: true }
                            Label { text: (institution || address || qsTr("(no institution yet)")) + " · " + sourceLabel; color: Style.muted; font.pixelSize: 13; elide: Text.ElideRight; Layout.fillWidth: true }
                            Flow {
                                Layout.fillWidth: true
                                spacing: 6
                                Tag { text: statusLabel; tone: status === "closed" || status === "resolved" ? Style.pass : Style.warn }
                                Tag { visible: overdue; text: qsTr("Overdue"); tone: Style.fail }
                                Label { text: qsTr("due %1").arg(Qt.formatDate(new Date(dueAt), "yyyy-MM-dd")); color: overdue ? Style.fail : Style.muted; font.pixelSize: 13; topPadding: 3 }
                            }
                        }
                        background: Rectangle {
                            color: parent.highlighted ? Style.infoBg : overdue ? Style.errorBg : Style.card
                            radius: 6
                            border.color: overdue ? Style.fail : "#D0D0D0"
                        }
                    }
                    ScrollBar.vertical: ScrollBar {}
                    DeskListState { sync: page.sync; anchors.fill: parent; count: ledger.count; error: ledger.error; reading: ledger.loading; emptyText: qsTr("No open complaints.") }
                }
            }
            Pane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                padding: 12
                background: Rectangle { color: Style.card; radius: 6; border.color: "#D0D0D0" }
                Label { anchors.centerIn: parent; visible: page.selectedId === ""; text: qsTr("Choose a complaint."); color: Style.muted }
                ScrollView {
                    anchors.fill: parent
                    visible: page.selectedId !== ""
                    contentWidth: availableWidth
                    ColumnLayout {
                        width: parent.width
                        spacing: 6
                        RowLayout {
                            Layout.fillWidth: true
                            Label { text: page.complaint.statusLabel || ""; font.pixelSize: 18; font.bold: true; color: Style.ink; Layout.fillWidth: true }
                            Tag { visible: !!page.complaint.overdue; text: qsTr("Overdue"); tone: Style.fail }
                        }
                        Label { text: page.complaint.text || ""; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: 15 }
                        GridLayout {
                            columns: 2
                            Layout.fillWidth: true
                            Label { text: qsTr("Source"); color: Style.muted }
                            Label { text: (page.complaint.sourceLabel || "") + (page.complaint.reference ? " · " + page.complaint.reference : "") }
                            Label { text: qsTr("Received"); color: Style.muted }
                            Label { text: page.complaint.receivedAt > 0 ? Qt.formatDate(new Date(page.complaint.receivedAt), "yyyy-MM-dd") : "—" }
                            Label { text: qsTr("Due"); color: Style.muted }
                            Label { text: page.complaint.dueAt > 0 ? Qt.formatDate(new Date(page.complaint.dueAt), "yyyy-MM-dd") : "—"; color: page.complaint.overdue ? Style.fail : Style.ink }
                            Label { text: qsTr("Institution"); color: Style.muted }
                            Label { text: page.complaint.institution || page.complaint.address || qsTr("(no institution yet)"); wrapMode: Text.Wrap; Layout.fillWidth: true }
                            Label { text: qsTr("Follow-up task"); color: Style.muted }
                            Label { text: page.complaint.taskId ? page.complaint.taskStatusLabel : "—" }
                            Label { visible: !!page.complaint.triageNote; text: qsTr("Triage note"); color: Style.muted }
                            Label { visible: !!page.complaint.triageNote; text: page.complaint.triageNote || ""; wrapMode: Text.Wrap; Layout.fillWidth: true }
                            Label { visible: !!page.complaint.resolution; text: qsTr("Resolution"); color: Style.muted }
                            Label { visible: !!page.complaint.resolution; text: page.complaint.resolution || ""; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        }
                        Label { visible: !page.idle; text: qsTr("Sending the last change… the actions are back in a moment."); color: Style.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        Label { visible: !!page.complaint.refusal; text: qsTr("The server refused: %1").arg(page.complaint.refusal || ""); color: Style.fail; font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }

                        // Link to an institution or an address (before the follow-up is planned).
                        ColumnLayout {
                            visible: page.complaint.status === "open" || page.complaint.status === "triaged"
                            Layout.fillWidth: true
                            DeskSectionTitle { text: qsTr("Link") }
                            DeskInstitutionPicker { id: linkPicker; app: page.app; sync: page.sync; Layout.fillWidth: true; Layout.preferredHeight: 160 }
                            RowLayout {
                                Layout.fillWidth: true
                                TextField { id: linkAddress; Layout.fillWidth: true; placeholderText: qsTr("or an address") }
                                Button {
                                    objectName: "linkButton"
                                    text: qsTr("Link")
                                    enabled: page.idle && (linkPicker.selectedId !== "" || linkAddress.text.trim() !== "")
                                    onClicked: if (page.act(desk.link(page.selectedId, linkPicker.selectedId, linkAddress.text), qsTr("Linked.")).ok) { linkPicker.clear(); linkAddress.text = "" }
                                }
                            }
                        }
                        // Triage into a follow-up task.
                        ColumnLayout {
                            visible: page.complaint.status === "open"
                            Layout.fillWidth: true
                            DeskSectionTitle { text: qsTr("Triage into a task") }
                            DeskVolunteerPicker { id: triagePicker; app: page.app; sync: page.sync; Layout.fillWidth: true; Layout.preferredHeight: 180 }
                            RowLayout {
                                Label { text: qsTr("Priority") }
                                SpinBox { id: triagePriority; from: 1; to: 5; value: 2 }
                                Label { text: qsTr("Due") }
                                DeskDateField { id: triageDue; endOfDay: true; placeholderText: qsTr("in 7 days") }
                                CheckBox { id: triageCovert; text: qsTr("Covert") }
                            }
                            TextField { id: triageNote; Layout.fillWidth: true; placeholderText: qsTr("Triage note") }
                            Button {
                                objectName: "triageButton"
                                text: qsTr("Make the follow-up task")
                                enabled: page.idle && triagePicker.selectedCount > 0 && triageDue.valid
                                onClicked: {
                                    var r = desk.triage(page.selectedId, { "assignees": triagePicker.selected, "priority": triagePriority.value,
                                                                           "windowEnd": triageDue.ms, "covert": triageCovert.checked, "note": triageNote.text })
                                    if (page.act(r, qsTr("Task made; the complaint is triaged.")).ok) { triagePicker.clear(); triageNote.text = "" }
                                }
                            }
                        }
                        // Resolve, close, reopen.
                        ColumnLayout {
                            visible: page.complaint.status !== undefined && page.complaint.status !== "closed"
                            Layout.fillWidth: true
                            DeskSectionTitle { text: qsTr("Resolution") }
                            TextArea {
                                id: resolution
                                objectName: "resolutionText"
                                visible: page.complaint.status === "triaged" || page.complaint.status === "in_progress"
                                Layout.fillWidth: true
                                wrapMode: TextEdit.Wrap
                                placeholderText: qsTr("What was found and done (required to resolve)")
                            }
                            Flow {
                                Layout.fillWidth: true
                                spacing: 8
                                Button {
                                    objectName: "startButton"
                                    enabled: page.idle
                                    visible: page.complaint.status === "triaged"
                                    text: qsTr("Start")
                                    onClicked: page.act(desk.start(page.selectedId), qsTr("In progress."))
                                }
                                Button {
                                    objectName: "resolveButton"
                                    enabled: page.idle
                                    visible: page.complaint.status === "triaged" || page.complaint.status === "in_progress"
                                    text: qsTr("Resolve")
                                    onClicked: if (page.act(desk.resolve(page.selectedId, resolution.text), qsTr("Resolved.")).ok) resolution.text = ""
                                }
                                Button {
                                    objectName: "closeComplaintButton"
                                    enabled: page.idle
                                    text: qsTr("Close")
                                    highlighted: page.complaint.status === "resolved"
                                    onClicked: page.act(desk.close(page.selectedId), qsTr("Closed (销号)."))
                                }
                                Button {
                                    objectName: "reopenButton"
                                    enabled: page.idle
                                    visible: page.complaint.status === "resolved"
                                    text: qsTr("Reopen")
                                    onClicked: page.act(desk.reopen(page.selectedId), qsTr("Reopened: back in progress."))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
