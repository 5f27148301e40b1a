import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Not `pragma ComponentBehavior: Bound`: Qt 6.4 then refuses to create this ListView's header
// ("Cannot instantiate bound component outside its creation context"). The delegates still
// declare the roles they read as required properties.

// The checklist items of one step: pass / fail / not applicable, a note (required on fail) and
// photos (required on fail where the item says so).
ListView {
    id: root
    objectName: "checklistStep"
    property InspectionSession session
    property string step
    signal attachRequested(string itemCode)

    clip: true
    spacing: 10
    topMargin: 10; bottomMargin: 10
    model: ChecklistStepModel { id: items; objectName: "stepModel"; session: root.session; step: root.step }

    header: Label {
        width: root.width
        padding: 12
        text: qsTr("%1 of %2 answered").arg(items.answered).arg(items.count)
        color: Style.muted
    }

    delegate: Pane {
        required property var code
        required property var gloss
        required property var model
        required property var note
        required property var photoCount
        required property var photoOnFail
        required property var problem
        required property var result
        required property var severity
        required property var severityLabel
        id: item
        objectName: "item_" + code
        width: root.width - 20
        x: 10
        padding: 12
        background: Rectangle { color: Style.card; radius: 6; border.color: result === "fail" ? Style.fail : "#D0D0D0"; border.width: result === "fail" ? 2 : 1 }
        ColumnLayout {
            anchors.fill: parent
            spacing: 6
            RowLayout {
                Layout.fillWidth: true
                Label { text: code; font.bold: true; color: Style.primary }
                Tag { text: severityLabel; tone: severity === "critical" ? Style.fail : severity === "major" ? Style.warn : Style.muted }
                Item { Layout.fillWidth: true }
            }
            Label { text: model.text; wrapMode: Text.Wrap; font.pixelSize: 16; color: Style.ink; Layout.fillWidth: true }
            Label { text: gloss; wrapMode: Text.Wrap; font.pixelSize: 12; color: Style.muted; Layout.fillWidth: true }
            RowLayout {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: [["pass", qsTr("Pass"), Style.pass], ["fail", qsTr("Fail"), Style.fail], ["na", qsTr("N/A"), Style.muted]]
                    Button {
                        required property var modelData
                        objectName: "answer_" + item.code + "_" + modelData[0]
                        text: modelData[1]
                        // Not checkable: the answer lives in the session; tapping the chosen one clears it.
                        readonly property bool chosen: item.result === modelData[0]
                        highlighted: chosen
                        Material.accent: modelData[2]
                        Layout.fillWidth: true
                        Layout.preferredHeight: Style.touch
                        onClicked: root.session.setAnswer(item.code, chosen ? "" : modelData[0])
                    }
                }
            }
            TextArea {
                objectName: "note_" + code
                visible: result === "fail" || result === "na" || note !== ""
                Layout.fillWidth: true
                placeholderText: result === "fail" ? qsTr("What did you see? (required)")
                               : result === "na" ? qsTr("Why does it not apply? (required)") : qsTr("Note")
                text: note
                wrapMode: Text.Wrap
                onTextChanged: if (text !== note) root.session.setItemNote(code, text)
            }
            RowLayout {
                visible: result === "fail" || photoCount > 0
                Layout.fillWidth: true
                Button {
                    objectName: "photo_" + code
                    text: qsTr("Add photo") + (photoCount > 0 ? " (" + photoCount + ")" : "")
                    flat: true
                    onClicked: root.attachRequested(code)
                }
                Label { visible: photoOnFail && result === "fail"; text: qsTr("photo required"); color: Style.muted; font.pixelSize: 13 }
            }
            Label {
                objectName: "problem_" + code
                visible: problem !== ""
                text: problem
                color: Style.fail; font.pixelSize: 14
            }
        }
    }
}
