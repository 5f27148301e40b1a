pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// People (coordinator, admin): everyone in scope with their role, district, whether they are
// active and when their badge ends (highlighted under 30 days). Search, filter by district and by
// active / inactive; switch a person off or on again after a confirmation that says what follows,
// renew a badge, add or change the photo on it, change a role (admins), import people from a CSV file (every row's problem with
// its line, nothing imported until there is none). Coordinators reach their district's volunteers.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "deskPeoplePage"
    readonly property bool admin: page.app.role === "admin"
    property string pendingId: ""
    property string pendingName: ""
    property bool pendingActive: true   // the person's state before the switch asked for

    DeskPeopleModel { id: people; session: page.app; objectName: "deskPeopleModel" }
    DeskPeople { id: desk; session: page.app; objectName: "deskPeople" }

    function askSwitch(id, name, active) {
        pendingId = id
        pendingName = name
        pendingActive = active
        confirm.open()
    }
    function switchPerson(id, active) {
        var r = active ? desk.deactivate(id) : desk.reactivate(id)
        notice.show(r, r.message)
        return r
    }
    function renewBadge(id) {
        var r = desk.renewBadge(id)
        notice.show(r, r.message)
        return r
    }
    function askRole(id, name, role, districtId) {
        pendingId = id
        pendingName = name
        roleBox.currentIndex = Math.max(0, roleBox.indexOfValue(role))
        roleDistrict.currentIndex = Math.max(0, roleDistrict.indexOfValue(districtId))
        roleDialog.open()
    }
    function changeRole(id, role, districtId) {
        var r = desk.changeRole(id, role, districtId)
        notice.show(r, r.message)
        return r
    }
    // The picture file for pendingId's badge (made upright, at most 600 × 800, a JPEG under 1 MiB);
    // tests call it with a file URL.
    function setBadgePhoto(id, fileUrl) {
        var r = desk.setBadgePhoto(id, fileUrl)
        notice.show(r, r.message)
        return r
    }
    function removeBadgePhoto(id) {
        var r = desk.removeBadgePhoto(id)
        notice.show(r, r.message)
        return r
    }
    // The file dialog's result; tests call it with a file URL.
    function importCsv(fileUrl) {
        var r = desk.importCsv(fileUrl)
        notice.show(r, qsTr("Imported %n person(s). They sync when there is signal.", "", r.imported || 0))
        return r
    }

    header: DeskHeader {
        app: page.app
        title: qsTr("People")
        Button { objectName: "importPeopleButton"; text: qsTr("Import CSV"); onClicked: csvDialog.open() }
    }
    DeskFileDialog { id: csvDialog; onPicked: (url) => page.importCsv(url) }
    DeskFileDialog {
        id: photoDialog
        title: qsTr("A photo for %1's badge").arg(page.pendingName)
        nameFilters: [qsTr("Pictures") + " (*.jpg *.jpeg *.png)"]
        onPicked: (url) => page.setBadgePhoto(page.pendingId, url)
    }

    Dialog {
        id: confirm
        objectName: "switchPersonDialog"
        title: page.pendingActive ? qsTr("Switch off %1?").arg(page.pendingName) : qsTr("Switch %1 on again?").arg(page.pendingName)
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 40, 560)
        standardButtons: Dialog.NoButton
        contentItem: ColumnLayout {
            spacing: 6
            Label { text: qsTr("After this desk syncs:"); wrapMode: Text.Wrap; Layout.fillWidth: true; font.bold: true }
            Label {
                visible: page.pendingActive
                text: "• " + qsTr("Their phones are refused at their next contact with the server; what they had not sent stays on them.")
                wrapMode: Text.Wrap; Layout.fillWidth: true
            }
            Label {
                visible: page.pendingActive
                text: "• " + qsTr("Their badge check says the badge is not valid.")
                wrapMode: Text.Wrap; Layout.fillWidth: true
            }
            Label {
                visible: !page.pendingActive
                text: "• " + qsTr("Their phones work again, and their badge is valid again until it ends.")
                wrapMode: Text.Wrap; Layout.fillWidth: true
            }
            Label { text: qsTr("This can be undone here at any time."); color: Style.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
        }
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button {
                objectName: "confirmSwitchButton"
                text: page.pendingActive ? qsTr("Switch off") : qsTr("Switch on")
                highlighted: true
                Material.accent: page.pendingActive ? Style.fail : Style.primary
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: page.switchPerson(page.pendingId, page.pendingActive)
    }

    Dialog {
        id: roleDialog
        objectName: "changeRoleDialog"
        title: qsTr("Change the role of %1").arg(page.pendingName)
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 40, 480)
        standardButtons: Dialog.NoButton
        contentItem: ColumnLayout {
            spacing: 6
            Label { text: qsTr("Role"); color: Style.muted }
            ComboBox {
                id: roleBox
                objectName: "roleBox"
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "key"
                model: [{ "key": "volunteer", "label": qsTr("Volunteer") }, { "key": "coordinator", "label": qsTr("Coordinator") },
                        { "key": "supervisor", "label": qsTr("Supervisor") }, { "key": "admin", "label": qsTr("Admin") }]
            }
            Label { text: qsTr("District (volunteers and coordinators need one)"); color: Style.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
            ComboBox {
                id: roleDistrict
                objectName: "roleDistrict"
                Layout.fillWidth: true
                textRole: "name"
                valueRole: "id"
                model: [{ "id": "", "name": qsTr("None (city-wide)") }].concat(people.districts)
            }
            Label {
                text: qsTr("The person's phone takes the new role when it syncs.")
                color: Style.muted; wrapMode: Text.Wrap; Layout.fillWidth: true
            }
        }
        footer: DialogButtonBox {
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            Button { objectName: "confirmRoleButton"; text: qsTr("Change role"); highlighted: true; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        }
        onAccepted: page.changeRole(page.pendingId, roleBox.currentValue, roleDistrict.currentValue)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        DeskNotice { id: notice; app: page.app; objectName: "peopleNotice"; Layout.fillWidth: true }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                objectName: "peopleSearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search name, phone, school or district")
                onTextChanged: people.search = text
            }
            ComboBox {
                objectName: "peopleDistrictFilter"
                visible: page.admin
                Layout.preferredWidth: 170
                textRole: "name"
                valueRole: "id"
                model: [{ "id": "", "name": qsTr("All districts") }].concat(people.districts)
                onActivated: people.districtId = currentValue
            }
            ComboBox {
                objectName: "peopleStatusFilter"
                Layout.preferredWidth: 150
                textRole: "label"
                valueRole: "key"
                model: [{ "key": "all", "label": qsTr("Everyone") }, { "key": "active", "label": qsTr("Active") },
                        { "key": "inactive", "label": qsTr("Switched off") }]
                onActivated: people.status = currentValue
            }
        }
        ListView {
            id: list
            objectName: "peopleList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: people
            delegate: Pane {
                id: row
                required property var userId
                required property var name
                required property var role
                required property var roleLabel
                required property var districtId
                required property var districtName
                required property var phone
                required property var active
                required property var badgeValidUntil
                required property var badgeDaysLeft
                required property var badgeSoon
                required property var devices
                required property var lastContact
                required property var mine
                required property var photo
                // Coordinators act on their district's volunteers only; no one switches themselves off.
                readonly property bool reachable: !row.mine && (page.admin || row.role === "volunteer")
                width: list.width
                padding: 10
                opacity: row.active ? 1 : 0.7
                background: Rectangle { color: Style.card; radius: 6; border.color: "#D0D0D0" }
                RowLayout {
                    anchors.fill: parent
                    spacing: 12
                    // The badge photo, when this desk holds its file (the one who set it does).
                    Rectangle {
                        Layout.preferredWidth: 40; Layout.preferredHeight: 52
                        color: "#ECEFF1"; border.color: "#B0BEC5"
                        Image {
                            anchors.fill: parent
                            anchors.margins: 1
                            visible: row.photo !== ""
                            source: row.photo !== "" ? "image://ducha/blob/" + row.photo : ""
                            sourceSize.width: 80; sourceSize.height: 104
                            fillMode: Image.PreserveAspectCrop
                            asynchronous: true
                            Accessible.name: qsTr("Badge photo of %1").arg(row.name)
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 3
                        RowLayout {
                            Layout.fillWidth: true
                            Label { text: row.name; font.bold: true; font.pixelSize: 16; color: Style.ink }
                            Label {
                                text: row.roleLabel + (row.districtName !== "" ? " · " + row.districtName : "") + (row.phone !== "" ? " · " + row.phone : "")
                                color: Style.muted; elide: Text.ElideRight; Layout.fillWidth: true
                            }
                            Tag { visible: row.mine; text: qsTr("Me") }
                            Tag { objectName: "inactiveTag_" + row.userId; visible: !row.active; text: qsTr("Switched off"); tone: Style.fail }
                            Tag { objectName: "noPhotoTag_" + row.userId; visible: row.photo === "" && row.role !== "admin"; text: qsTr("No badge photo"); tone: Style.warn }
                        }
                        Label {
                            objectName: "badgeLabel_" + row.userId
                            text: (row.badgeValidUntil <= 0 ? qsTr("Badge has no end date: not valid")
                                   : row.badgeDaysLeft < 0 ? qsTr("Badge ended %1").arg(Qt.formatDate(new Date(row.badgeValidUntil), "yyyy-MM-dd"))
                                   : qsTr("Badge valid until %1").arg(Qt.formatDate(new Date(row.badgeValidUntil), "yyyy-MM-dd"))
                                     + (row.badgeSoon ? " · " + qsTr("expires in %n day(s)", "", row.badgeDaysLeft) : ""))
                                  + " · " + qsTr("%n device(s)", "", row.devices)
                                  + " · " + (row.lastContact > 0 ? qsTr("last contact %1").arg(TimeFormat.display(row.lastContact)) : qsTr("never synced"))
                            color: row.active && row.badgeSoon ? Style.warn : Style.muted
                            font.bold: row.active && row.badgeSoon
                            font.pixelSize: 13; wrapMode: Text.Wrap; Layout.fillWidth: true
                        }
                    }
                    Button {
                        objectName: "renewBadge_" + row.userId
                        visible: row.reachable
                        text: qsTr("Renew badge")
                        onClicked: page.renewBadge(row.userId)
                    }
                    Button {
                        objectName: "badgePhoto_" + row.userId
                        visible: row.reachable
                        text: row.photo === "" ? qsTr("Add badge photo") : qsTr("Change badge photo")
                        onClicked: { page.pendingId = row.userId; page.pendingName = row.name; photoDialog.open() }
                    }
                    Button {
                        objectName: "removePhoto_" + row.userId
                        visible: row.reachable && row.photo !== ""
                        flat: true
                        text: qsTr("Remove badge photo")
                        onClicked: page.removeBadgePhoto(row.userId)
                    }
                    Button {
                        objectName: "changeRole_" + row.userId
                        visible: page.admin && !row.mine
                        text: qsTr("Change role")
                        onClicked: page.askRole(row.userId, row.name, row.role, row.districtId)
                    }
                    Button {
                        objectName: "switchPerson_" + row.userId
                        visible: row.reachable
                        text: row.active ? qsTr("Switch off") : qsTr("Switch on")
                        onClicked: page.askSwitch(row.userId, row.name, row.active)
                    }
                }
            }
            ScrollBar.vertical: ScrollBar {}
            DeskListState {
                sync: page.sync; anchors.fill: parent; count: people.count; error: people.error; reading: people.loading
                emptyText: people.total === 0 ? qsTr("No people yet. Import a CSV file.") : qsTr("No one matches.")
            }
        }
    }
}
