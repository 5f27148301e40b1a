import QtQuick
import QtQuick.Dialogs

// Not `pragma ComponentBehavior: Bound`: Qt 6.4 then refuses the components this file loads
// ("Cannot instantiate bound component outside its creation context").

// A file to read (CSV import) or to write (exports), the way FileDialogLoader picks photos: the
// platform's dialog on a desktop. The dialog exists only while it is open, so that none outlives
// the window. Tests call the page's handler with a file URL directly.
Item {
    id: root
    property bool save: false
    property string title: save ? qsTr("Save as") : qsTr("Open a file")
    property var nameFilters: [qsTr("CSV files") + " (*.csv *.txt)"]
    property string suggestedName: ""
    signal picked(url fileUrl)
    function open() {
        loader.active = true
        var dialog = loader.item
        if (save && suggestedName !== "") dialog.selectedFile = dialog.currentFolder + "/" + suggestedName
        dialog.open()
    }
    function done() { Qt.callLater(function () { loader.active = false }) }
    Loader {
        id: loader
        active: false
        sourceComponent: FileDialog {
            title: root.title
            fileMode: root.save ? FileDialog.SaveFile : FileDialog.OpenFile
            nameFilters: root.nameFilters
            onAccepted: { root.picked(selectedFile); root.done() }
            onRejected: root.done()
        }
    }
}
