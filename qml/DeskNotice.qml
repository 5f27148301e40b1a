pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// The outcome of the last action on a desk screen: what was done, or the core's error message
// (bilingual, as the core words it). It stays until closed or replaced by the next outcome.
Rectangle {
    id: notice
    required property AppSession app
    property bool ok: true
    property string text: ""
    property var details: []   // lines under the message (e.g. a CSV file's row errors)
    visible: text !== ""
    implicitHeight: visible ? body.implicitHeight + 16 : 0
    radius: 6
    color: ok ? Style.okBg : Style.errorBg
    border.color: ok ? Style.pass : Style.fail

    // Shows an action's {ok, message} result; `success` is what to say when it worked.
    function show(result, success) {
        ok = !!result.ok
        details = result.errors ? result.errors.map(function (e) { return qsTr("line %1: %2").arg(e.line).arg(e.message) }) : []
        text = ok ? (success || qsTr("Done.")) : (result.message || qsTr("Failed."))
        return ok
    }
    function clear() { text = ""; details = [] }
    // An outcome worded in the other language would stay behind: a new language starts clean.
    Connections { target: notice.app; function onLanguageChanged() { notice.clear() } }

    RowLayout {
        id: body
        anchors.fill: parent
        anchors.margins: 8
        spacing: 8
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                objectName: notice.objectName + "Text"
                text: notice.text
                color: notice.ok ? Style.pass : Style.fail
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Repeater {
                model: notice.details
                Label { required property var modelData; text: modelData; color: Style.fail; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: 13 }
            }
        }
        ToolButton { text: "✕"; onClicked: notice.clear(); Layout.alignment: Qt.AlignTop }
    }
}
