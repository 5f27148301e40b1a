pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// One report in full for the supervisor, and the decision on it: no violation, or a violation
// with one of the five discretion tiers, a rectification period and order, and a note.
ScrollView {
    id: view
    required property AppSession app
    property alias reportId: detail.reportId
    readonly property var report: detail.report
    signal decided(var result)
    signal pdfRequested(string reportId)
    contentWidth: availableWidth

    DeskReportDetail { id: detail; session: view.app; objectName: "deskReportDetail" }

    function resultLabel(r) { return r === "pass" ? qsTr("Pass") : r === "fail" ? qsTr("Fail") : r === "na" ? qsTr("N/A") : "—" }
    function decide() {
        var r = detail.decide({ "violation": violation.checked, "tier": tier.currentText, "rectificationDays": days.value,
                                "order": order.text, "note": note.text })
        decided(r)
        if (r.ok) { order.text = ""; note.text = "" }
        return r
    }

    ColumnLayout {
        width: view.availableWidth
        spacing: 8
        Label { visible: detail.error !== ""; text: detail.error; color: Style.fail; wrapMode: Text.Wrap; Layout.fillWidth: true }
        DeskBusy { objectName: "reportBusy"; running: detail.loading && !detail.ready; text: qsTr("Reading the report…"); Layout.fillWidth: true }
        ColumnLayout {
            visible: detail.ready
            Layout.fillWidth: true
            spacing: 6
            RowLayout {
                Layout.fillWidth: true
                Label { text: view.report.institution || qsTr("(unlisted site)"); font.pixelSize: 20; font.bold: true; color: Style.ink; wrapMode: Text.Wrap; Layout.fillWidth: true }
                Button { objectName: "reportPdfButton"; text: qsTr("PDF record"); onClicked: view.pdfRequested(detail.reportId) }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Tag { visible: !!view.report.flagged; text: qsTr("Flagged"); tone: Style.fail }
                Tag { visible: !!view.report.unlisted; text: qsTr("Unlisted site"); tone: Style.fail }
                Tag { visible: !!view.report.covert; text: qsTr("Covert visit"); tone: Style.covert }
                Tag { visible: !!view.report.mockLocation; text: qsTr("Simulated location"); tone: Style.warn }
                Tag { visible: !!view.report.decided; text: qsTr("Decided: %1").arg(view.report.caseTier || view.report.caseStatus || ""); tone: Style.pass }
            }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 12
                Label { text: qsTr("Inspector"); color: Style.muted }
                Label { text: view.report.inspector || "" }
                Label { text: qsTr("Inspected at"); color: Style.muted }
                Label { text: TimeFormat.display(view.report.time || 0) }
                Label { text: qsTr("Task"); color: Style.muted }
                Label { text: view.report.taskKindLabel || qsTr("(no task)") }
                Label { text: qsTr("Location"); color: Style.muted }
                Label {
                    text: view.report.hasGps ? qsTr("%1, %2 · ±%3 m · %4 m from the site").arg(Number(view.report.lat).toFixed(5)).arg(Number(view.report.lon).toFixed(5))
                                                 .arg(Math.round(view.report.accuracy)).arg(view.report.distance >= 0 ? Math.round(view.report.distance) : "?")
                                             : qsTr("no position fix")
                    wrapMode: Text.Wrap; Layout.fillWidth: true
                }
                Label { text: qsTr("Checklist"); color: Style.muted }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        objectName: "reportChecklistVersion"
                        text: (view.report.templateName || "") + " · " + qsTr("version %1").arg(view.report.templateVersion || 1)
                              + (view.report.newestTemplateVersion > view.report.templateVersion
                                 ? " " + qsTr("(the current version is %1)").arg(view.report.newestTemplateVersion) : "")
                        wrapMode: Text.Wrap; Layout.fillWidth: true
                    }
                    Label {
                        visible: (view.report.checklistChanges || []).length > 0
                        text: view.report.comparedVersion > view.report.templateVersion
                              ? qsTr("Changed in version %1 since this report's version:").arg(view.report.comparedVersion)
                              : qsTr("New in this version, compared with version %1:").arg(view.report.comparedVersion)
                        color: Style.muted; wrapMode: Text.Wrap; Layout.fillWidth: true
                    }
                    Repeater {
                        objectName: "reportChecklistChanges"
                        model: view.report.checklistChanges || []
                        delegate: Label {
                            required property string modelData
                            text: "• " + modelData
                            wrapMode: Text.Wrap; Layout.fillWidth: true
                        }
                    }
                }
                Label { text: qsTr("Signature"); color: Style.muted }
                Label {
                    objectName: "reportSignatureCheck"
                    text: !view.report.deviceKnown ? qsTr("device unknown here: cannot check")
                          : view.report.signatureOk ? qsTr("✓ valid (device key)") : qsTr("✗ does not verify")
                    color: view.report.signatureOk ? Style.pass : Style.fail; font.bold: true
                }
                Label { text: qsTr("Receipt"); color: Style.muted }
                Label {
                    text: view.report.hasReceipt ? qsTr("#%1 · server time %2 · %3").arg(view.report.receiptSeq).arg(TimeFormat.display(view.report.receiptTime))
                                                   .arg(view.report.receiptOk ? qsTr("✓ checked") : qsTr("✗ does not check"))
                                                 : qsTr("no receipt on this device yet")
                    color: view.report.hasReceipt && view.report.receiptOk ? Style.pass : Style.warn
                    wrapMode: Text.Wrap; Layout.fillWidth: true
                }
                Label { text: qsTr("Verification"); color: Style.muted }
                Label { text: view.report.verification || ""; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: 13 }
                Label { visible: !!view.report.notes; text: qsTr("Notes"); color: Style.muted }
                Label { visible: !!view.report.notes; text: view.report.notes || ""; wrapMode: Text.Wrap; Layout.fillWidth: true }
            }
            DeskSectionTitle { text: qsTr("Answers") }
            Repeater {
                model: detail.answers
                Pane {
                    required property var modelData
                    Layout.fillWidth: true
                    padding: 6
                    background: Rectangle { color: modelData.result === "fail" ? Style.errorBg : Style.card; radius: 4; border.color: "#E0E0E0" }
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 2
                        RowLayout {
                            Layout.fillWidth: true
                            Label { text: modelData.code; font.bold: true; color: Style.muted; Layout.preferredWidth: 36 }
                            Label { text: modelData.text; wrapMode: Text.Wrap; Layout.fillWidth: true }
                            Tag { visible: modelData.severity === "critical"; text: qsTr("critical"); tone: Style.fail }
                            Label {
                                text: view.resultLabel(modelData.result); font.bold: true
                                color: modelData.result === "fail" ? Style.fail : modelData.result === "pass" ? Style.pass : Style.muted
                            }
                        }
                        Label { visible: modelData.note !== ""; text: modelData.note; color: Style.ink; wrapMode: Text.Wrap; Layout.fillWidth: true; leftPadding: 40; font.italic: true }
                        Flow {
                            visible: modelData.photos.length > 0
                            Layout.fillWidth: true
                            leftPadding: 40
                            spacing: 6
                            Repeater {
                                model: modelData.photos
                                DeskPhoto { required property var modelData; hex: modelData.hex; onDevice: modelData.onDevice }
                            }
                        }
                    }
                }
            }
            DeskSectionTitle { text: qsTr("Photos and signature") }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                Repeater {
                    model: detail.blobs
                    DeskPhoto { required property var modelData; hex: modelData.hex; onDevice: modelData.onDevice; caption: modelData.kind === "signature" ? qsTr("signature") : "" }
                }
            }
            Label { visible: detail.blobs.length === 0; text: qsTr("No photos."); color: Style.muted }
            Label { visible: detail.fetching; text: qsTr("Downloading photos from the server…"); color: Style.muted }
            RowLayout {
                visible: detail.fetchError !== "" && !detail.fetching
                Layout.fillWidth: true
                Label { text: qsTr("Photos could not be downloaded: %1").arg(detail.fetchError); color: Style.fail; wrapMode: Text.Wrap; Layout.fillWidth: true }
                Button { text: qsTr("Try again"); onClicked: detail.fetchPhotos() }
            }

            // The decision
            Pane {
                Layout.fillWidth: true
                Layout.topMargin: 8
                background: Rectangle { color: Style.infoBg; radius: 6 }
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 6
                    DeskSectionTitle { text: view.report.decided ? qsTr("Decided") : qsTr("Decision") }
                    Label {
                        visible: !!view.report.decided
                        text: qsTr("Case %1: %2").arg(view.report.caseStatus || "").arg(view.report.caseTier || "")
                    }
                    ColumnLayout {
                        visible: !view.report.decided
                        Layout.fillWidth: true
                        RowLayout {
                            RadioButton { id: noViolation; objectName: "noViolationRadio"; text: qsTr("No violation"); checked: true }
                            RadioButton { id: violation; objectName: "violationRadio"; text: qsTr("Violation") }
                        }
                        GridLayout {
                            visible: violation.checked
                            columns: 2
                            Layout.fillWidth: true
                            Label { text: qsTr("Discretion tier") }
                            ComboBox { id: tier; objectName: "tierBox"; model: detail.tiers; currentIndex: 2 }
                            Label { text: qsTr("Rectification (days)") }
                            SpinBox { id: days; from: 1; to: 365; value: 15; editable: true }
                            Label { text: qsTr("Order (整改要求)") }
                            TextArea { id: order; objectName: "orderText"; Layout.fillWidth: true; wrapMode: TextEdit.Wrap; placeholderText: qsTr("What must be put right") }
                        }
                        Label { text: qsTr("Note") }
                        TextArea { id: note; Layout.fillWidth: true; wrapMode: TextEdit.Wrap }
                        Button {
                            objectName: "decideButton"
                            text: violation.checked ? qsTr("Decide: violation (%1)").arg(tier.currentText) : qsTr("Decide: no violation")
                            highlighted: true
                            onClicked: view.decide()
                        }
                    }
                }
            }
        }
    }
}
