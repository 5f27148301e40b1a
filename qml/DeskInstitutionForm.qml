pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Creates a registry entry or edits one (only the fields that changed are sent). The core's error
// stays in the form until the coordinator fixes it; success closes it.
Dialog {
    id: form
    objectName: "institutionForm"
    property string institutionId: ""   // empty: a new entry
    property var registry
    property var zones                  // a DeskZoneModel
    signal saved(string id, bool created)

    title: institutionId === "" ? qsTr("New institution") : qsTr("Edit institution")
    modal: true
    width: Math.min(parent ? parent.width - 40 : 640, 640)
    anchors.centerIn: parent
    standardButtons: Dialog.NoButton

    function openFor(id, row) {
        institutionId = id
        var r = row || {}
        name.text = r.name || ""
        address.text = r.address || ""
        community.text = r.community || ""
        category.editText = r.category || ""
        licenceNo.text = r.licenceNo || ""
        phone.text = r.phone || ""
        lat.text = r.lat !== undefined && r.lat !== null ? String(r.lat) : ""
        lon.text = r.lon !== undefined && r.lon !== null ? String(r.lon) : ""
        licensed.checked = !!r.licensed
        academic.checked = !!r.academic
        keyTarget.checked = !!r.keyTarget
        zone.currentIndex = Math.max(0, zone.indexOfValue(r.zoneId || ""))
        error.text = ""
        open()
    }
    function fields() {
        return { "name": name.text, "address": address.text, "community": community.text, "category": category.editText,
                 "licenceNo": licenceNo.text, "phone": phone.text, "lat": lat.text, "lon": lon.text,
                 "licensed": licensed.checked, "academic": academic.checked, "keyTarget": keyTarget.checked,
                 "zoneId": zone.currentValue || "" }
    }
    function save() {
        var r = institutionId === "" ? registry.create(fields()) : registry.update(institutionId, fields())
        if (!r.ok) { error.text = r.message; return r }
        saved(r.id, institutionId === "")
        close()
        return r
    }

    contentItem: ScrollView {
        contentWidth: availableWidth
        implicitHeight: Math.min(grid.implicitHeight + error.implicitHeight + 20, 520)
        ColumnLayout {
            width: parent.width
            GridLayout {
                id: grid
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 12
                Label { text: qsTr("Name") + " *" }
                TextField { id: name; objectName: "formName"; Layout.fillWidth: true }
                Label { text: qsTr("Address") + " *" }
                TextField { id: address; objectName: "formAddress"; Layout.fillWidth: true }
                Label { text: qsTr("Community") }
                TextField { id: community; Layout.fillWidth: true }
                Label { text: qsTr("Zone") }
                ComboBox {
                    id: zone
                    Layout.fillWidth: true
                    textRole: "label"
                    valueRole: "key"
                    model: {
                        var m = [{ "key": "", "label": qsTr("(no zone)") }]
                        for (var i = 0; form.zones && i < form.zones.count; ++i) {
                            var z = form.zones.get(i)
                            m.push({ "key": z.zoneId, "label": z.name })
                        }
                        return m
                    }
                }
                Label { text: qsTr("Category") }
                ComboBox {
                    id: category
                    Layout.fillWidth: true
                    editable: true
                    model: ["学科类", "艺术类", "体育类", "科技类", "托管", "其他"]
                }
                Label { text: qsTr("Licence no.") }
                TextField { id: licenceNo; Layout.fillWidth: true }
                Label { text: qsTr("Phone") }
                TextField { id: phone; Layout.fillWidth: true; inputMethodHints: Qt.ImhDialableCharactersOnly }
                Label { text: qsTr("Latitude, longitude") }
                RowLayout {
                    TextField { id: lat; Layout.fillWidth: true; placeholderText: "41.11"; inputMethodHints: Qt.ImhFormattedNumbersOnly }
                    TextField { id: lon; Layout.fillWidth: true; placeholderText: "122.99"; inputMethodHints: Qt.ImhFormattedNumbersOnly }
                }
                Item { width: 1; height: 1 }
                Flow {
                    Layout.fillWidth: true
                    spacing: 8
                    CheckBox { id: licensed; text: qsTr("Licensed") }
                    CheckBox { id: academic; text: qsTr("Academic (学科类)") }
                    CheckBox { id: keyTarget; text: qsTr("Key target") }
                }
            }
            Label { id: error; objectName: "institutionFormError"; visible: text !== ""; color: Style.fail; wrapMode: Text.Wrap; Layout.fillWidth: true }
        }
    }
    footer: DialogButtonBox {
        Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
        Button { objectName: "formSave"; text: qsTr("Save"); highlighted: true; onClicked: form.save() }
        onRejected: form.close()
    }
}
