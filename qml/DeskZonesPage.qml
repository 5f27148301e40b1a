pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Zones and 3包 (coordinator): the zones with their communities and volunteers, a new zone, one
// volunteer's bindings (assign to a zone or institutions, move to another zone, undo a binding),
// and the institutions nobody covers yet, which can be given to the chosen volunteer in bulk.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "deskZonesPage"
    property string selectedUser: ""
    property int revision: 0
    readonly property var volunteer: { revision; return vols.byId(selectedUser) }
    property var checkedInstitutions: []

    DeskZoneModel { id: zones; session: page.app; objectName: "deskZoneModel" }
    DeskVolunteerModel { id: vols; session: page.app; objectName: "deskVolunteerModel"; onCountChanged: page.revision++ }
    DeskInstitutionModel { id: unassigned; session: page.app; objectName: "deskUnassignedModel"; filter: "unassigned" }
    DeskZones { id: planner; session: page.app; objectName: "deskZones" }

    function zoneChoices() {
        var m = []
        for (var i = 0; i < zones.count; ++i) m.push({ "key": zones.get(i).zoneId, "label": zones.get(i).name })
        return m
    }
    function toggleInstitution(id, on) {
        var s = checkedInstitutions.slice()
        var at = s.indexOf(id)
        if (on && at < 0) s.push(id)
        if (!on && at >= 0) s.splice(at, 1)
        checkedInstitutions = s
    }

    header: DeskHeader { app: page.app; title: qsTr("Zones (3包)") }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        DeskNotice { id: notice; app: page.app; objectName: "zonesNotice"; Layout.fillWidth: true }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            // Zones, and a new one
            ColumnLayout {
                Layout.preferredWidth: 300
                Layout.minimumWidth: 300
                Layout.maximumWidth: 300
                Layout.fillWidth: false
                Layout.fillHeight: true
                spacing: 6
                DeskSectionTitle { text: qsTr("Zones (%1)").arg(zones.count) }
                ListView {
                    id: zoneList
                    objectName: "zoneList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 4
                    model: zones
                    delegate: Pane {
                        required property var name
                        required property var communities
                        required property var institutionCount
                        required property var volunteerNames
                        width: zoneList.width
                        padding: 8
                        background: Rectangle { color: Style.card; radius: 6; border.color: "#D0D0D0" }
                        ColumnLayout {
                            anchors.fill: parent
                            spacing: 2
                            Label { text: name; font.bold: true; color: Style.ink; Layout.fillWidth: true; elide: Text.ElideRight }
                            Label { text: communities.join("、") || qsTr("(no communities)"); color: Style.muted; font.pixelSize: 13; wrapMode: Text.Wrap; Layout.fillWidth: true }
                            Label {
                                text: qsTr("%n institution(s)", "", institutionCount) + " · "
                                      + (volunteerNames.length > 0 ? volunteerNames.join("、") : qsTr("no volunteer"))
                                color: volunteerNames.length > 0 ? Style.primary : Style.fail
                                font.pixelSize: 13; wrapMode: Text.Wrap; Layout.fillWidth: true
                            }
                        }
                    }
                    ScrollBar.vertical: ScrollBar {}
                    DeskListState { sync: page.sync; anchors.fill: parent; count: zones.count; error: zones.error; reading: zones.loading; emptyText: qsTr("No zones yet.") }
                }
                Pane {
                    Layout.fillWidth: true
                    padding: 8
                    background: Rectangle { color: Style.infoBg; radius: 6 }
                    ColumnLayout {
                        anchors.fill: parent
                        Label { text: qsTr("New zone"); font.bold: true }
                        TextField { id: zoneName; objectName: "zoneNameField"; Layout.fillWidth: true; placeholderText: qsTr("Zone name") }
                        TextArea { id: zoneCommunities; Layout.fillWidth: true; placeholderText: qsTr("Communities, one per line or separated by 、") }
                        Button {
                            objectName: "createZoneButton"
                            text: qsTr("Create zone")
                            onClicked: {
                                if (notice.show(planner.createZone(zoneName.text, zoneCommunities.text), qsTr("Zone created."))) {
                                    zoneName.text = ""
                                    zoneCommunities.text = ""
                                }
                            }
                        }
                    }
                }
            }
            // Volunteers
            ColumnLayout {
                Layout.preferredWidth: 300
                Layout.minimumWidth: 300
                Layout.maximumWidth: 300
                Layout.fillWidth: false
                Layout.fillHeight: true
                spacing: 6
                DeskSectionTitle { text: qsTr("Volunteers (%1)").arg(vols.count) }
                TextField { Layout.fillWidth: true; placeholderText: qsTr("Search volunteers"); onTextChanged: vols.search = text }
                ListView {
                    id: volList
                    objectName: "volunteerList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 4
                    model: vols
                    delegate: ItemDelegate {
                        required property var userId
                        required property var name
                        required property var zoneNames
                        required property var institutionIds
                        width: volList.width
                        padding: 8
                        highlighted: userId === page.selectedUser
                        onClicked: page.selectedUser = userId
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label { text: name; font.bold: true; color: Style.ink }
                            Label {
                                text: (zoneNames.length > 0 ? zoneNames.join("、") : qsTr("no zone"))
                                      + " · " + qsTr("%n institution(s)", "", institutionIds.length)
                                color: zoneNames.length > 0 ? Style.muted : Style.fail
                                font.pixelSize: 13; elide: Text.ElideRight; Layout.fillWidth: true
                            }
                        }
                        background: Rectangle { color: parent.highlighted ? Style.infoBg : Style.card; radius: 6; border.color: "#D0D0D0" }
                    }
                    ScrollBar.vertical: ScrollBar {}
                    DeskListState { sync: page.sync; anchors.fill: parent; count: vols.count; error: vols.error; reading: vols.loading; emptyText: qsTr("No active volunteers in this district.") }
                }
            }
            // The chosen volunteer's bindings, and what nobody covers
            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: availableWidth
                ColumnLayout {
                    width: parent.width
                    spacing: 8
                    Label {
                        visible: page.selectedUser === ""
                        text: qsTr("Choose a volunteer to assign zones and institutions.")
                        color: Style.muted; wrapMode: Text.Wrap; Layout.fillWidth: true
                    }
                    ColumnLayout {
                        visible: page.selectedUser !== ""
                        Layout.fillWidth: true
                        spacing: 6
                        DeskSectionTitle { text: page.volunteer.name || "" }
                        Label { text: qsTr("Zones"); font.bold: true }
                        Repeater {
                            model: (page.volunteer.zoneIds || []).length
                            RowLayout {
                                required property int index
                                Layout.fillWidth: true
                                Label { text: page.volunteer.zoneNames[index]; Layout.fillWidth: true }
                                Button {
                                    text: qsTr("Remove"); flat: true; Material.foreground: Style.fail
                                    onClicked: notice.show(planner.unassign(page.volunteer.zoneAssignmentIds[index]), qsTr("Binding removed."))
                                }
                            }
                        }
                        RowLayout {
                            ComboBox { id: assignZone; Layout.preferredWidth: 200; textRole: "label"; valueRole: "key"; model: { zones.count; return page.zoneChoices() } }
                            Button {
                                objectName: "assignZoneButton"
                                text: qsTr("Assign to zone")
                                enabled: assignZone.currentIndex >= 0
                                onClicked: notice.show(planner.assignZone(page.selectedUser, assignZone.currentValue), qsTr("Assigned to %1.").arg(assignZone.currentText))
                            }
                        }
                        RowLayout {
                            Label { text: qsTr("Move from") }
                            ComboBox {
                                id: moveFrom
                                Layout.preferredWidth: 160
                                textRole: "label"; valueRole: "key"
                                model: {
                                    var m = [], v = page.volunteer
                                    for (var i = 0; v.zoneIds && i < v.zoneIds.length; ++i) m.push({ "key": v.zoneIds[i], "label": v.zoneNames[i] })
                                    return m
                                }
                            }
                            Label { text: qsTr("to") }
                            ComboBox { id: moveTo; Layout.preferredWidth: 160; textRole: "label"; valueRole: "key"; model: { zones.count; return page.zoneChoices() } }
                            Button {
                                objectName: "moveVolunteerButton"
                                text: qsTr("Move")
                                enabled: moveFrom.currentIndex >= 0 && moveTo.currentIndex >= 0
                                onClicked: notice.show(planner.moveVolunteer(page.selectedUser, moveFrom.currentValue, moveTo.currentValue),
                                                       qsTr("Moved to %1.").arg(moveTo.currentText))
                            }
                        }
                        Label { text: qsTr("Institutions (包机构)"); font.bold: true }
                        Label { visible: (page.volunteer.institutionIds || []).length === 0; text: qsTr("None bound by name."); color: Style.muted }
                        Repeater {
                            model: (page.volunteer.institutionIds || []).length
                            RowLayout {
                                required property int index
                                Layout.fillWidth: true
                                Label { text: page.volunteer.institutionNames[index]; Layout.fillWidth: true; elide: Text.ElideRight }
                                Button {
                                    text: qsTr("Remove"); flat: true; Material.foreground: Style.fail
                                    onClicked: notice.show(planner.unassign(page.volunteer.institutionAssignmentIds[index]), qsTr("Binding removed."))
                                }
                            }
                        }
                    }
                    DeskSectionTitle { text: qsTr("Not covered by anyone (%1)").arg(unassigned.count) }
                    RowLayout {
                        Layout.fillWidth: true
                        TextField { Layout.fillWidth: true; placeholderText: qsTr("Search institutions"); onTextChanged: unassigned.search = text }
                        Button {
                            objectName: "bulkAssignButton"
                            text: qsTr("Assign %n to the volunteer", "", page.checkedInstitutions.length)
                            enabled: page.selectedUser !== "" && page.checkedInstitutions.length > 0
                            onClicked: {
                                var ids = page.checkedInstitutions
                                var r = ids.length === 1 ? planner.assignInstitution(page.selectedUser, ids[0]) : planner.bulkAssign(page.selectedUser, ids)
                                if (notice.show(r, qsTr("%n institution(s) assigned to %1.", "", ids.length).arg(page.volunteer.name)))
                                    page.checkedInstitutions = []
                            }
                        }
                    }
                    ListView {
                        id: unassignedList
                        objectName: "unassignedList"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 320
                        clip: true
                        model: unassigned
                        delegate: CheckDelegate {
                            required property var institutionId
                            required property var name
                            required property var address
                            required property var keyTarget
                            width: unassignedList.width
                            text: name + " · " + address + (keyTarget ? " · " + qsTr("Key target") : "")
                            checked: page.checkedInstitutions.indexOf(institutionId) >= 0
                            onToggled: page.toggleInstitution(institutionId, checked)
                        }
                        ScrollBar.vertical: ScrollBar {}
                        DeskListState { sync: page.sync; anchors.fill: parent; count: unassigned.count; error: unassigned.error; reading: unassigned.loading; emptyText: qsTr("Every institution has a volunteer (全覆盖).") }
                    }
                }
            }
        }
    }
}
