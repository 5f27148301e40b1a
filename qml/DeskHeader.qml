pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// The top bar of a desk screen: its title, the district (or the whole city), and its actions.
ToolBar {
    id: bar
    required property AppSession app
    property string title
    default property alias actions: row.data
    Material.background: Style.card
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 8
        spacing: 8
        Label { text: bar.title; font.pixelSize: 20; font.bold: true; color: Style.ink }
        Label {
            text: bar.app.districtName !== "" ? bar.app.districtName : qsTr("City-wide")
            color: Style.muted; font.pixelSize: 15
            Layout.fillWidth: true; elide: Text.ElideRight
        }
        RowLayout { id: row; spacing: 6 }
    }
}
