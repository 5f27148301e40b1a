pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Dialogs

// The photo picker: the platform's camera or gallery on a phone, a file dialog on a desktop.
Item {
    id: root
    signal picked(url fileUrl)
    function open() { dialog.open() }
    FileDialog {
        id: dialog
        title: qsTr("Choose a photo")
        nameFilters: [qsTr("Images") + " (*.jpg *.jpeg *.png *.heic)"]
        onAccepted: root.picked(selectedFile)
    }
}
