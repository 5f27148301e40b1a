import QtQuick
import QtTest
import Ducha
import Ducha.Core

// SignaturePad with real mouse input: strokes, taps, clear(), and strokes restored from a draft.
// TestCase itself is an invisible item: the views under test are created in this visible root.
Item {
    id: root
    width: 400
    height: 300

    TestCase {
        id: tc
        name: "SignaturePad"
        when: windowShown

        Component {
            id: padComponent
            SignaturePad {
                x: 20; y: 20
                width: 360; height: 220
            }
        }
        Component {
            id: spyComponent
            SignalSpy { signalName: "strokesEdited" }
        }

        property var pad: null
        property var area: null
        property var spy: null

        function init() {
            pad = createTemporaryObject(padComponent, root)
            verify(pad !== null, "SignaturePad was created")
            area = findChild(pad, "signatureArea")
            verify(area !== null, "the pad has its drawing area")
            spy = createTemporaryObject(spyComponent, tc, { target: pad })
            verify(spy.valid)
            waitForRendering(pad)
        }

        // A zig-zag across the pad, in the area's coordinates.
        readonly property var zigzag: [Qt.point(40, 60), Qt.point(90, 140), Qt.point(140, 60),
                                       Qt.point(190, 140), Qt.point(240, 60), Qt.point(290, 140)]
        readonly property var line2: [Qt.point(60, 180), Qt.point(160, 190), Qt.point(260, 180)]

        function draw(points) {
            mousePress(area, points[0].x, points[0].y, Qt.LeftButton)
            for (var i = 1; i < points.length; ++i)
                mouseMove(area, points[i].x, points[i].y, 10, Qt.LeftButton)
            mouseRelease(area, points[points.length - 1].x, points[points.length - 1].y, Qt.LeftButton)
        }

        function isDark(c) { return c.r < 0.3 && c.g < 0.3 && c.b < 0.3 }

        // Dark pixels near the middles of the segments of the given polyline (the ink is 3 px wide).
        function inkAlong(img, points) {
            var hits = 0
            for (var i = 1; i < points.length; ++i) {
                var mx = Math.round((points[i - 1].x + points[i].x) / 2)
                var my = Math.round((points[i - 1].y + points[i].y) / 2)
                var hit = false
                for (var dx = -2; dx <= 2 && !hit; ++dx)
                    for (var dy = -2; dy <= 2 && !hit; ++dy)
                        hit = isDark(img.pixel(mx + dx, my + dy))
                if (hit) ++hits
            }
            return hits
        }

        // Dark pixels on a grid over the whole pad (inside its border).
        function darkOnGrid(img) {
            var n = 0
            for (var x = 4; x < img.width - 4; x += 3)
                for (var y = 4; y < img.height - 4; y += 3)
                    if (isDark(img.pixel(x, y))) ++n
            return n
        }

        function test_starts_empty() {
            compare(pad.strokes.length, 0)
            verify(pad.empty)
            compare(spy.count, 0)
            compare(darkOnGrid(grabImage(pad)), 0, "a blank pad has no ink")
        }

        function test_drawing_adds_one_stroke() {
            draw(zigzag)
            compare(pad.strokes.length, 1, "one stroke")
            verify(!pad.empty)
            verify(pad.strokes[0].length > 2, "the stroke keeps its points: " + pad.strokes[0].length)
            compare(spy.count, 1, "strokesEdited once, when the stroke ended")
            compare(spy.signalArguments[0][0].length, 1, "the signal carries the strokes")
            var first = pad.strokes[0][0]
            fuzzyCompare(first.x, zigzag[0].x, 1)
            fuzzyCompare(first.y, zigzag[0].y, 1)
            var last = pad.strokes[0][pad.strokes[0].length - 1]
            fuzzyCompare(last.x, zigzag[zigzag.length - 1].x, 1)
            fuzzyCompare(last.y, zigzag[zigzag.length - 1].y, 1)
            tryVerify(function() { return inkAlong(grabImage(pad), zigzag) === zigzag.length - 1 }, 3000,
                      "ink along every segment of the zig-zag")
        }

        function test_tap_adds_no_stroke() {
            mousePress(area, 100, 100, Qt.LeftButton)
            mouseRelease(area, 100, 100, Qt.LeftButton)
            compare(pad.strokes.length, 0, "a tap is not a stroke")
            verify(pad.empty)
            compare(spy.count, 0)
            mouseClick(area, 200, 120)
            compare(pad.strokes.length, 0)
            compare(spy.count, 0)
        }

        function test_second_stroke() {
            draw(zigzag)
            draw(line2)
            compare(pad.strokes.length, 2)
            compare(spy.count, 2)
            compare(spy.signalArguments[1][0].length, 2)
            verify(pad.strokes[1].length >= 3)
            fuzzyCompare(pad.strokes[1][0].x, line2[0].x, 1)
            // The first stroke is unchanged by the second.
            fuzzyCompare(pad.strokes[0][0].x, zigzag[0].x, 1)
        }

        function test_clear_empties_and_emits() {
            draw(zigzag)
            draw(line2)
            tryVerify(function() { return inkAlong(grabImage(pad), zigzag) > 0 }, 3000, "ink before clear")
            spy.clear()
            pad.clear()
            compare(pad.strokes.length, 0)
            verify(pad.empty)
            compare(spy.count, 1, "clear() emits strokesEdited")
            compare(spy.signalArguments[0][0].length, 0, "with no strokes")
            tryVerify(function() { return darkOnGrid(grabImage(pad)) === 0 }, 3000, "no ink left after clear")
            compare(inkAlong(grabImage(pad), zigzag), 0)
            compare(inkAlong(grabImage(pad), line2), 0)
        }

        function test_strokes_set_from_outside_are_drawn() {
            draw(zigzag)
            var saved = JSON.parse(JSON.stringify(pad.strokes))  // what a draft would hold
            pad.clear()
            tryVerify(function() { return darkOnGrid(grabImage(pad)) === 0 }, 3000)
            spy.clear()

            pad.strokes = saved
            compare(pad.strokes.length, 1)
            verify(!pad.empty)
            compare(spy.count, 0, "restoring is not an edit")
            tryVerify(function() { return inkAlong(grabImage(pad), zigzag) === zigzag.length - 1 }, 3000,
                      "the restored signature is drawn")

            // Drawing continues from the restored strokes.
            draw(line2)
            compare(pad.strokes.length, 2)
            compare(spy.count, 1)
        }
    }
}
