pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// One institution: what the registry says, its open tasks for me, and when I last inspected it.
Page {
    id: page
    required property AppSession app
    objectName: "institutionPage"
    property string institutionId
    signal back()
    signal openInspection(string taskId)

    InstitutionListModel { id: all; session: page.app }
    readonly property var inst: all.byId(institutionId)
    TaskListModel { id: tasks; session: page.app; institutionId: page.institutionId }

    header: ToolBar {
        Material.background: Style.card
        RowLayout {
            anchors.fill: parent
            ToolButton { objectName: "institutionBack"; text: "‹ " + qsTr("Back"); onClicked: page.back() }
            Label { text: inst.name || ""; font.pixelSize: 18; font.bold: true; color: Style.ink; elide: Text.ElideRight; Layout.fillWidth: true }
        }
    }
    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: parent.width
            spacing: 10
            Pane {
                Layout.fillWidth: true; Layout.margins: 10
                Material.elevation: 1
                GridLayout {
                    anchors.fill: parent
                    columns: 2
                    columnSpacing: 12; rowSpacing: 8
                    Label { text: qsTr("Address"); color: Style.muted }
                    Label { text: inst.address || ""; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    Label { text: qsTr("Community"); color: Style.muted }
                    Label { text: inst.community || "—" }
                    Label { text: qsTr("Zone"); color: Style.muted }
                    Label { text: inst.zoneName || "—" }
                    Label { text: qsTr("Category"); color: Style.muted }
                    Label { text: (inst.category || "—") + (inst.academic ? " · " + qsTr("academic") : "") }
                    Label { text: qsTr("Licence"); color: Style.muted }
                    Label { text: inst.licensed ? (inst.licenceNo || qsTr("Licensed")) : qsTr("Unlicensed"); color: inst.licensed ? Style.pass : Style.fail; font.bold: true }
                    Label { text: qsTr("Complaints"); color: Style.muted }
                    Label { text: String(inst.complaints || 0) }
                    Label { text: qsTr("Past violations"); color: Style.muted }
                    Label { text: String(inst.pastViolations || 0) }
                    Label { text: qsTr("Last inspected"); color: Style.muted }
                    Label { text: inst.lastInspected > 0 ? TimeFormat.display(inst.lastInspected) : qsTr("never inspected by me") }
                }
            }
            Label { text: qsTr("My tasks here"); font.bold: true; font.pixelSize: 16; Layout.leftMargin: 12 }
            Repeater {
                model: tasks
                TaskCard {
                    required property var model
                    Layout.fillWidth: true; Layout.leftMargin: 10; Layout.rightMargin: 10
                    title: model.title; address: model.kindLabel; kindLabel: model.kindLabel; statusLabel: model.statusLabel
                    covert: model.covert; overdue: model.overdue; hasDraft: model.hasDraft; priority: model.priority; due: model.due
                    onClicked: page.openInspection(model.taskId)
                }
            }
            Label {
                visible: tasks.count === 0
                text: qsTr("No open task here. Found a problem? Your coordinator can assign a visit.")
                wrapMode: Text.Wrap; color: Style.muted; Layout.fillWidth: true; Layout.leftMargin: 12; Layout.rightMargin: 12
            }
        }
    }
}
