pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A date typed as YYYY-MM-DD (local time). `ms` is its start (or, with endOfDay, its end) in unix
// milliseconds, 0 when empty; `valid` is false for text that is not a date.
TextField {
    id: field
    property bool endOfDay: false
    readonly property bool valid: text.trim() === "" || ms > 0
    readonly property real ms: {
        var m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim())
        if (!m) return 0
        var d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
        if (d.getMonth() !== Number(m[2]) - 1) return 0
        return endOfDay ? d.getTime() + 86400000 - 1000 : d.getTime()
    }
    function setMs(v) { text = v > 0 ? Qt.formatDate(new Date(v), "yyyy-MM-dd") : "" }
    placeholderText: "YYYY-MM-DD"
    inputMethodHints: Qt.ImhDate
    color: valid ? Style.ink : Style.fail
    Layout.preferredWidth: 130
}
