pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Ducha.Core

// Coverage (全覆盖): for a period or a campaign, how many institutions of each district and zone
// were inspected (a bar each), which were not, which key targets a campaign still misses, and
// what each volunteer did. Exported as CSV.
Page {
    id: page
    required property AppSession app
    required property SyncController sync
    objectName: "deskCoveragePage"
    property int days: 30

    DeskCoverageModel { id: coverage; session: page.app; objectName: "deskCoverageModel" }
    DeskCampaignModel { id: campaigns; session: page.app }
    DeskExports {
        id: exports
        session: page.app
        // The file is written off the GUI thread; its outcome arrives here.
        onExported: (r) => notice.show(r, qsTr("Saved %n row(s) to %1.", "", r.rows || 0).arg(r.path || ""))
    }

    function applyDays(n) {
        days = n
        fromField.text = ""
        toField.text = ""
        var now = Date.now()
        coverage.setQuery(now - n * 86400000, now, campaignBox.currentValue || "")
    }
    function applyRange() {
        coverage.setQuery(fromField.ms, toField.ms, campaignBox.currentValue || "")
    }
    function exportCsv(fileUrl) {
        notice.clear()
        exports.exportTable("coverage", "csv", fileUrl,
                            { "fromMs": coverage.fromMs, "toMs": coverage.toMs, "campaignId": coverage.campaignId })
    }
    function percent(a, b) { return b > 0 ? Math.round(100 * a / b) + "%" : "—" }

    header: DeskHeader {
        app: page.app
        title: qsTr("Coverage")
        Button { objectName: "coverageExportButton"; text: exports.busy ? qsTr("Exporting…") : qsTr("Export CSV"); enabled: !exports.busy; onClicked: saveDialog.open() }
    }
    DeskFileDialog {
        id: saveDialog
        save: true
        nameFilters: [qsTr("CSV files") + " (*.csv)"]
        suggestedName: exports.suggestedName("coverage", "csv")
        onPicked: (url) => page.exportCsv(url)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        DeskNotice { id: notice; app: page.app; objectName: "coverageNotice"; Layout.fillWidth: true }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Button { text: qsTr("Last 7 days"); highlighted: page.days === 7 && fromField.text === ""; onClicked: page.applyDays(7) }
            Button { text: qsTr("Last 30 days"); highlighted: page.days === 30 && fromField.text === ""; onClicked: page.applyDays(30) }
            Button { text: qsTr("Last 90 days"); highlighted: page.days === 90 && fromField.text === ""; onClicked: page.applyDays(90) }
            Label { text: qsTr("From"); topPadding: 14 }
            DeskDateField { id: fromField }
            Label { text: qsTr("to"); topPadding: 14 }
            DeskDateField { id: toField; endOfDay: true }
            Button { text: qsTr("Apply"); enabled: fromField.ms > 0 && toField.ms > 0; onClicked: { page.days = 0; page.applyRange() } }
            Label { text: qsTr("Campaign"); topPadding: 14 }
            ComboBox {
                id: campaignBox
                objectName: "coverageCampaign"
                width: 200
                textRole: "label"; valueRole: "key"
                model: {
                    var m = [{ "key": "", "label": qsTr("(none)") }]
                    for (var i = 0; i < campaigns.count; ++i) m.push({ "key": campaigns.get(i).campaignId, "label": campaigns.get(i).name })
                    return m
                }
                // A campaign brings its own period.
                onActivated: coverage.setQuery(currentValue ? 0 : coverage.fromMs, currentValue ? 0 : coverage.toMs, currentValue)
            }
        }
        Label {
            text: qsTr("%1 of %2 institutions inspected (%3)").arg(coverage.inspected).arg(coverage.institutions).arg(page.percent(coverage.inspected, coverage.institutions))
                  + (coverage.fromMs > 0 ? " · " + Qt.formatDate(new Date(coverage.fromMs), "yyyy-MM-dd") + " – " + Qt.formatDate(new Date(coverage.toMs), "yyyy-MM-dd") : "")
            font.pixelSize: 16; font.bold: true; color: Style.ink
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            // The bar chart: one bar per district and zone, the inspected share filled.
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                DeskSectionTitle { text: qsTr("By district and zone") }
                ListView {
                    id: chart
                    objectName: "coverageChart"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 3
                    model: coverage
                    delegate: RowLayout {
                        required property var name
                        required property var level
                        required property var ratio
                        required property var inspected
                        required property var total
                        width: chart.width
                        height: level === "district" ? 30 : 24
                        spacing: 8
                        Label {
                            text: name
                            Layout.preferredWidth: 170
                            leftPadding: level === "zone" ? 16 : 0
                            font.bold: level === "district"
                            color: Style.ink
                            elide: Text.ElideRight
                        }
                        Rectangle {
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.topMargin: 3
                            Layout.bottomMargin: 3
                            color: "#E6E6E6"
                            radius: 3
                            Rectangle {
                                width: parent.width * Math.max(0, Math.min(1, ratio))
                                height: parent.height
                                radius: 3
                                color: ratio >= 0.9 ? Style.pass : ratio >= 0.5 ? Style.primary : Style.fail
                            }
                        }
                        Label { text: inspected + " / " + total + " · " + page.percent(inspected, total); Layout.preferredWidth: 120; color: Style.muted; font.pixelSize: 13 }
                    }
                    ScrollBar.vertical: ScrollBar {}
                    DeskListState { sync: page.sync; anchors.fill: parent; count: coverage.count; error: coverage.error; reading: coverage.loading; emptyText: qsTr("No institutions in scope.") }
                }
            }
            ColumnLayout {
                Layout.preferredWidth: 400
                Layout.minimumWidth: 400
                Layout.maximumWidth: 400
                Layout.fillWidth: false
                Layout.fillHeight: true
                spacing: 6
                // A campaign's progress and the key targets it still misses.
                Pane {
                    visible: coverage.campaign.name !== undefined
                    Layout.fillWidth: true
                    background: Rectangle { color: Style.infoBg; radius: 6 }
                    ColumnLayout {
                        anchors.fill: parent
                        Label { text: qsTr("Campaign: %1").arg(coverage.campaign.name || ""); font.bold: true }
                        Label { text: qsTr("%1 of %2 institutions visited often enough").arg(coverage.campaign.met || 0).arg(coverage.campaign.targets || 0) }
                        Label {
                            text: (coverage.campaign.missedKeyTargets || []).length === 0 ? qsTr("No key target missed.")
                                  : qsTr("Key targets not visited: %1").arg((coverage.campaign.missedKeyTargets || []).map(function (m) { return m.name }).join("、"))
                            color: (coverage.campaign.missedKeyTargets || []).length === 0 ? Style.pass : Style.fail
                            wrapMode: Text.Wrap; Layout.fillWidth: true
                        }
                    }
                }
                DeskSectionTitle { text: qsTr("Not inspected (%1)").arg(coverage.uncovered.length) }
                ListView {
                    id: uncoveredList
                    objectName: "uncoveredList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: coverage.uncovered
                    delegate: Label { required property var modelData; width: uncoveredList.width; text: "• " + modelData.name; elide: Text.ElideRight; padding: 2 }
                    ScrollBar.vertical: ScrollBar {}
                    DeskListState { sync: page.sync; anchors.fill: parent; count: coverage.uncovered.length; error: coverage.error; reading: coverage.loading; emptyText: qsTr("Every institution was inspected.") }
                }
                DeskSectionTitle { text: qsTr("Volunteer activity") }
                ListView {
                    id: volList
                    objectName: "activityList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: coverage.volunteers
                    delegate: RowLayout {
                        required property var modelData
                        width: volList.width
                        Label { text: modelData.name; Layout.preferredWidth: 110; elide: Text.ElideRight; color: modelData.visits === 0 ? Style.fail : Style.ink }
                        Label { text: qsTr("%n visit(s)", "", modelData.visits) + " · " + qsTr("%n site(s)", "", modelData.institutions); Layout.fillWidth: true; color: Style.muted; font.pixelSize: 13 }
                        Label { text: modelData.lastVisit > 0 ? TimeFormat.display(modelData.lastVisit) : qsTr("no visit"); color: Style.muted; font.pixelSize: 13 }
                    }
                    ScrollBar.vertical: ScrollBar {}
                    DeskListState { sync: page.sync; anchors.fill: parent; count: coverage.volunteers.length; error: coverage.error; reading: coverage.loading; emptyText: qsTr("No volunteers in scope.") }
                }
            }
        }
    }
}
