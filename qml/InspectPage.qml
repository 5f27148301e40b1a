import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Not `pragma ComponentBehavior: Bound`: Qt 6.4 then refuses the components this file loads
// ("Cannot instantiate bound component outside its creation context").

// An inspection, step by step. Every change is already saved as a draft: closing the page or
// killing the app loses nothing, and the same step opens next time.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "inspectPage"
    property alias taskId: session.taskId
    property alias unlisted: session.unlisted
    property alias session: session
    signal closed()

    InspectionSession { id: session; app: page.app; objectName: "inspection" }

    readonly property var stepList: session.steps
    readonly property var current: stepList[session.currentStep] || ({ "code": "", "title": "" })
    readonly property bool lastStep: session.currentStep >= stepList.length - 1

    function next() { if (!lastStep) session.currentStep = session.currentStep + 1 }
    function previous() { if (session.currentStep > 0) session.currentStep = session.currentStep - 1 }
    // The photo picker's result, also what tests call.
    function attachPhoto(fileUrl, itemCode) { return session.addPhoto(fileUrl, itemCode) }

    header: ToolBar {
        Material.background: Style.card
        ColumnLayout {
            anchors.fill: parent
            spacing: 0
            RowLayout {
                Layout.fillWidth: true
                ToolButton { objectName: "inspectClose"; text: "‹ " + qsTr("Save and close"); onClicked: { page.app.openInspection = ""; page.closed() } }
                Label {
                    text: session.institutionName || session.title
                    font.pixelSize: 16; font.bold: true; color: Style.ink; elide: Text.ElideRight; Layout.fillWidth: true
                }
                Tag { visible: session.covert; text: qsTr("Covert"); tone: Style.covert; Layout.rightMargin: 8 }
            }
            Label {
                objectName: "stepTitle"
                text: qsTr("Step %1 of %2: %3").arg(session.currentStep + 1).arg(stepList.length).arg(current.title)
                font.pixelSize: 14; color: Style.primary; Layout.leftMargin: 12; Layout.bottomMargin: 4
                elide: Text.ElideRight; Layout.fillWidth: true
            }
            ProgressBar { Layout.fillWidth: true; value: (session.currentStep + 1) / Math.max(1, stepList.length) }
        }
    }

    Label {
        visible: !session.ready
        anchors.centerIn: parent
        width: parent.width - 40
        wrapMode: Text.Wrap
        text: session.loadError
        color: Style.fail
    }

    Loader {
        id: stepLoader
        objectName: "stepLoader"
        anchors.fill: parent
        visible: session.ready && !done.visible
        sourceComponent: {
            switch (page.current.code) {
            case "site": return siteStep
            case "S1": return checkInStep
            case "S2": return badgeStep
            case "S8": return evidenceStep
            case "review": return reviewStep
            case "": return null
            default: return checklistStep
            }
        }
    }
    Component { id: siteStep; UnlistedSiteForm { session: page.session } }
    Component { id: checkInStep; CheckInStep { session: page.session } }
    Component {
        id: badgeStep
        ScrollView {
            contentWidth: availableWidth
            ColumnLayout {
                width: parent.width
                Label {
                    text: qsTr("Show your badge and say why you are here. The person may scan the QR to check you.")
                    wrapMode: Text.Wrap; font.pixelSize: 16; Layout.fillWidth: true; Layout.margins: 16
                }
                BadgeView { app: page.app; Layout.alignment: Qt.AlignHCenter }
            }
        }
    }
    Component { id: checklistStep; ChecklistStepView { session: page.session; step: page.current.code; onAttachRequested: (code) => photoPicker.pick(code) } }
    Component { id: evidenceStep; EvidenceStep { session: page.session; onAttachRequested: (code) => photoPicker.pick(code) } }
    Component { id: reviewStep; ReviewStep { session: page.session; onGoToStep: (i) => session.currentStep = i } }

    QtObject {
        id: photoPicker
        property string itemCode: ""
        function pick(code) { itemCode = code; fileDialog.open() }
    }
    FileDialogLoader { id: fileDialog; onPicked: (url) => page.attachPhoto(url, photoPicker.itemCode) }

    // After submitting: what happened and what comes next.
    Pane {
        id: done
        objectName: "submittedPane"
        visible: session.submittedReportId !== ""
        anchors.fill: parent
        ColumnLayout {
            anchors.centerIn: parent
            width: parent.width - 40
            spacing: 12
            Label { text: "✓"; font.pixelSize: 64; color: Style.pass; Layout.alignment: Qt.AlignHCenter }
            Label { text: qsTr("Report signed and saved on this phone"); font.pixelSize: 20; font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true; horizontalAlignment: Text.AlignHCenter }
            Label {
                text: page.sync.state === "idle" ? qsTr("The server has received it.") : qsTr("It will be sent as soon as there is a connection. Its receipt appears in History.")
                wrapMode: Text.Wrap; Layout.fillWidth: true; horizontalAlignment: Text.AlignHCenter; font.pixelSize: 16
            }
            Button { objectName: "doneButton"; text: qsTr("Back to today"); highlighted: true; Layout.fillWidth: true; onClicked: page.closed() }
        }
    }

    footer: ToolBar {
        visible: session.ready && !done.visible
        Material.background: Style.card
        RowLayout {
            anchors.fill: parent
            anchors.margins: 6
            Button {
                objectName: "prevButton"
                text: qsTr("Back")
                enabled: session.currentStep > 0
                Layout.preferredHeight: Style.touch
                Layout.fillWidth: true
                onClicked: page.previous()
            }
            Button {
                objectName: "nextButton"
                visible: !page.lastStep
                text: qsTr("Next")
                highlighted: true
                Layout.preferredHeight: Style.touch
                Layout.fillWidth: true
                onClicked: page.next()
            }
            Button {
                objectName: "submitButton"
                visible: page.lastStep
                text: qsTr("Sign and submit")
                highlighted: true
                enabled: session.canSubmit
                Material.accent: Style.pass
                Layout.preferredHeight: Style.touch
                Layout.fillWidth: true
                onClicked: session.submit()
            }
        }
    }
}
