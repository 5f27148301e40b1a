pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Ducha.Core

// What a desk list shows when it has no rows: the read error, "loading" while the list is read
// (its `loading`, on the desk reader's thread) or while the first sync brings the records, or why
// it is empty. Anchor it over the list.
Label {
    property SyncController sync: null   // the app's; without it there is no "loading" state
    property int count: 0
    property string error: ""
    property bool reading: false         // the list's `loading`: a read is on its way
    property string emptyText: qsTr("Nothing here.")
    readonly property bool loading: count === 0 && error === "" && sync !== null && sync.state === "syncing"
    visible: count === 0 || error !== ""
    text: error !== "" ? qsTr("Could not read the list: %1").arg(error)
        : reading ? qsTr("Loading…")
        : loading ? qsTr("Loading… the records arrive with the sync.")
        : emptyText
    color: error !== "" ? Style.fail : Style.muted
    font.pixelSize: 15
    wrapMode: Text.Wrap
    horizontalAlignment: Text.AlignHCenter
    padding: 16
}
