import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Not `pragma ComponentBehavior: Bound`: Qt 6.4 then refuses one of this page's inline components
// ("Cannot instantiate bound component outside its creation context"). The delegates still
// declare the roles they read as required properties.

// The sections of the signed-in role. A volunteer: Today, My zones, History, Me (bottom tabs on a
// phone, a side rail on a desktop). A coordinator, a supervisor or an admin: the desk screens of
// that role in a side rail, each built the first time it is opened.
Page {
    id: home
    required property AppSession app
    required property SyncController sync
    objectName: "homePage"
    property bool wide: false
    property alias currentIndex: tabs.currentIndex
    signal openInspection(string taskId)
    signal reportUnlisted()
    signal tasksShown(int count)

    readonly property bool desk: home.app.role === "coordinator" || home.app.role === "supervisor" || home.app.role === "admin"
    readonly property bool coordinates: home.app.role === "coordinator" || home.app.role === "admin"
    readonly property bool supervises: home.app.role === "supervisor" || home.app.role === "admin"
    // {key, title} of each desk screen, in rail order.
    readonly property var deskSections: {
        var s = []
        if (supervises) s.push({ "key": "review", "title": qsTr("Review") }, { "key": "cases", "title": qsTr("Cases") })
        if (coordinates)
            s.push({ "key": "registry", "title": qsTr("Registry") }, { "key": "zones", "title": qsTr("Zones (3包)") },
                   { "key": "tasks", "title": qsTr("Tasks and campaigns") }, { "key": "draw", "title": qsTr("Random draw") },
                   { "key": "people", "title": qsTr("People") })
        s.push({ "key": "complaints", "title": qsTr("Complaints") }, { "key": "coverage", "title": qsTr("Coverage") },
               { "key": "exports", "title": qsTr("Exports") }, { "key": "devices", "title": qsTr("Devices") })
        // The server's audit log: admins see all of it, supervisors its refused and conflicting entries.
        if (supervises) s.push({ "key": "audit", "title": qsTr("Audit log") })
        s.push({ "key": "me", "title": qsTr("Me") })
        return s
    }
    readonly property var sections: desk ? deskSections.map(function (s) { return s.title })
                                         : [qsTr("Today"), qsTr("My zones"), qsTr("History"), qsTr("Me")]
    // The rail index of a desk screen by key (-1 when this role has none).
    function sectionIndex(key) {
        for (var i = 0; i < deskSections.length; ++i) if (deskSections[i].key === key) return i
        return -1
    }

    footer: TabBar {
        id: tabs
        objectName: "tabs"
        visible: !home.wide && !home.desk
        Repeater {
            model: home.sections
            TabButton { required property int index; required property var modelData; objectName: "tab" + index; text: modelData; height: Style.touch + 8; font.pixelSize: 15 }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        ListView {
            id: rail
            objectName: "rail"
            visible: home.wide || home.desk
            Layout.preferredWidth: home.wide ? 200 : 150
            Layout.fillHeight: true
            model: home.sections
            currentIndex: tabs.currentIndex
            delegate: ItemDelegate {
                required property int index
                required property var modelData
                objectName: "rail" + index
                width: rail.width
                height: 56
                text: modelData
                font.pixelSize: 16
                highlighted: ListView.isCurrentItem
                onClicked: tabs.currentIndex = index
            }
        }
        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !home.desk
            active: !home.desk
            sourceComponent: StackLayout {
                id: sections
                currentIndex: tabs.currentIndex
                TodayPage {
                    app: home.app
                    onOpenInspection: (taskId) => home.openInspection(taskId)
                    onShown: (n) => home.tasksShown(n)
                }
                // The other sections are made the first time they are shown and kept from then
                // on: at start only Today reads the replica (a big one made every list at once).
                Loader {
                    // Set once, never bound: a binding that also kept it on would loop.
                    readonly property bool wanted: sections.currentIndex === 1
                    active: false
                    onWantedChanged: if (wanted) active = true
                    Component.onCompleted: if (wanted) active = true
                    sourceComponent: ZonesPage {
                        app: home.app
                        onOpenInspection: (taskId) => home.openInspection(taskId)
                        onReportUnlisted: home.reportUnlisted()
                    }
                }
                Loader {
                    // Set once, never bound: a binding that also kept it on would loop.
                    readonly property bool wanted: sections.currentIndex === 2
                    active: false
                    onWantedChanged: if (wanted) active = true
                    Component.onCompleted: if (wanted) active = true
                    sourceComponent: HistoryPage { app: home.app }
                }
                Loader {
                    // Set once, never bound: a binding that also kept it on would loop.
                    readonly property bool wanted: sections.currentIndex === 3
                    active: false
                    onWantedChanged: if (wanted) active = true
                    Component.onCompleted: if (wanted) active = true
                    sourceComponent: MePage { app: home.app; sync: home.sync }
                }
            }
        }
        // The desk screens, each made the first time it is shown and kept from then on (its lists
        // follow the replica). Made with createObject so the window owns them.
        Item {
            id: deskStack
            objectName: "deskStack"
            visible: home.desk
            Layout.fillWidth: true
            Layout.fillHeight: true
            property var pages: ({})
            function show(i) {
                if (!home.desk || i < 0 || i >= home.deskSections.length) return
                var key = home.deskSections[i].key
                if (!pages[key]) {
                    var page = home.deskPage(key).createObject(deskStack, { "width": deskStack.width, "height": deskStack.height })
                    page.anchors.fill = deskStack
                    pages[key] = page
                }
                for (var k in pages) pages[k].visible = (k === key)
            }
            Connections {
                target: tabs
                function onCurrentIndexChanged() { deskStack.show(tabs.currentIndex) }
            }
        }
    }

    function deskPage(key) {
        switch (key) {
        case "review": return reviewPage
        case "cases": return casesPage
        case "registry": return registryPage
        case "zones": return zonesPage
        case "tasks": return tasksPage
        case "draw": return drawPage
        case "complaints": return complaintsPage
        case "coverage": return coveragePage
        case "exports": return exportsPage
        case "devices": return devicesPage
        case "people": return peoplePage
        case "audit": return auditPage
        default: return mePage
        }
    }
    Component { id: reviewPage; DeskReviewPage { app: home.app; sync: home.sync } }
    Component { id: casesPage; DeskCasesPage { app: home.app; sync: home.sync } }
    Component { id: registryPage; DeskRegistryPage { app: home.app; sync: home.sync } }
    Component { id: zonesPage; DeskZonesPage { app: home.app; sync: home.sync } }
    Component { id: tasksPage; DeskTasksPage { app: home.app; sync: home.sync } }
    Component { id: drawPage; DeskDrawPage { app: home.app; sync: home.sync } }
    Component { id: complaintsPage; DeskComplaintsPage { app: home.app; sync: home.sync } }
    Component { id: coveragePage; DeskCoveragePage { app: home.app; sync: home.sync } }
    Component { id: exportsPage; DeskExportsPage { app: home.app; sync: home.sync } }
    Component { id: devicesPage; DeskDevicesPage { app: home.app; sync: home.sync } }
    Component { id: peoplePage; DeskPeoplePage { app: home.app; sync: home.sync } }
    Component { id: auditPage; DeskAuditPage { app: home.app; sync: home.sync } }
    Component { id: mePage; MePage { app: home.app; sync: home.sync } }

    // The start-up measure waits for the first screen; a desk has no task list to wait for.
    Component.onCompleted: if (home.desk) { deskStack.show(tabs.currentIndex); home.tasksShown(0) }
}
