import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// The four sections: Today, My zones, History, Me. Bottom tabs on a phone, a side rail on a desktop.
Page {
    id: home
    objectName: "homePage"
    property bool wide: false
    property alias currentIndex: tabs.currentIndex
    signal openInspection(string taskId)
    signal reportUnlisted()
    signal tasksShown(int count)

    readonly property var sections: [qsTr("Today"), qsTr("My zones"), qsTr("History"), qsTr("Me")]

    footer: TabBar {
        id: tabs
        objectName: "tabs"
        visible: !home.wide
        Repeater {
            model: home.sections
            TabButton { objectName: "tab" + index; text: modelData; height: Style.touch + 8; font.pixelSize: 15 }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        ListView {
            id: rail
            visible: home.wide
            Layout.preferredWidth: 200
            Layout.fillHeight: true
            model: home.sections
            currentIndex: tabs.currentIndex
            delegate: ItemDelegate {
                width: rail.width
                height: 56
                text: modelData
                font.pixelSize: 16
                highlighted: ListView.isCurrentItem
                onClicked: tabs.currentIndex = index
            }
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex
            TodayPage {
                onOpenInspection: (taskId) => home.openInspection(taskId)
                onShown: (n) => home.tasksShown(n)
            }
            ZonesPage {
                id: zones
                onOpenInspection: (taskId) => home.openInspection(taskId)
                onReportUnlisted: home.reportUnlisted()
            }
            HistoryPage {}
            MePage {}
        }
    }
}
