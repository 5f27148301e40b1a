pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// S8: photos of the visit, what the volunteer told the site, and (open visits) the on-site signature.
ScrollView {
    id: root
    property InspectionSession session
    signal attachRequested(string itemCode)
    contentWidth: availableWidth
    ColumnLayout {
        width: parent.width
        spacing: 10
        Label { text: qsTr("Photos"); font.bold: true; font.pixelSize: 16; Layout.leftMargin: 12; Layout.topMargin: 12 }
        Flow {
            Layout.fillWidth: true; Layout.leftMargin: 12; Layout.rightMargin: 12
            spacing: 8
            Repeater {
                model: session.photos
                Rectangle {
                    required property var modelData
                    width: 104; height: 128; color: Style.card; border.color: "#D0D0D0"; radius: 4
                    Image { x: 2; y: 2; width: 100; height: 100; fillMode: Image.PreserveAspectCrop; source: modelData.source; sourceSize.width: 200; asynchronous: false }
                    Label { y: 104; x: 4; text: modelData.itemCode || qsTr("visit"); font.pixelSize: 12; color: Style.muted }
                    ToolButton { anchors.right: parent.right; anchors.top: parent.top; text: "✕"; onClicked: session.removePhoto(modelData.sha256) }
                }
            }
            Button { objectName: "addVisitPhoto"; text: qsTr("Add photo"); height: 56; onClicked: root.attachRequested("") }
        }
        Label {
            visible: session.lastError !== ""
            text: session.lastError; color: Style.fail; wrapMode: Text.Wrap; Layout.fillWidth: true; Layout.leftMargin: 12
        }
        Label { text: qsTr("Notes for the reviewer"); font.bold: true; font.pixelSize: 16; Layout.leftMargin: 12 }
        TextArea {
            objectName: "visitNotes"
            Layout.fillWidth: true; Layout.leftMargin: 12; Layout.rightMargin: 12
            placeholderText: qsTr("What you told the site, anything the reviewer should know")
            text: session.notes
            wrapMode: Text.Wrap
            onTextChanged: if (text !== session.notes) session.notes = text
        }
        Label {
            visible: !session.covert
            text: qsTr("On-site signature (person in charge)")
            font.bold: true; font.pixelSize: 16; Layout.leftMargin: 12
        }
        SignaturePad {
            id: pad
            visible: !session.covert
            Layout.fillWidth: true; Layout.leftMargin: 12; Layout.rightMargin: 12
            Layout.preferredHeight: 220
            strokes: session.signatureStrokes
            onStrokesEdited: (s) => session.setSignature(s, pad.width, pad.height)
        }
        RowLayout {
            visible: !session.covert
            Layout.leftMargin: 12
            Button { objectName: "clearSignature"; text: qsTr("Clear signature"); flat: true; onClicked: pad.clear() }
            Label { text: session.hasSignature ? qsTr("Signed") : qsTr("Not signed yet"); color: session.hasSignature ? Style.pass : Style.warn }
        }
        Label {
            visible: session.covert
            text: qsTr("Covert visit: no signature is taken.")
            color: Style.covert; Layout.leftMargin: 12
        }
        Item { height: 20 }
    }
}
