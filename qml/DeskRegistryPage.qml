pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Registry (coordinator): the district's institutions with search and filters; one entry's
// details, flags, edit form and history; field-reported sites taken in or merged; CSV import.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "deskRegistryPage"
    property string selectedId: ""
    property int revision: 0   // bumps when the list re-reads, so the details follow
    readonly property var selected: { revision; return insts.byId(selectedId) }
    // The chosen entry's history, read off the GUI thread whenever the entry or the list changes.
    readonly property var history: registry.history
    onSelectedIdChanged: registry.readHistory(selectedId)
    onRevisionChanged: registry.readHistory(selectedId)

    DeskInstitutionModel { id: insts; session: page.app; objectName: "deskInstitutionModel"; onCountChanged: page.revision++ }
    DeskZoneModel { id: zones; session: page.app }
    DeskRegistry { id: registry; session: page.app; objectName: "deskRegistry" }

    // The file dialog's result; tests call it with a file URL.
    function importCsv(fileUrl) {
        var r = registry.importCsv(fileUrl)
        notice.show(r, qsTr("Imported %n institution(s).", "", r.imported || 0))
        return r
    }
    function setFlag(which, value) {
        var r = registry.setFlag(selectedId, which, value)
        notice.show(r, qsTr("Saved. It syncs when there is signal."))
        revision++
        return r
    }

    header: DeskHeader {
        app: page.app
        title: qsTr("Registry")
        Button { objectName: "newInstitutionButton"; text: qsTr("New institution"); highlighted: true; onClicked: form.openFor("", {}) }
        Button { objectName: "importCsvButton"; text: qsTr("Import CSV"); onClicked: csvDialog.open() }
    }
    DeskFileDialog { id: csvDialog; onPicked: (url) => page.importCsv(url) }
    DeskInstitutionForm {
        id: form
        registry: registry
        zones: zones
        onSaved: (id, created) => {
            notice.show({ "ok": true }, created ? qsTr("Institution created.") : qsTr("Changes saved."))
            page.selectedId = id
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        DeskNotice { id: notice; app: page.app; objectName: "registryNotice"; Layout.fillWidth: true }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            // The list
            ColumnLayout {
                Layout.preferredWidth: 460
                Layout.minimumWidth: 460
                Layout.maximumWidth: 460
                Layout.fillWidth: false
                Layout.fillHeight: true
                spacing: 6
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        objectName: "registrySearch"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Search name, address, community or licence")
                        onTextChanged: insts.search = text
                    }
                    ComboBox {
                        objectName: "registryFilter"
                        Layout.preferredWidth: 170
                        textRole: "label"
                        valueRole: "key"
                        model: [{ "key": "all", "label": qsTr("All") }, { "key": "licensed", "label": qsTr("Licensed") },
                                { "key": "unlicensed", "label": qsTr("Unlicensed") }, { "key": "academic", "label": qsTr("Academic") },
                                { "key": "key_target", "label": qsTr("Key targets") },
                                { "key": "field_reported", "label": qsTr("Reported in field") },
                                { "key": "unassigned", "label": qsTr("Not covered (3包)") }]
                        onActivated: insts.filter = currentValue
                    }
                }
                Label { text: qsTr("%1 of %2 institutions").arg(insts.count).arg(insts.total); color: Style.muted; font.pixelSize: 13 }
                ListView {
                    id: list
                    objectName: "registryList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 4
                    model: insts
                    delegate: ItemDelegate {
                        required property var institutionId
                        required property var name
                        required property var address
                        required property var zoneName
                        required property var licensed
                        required property var academic
                        required property var keyTarget
                        required property var fieldReported
                        required property var unassigned
                        width: list.width
                        padding: 8
                        highlighted: institutionId === page.selectedId
                        onClicked: page.selectedId = institutionId
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label { text: name; font.bold: true; font.pixelSize: 15; color: Style.ink; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: address + (zoneName ? " · " + zoneName : ""); color: Style.muted; font.pixelSize: 13; elide: Text.ElideRight; Layout.fillWidth: true }
                            Flow {
                                Layout.fillWidth: true
                                spacing: 6
                                Tag { text: licensed ? qsTr("Licensed") : qsTr("Unlicensed"); tone: licensed ? Style.pass : Style.fail }
                                Tag { visible: academic; text: qsTr("Academic"); tone: Style.primary }
                                Tag { visible: keyTarget; text: qsTr("Key target"); tone: Style.fail }
                                Tag { visible: fieldReported; text: qsTr("Reported in field"); tone: Style.covert }
                                Tag { visible: unassigned && !fieldReported; text: qsTr("Not covered"); tone: Style.warn }
                            }
                        }
                        background: Rectangle { color: parent.highlighted ? Style.infoBg : Style.card; radius: 6; border.color: "#D0D0D0" }
                    }
                    ScrollBar.vertical: ScrollBar {}
                    DeskListState {
                        sync: page.sync
                        anchors.fill: parent
                        count: insts.count
                        error: insts.error
                        reading: insts.loading
                        emptyText: insts.total === 0 ? qsTr("No institutions yet. Create one or import a CSV file.") : qsTr("No institution matches.")
                    }
                }
            }
            // The chosen entry
            Pane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                padding: 12
                background: Rectangle { color: Style.card; radius: 6; border.color: "#D0D0D0" }
                Label {
                    anchors.centerIn: parent
                    visible: page.selectedId === ""
                    text: qsTr("Choose an institution to see its details and history.")
                    color: Style.muted
                }
                ScrollView {
                    anchors.fill: parent
                    visible: page.selectedId !== ""
                    contentWidth: availableWidth
                    ColumnLayout {
                        width: parent.width
                        spacing: 8
                        RowLayout {
                            Layout.fillWidth: true
                            Label { text: page.selected.name || ""; font.pixelSize: 20; font.bold: true; color: Style.ink; Layout.fillWidth: true; wrapMode: Text.Wrap }
                            Button { objectName: "editInstitutionButton"; text: qsTr("Edit"); onClicked: form.openFor(page.selectedId, page.selected) }
                        }
                        GridLayout {
                            Layout.fillWidth: true
                            columns: 2
                            columnSpacing: 12
                            Label { text: qsTr("Address"); color: Style.muted }
                            Label { text: page.selected.address || ""; wrapMode: Text.Wrap; Layout.fillWidth: true }
                            Label { text: qsTr("Community"); color: Style.muted }
                            Label { text: page.selected.community || "—" }
                            Label { text: qsTr("Zone"); color: Style.muted }
                            Label { text: page.selected.zoneName || qsTr("(no zone)") }
                            Label { text: qsTr("Category"); color: Style.muted }
                            Label { text: page.selected.category || "—" }
                            Label { text: qsTr("Licence no."); color: Style.muted }
                            Label { text: page.selected.licenceNo || "—" }
                            Label { text: qsTr("Phone"); color: Style.muted }
                            Label { text: page.selected.phone || "—" }
                            Label { text: qsTr("Complaints"); color: Style.muted }
                            Label { text: String(page.selected.complaints || 0) }
                            Label { text: qsTr("Past violations"); color: Style.muted }
                            Label { text: String(page.selected.pastViolations || 0) }
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 12
                            Switch {
                                objectName: "licensedSwitch"
                                text: qsTr("Licensed")
                                checked: !!page.selected.licensed
                                onToggled: { page.setFlag("licensed", checked); checked = Qt.binding(function () { return !!page.selected.licensed }) }
                            }
                            Switch {
                                objectName: "academicSwitch"
                                text: qsTr("Academic")
                                checked: !!page.selected.academic
                                onToggled: { page.setFlag("academic", checked); checked = Qt.binding(function () { return !!page.selected.academic }) }
                            }
                            Switch {
                                text: qsTr("Key target")
                                checked: !!page.selected.keyTarget
                                onToggled: { page.setFlag("keyTarget", checked); checked = Qt.binding(function () { return !!page.selected.keyTarget }) }
                            }
                        }
                        // A site a volunteer found in the field: take it in, or merge it into the entry it duplicates.
                        Pane {
                            visible: !!page.selected.fieldReported
                            Layout.fillWidth: true
                            background: Rectangle { color: Style.warnBg; radius: 6 }
                            ColumnLayout {
                                anchors.fill: parent
                                DeskSectionTitle { text: qsTr("Reported in the field") }
                                Label { text: qsTr("A volunteer found this site. Take it into the registry, or merge it into the entry it duplicates."); wrapMode: Text.Wrap; Layout.fillWidth: true }
                                RowLayout {
                                    ComboBox {
                                        id: takeZone
                                        Layout.preferredWidth: 220
                                        textRole: "label"
                                        valueRole: "key"
                                        model: {
                                            var m = [{ "key": "", "label": qsTr("(no zone)") }]
                                            for (var i = 0; i < zones.count; ++i) m.push({ "key": zones.get(i).zoneId, "label": zones.get(i).name })
                                            return m
                                        }
                                    }
                                    Button {
                                        objectName: "takeInButton"
                                        text: qsTr("Take into registry")
                                        onClicked: notice.show(registry.takeIn(page.selectedId, takeZone.currentValue || ""), qsTr("Taken into the registry."))
                                    }
                                }
                                Label { text: qsTr("Merge into…"); font.bold: true }
                                DeskInstitutionPicker {
                                    id: mergeTarget
                                    app: page.app
                                    sync: page.sync
                                    Layout.fillWidth: true
                                    Layout.preferredHeight: 220
                                    excludeId: page.selectedId
                                }
                                Button {
                                    objectName: "mergeButton"
                                    text: qsTr("Merge")
                                    enabled: mergeTarget.selectedId !== ""
                                    onClicked: {
                                        var into = mergeTarget.selectedId
                                        if (notice.show(registry.mergeInto(page.selectedId, into), qsTr("Merged into %1.").arg(mergeTarget.selectedName))) {
                                            mergeTarget.clear()
                                            page.selectedId = into
                                        }
                                    }
                                }
                            }
                        }
                        DeskSectionTitle { text: qsTr("History") }
                        DeskBusy { objectName: "historyBusy"; running: registry.historyLoading; text: qsTr("Reading the history…"); Layout.fillWidth: true }
                        Label {
                            visible: !page.history.ok
                            text: page.history.message || ""
                            color: Style.fail; wrapMode: Text.Wrap; Layout.fillWidth: true
                        }
                        Label {
                            visible: page.history.ok && !registry.historyLoading && (page.history.entries || []).length === 0
                            text: qsTr("No tasks, reports, cases or complaints yet.")
                            color: Style.muted
                        }
                        Repeater {
                            model: page.history.entries || []
                            RowLayout {
                                required property var modelData
                                Layout.fillWidth: true
                                spacing: 8
                                Label { text: TimeFormat.display(modelData.at); color: Style.muted; font.pixelSize: 13; Layout.preferredWidth: 90 }
                                Tag { text: modelData.kindLabel }
                                Label { text: modelData.text + (modelData.status ? " · " + modelData.status : ""); wrapMode: Text.Wrap; Layout.fillWidth: true }
                            }
                        }
                    }
                }
            }
        }
    }
}
