pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// One task in a list: what, where, kind, due; overdue ones in red, covert ones marked (暗访).
ItemDelegate {
    id: card
    property string title
    property string address
    property string kindLabel
    property string statusLabel
    property bool covert
    property bool overdue
    property bool hasDraft
    property int priority: 3
    property real due: 0

    width: ListView.view ? ListView.view.width : implicitWidth
    padding: 12
    contentItem: ColumnLayout {
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label { text: card.title; font.pixelSize: 17; font.bold: true; color: Style.ink; elide: Text.ElideRight; Layout.fillWidth: true }
            Tag { visible: card.priority <= 2; text: qsTr("P%1").arg(card.priority); tone: Style.fail }
        }
        Label { text: card.address; color: Style.muted; font.pixelSize: 14; elide: Text.ElideRight; Layout.fillWidth: true }
        Flow {
            Layout.fillWidth: true
            spacing: 6
            Tag { text: card.kindLabel }
            Tag { visible: card.covert; text: qsTr("Covert visit"); tone: Style.covert }
            Tag { visible: card.overdue; text: qsTr("Overdue"); tone: Style.fail }
            Tag { visible: card.hasDraft; text: qsTr("Draft saved"); tone: Style.warn }
            Tag { text: card.statusLabel; tone: Style.muted }
            Label {
                visible: card.due > 0
                text: qsTr("due %1").arg(TimeFormat.display(card.due))
                color: card.overdue ? Style.fail : Style.muted
                font.pixelSize: 13
                topPadding: 3
            }
        }
    }
    background: Rectangle {
        color: card.down ? "#E0E0E0" : Style.card
        border.color: card.overdue ? Style.fail : "#D0D0D0"
        border.width: card.overdue ? 2 : 1
        radius: 6
    }
}
