pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Today: my open tasks, most urgent first.
Page {
    id: page
    required property AppSession app
    objectName: "todayPage"
    signal openInspection(string taskId)
    signal shown(int count)
    title: qsTr("Today")

    TaskListModel { id: tasks; session: page.app; objectName: "taskModel" }

    header: ToolBar {
        Material.background: Style.card
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 16
            Label {
                text: qsTr("Today") + " · " + page.app.userName
                font.pixelSize: 20; font.bold: true; color: Style.ink
                Layout.fillWidth: true; elide: Text.ElideRight
            }
            Label {
                visible: tasks.overdueCount > 0
                text: qsTr("%n overdue", "", tasks.overdueCount)
                color: Style.fail; font.bold: true; font.pixelSize: 15
                Layout.rightMargin: 12
            }
        }
    }

    ListView {
        id: list
        objectName: "taskList"
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        model: tasks
        clip: true
        delegate: TaskCard {
            required property var model
            required property var taskId
            objectName: "task_" + taskId
            title: model.title
            address: model.address
            kindLabel: model.kindLabel
            statusLabel: model.statusLabel
            covert: model.covert
            overdue: model.overdue
            hasDraft: model.hasDraft
            priority: model.priority
            due: model.due
            onClicked: page.openInspection(taskId)
        }
        footer: Item { width: 1; height: 12 }
    }

    Label {
        anchors.centerIn: parent
        width: parent.width - 48
        visible: tasks.count === 0
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: qsTr("No open tasks. New tasks arrive when the phone syncs.")
        color: Style.muted; font.pixelSize: 16
    }

    Component.onCompleted: page.shown(tasks.count)
}
