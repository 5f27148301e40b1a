pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// The sync state, always on screen: offline / syncing with progress / N waiting / error / up to date.
// Each value follows `sync` (the app's SyncController, from Main.qml); tests set them directly.
Rectangle {
    id: banner
    objectName: "syncBanner"
    property SyncController sync: null
    property string syncState: sync ? sync.state : "idle"
    property string phase: sync ? sync.phase : ""
    property real done: sync ? sync.progressDone : 0
    property real total: sync ? sync.progressTotal : 0
    property int pending: sync ? sync.pendingChanges : 0
    property int photos: sync ? sync.pendingPhotos : 0
    property int setAside: sync ? sync.setAside : 0
    property string lastError: sync ? sync.lastError : ""
    property real lastComplete: sync ? sync.lastCompleteSync : 0
    signal syncRequested()

    readonly property string message: {
        switch (syncState) {
        case "syncing":
            var what = phase === "upload" ? qsTr("uploading photos") : phase === "pull" ? qsTr("receiving")
                     : phase === "recover" ? qsTr("the server was restored from a backup, sending your records again")
                     : qsTr("sending")
            return qsTr("Syncing: %1").arg(what) + (total > 0 ? " " + Math.round(100 * done / total) + "%" : "…")
        case "offline":
            return qsTr("Offline") + (pending + photos > 0 ? " · " + waitingText : " · " + qsTr("nothing is lost, it will send later"))
        case "error":
            return qsTr("Sync failed: %1").arg(lastError)
        case "waiting":
            return waitingText
        default:
            return lastComplete > 0 ? qsTr("Up to date · %1").arg(TimeFormat.display(lastComplete)) : qsTr("Not synced yet")
        }
    }
    readonly property string waitingText: {
        var parts = []
        if (pending > 0) parts.push(qsTr("%n change(s) waiting", "", pending))
        if (photos > 0) parts.push(qsTr("%n photo(s) waiting", "", photos))
        return parts.join(" · ")
    }

    implicitHeight: Math.max(Style.touch, row.implicitHeight + 8)
    color: syncState === "error" ? Style.errorBg : syncState === "offline" ? Style.offlineBg
         : syncState === "waiting" ? Style.warnBg : syncState === "syncing" ? Style.infoBg : Style.okBg

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 12; anchors.rightMargin: 4
        spacing: 8
        Rectangle {
            width: 12; height: 12; radius: 6
            color: syncState === "error" ? Style.fail : syncState === "offline" ? Style.muted
                 : syncState === "waiting" ? Style.warn : syncState === "syncing" ? Style.primary : Style.pass
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                objectName: "syncBannerText"
                Layout.fillWidth: true
                text: banner.message
                color: Style.ink
                font.pixelSize: 15
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Label {
                visible: setAside > 0
                text: qsTr("%n change(s) refused, see History", "", setAside)
                color: Style.fail
                font.pixelSize: 13
            }
            ProgressBar {
                objectName: "syncProgress"
                visible: syncState === "syncing"
                Layout.fillWidth: true
                indeterminate: total <= 0
                value: total > 0 ? done / total : 0
            }
        }
        Button {
            objectName: "syncNowButton"
            text: syncState === "error" ? qsTr("Retry") : qsTr("Sync")
            enabled: syncState !== "syncing"
            flat: true
            Layout.preferredHeight: Style.touch
            onClicked: { banner.syncRequested(); if (banner.sync) banner.sync.syncNow() }
        }
    }
}
