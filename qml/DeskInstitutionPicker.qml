pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Chooses one institution of the registry by searching its name, address or community.
ColumnLayout {
    id: picker
    required property AppSession app
    property SyncController sync: null
    property string selectedId: ""
    property string selectedName: ""
    property string filter: "all"
    property string excludeId: ""
    spacing: 4

    function clear() { selectedId = ""; selectedName = ""; search.text = "" }

    DeskInstitutionModel { id: insts; session: picker.app; filter: picker.filter }

    TextField {
        id: search
        Layout.fillWidth: true
        placeholderText: qsTr("Search institutions")
        onTextChanged: insts.search = text
    }
    Label {
        visible: picker.selectedId !== ""
        text: qsTr("Chosen: %1").arg(picker.selectedName)
        color: Style.primary; font.bold: true
        Layout.fillWidth: true; elide: Text.ElideRight
    }
    ListView {
        id: list
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 120
        clip: true
        model: insts
        delegate: ItemDelegate {
            required property var institutionId
            required property var name
            required property var address
            width: list.width
            visible: institutionId !== picker.excludeId
            height: visible ? implicitHeight : 0
            highlighted: institutionId === picker.selectedId
            text: name + " · " + address
            onClicked: { picker.selectedId = institutionId; picker.selectedName = name }
        }
        ScrollBar.vertical: ScrollBar {}
        DeskListState {
            sync: picker.sync
            anchors.fill: parent
            count: insts.count
            error: insts.error
            reading: insts.loading
            emptyText: qsTr("No institution matches.")
        }
    }
}
