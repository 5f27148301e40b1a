import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Me: my badge, the language, this device and the details of its sync.
Page {
    id: page
    objectName: "mePage"
    header: ToolBar {
        Material.background: Style.card
        Label { anchors.fill: parent; anchors.leftMargin: 16; verticalAlignment: Text.AlignVCenter; text: qsTr("Me"); font.pixelSize: 20; font.bold: true; color: Style.ink }
    }
    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: parent.width
            spacing: 12
            BadgeView { Layout.alignment: Qt.AlignHCenter; Layout.topMargin: 12 }
            Pane {
                Layout.fillWidth: true; Layout.margins: 10
                GridLayout {
                    anchors.fill: parent
                    columns: 2
                    columnSpacing: 12
                    Label { text: qsTr("Language"); color: Style.muted }
                    RowLayout {
                        Button { objectName: "langZh"; text: "中文"; highlighted: App.language === "zh"; onClicked: App.language = "zh" }
                        Button { objectName: "langEn"; text: "English"; highlighted: App.language === "en"; onClicked: App.language = "en" }
                    }
                    Label { text: qsTr("Role"); color: Style.muted }
                    Label { text: App.role }
                    Label { text: qsTr("Server"); color: Style.muted }
                    Label { text: App.serverUrl; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
                    Label { text: qsTr("Device"); color: Style.muted }
                    Label { text: App.deviceId; font.pixelSize: 12; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
                    Label { text: qsTr("Last contact"); color: Style.muted }
                    Label { text: Sync.lastContact > 0 ? App.formatTime(Sync.lastContact) : qsTr("never") }
                    Label { text: qsTr("Last complete sync"); color: Style.muted }
                    Label { text: Sync.lastCompleteSync > 0 ? App.formatTime(Sync.lastCompleteSync) : qsTr("never") }
                    Label { text: qsTr("Waiting"); color: Style.muted }
                    Label { text: qsTr("%1 changes, %2 photos").arg(Sync.pendingChanges).arg(Sync.pendingPhotos) }
                    Label { text: qsTr("Last problem"); color: Style.muted }
                    Label { text: Sync.lastError || "—"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                }
            }
        }
    }
}
