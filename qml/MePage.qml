pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Me: my badge, the language, this device and the details of its sync.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "mePage"
    header: ToolBar {
        Material.background: Style.card
        Label { anchors.fill: parent; anchors.leftMargin: 16; verticalAlignment: Text.AlignVCenter; text: qsTr("Me"); font.pixelSize: 20; font.bold: true; color: Style.ink }
    }
    ScrollView {
        id: scroll
        anchors.fill: parent
        // The content takes the width the view is given; so the view's own implicit width must not
        // come from the content (Page → ScrollView → content → Page was a binding loop).
        implicitWidth: 0
        contentWidth: availableWidth
        ColumnLayout {
            width: scroll.availableWidth
            spacing: 12
            BadgeView { app: page.app; Layout.alignment: Qt.AlignHCenter; Layout.topMargin: 12 }
            Pane {
                Layout.fillWidth: true; Layout.margins: 10
                GridLayout {
                    anchors.fill: parent
                    columns: 2
                    columnSpacing: 12
                    Label { text: qsTr("Language"); color: Style.muted }
                    RowLayout {
                        Button { objectName: "langZh"; text: "中文"; highlighted: page.app.language === "zh"; onClicked: page.app.language = "zh" }
                        Button { objectName: "langEn"; text: "English"; highlighted: page.app.language === "en"; onClicked: page.app.language = "en" }
                    }
                    Label { text: qsTr("Role"); color: Style.muted }
                    Label { text: page.app.role }
                    Label { text: qsTr("Server"); color: Style.muted }
                    Label { text: page.app.serverUrl; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
                    Label { text: qsTr("Device"); color: Style.muted }
                    Label { text: page.app.deviceId; font.pixelSize: 12; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
                    Label { text: qsTr("Last contact"); color: Style.muted }
                    Label { text: page.sync.lastContact > 0 ? TimeFormat.display(page.sync.lastContact) : qsTr("never") }
                    Label { text: qsTr("Last complete sync"); color: Style.muted }
                    Label { text: page.sync.lastCompleteSync > 0 ? TimeFormat.display(page.sync.lastCompleteSync) : qsTr("never") }
                    Label { text: qsTr("Waiting"); color: Style.muted }
                    Label { text: qsTr("%1 changes, %2 photos").arg(page.sync.pendingChanges).arg(page.sync.pendingPhotos) }
                    Label { text: qsTr("Last problem"); color: Style.muted }
                    Label { text: page.sync.lastError || "—"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                }
            }
            // After a server restore the server may not know this phone any more (sync says "enroll
            // again"): a new code brings the same device back with everything still waiting on it.
            Pane {
                Layout.fillWidth: true; Layout.margins: 10
                ColumnLayout {
                    anchors.fill: parent
                    Label { text: qsTr("Enroll this phone again"); font.bold: true }
                    Label {
                        text: qsTr("Only when sync says the server does not know this device: ask your coordinator for a new code. Nothing waiting on this phone is lost.")
                        wrapMode: Text.Wrap; Layout.fillWidth: true; color: Style.muted
                    }
                    Button { objectName: "enrollAgainButton"; text: qsTr("Enter a new code…"); onClicked: enrollAgain.open() }
                }
            }
        }
    }
    Popup {
        id: enrollAgain
        objectName: "enrollAgainPopup"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width : 600, 600)
        height: parent ? parent.height * 0.9 : 700
        modal: true
        padding: 0
        onAboutToShow: againForm.reset()  // a fresh form each time it opens
        EnrollPage {
            id: againForm
            objectName: "enrollAgainPage"
            anchors.fill: parent
            app: page.app; sync: page.sync; again: true
            onDone: enrollAgain.close()
        }
    }
}
