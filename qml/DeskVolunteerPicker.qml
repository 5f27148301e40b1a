pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Chooses volunteers of the district: one, or several (a joint task, a complaint follow-up).
ColumnLayout {
    id: picker
    required property AppSession app
    property SyncController sync: null
    property bool multiple: true
    property var selected: []   // user ids
    property string zoneId: ""
    readonly property int selectedCount: selected.length
    spacing: 4

    function clear() { selected = [] }
    function toggle(id, on) {
        var s = multiple ? selected.slice() : []
        var at = s.indexOf(id)
        if (on && at < 0) s.push(id)
        if (!on && at >= 0) s.splice(at, 1)
        selected = s
    }

    DeskVolunteerModel { id: vols; session: picker.app; zoneId: picker.zoneId }

    TextField {
        Layout.fillWidth: true
        placeholderText: qsTr("Search volunteers")
        onTextChanged: vols.search = text
    }
    ListView {
        id: list
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 120
        clip: true
        model: vols
        delegate: CheckDelegate {
            required property var userId
            required property var name
            required property var zoneNames
            width: list.width
            text: name + (zoneNames.length > 0 ? " · " + zoneNames.join("、") : "")
            checked: picker.selected.indexOf(userId) >= 0
            onToggled: picker.toggle(userId, checked)
        }
        ScrollBar.vertical: ScrollBar {}
        DeskListState {
            sync: picker.sync
            anchors.fill: parent
            count: vols.count
            error: vols.error
            reading: vols.loading
            emptyText: qsTr("No active volunteers in this district.")
        }
    }
}
