pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Random draw (双随机, coordinator): the rules of the draw, "commit" (only the hash of a secret
// seed leaves the device), then, once the server has fixed the commitment, "reveal" (the draw
// runs and the server makes the tasks); the seed, pool, pairs and a re-run check of every draw.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "deskDrawPage"
    property string selectedId: ""
    property int revision: 0
    readonly property var draw: { revision; return draws.byId(selectedId) }
    property var verifyResult: ({})

    DeskDraws {
        id: desk
        session: page.app
        objectName: "deskDraws"
        // The re-run happens off the GUI thread; its outcome arrives here.
        onVerified: (r) => { if (r.id === page.selectedId) page.verifyResult = r }
    }
    DeskDrawModel { id: draws; session: page.app; objectName: "deskDrawModel"; onCountChanged: page.revision++ }
    DeskTaskModel { id: drawTasks; session: page.app; drawId: page.selectedId !== "" ? page.selectedId : "-"; status: "all" }

    function commit() {
        var r = desk.commit({ "title": drawTitle.text, "k": k.value, "inspectorsPerSite": perSite.value,
                              "category": category.editText, "academicOnly": academicOnly.checked,
                              "keyTargetsOnly": keyOnly.checked, "weightKeyTargets": weight.checked,
                              "excludeOwnZone": ownZone.checked, "excludeRecentDays": recent.value,
                              "windowStart": drawFrom.ms, "windowEnd": drawTo.ms, "covert": covert.checked })
        if (notice.show(r, qsTr("Committed. Seed hash %1 goes to the server with the next sync; then reveal.").arg(r.seedHash || ""))) {
            selectedId = r.id
            verifyResult = {}
        }
        return r
    }
    function reveal() {
        var r = desk.reveal(selectedId)
        notice.show(r, qsTr("Drawn: %n site(s). The server makes the tasks when this syncs.", "", r.pairs || 0))
        return r
    }
    function verify() {
        verifyResult = {}
        desk.verify(selectedId)
    }

    header: DeskHeader { app: page.app; title: qsTr("Random draw (双随机)") }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        DeskNotice { id: notice; app: page.app; objectName: "drawNotice"; Layout.fillWidth: true }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            ScrollView {
                Layout.preferredWidth: 380
                Layout.minimumWidth: 380
                Layout.maximumWidth: 380
                Layout.fillWidth: false
                Layout.fillHeight: true
                contentWidth: availableWidth
                ColumnLayout {
                    width: parent.width
                    spacing: 4
                    DeskSectionTitle { text: qsTr("New draw") }
                    GridLayout {
                        columns: 2
                        Layout.fillWidth: true
                        Label { text: qsTr("Title") }
                        TextField { id: drawTitle; Layout.fillWidth: true; placeholderText: qsTr("e.g. 3月双随机抽查") }
                        Label { text: qsTr("Sites to draw") }
                        SpinBox { id: k; objectName: "drawK"; from: 1; to: 200; value: 5; editable: true }
                        Label { text: qsTr("Inspectors per site") }
                        SpinBox { id: perSite; from: 1; to: 5; value: 2; editable: true }
                        Label { text: qsTr("Category") }
                        ComboBox { id: category; Layout.fillWidth: true; editable: true; model: ["", "学科类", "艺术类", "体育类", "科技类", "托管"] }
                        Label { text: qsTr("Skip sites visited within (days)") }
                        SpinBox { id: recent; from: 0; to: 365; value: 90; editable: true }
                        Label { text: qsTr("From") }
                        DeskDateField { id: drawFrom; placeholderText: qsTr("today") }
                        Label { text: qsTr("Due") }
                        DeskDateField { id: drawTo; endOfDay: true; placeholderText: qsTr("in 7 days") }
                    }
                    CheckBox { id: academicOnly; text: qsTr("Academic institutions only") }
                    CheckBox { id: keyOnly; text: qsTr("Key targets only") }
                    CheckBox { id: weight; text: qsTr("Weight key targets, complaints and past violations"); checked: true }
                    CheckBox { id: ownZone; text: qsTr("Never a volunteer's own zone"); checked: true }
                    CheckBox { id: covert; text: qsTr("Covert visits (暗访)") }
                    Button {
                        objectName: "commitDrawButton"
                        text: qsTr("Commit")
                        highlighted: true
                        enabled: drawFrom.valid && drawTo.valid
                        onClicked: page.commit()
                    }
                    Label {
                        text: qsTr("Commit fixes the pool and the rules and sends only the hash of a secret seed. After the server has acknowledged it (sync), reveal runs the draw with the seed: nobody, not even this device, can choose the outcome.")
                        wrapMode: Text.Wrap; color: Style.muted; font.pixelSize: 13; Layout.fillWidth: true
                    }
                }
            }
            ColumnLayout {
                Layout.preferredWidth: 250
                Layout.minimumWidth: 250
                Layout.maximumWidth: 250
                Layout.fillWidth: false
                Layout.fillHeight: true
                DeskSectionTitle { text: qsTr("Draws (%1)").arg(draws.count) }
                ListView {
                    id: drawList
                    objectName: "drawList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 4
                    model: draws
                    delegate: ItemDelegate {
                        required property var drawId
                        required property var title
                        required property var k
                        required property var status
                        required property var statusLabel
                        required property var canReveal
                        required property var refusal
                        width: drawList.width
                        padding: 8
                        highlighted: drawId === page.selectedId
                        onClicked: { page.selectedId = drawId; page.verifyResult = {} }
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label { text: title || qsTr("Draw of %n site(s)", "", k); font.bold: true; color: Style.ink; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: statusLabel; color: status === "drawn" ? Style.pass : canReveal ? Style.primary : Style.warn; font.pixelSize: 13 }
                            Label { visible: refusal !== ""; text: refusal; color: Style.fail; font.pixelSize: 13; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        }
                        background: Rectangle { color: parent.highlighted ? Style.infoBg : Style.card; radius: 6; border.color: "#D0D0D0" }
                    }
                    ScrollBar.vertical: ScrollBar {}
                    DeskListState { sync: page.sync; anchors.fill: parent; count: draws.count; error: draws.error; reading: draws.loading; emptyText: qsTr("No draws yet.") }
                }
            }
            Pane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                padding: 12
                background: Rectangle { color: Style.card; radius: 6; border.color: "#D0D0D0" }
                Label { anchors.centerIn: parent; visible: page.selectedId === ""; text: qsTr("Choose a draw."); color: Style.muted }
                ScrollView {
                    anchors.fill: parent
                    visible: page.selectedId !== ""
                    contentWidth: availableWidth
                    ColumnLayout {
                        width: parent.width
                        spacing: 6
                        Label { text: page.draw.title || qsTr("Draw"); font.pixelSize: 18; font.bold: true; color: Style.ink; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        Label { text: page.draw.statusLabel || ""; font.bold: true; color: page.draw.status === "drawn" ? Style.pass : Style.warn }
                        Label { text: qsTr("Seed hash (commitment)"); color: Style.muted }
                        TextEdit { objectName: "drawSeedHash"; text: page.draw.seedHash || ""; readOnly: true; selectByMouse: true; font.family: "monospace"; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
                        RowLayout {
                            Button {
                                objectName: "revealButton"
                                text: qsTr("Reveal")
                                highlighted: true
                                visible: page.draw.status !== "drawn"
                                enabled: !!page.draw.canReveal
                                onClicked: page.reveal()
                            }
                            Button {
                                objectName: "syncForRevealButton"
                                visible: page.draw.status !== "drawn" && !page.draw.acknowledged
                                text: qsTr("Sync now")
                                enabled: page.sync.state !== "syncing"
                                onClicked: page.sync.syncNow()
                            }
                            Button {
                                objectName: "verifyButton"
                                text: qsTr("Verify")
                                visible: page.draw.status === "drawn"
                                enabled: !desk.verifying
                                onClicked: page.verify()
                            }
                        }
                        DeskBusy { objectName: "verifyBusy"; running: desk.verifying; text: qsTr("Re-running the draw…"); Layout.fillWidth: true }
                        Label {
                            visible: page.verifyResult.message !== undefined
                            text: page.verifyResult.ok ? "✓ " + page.verifyResult.message : "✗ " + (page.verifyResult.message || "")
                            color: page.verifyResult.ok ? Style.pass : Style.fail
                            font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true
                        }
                        GridLayout {
                            visible: page.draw.status === "drawn"
                            columns: 2
                            Layout.fillWidth: true
                            Label { text: qsTr("Seed"); color: Style.muted }
                            TextEdit { text: page.draw.seed || ""; readOnly: true; selectByMouse: true; font.family: "monospace"; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
                            Label { text: qsTr("Commitment seq"); color: Style.muted }
                            Label { text: String(page.draw.commitSeq || 0) }
                            Label { text: qsTr("Algorithm"); color: Style.muted }
                            Label { text: page.draw.algorithm || "" }
                            Label { text: qsTr("Pool"); color: Style.muted }
                            Label { text: qsTr("%1 sites, %2 inspectors, %3 pairs excluded").arg(page.draw.poolSize || 0).arg(page.draw.inspectors || 0).arg(page.draw.excluded || 0) }
                            Label { text: qsTr("Tasks"); color: Style.muted }
                            Label { text: qsTr("%1 made by the server").arg(page.draw.taskCount || 0) }
                        }
                        DeskSectionTitle { visible: page.draw.status === "drawn"; text: qsTr("Pairs") }
                        Repeater {
                            model: page.draw.pairs || []
                            RowLayout {
                                required property int index
                                required property var modelData
                                Layout.fillWidth: true
                                Label { text: (index + 1) + "."; color: Style.muted }
                                Label { text: modelData.institution; font.bold: true; Layout.preferredWidth: 220; elide: Text.ElideRight }
                                Label { text: "→ " + modelData.inspectorNames.join("、"); Layout.fillWidth: true; wrapMode: Text.Wrap }
                            }
                        }
                        DeskSectionTitle { visible: drawTasks.count > 0; text: qsTr("Tasks made from this draw (%1)").arg(drawTasks.count) }
                        Repeater {
                            model: drawTasks
                            Label { required property var title; required property var assigneeNames; required property var statusLabel; text: "• " + title + " · " + assigneeNames.join("、") + " · " + statusLabel; Layout.fillWidth: true; elide: Text.ElideRight }
                        }
                    }
                }
            }
        }
    }
}
