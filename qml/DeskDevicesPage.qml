pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Devices (coordinator, supervisor, admin): each phone in scope with its owner, its last contact,
// what it had not sent, its app version and whether it is revoked. An admin revokes a lost or
// replaced phone here, after a confirmation that says what follows.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "deskDevicesPage"
    readonly property bool admin: page.app.role === "admin"
    property string pendingId: ""
    property string pendingLabel: ""

    DeskDeviceModel { id: devices; session: page.app; objectName: "deskDeviceModel" }
    DeskDevices { id: desk; session: page.app; objectName: "deskDevices" }

    function askRevoke(id, label) {
        pendingId = id
        pendingLabel = label
        confirm.open()
    }
    function revoke(id) {
        var r = desk.revoke(id)
        notice.show(r, r.message)
        return r
    }

    header: DeskHeader { app: page.app; title: qsTr("Devices") }

    Dialog {
        id: confirm
        objectName: "revokeDeviceDialog"
        title: qsTr("Revoke %1?").arg(page.pendingLabel)
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 40, 560)
        standardButtons: Dialog.NoButton
        contentItem: ColumnLayout {
            spacing: 6
            Label {
                text: qsTr("Use this for a phone that was lost or replaced. After this desk syncs:")
                wrapMode: Text.Wrap; Layout.fillWidth: true; font.bold: true
            }
            Label { text: "• " + qsTr("The phone stops working at its next contact with the server."); wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: "• " + qsTr("What it had not sent stays on it and is not received."); wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: "• " + qsTr("The badge shown on it is no longer valid: its owner's badge gets a new code."); wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: "• " + qsTr("The person enrolls a replacement phone with a new enrollment code."); wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: qsTr("This cannot be undone."); color: Style.fail; wrapMode: Text.Wrap; Layout.fillWidth: true }
        }
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button {
                objectName: "confirmRevokeButton"
                text: qsTr("Revoke")
                highlighted: true
                Material.accent: Style.fail
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: page.revoke(page.pendingId)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        DeskNotice { id: notice; app: page.app; objectName: "devicesNotice"; Layout.fillWidth: true }
        TextField { Layout.fillWidth: true; placeholderText: qsTr("Search person, device or app version"); onTextChanged: devices.search = text }
        ListView {
            id: list
            objectName: "deviceList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: devices
            delegate: Pane {
                id: row
                required property var deviceId
                required property var userName
                required property var name
                required property var outboxDepth
                required property var photosPending
                required property var lastContact
                required property var appVersion
                required property var revoked
                required property var mine
                width: list.width
                padding: 10
                opacity: revoked ? 0.7 : 1
                background: Rectangle { color: Style.card; radius: 6; border.color: "#D0D0D0" }
                RowLayout {
                    anchors.fill: parent
                    spacing: 12
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 3
                        RowLayout {
                            Layout.fillWidth: true
                            Label { text: row.userName; font.bold: true; font.pixelSize: 16; color: Style.ink }
                            Label { text: row.name || qsTr("(unnamed device)"); color: Style.muted; elide: Text.ElideRight; Layout.fillWidth: true }
                            Tag { visible: row.mine; text: qsTr("This device") }
                            Tag { objectName: "revokedTag_" + row.deviceId; visible: row.revoked; text: qsTr("Revoked"); tone: Style.fail }
                        }
                        Label {
                            text: (row.lastContact > 0 ? qsTr("Last contact %1").arg(TimeFormat.display(row.lastContact)) : qsTr("Never synced"))
                                  + " · " + qsTr("%n change(s) waiting", "", row.outboxDepth)
                                  + " · " + qsTr("%n photo(s) waiting", "", row.photosPending)
                                  + (row.appVersion !== "" ? " · " + qsTr("app %1").arg(row.appVersion) : "")
                            color: row.outboxDepth > 0 || row.photosPending > 0 ? Style.warn : Style.muted
                            font.pixelSize: 13; wrapMode: Text.Wrap; Layout.fillWidth: true
                        }
                    }
                    Button {
                        objectName: "revokeDevice_" + row.deviceId
                        visible: page.admin && !row.revoked && !row.mine
                        text: qsTr("Revoke")
                        onClicked: page.askRevoke(row.deviceId, row.userName + (row.name !== "" ? " · " + row.name : ""))
                    }
                }
            }
            ScrollBar.vertical: ScrollBar {}
            DeskListState { sync: page.sync; anchors.fill: parent; count: devices.count; error: devices.error; reading: devices.loading; emptyText: qsTr("No devices in scope.") }
        }
    }
}
