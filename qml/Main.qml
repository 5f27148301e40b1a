pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// The phone layout is the default window (390×844); from 900 px wide the desktop layout puts the
// sections in a side rail. An inspection left open reopens where it was.
ApplicationWindow {
    id: win
    required property AppSession app
    required property SyncController sync
    objectName: "mainWindow"
    width: 390
    height: 844
    visible: true
    title: qsTr("Ducha inspection") + " · 双减督查"
    Material.theme: Material.Light
    Material.primary: Style.primary
    Material.accent: Style.primary
    color: Style.page

    readonly property bool wide: width >= 900
    // Coordinators, supervisors and admins work at a desk: their screens open in the wide layout.
    readonly property bool deskRole: win.app.role === "coordinator" || win.app.role === "supervisor" || win.app.role === "admin"
    function fitRole() {
        if (deskRole && width < 900) { width = 1280; height = 800 }
    }
    // Read by the start-up benchmark: the task list is on screen with its rows.
    property bool interactive: false
    property int taskCount: 0

    header: SyncBanner { sync: win.sync; visible: win.app.enrolled }

    StackView {
        id: stack
        objectName: "stack"
        anchors.fill: parent
        initialItem: win.app.enrolled ? homeComponent : enrollComponent
    }

    Component { id: enrollComponent; EnrollPage { app: win.app; sync: win.sync; onDone: { win.fitRole(); stack.replace(null, homeComponent) } } }
    Component {
        id: homeComponent
        HomePage {
            app: win.app
            sync: win.sync
            wide: win.wide
            onOpenInspection: (taskId) => win.openInspection(taskId, false)
            onReportUnlisted: win.openInspection("", true)
            onTasksShown: (n) => { win.taskCount = n; win.interactive = true }
        }
    }
    Component { id: inspectComponent; InspectPage { app: win.app; sync: win.sync; onClosed: stack.pop() } }

    function openInspection(taskId, unlisted, immediate) {
        stack.push(inspectComponent, { "taskId": taskId, "unlisted": unlisted },
                   immediate ? StackView.Immediate : StackView.PushTransition)
    }

    Component.onCompleted: {
        if (!win.app.enrolled) { interactive = true; return }
        fitRole()
        var open = win.app.openInspection
        // Reopened after being closed or killed mid-inspection: straight back to it, no animation.
        if (open.startsWith("task:")) openInspection(open.substring(5), false, true)
        else if (open === "unlisted") openInspection("", true, true)
        win.sync.syncNow()
    }

    Dialog {
        id: storageDialog
        objectName: "storageErrorDialog"
        anchors.centerIn: parent
        modal: true
        title: qsTr("Storage problem")
        standardButtons: Dialog.Ok
        Label { text: win.app.storageError; wrapMode: Text.Wrap; width: win.width * 0.8 }
    }
    Connections { target: win.app; function onStorageErrorChanged() { if (win.app.storageError) storageDialog.open() } }
}
