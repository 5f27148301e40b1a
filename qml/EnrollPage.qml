pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Ducha.Core

// Enrollment: type the code (or open a photo of the enrollment QR), see which server it is,
// confirm; then see whose account this phone now belongs to.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "enrollPage"
    signal done()
    // Enrolling this phone again (the server no longer knows it): same device, same user, everything
    // waiting on it kept. The page then shows the form although the phone is enrolled.
    property bool again: false
    property bool finished: false
    readonly property bool showResult: again ? finished : page.app.enrolled
    property var link: ({})
    property string error: ""
    property bool confirming: false

    function reset() {
        finished = false; confirming = false; error = ""
        linkField.text = ""; codeField.text = ""
    }
    function useLink(text) {
        var l = page.app.parseEnrollLink(text)
        if (l.error) { error = l.error; return false }
        serverField.text = l.server; codeField.text = l.code; pinField.text = l.pin
        error = ""; confirming = true
        return true
    }
    function useImage(fileUrl) {
        var l = page.app.readEnrollImage(fileUrl)
        if (l.error) { error = l.error; return false }
        serverField.text = l.server; codeField.text = l.code; pinField.text = l.pin
        error = ""; confirming = true
        return true
    }

    Connections {
        target: page.app
        function onEnrollFinished(ok, message) {
            if (ok) { confirming = false; error = ""; finished = true; page.sync.syncNow() } else { error = message; confirming = false }
        }
    }

    FileDialog {
        id: qrDialog
        title: qsTr("Open a photo of the enrollment QR code")
        nameFilters: [qsTr("Images") + " (*.png *.jpg *.jpeg)"]
        onAccepted: page.useImage(selectedFile)
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: Math.min(parent.width, 560)
            x: (parent.width - width) / 2
            spacing: 14
            Item { height: 24 }
            Label { text: "双减督查"; font.pixelSize: 30; font.bold: true; color: Style.primary; Layout.leftMargin: 20 }
            Label {
                text: page.again ? qsTr("Enroll this phone again with a new one-time code from your coordinator. It stays the same device for the same person and keeps everything waiting on it.")
                                 : qsTr("Set up this phone with the one-time code from your coordinator.")
                wrapMode: Text.Wrap; color: Style.ink; font.pixelSize: 16
                Layout.fillWidth: true; Layout.leftMargin: 20; Layout.rightMargin: 20
            }

            // After enrolling: whose account this is.
            Pane {
                visible: page.showResult
                Layout.fillWidth: true; Layout.margins: 16
                Material.elevation: 2
                ColumnLayout {
                    anchors.fill: parent
                    Label { text: qsTr("This phone is now enrolled"); font.bold: true; font.pixelSize: 18; color: Style.pass }
                    Label { objectName: "enrolledAs"; text: qsTr("Account: %1").arg(page.app.userName); font.pixelSize: 16 }
                    Label { text: qsTr("Role: %1").arg(page.app.role); font.pixelSize: 16 }
                    Label { text: qsTr("Server: %1").arg(page.app.serverUrl); font.pixelSize: 14; color: Style.muted; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
                    Button {
                        objectName: "enrollStartButton"
                        text: qsTr("Start")
                        highlighted: true
                        Layout.fillWidth: true
                        onClicked: page.done()
                    }
                }
            }

            ColumnLayout {
                visible: !page.showResult
                Layout.fillWidth: true; Layout.leftMargin: 20; Layout.rightMargin: 20
                spacing: 10
                Button {
                    objectName: "scanQrButton"
                    text: qsTr("Open enrollment QR image…")
                    icon.name: "camera-photo"
                    Layout.fillWidth: true
                    onClicked: qrDialog.open()
                }
                TextField {
                    id: linkField
                    objectName: "linkField"
                    placeholderText: qsTr("…or paste the enrollment link (ducha://enroll?…)")
                    Layout.fillWidth: true
                    onAccepted: page.useLink(text)
                }
                Label { text: qsTr("Server address"); color: Style.muted }
                TextField { id: serverField; objectName: "serverField"; placeholderText: "https://…"; Layout.fillWidth: true; inputMethodHints: Qt.ImhUrlCharactersOnly }
                Label { text: qsTr("Enrollment code"); color: Style.muted }
                TextField { id: codeField; objectName: "codeField"; font.pixelSize: 22; font.letterSpacing: 2; Layout.fillWidth: true; inputMethodHints: Qt.ImhNoPredictiveText }
                Label { text: qsTr("Server key pin (from the QR or your coordinator)"); color: Style.muted }
                TextField { id: pinField; objectName: "pinField"; placeholderText: "sha256//…"; Layout.fillWidth: true }

                Label {
                    objectName: "enrollError"
                    visible: page.error !== ""
                    text: page.error
                    color: Style.fail; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: 15
                }

                // Before redeeming the code: which server this phone is about to trust.
                Pane {
                    visible: page.confirming
                    Layout.fillWidth: true
                    background: Rectangle { color: Style.infoBg; radius: 6 }
                    ColumnLayout {
                        anchors.fill: parent
                        Label { text: qsTr("Enroll with this server?"); font.bold: true }
                        Label { objectName: "confirmServer"; text: serverField.text; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
                        Label { text: qsTr("Key pin: %1").arg(pinField.text || qsTr("none (system certificates)")); wrapMode: Text.WrapAnywhere; Layout.fillWidth: true; color: Style.muted; font.pixelSize: 12 }
                    }
                }
                Button {
                    objectName: "enrollButton"
                    text: page.app.busy ? qsTr("Enrolling…") : page.confirming ? qsTr("Confirm and enroll") : qsTr("Next")
                    highlighted: true
                    enabled: !page.app.busy && serverField.text !== "" && codeField.text !== ""
                    Layout.fillWidth: true
                    onClicked: {
                        if (!page.confirming) { page.confirming = true; return }
                        page.error = ""
                        page.app.enroll(serverField.text, codeField.text, pinField.text)
                    }
                }
                BusyIndicator { running: page.app.busy; visible: page.app.busy; Layout.alignment: Qt.AlignHCenter }
            }
            Item { height: 24 }
        }
    }
}
