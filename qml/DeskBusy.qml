pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ducha.Core

// A desk facade's work in progress (an export being written, a history or a draw being read off
// the GUI thread): a spinner and what is being done, shown while `running`.
RowLayout {
    property bool running: false
    property string text: qsTr("Working…")
    visible: running
    spacing: 8
    BusyIndicator { running: parent.running; implicitWidth: 28; implicitHeight: 28 }
    Label { text: parent.text; color: Style.muted; font.pixelSize: 14; Layout.fillWidth: true; wrapMode: Text.Wrap }
}
