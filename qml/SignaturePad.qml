pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Draws a signature with a finger (or mouse). Emits the strokes when a stroke ends, so the draft
// keeps them; `strokes` can be set to redraw a saved signature.
Item {
    id: pad
    objectName: "signaturePad"
    property var strokes: []
    readonly property bool empty: strokes.length === 0
    signal strokesEdited(var strokes)

    implicitHeight: 220
    property var _current: []

    function clear() { strokes = []; _current = []; canvas.requestPaint(); strokesEdited(strokes) }
    onStrokesChanged: canvas.requestPaint()

    Rectangle { anchors.fill: parent; color: "white"; border.color: "#757575"; border.width: 1; radius: 4 }
    Label {
        anchors.centerIn: parent
        visible: pad.empty && pad._current.length === 0
        text: qsTr("Sign here")
        color: "#9E9E9E"; font.pixelSize: 22
    }
    Rectangle { x: 16; width: parent.width - 32; y: parent.height * 0.75; height: 1; color: "#BDBDBD" }

    Canvas {
        id: canvas
        anchors.fill: parent
        onPaint: {
            var ctx = getContext("2d")
            ctx.reset()
            ctx.lineWidth = 3
            ctx.lineCap = "round"
            ctx.lineJoin = "round"
            ctx.strokeStyle = "#0A0A0A"
            var all = pad.strokes.concat(pad._current.length ? [pad._current] : [])
            for (var s = 0; s < all.length; ++s) {
                var st = all[s]
                if (st.length < 2) continue
                ctx.beginPath()
                ctx.moveTo(st[0].x, st[0].y)
                for (var i = 1; i < st.length; ++i) ctx.lineTo(st[i].x, st[i].y)
                ctx.stroke()
            }
        }
    }
    MouseArea {
        id: area
        objectName: "signatureArea"
        anchors.fill: parent
        preventStealing: true
        onPressed: (mouse) => { pad._current = [{ "x": mouse.x, "y": mouse.y }] }
        onPositionChanged: (mouse) => {
            var c = pad._current
            c.push({ "x": mouse.x, "y": mouse.y })
            pad._current = c
            canvas.requestPaint()
        }
        onReleased: {
            if (pad._current.length > 1) {
                var all = pad.strokes.slice()
                all.push(pad._current)
                pad.strokes = all
                pad.strokesEdited(all)
            }
            pad._current = []
        }
    }
}
