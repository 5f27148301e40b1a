pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// An institution found in the field that is not in the registry (黑机构): its details come first.
ScrollView {
    id: root
    property InspectionSession session
    contentWidth: availableWidth
    function set(key, value) { var s = Object.assign({}, session.site); s[key] = value; session.site = s }
    ColumnLayout {
        width: parent.width
        spacing: 8
        Label {
            text: qsTr("Report a training site that is not in the registry. It is flagged for a supervisor.")
            wrapMode: Text.Wrap; font.pixelSize: 16; Layout.fillWidth: true; Layout.margins: 12
        }
        Label { text: qsTr("Name (as on the door or sign)"); color: Style.muted; Layout.leftMargin: 12 }
        TextField { objectName: "siteName"; text: session.site.name || ""; Layout.fillWidth: true; Layout.leftMargin: 12; Layout.rightMargin: 12; onEditingFinished: root.set("name", text) }
        Label { text: qsTr("Address"); color: Style.muted; Layout.leftMargin: 12 }
        TextField { objectName: "siteAddress"; text: session.site.address || ""; Layout.fillWidth: true; Layout.leftMargin: 12; Layout.rightMargin: 12; onEditingFinished: root.set("address", text) }
        Label { text: qsTr("Community"); color: Style.muted; Layout.leftMargin: 12 }
        TextField { objectName: "siteCommunity"; text: session.site.community || ""; Layout.fillWidth: true; Layout.leftMargin: 12; Layout.rightMargin: 12; onEditingFinished: root.set("community", text) }
        Label { text: qsTr("What is taught"); color: Style.muted; Layout.leftMargin: 12 }
        TextField { objectName: "siteCategory"; text: session.site.category || ""; placeholderText: "学科类 / 艺术类 / 托管 …"; Layout.fillWidth: true; Layout.leftMargin: 12; Layout.rightMargin: 12; onEditingFinished: root.set("category", text) }
        CheckBox { objectName: "siteAcademic"; text: qsTr("Academic subjects (学科类)"); checked: session.site.academic || false; Layout.leftMargin: 12; onToggled: root.set("academic", checked) }
    }
}
