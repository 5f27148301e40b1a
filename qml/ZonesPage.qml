pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// My zones (3包): my areas and communities, then the institutions in them with search and filters.
Page {
    id: page
    required property AppSession app
    objectName: "zonesPage"
    signal openInspection(string taskId)
    signal reportUnlisted()

    function openInstitution(id) { inner.push(detailComponent, { "institutionId": id }) }

    ZoneListModel { id: zones; session: page.app; objectName: "zoneModel" }
    InstitutionListModel { id: institutions; session: page.app; objectName: "institutionModel" }

    StackView {
        id: inner
        objectName: "zonesStack"
        anchors.fill: parent
        initialItem: listPage
    }
    Component {
        id: detailComponent
        InstitutionPage {
            app: page.app
            onBack: inner.pop()
            onOpenInspection: (taskId) => page.openInspection(taskId)
        }
    }

    Page {
        id: listPage
        header: ToolBar {
            Material.background: Style.card
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 16
                Label { text: qsTr("My zones"); font.pixelSize: 20; font.bold: true; color: Style.ink; Layout.fillWidth: true }
                Button {
                    objectName: "reportUnlistedButton"
                    text: qsTr("Report unlisted site")
                    flat: true
                    Material.foreground: Style.fail
                    onClicked: page.reportUnlisted()
                }
            }
        }
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 10
            spacing: 8
            ListView {
                id: zoneList
                objectName: "zoneList"
                Layout.fillWidth: true
                Layout.preferredHeight: zones.count > 0 ? 92 : 0
                orientation: ListView.Horizontal
                spacing: 8
                clip: true
                model: zones
                delegate: ItemDelegate {
                    required property var zoneId
                    required property var name
                    required property var communities
                    required property var institutionCount
                    required property var assigned
                    width: 200
                    height: 88
                    highlighted: institutions.zoneId === zoneId
                    onClicked: institutions.zoneId = (institutions.zoneId === zoneId ? "" : zoneId)
                    contentItem: ColumnLayout {
                        spacing: 2
                        Label { text: name; font.bold: true; font.pixelSize: 15; elide: Text.ElideRight; Layout.fillWidth: true; color: Style.ink }
                        Label { text: communities.join("、"); color: Style.muted; font.pixelSize: 12; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label { text: qsTr("%n institution(s)", "", institutionCount) + (assigned ? " · " + qsTr("my area") : ""); font.pixelSize: 13; color: Style.primary }
                    }
                    background: Rectangle { radius: 6; color: parent.highlighted ? Style.infoBg : Style.card; border.color: "#D0D0D0" }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                TextField {
                    objectName: "institutionSearch"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Search name, address or community")
                    onTextChanged: institutions.search = text
                }
                ComboBox {
                    id: filterBox
                    objectName: "institutionFilter"
                    Layout.preferredWidth: 150
                    textRole: "label"
                    valueRole: "key"
                    model: [{ "key": "all", "label": qsTr("All") }, { "key": "licensed", "label": qsTr("Licensed") },
                            { "key": "unlicensed", "label": qsTr("Unlicensed") }, { "key": "key_target", "label": qsTr("Key targets") },
                            { "key": "never_inspected", "label": qsTr("Not inspected") },
                            { "key": "field_reported", "label": qsTr("Reported in field") }]
                    onActivated: institutions.filter = currentValue
                }
            }
            Label {
                text: qsTr("%1 of %2 institutions").arg(institutions.count).arg(institutions.total)
                color: Style.muted; font.pixelSize: 13
            }
            ListView {
                id: instList
                objectName: "institutionList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 6
                model: institutions
                delegate: ItemDelegate {
                    required property var institutionId
                    required property var name
                    required property var address
                    required property var community
                    required property var licensed
                    required property var keyTarget
                    required property var complaints
                    required property var fieldReported
                    required property var lastInspected
                    objectName: "inst_" + institutionId
                    width: instList.width
                    padding: 10
                    onClicked: page.openInstitution(institutionId)
                    contentItem: ColumnLayout {
                        spacing: 3
                        Label { text: name; font.pixelSize: 16; font.bold: true; color: Style.ink; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label { text: address + (community ? " · " + community : ""); color: Style.muted; font.pixelSize: 13; elide: Text.ElideRight; Layout.fillWidth: true }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 6
                            Tag { text: licensed ? qsTr("Licensed") : qsTr("Unlicensed"); tone: licensed ? Style.pass : Style.fail }
                            Tag { visible: keyTarget; text: qsTr("Key target"); tone: Style.fail }
                            Tag { visible: complaints > 0; text: qsTr("%n complaint(s)", "", complaints); tone: Style.warn }
                            Tag { visible: fieldReported; text: qsTr("Reported in field"); tone: Style.covert }
                            Label {
                                text: lastInspected > 0 ? qsTr("last inspected %1").arg(TimeFormat.display(lastInspected)) : qsTr("never inspected by me")
                                color: Style.muted; font.pixelSize: 13; topPadding: 3
                            }
                        }
                    }
                    background: Rectangle { color: parent.down ? "#E0E0E0" : Style.card; radius: 6; border.color: "#D0D0D0" }
                }
            }
        }
    }
}
