pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Tasks and campaigns (coordinator): a routine, joint (several volunteers) or covert task for an
// institution; a campaign (专项行动) for a period; the district's tasks and campaigns.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "deskTasksPage"

    DeskPlanner { id: planner; session: page.app; objectName: "deskPlanner" }
    DeskTaskModel { id: tasks; session: page.app; objectName: "deskTaskModel" }
    DeskCampaignModel { id: campaigns; session: page.app; objectName: "deskCampaignModel" }

    function campaignChoices() {
        var m = [{ "key": "", "label": qsTr("(none)") }]
        for (var i = 0; i < campaigns.count; ++i) {
            var c = campaigns.get(i)
            if (!c.cancelled) m.push({ "key": c.campaignId, "label": c.name })
        }
        return m
    }
    function createTask() {
        var spec = { "institutionId": instPicker.selectedId, "kind": joint.checked ? "joint" : "routine",
                     "assignees": volPicker.selected, "covert": covert.checked, "priority": priority.value,
                     "windowStart": taskFrom.ms, "windowEnd": taskTo.ms, "title": taskTitle.text,
                     "campaignId": taskCampaign.currentValue || "" }
        var r = planner.createTask(spec)
        if (notice.show(r, qsTr("Task created for %1.").arg(instPicker.selectedName))) {
            instPicker.clear(); volPicker.clear(); taskTitle.text = ""
        }
        return r
    }
    function createCampaign() {
        var r = planner.createCampaign({ "name": campaignName.text, "start": campaignFrom.ms, "end": campaignTo.ms,
                                         "visitsRequired": visits.value, "keyTargetsOnly": keyOnly.checked, "note": campaignNote.text })
        if (notice.show(r, qsTr("Campaign created."))) { campaignName.text = ""; campaignNote.text = "" }
        return r
    }

    header: DeskHeader { app: page.app; title: qsTr("Tasks and campaigns") }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        DeskNotice { id: notice; app: page.app; objectName: "tasksNotice"; Layout.fillWidth: true }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            // The forms
            ColumnLayout {
                Layout.preferredWidth: 440
                Layout.minimumWidth: 440
                Layout.maximumWidth: 440
                Layout.fillWidth: false
                Layout.fillHeight: true
                TabBar {
                    id: formTabs
                    Layout.fillWidth: true
                    TabButton { text: qsTr("New task") }
                    TabButton { objectName: "campaignFormTab"; text: qsTr("New campaign") }
                }
                StackLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    currentIndex: formTabs.currentIndex
                    ScrollView {
                        contentWidth: availableWidth
                        ColumnLayout {
                            width: parent.width
                            spacing: 6
                            Label { text: qsTr("Institution"); font.bold: true }
                            DeskInstitutionPicker { id: instPicker; app: page.app; sync: page.sync; Layout.fillWidth: true; Layout.preferredHeight: 200 }
                            RowLayout {
                                RadioButton { id: routine; text: qsTr("Routine"); checked: true }
                                RadioButton { id: joint; text: qsTr("Joint (2+ volunteers)") }
                                CheckBox { id: covert; text: qsTr("Covert (暗访)") }
                            }
                            Label { text: joint.checked ? qsTr("Volunteers (two or more)") : qsTr("Volunteer(s)"); font.bold: true }
                            DeskVolunteerPicker { id: volPicker; app: page.app; sync: page.sync; Layout.fillWidth: true; Layout.preferredHeight: 200 }
                            GridLayout {
                                columns: 2
                                Label { text: qsTr("Priority (1 highest)") }
                                SpinBox { id: priority; from: 1; to: 5; value: 3 }
                                Label { text: qsTr("From") }
                                DeskDateField { id: taskFrom; placeholderText: qsTr("today") }
                                Label { text: qsTr("Due") }
                                DeskDateField { id: taskTo; endOfDay: true; placeholderText: qsTr("in 7 days") }
                                Label { text: qsTr("Title") }
                                TextField { id: taskTitle; Layout.fillWidth: true; placeholderText: qsTr("(the institution's name)") }
                                Label { text: qsTr("Campaign") }
                                ComboBox { id: taskCampaign; Layout.fillWidth: true; textRole: "label"; valueRole: "key"; model: { campaigns.count; return page.campaignChoices() } }
                            }
                            Button {
                                objectName: "createTaskButton"
                                text: qsTr("Create task")
                                highlighted: true
                                enabled: instPicker.selectedId !== "" && volPicker.selectedCount > 0 && taskFrom.valid && taskTo.valid
                                onClicked: page.createTask()
                            }
                        }
                    }
                    ScrollView {
                        contentWidth: availableWidth
                        ColumnLayout {
                            width: parent.width
                            spacing: 6
                            GridLayout {
                                columns: 2
                                Layout.fillWidth: true
                                Label { text: qsTr("Name") }
                                TextField { id: campaignName; objectName: "campaignName"; Layout.fillWidth: true; placeholderText: qsTr("e.g. 寒假专项检查") }
                                Label { text: qsTr("From") }
                                DeskDateField { id: campaignFrom }
                                Label { text: qsTr("To") }
                                DeskDateField { id: campaignTo; endOfDay: true }
                                Label { text: qsTr("Visits required") }
                                SpinBox { id: visits; from: 1; to: 20; value: 1 }
                                Label { text: qsTr("Note") }
                                TextField { id: campaignNote; Layout.fillWidth: true }
                            }
                            CheckBox { id: keyOnly; text: qsTr("Key targets only") }
                            Button {
                                objectName: "createCampaignButton"
                                text: qsTr("Create campaign")
                                highlighted: true
                                enabled: campaignFrom.ms > 0 && campaignTo.ms > 0
                                onClicked: page.createCampaign()
                            }
                        }
                    }
                }
            }
            // The lists
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                TabBar {
                    id: listTabs
                    Layout.fillWidth: true
                    TabButton { text: qsTr("Tasks (%1)").arg(tasks.count) }
                    TabButton { text: qsTr("Campaigns (%1)").arg(campaigns.count) }
                }
                StackLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    currentIndex: listTabs.currentIndex
                    ColumnLayout {
                        RowLayout {
                            Layout.fillWidth: true
                            TextField { Layout.fillWidth: true; placeholderText: qsTr("Search tasks"); onTextChanged: tasks.search = text }
                            ComboBox {
                                Layout.preferredWidth: 170
                                textRole: "label"; valueRole: "key"
                                model: [{ "key": "", "label": qsTr("Every kind") }, { "key": "routine", "label": qsTr("Routine") },
                                        { "key": "joint", "label": qsTr("Joint") }, { "key": "spot_check", "label": qsTr("Random spot check") },
                                        { "key": "complaint", "label": qsTr("Complaint follow-up") }, { "key": "reinspection", "label": qsTr("Re-inspection") }]
                                onActivated: tasks.kind = currentValue
                            }
                            CheckBox { text: qsTr("Show finished"); onToggled: tasks.status = checked ? "all" : "open" }
                        }
                        ListView {
                            id: taskList
                            objectName: "deskTaskList"
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            clip: true
                            spacing: 4
                            model: tasks
                            delegate: Pane {
                                required property var taskId
                                required property var title
                                required property var kindLabel
                                required property var status
                                required property var statusLabel
                                required property var finished
                                required property var covert
                                required property var overdue
                                required property var priority
                                required property var windowEnd
                                required property var assigneeNames
                                width: taskList.width
                                padding: 8
                                background: Rectangle { color: Style.card; radius: 6; border.color: overdue ? Style.fail : "#D0D0D0" }
                                RowLayout {
                                    anchors.fill: parent
                                    ColumnLayout {
                                        Layout.fillWidth: true
                                        spacing: 2
                                        Label { text: title; font.bold: true; color: Style.ink; elide: Text.ElideRight; Layout.fillWidth: true }
                                        Label {
                                            text: assigneeNames.join("、") + " · " + qsTr("due %1").arg(TimeFormat.display(windowEnd)) + " · P" + priority
                                            color: overdue ? Style.fail : Style.muted; font.pixelSize: 13; elide: Text.ElideRight; Layout.fillWidth: true
                                        }
                                        Flow {
                                            Layout.fillWidth: true
                                            spacing: 6
                                            Tag { text: kindLabel }
                                            Tag { text: statusLabel; tone: finished ? Style.pass : Style.warn }
                                            Tag { visible: covert; text: qsTr("Covert"); tone: Style.covert }
                                            Tag { visible: overdue; text: qsTr("Overdue"); tone: Style.fail }
                                        }
                                    }
                                    Button {
                                        visible: !finished && status === "open"
                                        text: qsTr("Cancel task"); flat: true; Material.foreground: Style.fail
                                        onClicked: notice.show(planner.cancelTask(taskId), qsTr("Task cancelled."))
                                    }
                                }
                            }
                            ScrollBar.vertical: ScrollBar {}
                            DeskListState { sync: page.sync; anchors.fill: parent; count: tasks.count; error: tasks.error; reading: tasks.loading; emptyText: qsTr("No tasks.") }
                        }
                    }
                    ListView {
                        id: campaignList
                        objectName: "campaignList"
                        clip: true
                        spacing: 4
                        model: campaigns
                        delegate: Pane {
                            required property var campaignId
                            required property var name
                            required property var start
                            required property var end
                            required property var visitsRequired
                            required property var keyTargetsOnly
                            required property var note
                            required property var running
                            required property var cancelled
                            width: campaignList.width
                            padding: 8
                            background: Rectangle { color: Style.card; radius: 6; border.color: running ? Style.primary : "#D0D0D0" }
                            RowLayout {
                                anchors.fill: parent
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    spacing: 2
                                    Label { text: name; font.bold: true; color: Style.ink }
                                    Label {
                                        text: Qt.formatDate(new Date(start), "yyyy-MM-dd") + " – " + Qt.formatDate(new Date(end), "yyyy-MM-dd")
                                              + " · " + qsTr("%n visit(s) each", "", visitsRequired)
                                              + (keyTargetsOnly ? " · " + qsTr("key targets only") : "")
                                        color: Style.muted; font.pixelSize: 13
                                    }
                                    Label { visible: note !== ""; text: note; wrapMode: Text.Wrap; Layout.fillWidth: true }
                                    Row {
                                        spacing: 6
                                        Tag { visible: running; text: qsTr("Running") }
                                        Tag { visible: cancelled; text: qsTr("Cancelled"); tone: Style.muted }
                                    }
                                }
                                Button {
                                    visible: !cancelled
                                    text: qsTr("Cancel campaign"); flat: true; Material.foreground: Style.fail
                                    onClicked: notice.show(planner.cancelCampaign(campaignId), qsTr("Campaign cancelled."))
                                }
                            }
                        }
                        ScrollBar.vertical: ScrollBar {}
                        DeskListState { sync: page.sync; anchors.fill: parent; count: campaigns.count; error: campaigns.error; reading: campaigns.loading; emptyText: qsTr("No campaigns yet.") }
                    }
                }
            }
        }
    }
}
